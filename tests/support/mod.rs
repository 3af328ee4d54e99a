//! Test support shared by the modules of the test binary.
// Each test module uses a different part of the double.
#![allow(dead_code)]

pub mod apiserver;
pub mod bundle;
