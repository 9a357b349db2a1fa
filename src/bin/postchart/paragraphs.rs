//! `postchart paragraphs FILE…`: `{"file", "paragraphs"}` per post, the text other recognizers
//! are given in comparisons (scripts/eval.sh).

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::json;

pub fn command(paths: &[String]) -> ExitCode {
    if paths.is_empty() {
        return crate::usage();
    }
    paragraphs(paths)
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
