//! The built-in report plugins.
