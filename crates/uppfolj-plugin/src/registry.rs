//! The plugin registry: explicit registration, the same natively and in WebAssembly.

use crate::{PluginMeta, ReportPlugin};

/// Why a plugin could not be registered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// Another plugin already has this id.
    #[error("a plugin with id '{0}' is already registered; plugin ids must be unique")]
    DuplicateId(String),
    /// The id is not kebab-case ASCII.
    #[error("plugin id '{0}' is invalid: use lower-case ASCII letters, digits and '-'")]
    InvalidId(String),
}

/// The plugins an application offers, in registration order. Each plugin's metadata is read
/// once, at registration.
#[derive(Default)]
pub struct Registry {
    plugins: Vec<(PluginMeta, Box<dyn ReportPlugin>)>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.plugins.iter().map(|(meta, _)| &meta.id)).finish()
    }
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `plugin`. Fails if its id is taken or malformed.
    pub fn register(&mut self, plugin: impl ReportPlugin + 'static) -> Result<(), RegistryError> {
        let meta = plugin.meta();
        let id = meta.id.clone();
        let valid = !id.is_empty()
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !valid {
            return Err(RegistryError::InvalidId(id));
        }
        if self.get(&id).is_some() {
            return Err(RegistryError::DuplicateId(id));
        }
        self.plugins.push((meta, Box::new(plugin)));
        Ok(())
    }

    /// The plugin with `id`.
    pub fn get(&self, id: &str) -> Option<&dyn ReportPlugin> {
        self.plugins.iter().find(|(meta, _)| meta.id == id).map(|(_, p)| p.as_ref())
    }

    /// All plugins, in registration order.
    pub fn iter(&self) -> impl Iterator<Item = &dyn ReportPlugin> {
        self.plugins.iter().map(|(_, p)| p.as_ref())
    }

    /// The metadata of every plugin, in registration order.
    pub fn metas(&self) -> impl Iterator<Item = &PluginMeta> {
        self.plugins.iter().map(|(meta, _)| meta)
    }

    /// The metadata of the plugin with `id`.
    pub fn meta(&self, id: &str) -> Option<&PluginMeta> {
        self.metas().find(|meta| meta.id == id)
    }

    /// The number of plugins.
    pub fn len(&self) -> usize {
        self.plugins.len()
    }

    /// Whether the registry is empty.
    pub fn is_empty(&self) -> bool {
        self.plugins.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ComputeResult, InputSpec, Inputs, Params, PluginMeta};

    struct Dummy(&'static str);

    impl ReportPlugin for Dummy {
        fn meta(&self) -> PluginMeta {
            PluginMeta::new(self.0, "Test")
        }
        fn inputs(&self) -> Vec<InputSpec> {
            Vec::new()
        }
        fn compute(&self, _: &Inputs, _: &Params) -> ComputeResult {
            Ok(uppfolj_model::Report::new(self.meta().report_ref(), "Test"))
        }
    }

    #[test]
    fn rejects_duplicate_and_malformed_ids() {
        let mut r = Registry::new();
        r.register(Dummy("a-plugin")).expect("first registration");
        assert_eq!(r.register(Dummy("a-plugin")), Err(RegistryError::DuplicateId("a-plugin".into())));
        assert_eq!(r.register(Dummy("Bad Id")), Err(RegistryError::InvalidId("Bad Id".into())));
        assert_eq!(r.len(), 1);
        assert!(r.get("a-plugin").is_some());
    }
}
