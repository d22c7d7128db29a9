//! Who a plugin is: [`PluginMeta`], owned and serialisable so it can cross a process or
//! WebAssembly boundary.

use serde::{Deserialize, Serialize};
use uppfolj_model::report::PluginRef;

/// Who a plugin is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PluginMeta {
    /// Stable id, kebab-case ("budget-follow-up"). Never changes once published: saved settings
    /// and the command line use it.
    pub id: String,
    /// Swedish name shown in the app ("Budgetuppföljning").
    pub name_sv: String,
    /// English name.
    pub name_en: String,
    /// Swedish one-paragraph description.
    pub description_sv: String,
    /// English one-paragraph description.
    pub description_en: String,
    /// The plugin's version (semver).
    pub version: String,
}

impl PluginMeta {
    /// A plugin named `name_sv` with the stable `id`; the other fields are set with the builder
    /// methods below.
    ///
    /// ```
    /// # use uppfolj_plugin::PluginMeta;
    /// let meta = PluginMeta::new("cost-per-inhabitant", "Kostnad per invånare")
    ///     .name_en("Cost per inhabitant")
    ///     .describe("Kostnaden per verksamhet delad med antalet invånare.", "Cost per inhabitant.")
    ///     .version(env!("CARGO_PKG_VERSION"));
    /// assert_eq!(meta.id, "cost-per-inhabitant");
    /// ```
    pub fn new(id: impl Into<String>, name_sv: impl Into<String>) -> Self {
        let name_sv = name_sv.into();
        Self {
            id: id.into(),
            name_en: name_sv.clone(),
            name_sv,
            description_sv: String::new(),
            description_en: String::new(),
            version: "0.0.0".to_owned(),
        }
    }

    /// Sets the English name.
    #[must_use]
    pub fn name_en(mut self, name: impl Into<String>) -> Self {
        self.name_en = name.into();
        self
    }

    /// Sets the Swedish and English descriptions.
    #[must_use]
    pub fn describe(mut self, sv: impl Into<String>, en: impl Into<String>) -> Self {
        self.description_sv = sv.into();
        self.description_en = en.into();
        self
    }

    /// Sets the version (pass `env!("CARGO_PKG_VERSION")`).
    #[must_use]
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = version.into();
        self
    }

    /// The reference a [`Report`](uppfolj_model::report::Report) carries to the plugin that made it.
    pub fn report_ref(&self) -> PluginRef {
        PluginRef { id: self.id.clone(), version: self.version.clone() }
    }
}
