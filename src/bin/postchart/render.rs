//! `postchart render FILE… --out DIR [--font FILE] [--social] [--jobs N]`: the charts drawn at
//! build time. For each post, each drawn chart as SVG (the widget's drawing code, plotters'
//! SVG backend) and PNG (that SVG rasterised by resvg with the machine's fonts or `--font`),
//! `--social` a 1200×630 card (the first chart, the title, the source), and `DIR/manifest.json`
//! listing them. Posts run in parallel on every core; a post whose source is unchanged since its
//! manifest entry (its settings are in its source) is skipped; a bad file is reported by name,
//! the rest go on, and the exit code says whether any failed.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use plotters::backend::SVGBackend;
use postchart::choose::{ChartKind, ChartSpec};
use postchart::render::{self, RenderOptions, DEFAULT_FONT_FAMILY};
use resvg::usvg::{self, fontdb};
use serde_json::{json, Value as Json};

/// The width charts are drawn at, in CSS pixels; PNGs are drawn at twice that.
pub const WIDTH: f64 = 640.0;
const PNG_SCALE: f32 = 2.0;
const SOCIAL: (u32, u32) = (1200, 630);

pub struct Options {
    pub out: PathBuf,
    pub font: Option<PathBuf>,
    pub social: bool,
    pub jobs: usize,
}

/// The command line: flags, then the posts.
pub fn command(rest: &[String]) -> ExitCode {
    let mut options = Options {
        out: "charts".into(),
        font: None,
        social: false,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut paths = Vec::new();
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let ok = match arg.as_str() {
            "--out" => args.next().map(|d| options.out = d.into()).is_some(),
            "--font" => args.next().map(|f| options.font = Some(f.into())).is_some(),
            "--social" => {
                options.social = true;
                true
            }
            "--jobs" => args
                .next()
                .and_then(|n| n.parse().ok())
                .map(|n| options.jobs = n)
                .is_some(),
            flag if flag.starts_with("--") => false,
            _ => {
                paths.push(arg.clone());
                true
            }
        };
        if !ok {
            return crate::usage();
        }
    }
    if paths.is_empty() {
        return crate::usage();
    }
    run(&paths, &options)
}

pub fn run(paths: &[String], options: &Options) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(&options.out) {
        eprintln!("{}: {e}", options.out.display());
        return ExitCode::FAILURE;
    }
    let fonts = match font_database(options.font.as_deref()) {
        Ok(fonts) => Arc::new(fonts),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let manifest_path = options.out.join("manifest.json");
    let before: HashMap<String, Json> = std::fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|text| serde_json::from_str::<Json>(&text).ok())
        .and_then(|m| m["posts"].as_array().cloned())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|entry| Some((entry["file"].as_str()?.to_string(), entry)))
        .collect();
    let names = crate::page_names(paths);
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Json, String>>>> = Mutex::new(vec![None; paths.len()]);
    let progress = Progress::new(paths.len());
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1) {
            scope.spawn(|| loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = paths.get(k) else { break };
                let result = render_post(path, &names[k], before.get(path), &fonts, options);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress.tell(n, path, &result);
                if let Ok(mut all) = results.lock() {
                    all[k] = Some(result);
                }
            });
        }
    });
    progress.finish();
    let results = results.into_inner().unwrap_or_default();
    let mut failed = 0;
    let mut entries: Vec<Json> = Vec::new();
    for (path, result) in paths.iter().zip(results) {
        match result {
            Some(Ok(mut entry)) => {
                if let Some(fields) = entry.as_object_mut() {
                    fields.remove("skipped");
                }
                entries.push(entry);
            }
            Some(Err(e)) => {
                eprintln!("{path}: {e}");
                failed += 1;
            }
            None => failed += 1,
        }
    }
    // Entries of posts not given this time stay: a run over part of an archive keeps the rest.
    for (file, entry) in &before {
        if !paths.contains(file) {
            entries.push(entry.clone());
        }
    }
    entries.sort_by(|a, b| a["file"].as_str().cmp(&b["file"].as_str()));
    let manifest =
        json!({"generator": format!("postchart {}", env!("CARGO_PKG_VERSION")), "posts": entries});
    let written = serde_json::to_string_pretty(&manifest)
        .map_err(|e| e.to_string())
        .and_then(|text| std::fs::write(&manifest_path, text).map_err(|e| e.to_string()));
    if let Err(e) = written {
        eprintln!("{}: {e}", manifest_path.display());
        return ExitCode::FAILURE;
    }
    if failed > 0 {
        eprintln!("{failed} of {} files failed", paths.len());
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The fonts PNGs are drawn with: the machine's, and a font file given, which then is the one
/// asked for by name (`sans-serif`).
fn font_database(font: Option<&Path>) -> Result<fontdb::Database, String> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    if let Some(path) = font {
        let before = db.len();
        db.load_font_file(path)
            .map_err(|e| format!("--font {}: {e}", path.display()))?;
        let family = db
            .faces()
            .nth(before)
            .and_then(|face| face.families.first())
            .map(|(name, _)| name.clone())
            .ok_or_else(|| format!("--font {}: no font face in the file", path.display()))?;
        db.set_sans_serif_family(family);
    }
    Ok(db)
}

