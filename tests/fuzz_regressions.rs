//! Every input in tests/fixtures/fuzz/ (fuzz seeds and minimised crashes) goes through the whole
//! pipeline, rendering included, with the invariants the fuzz targets check.

use plotters::prelude::SVGBackend;
use postchart::render::{render, RenderOptions};

#[test]
fn fuzz_fixtures_pass_the_pipeline() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md")
            && path.file_name().is_some_and(|n| n != "README.md")
        {
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            let Ok(analysis) = postchart::analyze(&text) else {
                continue;
            };
            for chart in &analysis.charts {
                assert!(
                    chart.points.iter().all(|p| p.magnitude().is_finite()),
                    "{path:?}"
                );
                let mut svg = String::new();
                render(
                    chart,
                    SVGBackend::with_string(&mut svg, (320, 240)),
                    &RenderOptions::default(),
                )
                .unwrap();
            }
            count += 1;
        }
    }
    assert!(count >= 3, "fixtures read: {count}");
}
