//! The uppfolj command line.
fn main() {}
