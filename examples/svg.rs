//! Renders a post's charts to SVG files: `cargo run --example svg -- POST OUT_PREFIX`.
use plotters::prelude::SVGBackend;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let source = std::fs::read_to_string(&args[1]).expect("read post");
    let analysis = postchart::analyze(&source).expect("analyze");
    for (k, chart) in analysis.charts.iter().enumerate() {
        let width = 640.0;
        let height = postchart::render::chart_height(chart, width);
        let path = format!("{}{k}.svg", args[2]);
        let backend = SVGBackend::new(&path, (width as u32, height as u32));
        postchart::render::render(chart, backend, &Default::default()).expect("render");
        println!("{path}: {}", chart.describe());
    }
}
