//! The join bundle exchanged between organisations (`export-external` → `add-external`).