/// One post's charts drawn, and its manifest entry; the entry before when nothing changed.
fn render_post(
    path: &str,
    name: &str,
    before: Option<&Json>,
    fonts: &Arc<fontdb::Database>,
    options: &Options,
) -> Result<Json, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let hash = format!("{:016x}", fnv(&bytes, options.social));
    let unchanged = before.is_some_and(|entry| {
        let charts = entry["charts"].as_array();
        entry["hash"].as_str() == Some(hash.as_str())
            && charts.is_some_and(|charts| charts.iter().all(|c| outputs_exist(&options.out, c)))
            && (charts.is_some_and(|c| c.is_empty())
                || entry["picture"]
                    .as_str()
                    .is_some_and(|p| options.out.join(p).exists()))
    });
    if let (true, Some(entry)) = (unchanged, before) {
        let mut entry = entry.clone();
        entry["skipped"] = json!(true);
        return Ok(entry);
    }
    let source = String::from_utf8_lossy(&bytes);
    let analysis = postchart::analyze(&source).map_err(|e| e.to_string())?;
    let mut warnings: Vec<String> = analysis.warnings.clone();
    let mut charts = Vec::new();
    let drawn: Vec<(usize, &ChartSpec)> = analysis
        .charts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.drawn)
        .collect();
    let mut missing: Vec<char> = Vec::new();
    for (k, chart) in &drawn {
        let svg = chart_svg(chart, WIDTH)?;
        missing.extend(missing_glyphs(fonts, &chart_text(chart)));
        let svg_name = format!("{name}-{k}.svg");
        let png_name = format!("{name}-{k}.png");
        write(&options.out.join(&svg_name), svg.as_bytes())?;
        write(&options.out.join(&png_name), &png(&svg, fonts, PNG_SCALE)?)?;
        charts.push(json!({
            "index": k,
            "kind": chart.kind,
            "title": chart.title,
            "svg": svg_name,
            "png": png_name,
            "alt": chart.describe(),
            "figures": chart.points,
        }));
    }
    let mut entry = json!({
        "file": path,
        "hash": hash,
        "title": analysis.post.front_matter.title,
        "charts": charts,
    });
    // `NAME.png`, the post's first drawn chart under a name a site's layout can write without
    // knowing the chart's number (the widget's `data-postchart-fallback="DIR"` shows it).
    if let Some(first) = entry["charts"].get(0).cloned() {
        let picture = format!("{name}.png");
        let from = options.out.join(first["png"].as_str().unwrap_or(""));
        std::fs::copy(&from, options.out.join(&picture))
            .map_err(|e| format!("{}: {e}", from.display()))?;
        entry["picture"] = json!(picture);
        entry["alt"] = first["alt"].clone();
    }
    if options.social {
        if let Some((_, first)) = drawn.iter().find(|(_, c)| c.kind != ChartKind::Kpi) {
            let title = analysis
                .post
                .front_matter
                .title
                .clone()
                .unwrap_or_else(|| first.title.clone());
            let svg = social_svg(first, &title)?;
            missing.extend(missing_glyphs(fonts, &title));
            let card = format!("{name}-social.png");
            write(&options.out.join(&card), &png(&svg, fonts, 1.0)?)?;
            entry["social"] = json!(card);
        }
    }
    missing.sort_unstable();
    missing.dedup();
    if !missing.is_empty() {
        let shown: String = missing.iter().take(8).collect();
        warnings.push(format!(
            "no font on this machine draws {shown}: the PNGs would show boxes; install a CJK font (Debian: fonts-wqy-microhei, `WenQuanYi Micro Hei`) or pass --font FILE"
        ));
    }
    if !warnings.is_empty() {
        entry["warnings"] = json!(warnings);
    }
    Ok(entry)
}

