//! `postchart extract FILE…`: one JSON line per post with its facts and charts.
//! `postchart preview FILE… [--out DIR]`: an HTML page per post for an editor (`preview`).
//! `postchart render FILE… --out DIR [--font FILE] [--social] [--jobs N]`: the charts as SVG
//! and PNG with a manifest, for a site's build (`render`).
//! `postchart extract --plain`: JSON lines `{"id", "input"}` on stdin, `{"id", "facts"}` out.
//!
//! The JSON is how extraction is scored (shared/tools/score.py): keep it stable.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use postchart::extract::ExtractOptions;

mod preview;
mod render;
use serde_json::{json, Value as Json};

const USAGE: &str = "usage: postchart extract FILE...\n       postchart extract --plain < cases.jsonl\n       postchart preview FILE... [--out DIR]\n       postchart render FILE... --out DIR [--font FILE] [--social] [--jobs N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, rest)) if cmd == "extract" => {
            let stats = rest.iter().any(|a| a == "--stats");
            let paths: Vec<String> = rest
                .iter()
                .filter(|a| !a.starts_with("--"))
                .cloned()
                .collect();
            let code = if rest.iter().any(|a| a == "--plain") {
                plain(stats)
            } else if paths.is_empty() {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            } else {
                files(&paths, stats)
            };
            code
        }
        Some((cmd, rest)) if cmd == "paragraphs" && !rest.is_empty() => paragraphs(rest),
        Some((cmd, rest)) if cmd == "preview" => {
            // `--out DIR` (default `preview/`), then the posts.
            let mut out = std::path::PathBuf::from("preview");
            let mut paths = Vec::new();
            let mut args = rest.iter();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--out" => match args.next() {
                        Some(dir) => out = dir.into(),
                        None => {
                            eprintln!("{USAGE}");
                            return ExitCode::from(2);
                        }
                    },
                    _ => paths.push(arg.clone()),
                }
            }
            if paths.is_empty() {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            preview::run(&paths, &out)
        }
        Some((cmd, rest)) if cmd == "render" => {
            let mut options = render::Options {
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
                    eprintln!("{USAGE}");
                    return ExitCode::from(2);
                }
            }
            if paths.is_empty() {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            render::run(&paths, &options)
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// A file name for each post's outputs: its stem, and `-2`, `-3` for posts of one name in
/// different folders (`index.md`).
fn page_names(paths: &[String]) -> Vec<String> {
    let mut used: Vec<String> = Vec::new();
    for path in paths {
        let stem = std::path::Path::new(path)
            .file_stem()
            .map_or("post".into(), |s| s.to_string_lossy().into_owned());
        let mut name = stem.clone();
        let mut n = 1;
        while used.contains(&name) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        used.push(name);
    }
    used
}

/// Time spent in the pipeline and bytes given to it, for `--stats`.
#[derive(Default)]
struct Stats {
    spent: std::time::Duration,
    bytes: usize,
}

impl Stats {
    fn time<T>(&mut self, bytes: usize, work: impl FnOnce() -> T) -> T {
        let start = std::time::Instant::now();
        let out = work();
        self.spent += start.elapsed();
        self.bytes += bytes;
        out
    }

    fn report(&self, enabled: bool) {
        if enabled {
            eprintln!(
                "extract_seconds={:.3} bytes={}",
                self.spent.as_secs_f64(),
                self.bytes
            );
        }
    }
}

fn files(paths: &[String], stats_wanted: bool) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut stats = Stats::default();
    for path in paths {
        let line = match std::fs::read(path) {
            Ok(bytes) => {
                let source = String::from_utf8_lossy(&bytes);
                match stats.time(source.len(), || postchart::analyze(&source)) {
                    Ok(a) => {
                        for warning in &a.warnings {
                            eprintln!("{path}: {warning}");
                        }
                        let mut line = json!({
                            "file": path,
                            "title": a.post.front_matter.title,
                            "date": a.post.front_matter.date,
                            "facts": a.facts,
                            "charts": a.charts,
                        });
                        // The editor's settings in force, and what could not be read.
                        if !a.settings.is_default() {
                            line["settings"] = json!(a.settings);
                        }
                        if !a.warnings.is_empty() {
                            line["warnings"] = json!(a.warnings);
                        }
                        line
                    }
                    Err(e) => {
                        eprintln!("{path}: {e}");
                        failed = true;
                        json!({"file": path, "title": null, "date": null, "facts": [], "charts": [], "error": e.to_string()})
                    }
                }
            }
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    stats.report(stats_wanted);
    if out.flush().is_err() || failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `{"file", "paragraphs"}` per post: the text other recognizers are given in comparisons.
fn paragraphs(paths: &[String]) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: cannot read");
            return ExitCode::FAILURE;
        };
        let post = postchart::Post::parse(&String::from_utf8_lossy(&bytes));
        let texts: Vec<&str> = post.paragraphs.iter().map(|p| p.text.as_str()).collect();
        if writeln!(out, "{}", json!({"file": path, "paragraphs": texts})).is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn plain(stats_wanted: bool) -> ExitCode {
    let mut stats = Stats::default();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let Ok(line) = line else {
            eprintln!("stdin: line {} is not UTF-8", n + 1);
            return ExitCode::FAILURE;
        };
        if line.trim().is_empty() {
            continue;
        }
        let case: Json = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("stdin: line {}: {e}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        let input = case.get("input").and_then(Json::as_str).unwrap_or("");
        let mut facts = stats.time(input.len(), || {
            postchart::extract::extract_text_with(input, ExtractOptions { every_number: true })
        });
        // Like a recognizer's models: a case may ask for one kind of figure only.
        if let Some(kind) = case.get("kind").and_then(Json::as_str) {
            facts.retain(|f| matches_kind(f, kind));
        }
        if writeln!(out, "{}", json!({"id": case.get("id"), "facts": facts})).is_err() {
            return ExitCode::FAILURE;
        }
    }
    stats.report(stats_wanted);
    if out.flush().is_err() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether a fact is of the kind a case asks for (`number` keeps every number).
fn matches_kind(fact: &postchart::Fact, kind: &str) -> bool {
    use postchart::extract::Category;
    match kind {
        "percent" => fact.category() == Category::Percent,
        "currency" => fact.category() == Category::Currency,
        "dimension" => fact.category() == Category::Dimension,
        "temperature" => fact.category() == Category::Temperature,
        "age" => fact.category() == Category::Age,
        "range" => matches!(fact.value, postchart::Value::Range(..)),
        "ordinal" => false,
        _ => true,
    }
}
