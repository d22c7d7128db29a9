//! Example custom plugin: cost per inhabitant.
