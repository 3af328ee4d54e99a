
mod cluster;
mod support;
