//! `qubernetes.yaml`: the document layer (lossless edits) and the typed model.
