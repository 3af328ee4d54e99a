//! Operations: the steps of each command, over the pure domain modules.
