//! Atomic file writes and the config lock.
