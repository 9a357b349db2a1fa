//! The `postchart` command line, one module per subcommand:
//! - `extract FILE…` / `extract --plain`: facts and charts as JSON lines (`extract`);
//! - `paragraphs FILE…`: the paragraphs other recognizers are given (`paragraphs`);
//! - `preview FILE… [--out DIR]`: an HTML page per post for an editor (`preview`);
//! - `render FILE… --out DIR [--font FILE] [--social] [--jobs N]`: the charts as SVG and PNG
//!   with a manifest, for a site's build (`render`).
//!
//! Every one reads the editor's settings through the library (`postchart::settings`), the same
//! reader as the wasm's.

use std::process::ExitCode;

mod extract;
mod paragraphs;
mod preview;
mod render;

pub const USAGE: &str = "usage: postchart extract FILE...\n       postchart extract --plain < cases.jsonl\n       postchart preview FILE... [--out DIR]\n       postchart render FILE... --out DIR [--font FILE] [--social] [--jobs N]\n       postchart paragraphs FILE...";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, rest)) if cmd == "extract" => extract::command(rest),
        Some((cmd, rest)) if cmd == "paragraphs" => paragraphs::command(rest),
        Some((cmd, rest)) if cmd == "preview" => preview::command(rest),
        Some((cmd, rest)) if cmd == "render" => render::command(rest),
        _ => usage(),
    }
}

/// What a command given wrong arguments prints, and its exit code.
pub fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// A file name for each post's outputs: its stem, and `-2`, `-3` for posts of one name in
/// different folders (`index.md`).
pub fn page_names(paths: &[String]) -> Vec<String> {
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