fn outputs_exist(out: &Path, chart: &Json) -> bool {
    ["svg", "png"].iter().all(|key| {
        chart[*key]
            .as_str()
            .is_some_and(|name| out.join(name).exists())
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// FNV-1a of the source (its settings are in it) and what else changes the output.
fn fnv(bytes: &[u8], social: bool) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    for &b in bytes.iter().chain(version).chain([u8::from(social)].iter()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A chart drawn as SVG at `width` CSS pixels, by the widget's drawing code.
pub fn chart_svg(chart: &ChartSpec, width: f64) -> Result<String, String> {
    let height = render::chart_height(chart, width).round().max(1.0) as u32;
    let mut out = String::new();
    {
        let backend = SVGBackend::with_string(&mut out, (width as u32, height));
        render::render(chart, backend, &RenderOptions::default()).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The card for a post's link: its title over its first chart (which names the source).
fn social_svg(chart: &ChartSpec, title: &str) -> Result<String, String> {
    let (w, h) = SOCIAL;
    let chart_width = f64::from(w) - 96.0;
    let inner = chart_svg(chart, chart_width)?;
    let chart_height = render::chart_height(chart, chart_width);
    let room = f64::from(h) - 150.0;
    // (The chart's own last line names the source.)
    let scale = (room / chart_height).min(1.0);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
<rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\
<text x=\"48\" y=\"72\" font-family=\"{font}\" font-size=\"40\" font-weight=\"bold\" fill=\"#1F2328\">{title}</text>\
<g transform=\"translate(48 100) scale({scale})\">{inner}</g></svg>",
        font = escape(DEFAULT_FONT_FAMILY),
        title = escape(&shorten(title, 40)),
        inner = inner.trim_start_matches(|c| c != '<'),
    ))
}

fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        text.to_string()
    } else {
        text.chars().take(most - 1).chain(['…']).collect()
    }
}

/// An SVG rasterised to PNG bytes at `scale`.
fn png(svg: &str, fonts: &Arc<fontdb::Database>, scale: f32) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("a chart too large to draw")?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// The words a chart prints.
fn chart_text(chart: &ChartSpec) -> String {
    let mut text = chart.title.clone();
    for point in &chart.points {
        text.push_str(&point.full_label());
    }
    text.push_str(chart.source.as_deref().unwrap_or(""));
    text
}

/// The characters of `text` that the font the charts ask for (the first of the default list
/// the machine has, else its sans-serif) cannot draw.
fn missing_glyphs(fonts: &fontdb::Database, text: &str) -> Vec<char> {
    let names: Vec<String> = DEFAULT_FONT_FAMILY
        .split(',')
        .map(|n| n.trim().trim_matches('"').to_string())
        .filter(|n| n != "sans-serif")
        .collect();
    let mut families: Vec<fontdb::Family> = names.iter().map(|n| fontdb::Family::Name(n)).collect();
    families.push(fontdb::Family::SansSerif);
    let Some(id) = fonts.query(&fontdb::Query {
        families: &families,
        ..fontdb::Query::default()
    }) else {
        return text.chars().filter(|c| !c.is_whitespace()).collect();
    };
    fonts
        .with_face_data(id, |data, index| {
            let face = ttf_parser::Face::parse(data, index).ok()?;
            Some(
                text.chars()
                    .filter(|c| !c.is_whitespace() && face.glyph_index(*c).is_none())
                    .collect::<Vec<char>>(),
            )
        })
        .flatten()
        .unwrap_or_default()
}

/// One line a post on a terminal (a bar that rewrites itself), plain lines otherwise.
struct Progress {
    total: usize,
    terminal: bool,
    out: Mutex<std::io::Stderr>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            terminal: std::io::stderr().is_terminal(),
            out: Mutex::new(std::io::stderr()),
        }
    }

    fn tell(&self, n: usize, path: &str, result: &Result<Json, String>) {
        let Ok(mut out) = self.out.lock() else { return };
        let state = match result {
            Ok(entry) if entry["skipped"] == json!(true) => "unchanged",
            Ok(_) => "drawn",
            Err(_) => "failed",
        };
        if let Ok(entry) = result {
            for warning in entry["warnings"].as_array().into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "{}{path}: {}",
                    if self.terminal { "\r\x1b[K" } else { "" },
                    warning.as_str().unwrap_or("")
                );
            }
        }
        if self.terminal {
            let width = 30;
            let filled = n * width / self.total.max(1);
            let _ = write!(
                out,
                "\r\x1b[K[{}{}] {n}/{} {}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total,
                shorten(path, 50)
            );
        } else {
            let _ = writeln!(out, "{n}/{} {state} {path}", self.total);
        }
    }

    fn finish(&self) {
        if self.terminal {
            if let Ok(mut out) = self.out.lock() {
                let _ = writeln!(out);
            }
        }
    }
}

/// Text as HTML (or SVG) character data or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_no_font_draws_are_named() {
        let none = fontdb::Database::new();
        assert_eq!(missing_glyphs(&none, "甲 A"), ['甲', 'A']);
    }

    #[test]
    fn a_social_card_is_1200_by_630_and_escapes_its_title() {
        let post = postchart::analyze(
            "---\ntitle: a <b> & c\n---\n甲市销售额12亿元，乙市8亿元，丙市5亿元。\n",
        )
        .unwrap();
        let chart = post
            .charts
            .iter()
            .find(|c| c.drawn && c.kind != ChartKind::Kpi)
            .unwrap();
        let svg = social_svg(chart, "a <b> & c").unwrap();
        assert!(svg.contains("width=\"1200\" height=\"630\""));
        assert!(svg.contains("a &lt;b&gt; &amp; c"));
        let fonts = Arc::new(fontdb::Database::new());
        let png = png(&svg, &fonts, 1.0).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
