//! The uppfolj web app.
fn main() {}
