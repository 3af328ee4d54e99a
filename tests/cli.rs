//! End-to-end tests of the real `qctl` binary, compiled into one test binary.

mod common;

mod config_cmds;
mod help;
