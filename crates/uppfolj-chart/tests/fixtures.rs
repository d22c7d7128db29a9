//! Snapshot tests: one JSON `Chart` per file in `tests/fixtures/`, one test per fixture. The
//! snapshot is the SVG itself; look at the PNG renders in docs/images/charts/ as well.

use std::path::{Path, PathBuf};
use uppfolj_chart::{SvgOptions, svg};
use uppfolj_model::report::Chart;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(name: &str) -> Chart {
    let path = fixture_dir().join(format!("{name}.json"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{} is not a Chart: {e}", path.display()))
}

/// Checks what every chart must have, then snapshots the SVG.
fn check(name: &str) {
    let chart = load(name);
    let svg = svg(&chart, &SvgOptions::for_chart(&chart)).expect("the fixture chart draws");
    assert!(svg.starts_with("<svg role=\"img\" aria-labelledby="), "{name}: no role/aria-labelledby");
    assert!(svg.contains("<title id="), "{name}: no <title>");
    assert!(svg.contains("<desc id="), "{name}: no <desc>");
    assert!(svg.trim_end().ends_with("</svg>"), "{name}: SVG not closed");
    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{name}: non-finite number in the SVG");
    insta::assert_snapshot!(name, svg);
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*

        #[test]
        fn every_fixture_has_a_test() {
            let listed = [$(stringify!($name)),*];
            for entry in std::fs::read_dir(fixture_dir()).expect("fixture dir") {
                let path = entry.expect("dir entry").path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
                assert!(listed.contains(&stem.as_str()), "fixture {} has no test in tests/fixtures.rs", path.display());
            }
        }
    };
}

fixtures!(
    bar_cost_per_inhabitant_reference,
    bar_deviation_per_unit,
    bar_tax_revenue_large_numbers,
    bar_two_reference_lines,
    bar_vertical_status,
    bullet_measures_vs_plan,
    empty,
    grouped_bar_action_plan,
    line_indicator_with_national,
    plugin_action_plan_grouped,
    plugin_balance_requirement_grouped_status,
    plugin_budget_follow_up_deviation,
    plugin_earmarked_grants_grouped_status,
    stacked_bar_measures_per_year,
    waterfall_budget_to_forecast,
);
