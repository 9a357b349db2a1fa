//! `postchart extract FILE… [--stats]`: one JSON line per post with its facts and charts.
//! `postchart extract --plain [--stats]`: JSON lines `{"id", "input"}` on stdin, `{"id", "facts"}` out.
//!
//! The JSON is how extraction is scored (shared/tools/score.py): keep it stable.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use postchart::extract::ExtractOptions;
use serde_json::{json, Value as Json};

pub fn command(rest: &[String]) -> ExitCode {
    let stats = rest.iter().any(|a| a == "--stats");
    let paths: Vec<String> = rest
        .iter()
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .collect();
    if rest.iter().any(|a| a == "--plain") {
        plain(stats)
    } else if paths.is_empty() {
        crate::usage()
    } else {
        files(&paths, stats)
    }
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
