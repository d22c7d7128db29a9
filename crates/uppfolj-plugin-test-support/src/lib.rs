//! Test support for uppfolj report plugins, the way nushell ships `nu-plugin-test-support`: a
//! plugin's tests need no loop of their own and no hand-built import.
//!
//! - [`run_examples`] runs every [`Example`] a plugin declares on its input (repository files or a
//!   table literal, through the real import) and checks the figures it says it must produce; the
//!   reports come back for snapshots ([`assert_example_snapshots!`]).
//! - [`import_file`] and [`TableLiteral`] give datasets as the import makes them from a file or a
//!   CSV table written in the test; [`DatasetBuilder`] builds one by hand, with roles and source
//!   cells chosen by the test, when the import's detection is not what is tested.
//! - [`run`], [`cell`] and [`messages`] run a plugin and read its report.
//!
//! A plugin's whole example test (in its crate's `tests/`, with this crate as a dev-dependency):
//!
//! ```text
//! #[test]
//! fn every_example_produces_its_figures() {
//!     uppfolj_plugin_test_support::assert_example_snapshots!(my_plugin::MyPlugin);
//! }
//! ```

mod dataset;
mod examples;
mod files;
mod report;

pub use dataset::{DatasetBuilder, V};
pub use examples::{ExampleRun, check_expectations, run_examples};
pub use files::{TableLiteral, import_file, repository_path};
pub use report::{cell, messages, row_label, row_value, run, table_cell};

#[doc(hidden)]
pub use insta;

/// Runs every example of `plugin` (see [`run_examples`]) and snapshots each report as JSON, named
/// `<plugin id>-example-<n>`, in the calling test's `snapshots/` folder.
#[macro_export]
macro_rules! assert_example_snapshots {
    ($plugin:expr) => {{
        let plugin = $plugin;
        for run in $crate::run_examples(&plugin) {
            $crate::insta::with_settings!({ description => run.example.description.clone(), omit_expression => true }, {
                $crate::insta::assert_json_snapshot!(run.snapshot_name(), run.report);
            });
        }
    }};
}
