//! Renders every chart fixture (one JSON `Chart` per file) to SVG, for looking at the charts:
//! `cargo run -p uppfolj-chart --example render -- crates/uppfolj-chart/tests/fixtures OUT_DIR`,
//! then e.g. `rsvg-convert -o x.png x.svg`.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = PathBuf::from(args.next().ok_or("usage: render FIXTURE_DIR OUT_DIR")?);
    let output = PathBuf::from(args.next().ok_or("usage: render FIXTURE_DIR OUT_DIR")?);
    std::fs::create_dir_all(&output)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&input)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let chart: uppfolj_model::report::Chart = serde_json::from_slice(&std::fs::read(&path)?)?;
        let started = std::time::Instant::now();
        let svg = uppfolj_chart::svg(&chart, &uppfolj_chart::SvgOptions::for_chart(&chart))?;
        let elapsed = started.elapsed();
        let stem = path.file_stem().ok_or("fixture without a name")?.to_string_lossy().into_owned();
        let out = output.join(format!("{stem}.svg"));
        std::fs::write(&out, &svg)?;
        println!("{} ({} bytes, {:.2} ms)", out.display(), svg.len(), elapsed.as_secs_f64() * 1000.0);
    }
    Ok(())
}
