//! Native throughput of each pipeline stage over a folder of posts (default: all posts in
//! `../shared/corpus/posts/`, else the seed fixture), in MB/s of post source:
//!
//! ```sh
//! cargo bench --profile bench-native --bench stages                 # 15 rounds, the median reported
//! BENCH_ROUNDS=1 cargo bench --profile bench-native --bench stages  # one quick round (CI)
//! BENCH_POSTS=dir cargo bench --profile bench-native --bench stages
//! BENCH_STAGES=extract cargo bench --profile bench-native --bench stages   # only these stages (for a profiler)
//! ```
//!
//! Each stage is timed on its own input, prepared by the stage before: parse (front matter +
//! Markdown/HTML → paragraphs), extract (paragraphs → facts), choose (facts → chart specs),
//! render (every spec drawn at 800 CSS px, pixel ratio 2, into an in-memory RGB bitmap).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use plotters::prelude::*;
use plotters::style::FontStyle;
use postchart::render::{self, RenderOptions};
use postchart::{choose, extract, ChartSpec, Post};

static FONT: &[u8] = include_bytes!("../tests/visual/font/postchart-visual.ttf");

fn posts_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BENCH_POSTS") {
        return dir.into();
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../shared/corpus/posts");
    if shared.is_dir() {
        shared
    } else {
        manifest.join("tests/fixtures")
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Runs `stage` `rounds` times and returns the median time of one round; zero when
/// `BENCH_STAGES` leaves it out.
fn time(name: &str, rounds: usize, mut stage: impl FnMut()) -> Duration {
    if std::env::var("BENCH_STAGES").is_ok_and(|only| !only.split(',').any(|s| s == name)) {
        return Duration::ZERO;
    }
    stage(); // warm caches and the allocator
    median(
        (0..rounds)
            .map(|_| {
                let start = Instant::now();
                stage();
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let dir = posts_dir();
    let mut sources: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.sort();
    let bytes: usize = sources.iter().map(String::len).sum();
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15)
        .max(1);

    let posts: Vec<Post> = sources.iter().map(|s| Post::parse(s)).collect();
    let facts: Vec<Vec<postchart::Fact>> = posts.iter().map(extract::extract).collect();
    let specs: Vec<ChartSpec> = posts
        .iter()
        .zip(&facts)
        .flat_map(|(p, f)| choose::choose(p, f))
        .collect();
    plotters::style::register_font("postchart-bench", FontStyle::Normal, FONT)
        .unwrap_or_else(|_| panic!("the pinned font loads"));
    let options = RenderOptions {
        pixel_ratio: 2.0,
        font_family: "postchart-bench".into(),
        ..RenderOptions::default()
    };
    let mut pixels = Vec::new();

    let stages: Vec<(&str, Duration)> = vec![
        (
            "parse",
            time("parse", rounds, || {
                for s in &sources {
                    std::hint::black_box(Post::parse(s));
                }
            }),
        ),
        (
            "extract",
            time("extract", rounds, || {
                for p in &posts {
                    std::hint::black_box(extract::extract(p));
                }
            }),
        ),
        (
            "choose",
            time("choose", rounds, || {
                for (p, f) in posts.iter().zip(&facts) {
                    std::hint::black_box(choose::choose(p, f));
                }
            }),
        ),
        (
            "render",
            time("render", rounds, || {
                for spec in &specs {
                    let height = render::chart_height(spec, 800.0) as u32 * 2;
                    pixels.clear();
                    pixels.resize(1600 * height as usize * 3, 0);
                    let backend = BitMapBackend::with_buffer(&mut pixels, (1600, height));
                    std::hint::black_box(render::render(spec, backend, &options)).ok();
                }
            }),
        ),
    ];
    let total: Duration = stages.iter().map(|(_, t)| *t).sum();
    println!(
        "{} posts, {:.2} MB, {} charts, from {}; median of {rounds} rounds",
        sources.len(),
        bytes as f64 / 1e6,
        specs.len(),
        dir.display()
    );
    println!("| stage | ms per pass | MB/s of post source |");
    println!("| --- | --- | --- |");
    for (name, t) in stages
        .iter()
        .chain([&("all", total)])
        .filter(|(_, t)| !t.is_zero())
    {
        println!(
            "| {name} | {:.1} | {:.1} |",
            t.as_secs_f64() * 1e3,
            bytes as f64 / 1e6 / t.as_secs_f64()
        );
    }
}
