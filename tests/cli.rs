//! End-to-end tests of the real `qctl` binary and of the cluster code against an in-process
//! API double, compiled into one test binary.

mod common;
mod support;

mod cluster;
mod config_cmds;
mod deploy;
mod generate;
mod help;
mod multi_cluster;
