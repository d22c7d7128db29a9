//! Fuzzing on the stable toolchain: deterministic mutations (byte flips, truncations, spliced
//! ranges) of small fixtures must give `Ok` or an `ImportError` naming the file, never a panic.
//! The cargo-fuzz targets in fuzz/ go further where nightly is available.

use std::path::Path;
use uppfolj_import::{ImportOptions, import_bytes};

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &[u8], rng: &mut XorShift) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    match rng.below(4) {
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
        }
        1 => bytes.truncate(rng.below(bytes.len())),
        2 => {
            let i = rng.below(bytes.len());
            let j = rng.below(bytes.len());
            let len = rng.below(64).min(bytes.len() - i.max(j));
            let chunk = bytes[i..i + len].to_vec();
            bytes.splice(j..j, chunk);
        }
        _ => {
            let i = rng.below(bytes.len());
            let v = [b'0', b'9', b'"', b';', b'\n', 0xFF, b'-', b','][rng.below(8)];
            bytes[i] = v;
        }
    }
    bytes
}

fn run(name: &str, seed: &[u8], rounds: usize) {
    let options =
        ImportOptions { max_decompressed_bytes: 64 * 1024 * 1024, max_cells: 500_000, ..ImportOptions::default() };
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ seed.len() as u64);
    for round in 0..rounds {
        let input = mutate(seed, &mut rng);
        if let Err(e) = import_bytes(name, &input, &options) {
            assert!(e.to_string().contains(name), "round {round}: {e}");
        }
    }
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).expect("fixture")
}

#[test]
fn mutated_xlsx_never_panics() {
    run("mutant.xlsx", &fixture("layouts/driftredovisning_enkel.xlsx"), 400);
}

#[test]
fn mutated_csv_never_panics() {
    let seed = fixture("real/dalarna_kolada_service_long.csv");
    run("mutant.csv", &seed, 400);
    run("mutant.csv", b"Verksamhet;Budget;Utfall\nV\xe5rd;\"-1 234,5\";(12)\nSumma;1 234;12 %\n", 400);
}

#[test]
fn mutated_json_never_panics() {
    run("mutant.json", &fixture("real/kolada_data_response_shape_N70060_regions_RECONSTRUCTED.json"), 300);
}
