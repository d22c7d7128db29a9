//! Every sample workbook loaded at once, as a user has them open in the app: each plugin lists
//! only the file it used among the report's inputs. (Each sample's figures are checked by the
//! plugins' examples, `tests/examples.rs`.)

use uppfolj_plugin::Inputs;
use uppfolj_plugin::model::Dataset;
use uppfolj_plugin_test_support::import_file;

#[test]
fn each_plugin_lists_only_the_file_it_used() {
    let samples = [
        ("budget-follow-up", "samples/driftredovisning_2024_aug.xlsx", vec![]),
        ("action-plan", "samples/handlingsplan_2024_2026.xlsx", vec![("required", "325")]),
        ("earmarked-grants", "samples/riktade_statsbidrag_2020.xlsx", vec![("frame", "2600000")]),
        ("balance-requirement", "samples/balanskravsutredning_2021_2024.xlsx", vec![("goal", "2")]),
        ("cost-per-inhabitant", "samples/driftredovisning_2024_aug.xlsx", vec![("population", "245000")]),
    ];
    let mut registry = uppfolj_plugins::registry();
    uppfolj_plugin_cost_per_inhabitant::register(&mut registry).expect("no id clash with the built-ins");
    for (id, file, params) in &samples {
        // Every sample loaded, the plugin's own file last: what the user has open in the app.
        let mut datasets: Vec<Dataset> =
            samples.iter().filter(|s| s.1 != *file).flat_map(|s| import_file(s.1)).collect();
        let own = import_file(file);
        let expected: Vec<_> = own.iter().map(|d| d.source.clone()).take(1).collect();
        datasets.extend(own);
        let raw: Vec<_> = params.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let plugin = registry.get(id).expect("registered");
        let report = uppfolj_plugin::run(plugin, &Inputs::new(datasets), &raw).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_eq!(report.inputs, expected, "{id} lists the file it used, not every file loaded");
    }
}
