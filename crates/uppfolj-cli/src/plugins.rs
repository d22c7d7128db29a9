//! The plugins the command line offers. A custom plugin is added here with one line (docs/plugins.md).

use uppfolj_plugin::{Registry, RegistryError};

/// Every plugin of the CLI: the built-ins, then custom ones.
pub fn registry() -> Result<Registry, RegistryError> {
    let mut registry = Registry::new();
    uppfolj_plugins::register_builtins(&mut registry)?;
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry)?;
    Ok(registry)
}
