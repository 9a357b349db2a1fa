//! Rendering any spec (kind, values, labels, size, pixel ratio) to an in-memory SVG.
#![no_main]
use libfuzzer_sys::fuzz_target;
use plotters::prelude::SVGBackend;
use postchart::render::{render, RenderOptions};
use postchart::{ChartKind, ChartSpec, Point};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let kinds = [ChartKind::Bar, ChartKind::Hbar, ChartKind::Line, ChartKind::Pie, ChartKind::Kpi];
    let kind = kinds[data[0] as usize % kinds.len()];
    let width = 1 + u32::from(data[1]) * 8;
    let height = 1 + u32::from(data[2]) * 4;
    let ratio = f64::from(data[3]) / 32.0;
    let rest = &data[4..];
    let points: Vec<Point> = rest
        .chunks(12)
        .take(200)
        .map(|chunk| {
            let mut bits = [0u8; 8];
            for (b, c) in bits.iter_mut().zip(chunk) {
                *b = *c;
            }
            Point {
                label: String::from_utf8_lossy(chunk.get(8..).unwrap_or_default()).into_owned(),
                value: f64::from_le_bytes(bits),
                scale: 1.0,
                unit: None,
                qualifier: None,
                sign: 1,
                group: None,
            }
        })
        .collect();
    let spec = ChartSpec {
        kind,
        title: String::from_utf8_lossy(rest.get(..16).unwrap_or(rest)).into_owned(),
        unit: Some("人".into()),
        points,
        source: None,
        confidence: 0.9,
        drawn: true,
        block: None,
        lang: if data[0] % 2 == 0 { "zh".into() } else { "en".into() },
    };
    let mut svg = String::new();
    let options = RenderOptions { pixel_ratio: ratio, ..RenderOptions::default() };
    let _ = render(&spec, SVGBackend::with_string(&mut svg, (width, height)), &options);
});
