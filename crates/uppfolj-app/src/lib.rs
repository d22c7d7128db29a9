//! The application session of uppfolj, shared by the command line (`crates/uppfolj-cli`) and the
//! web app (`web/`): what both do between the bytes of the user's files and a [`Report`].
//!
//! * [`registry`] is the one list of the plugins the applications offer: the built-ins and the
//!   custom example. A custom plugin is added here, with one line, for both applications.
//! * A [`Session`] holds the loaded files in load order (each imported from its bytes with the
//!   user's [`Mapping`]), the chosen plugin and the parameters as typed. It builds the plugin's
//!   [`Inputs`] in one place and one order, chooses a plugin for the files from the plugins'
//!   declarations alone ([`Inputs::satisfy`]), keeps a plugin the user picked, and
//!   [`Session::run`]s it on the files loaded now, so that a report never shows files that are
//!   gone. When several files fit an input of the chosen report, it says which one feeds it and
//!   lets the user choose ([`Session::input_choices`], [`Session::bind`]).
//! * [`Session::gallery`] lists every report with whether the loaded files satisfy it and, if
//!   not, what file it needs ([`GalleryEntry`]); gallery and choices are serialisable.
//!
//! The crate builds for native and `wasm32-unknown-unknown`; it reads no files (the caller hands
//! it bytes) and never touches the DOM.
//!
//! ```
//! # use std::sync::Arc;
//! # use uppfolj_app::Session;
//! let mut session = Session::new(uppfolj_app::registry()?);
//! let csv = b"Verksamhet;Budget;Utfall\nSkola;-100;-110\nVard;-200;-190\n".to_vec();
//! session.load("drift.csv", Arc::new(csv), Default::default())?;
//! assert_eq!(session.plugin_id(), Some("budget-follow-up"), "the first plugin that fits");
//! let report = session.run()?;
//! assert!(!report.sections.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod binding;
mod gallery;
mod session;

pub use binding::{Binding, InputChoice, ReportLink};
pub use gallery::{GalleryEntry, GalleryInput};
pub use session::{LoadedFile, Session, UnknownPlugin};

use uppfolj_plugin::{Registry, RegistryError};

#[cfg(doc)]
use {
    uppfolj_import::Mapping,
    uppfolj_plugin::{Inputs, model::Report},
};

/// Every plugin the applications offer, in the order they are offered (and chosen from): the
/// built-ins, then custom ones. Fails only if two plugins share an id.
pub fn registry() -> Result<Registry, RegistryError> {
    let mut registry = Registry::new();
    uppfolj_plugins::register_builtins(&mut registry)?;
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry)?;
    Ok(registry)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_registry_holds_the_builtins_then_the_example() {
        let registry = super::registry().expect("distinct ids");
        let ids: Vec<&str> = registry.metas().map(|m| m.id.as_str()).collect();
        let builtins = ["budget-follow-up", "balance-requirement", "action-plan", "earmarked-grants"];
        assert_eq!(ids[..builtins.len()], builtins, "the built-ins first, in their order");
        // Plugins added after the example (docs/plugins.md) keep this test passing.
        assert!(ids[builtins.len()..].contains(&"cost-per-inhabitant"), "{ids:?}");
    }
}
