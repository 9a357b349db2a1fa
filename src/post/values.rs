//! Values written inline, as front matter and `data-postchart-*` attributes write them: quoted
//! text, lists (`[a, "b, c"]`) and maps (`{0: Title}`, `{ max = 2 }`). The settings reader and
//! the front matter reader share them.

pub(crate) fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// The items of `[a, "b, c", 'd']`, or of `a, b` (one item when it has no comma).
pub(crate) fn list(value: &str) -> Vec<&str> {
    let v = value.trim();
    let inner = v
        .strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .unwrap_or(v);
    split_outside_quotes(inner, ',')
        .into_iter()
        .map(unquote)
        .filter(|item| !item.is_empty())
        .collect()
}

/// The entries of `{0: "New title", 2: Other}` (YAML or JSON), or of `0: New title; 2: Other`.
pub(crate) fn map(value: &str) -> Vec<(&str, &str)> {
    let v = value.trim();
    let (inner, separator) = match v.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        Some(inner) => (inner, ','),
        None => (v, ';'),
    };
    split_outside_quotes(inner, separator)
        .into_iter()
        .filter_map(|entry| {
            let parts = split_outside_quotes(entry, ':');
            let (key, rest) = match parts.as_slice() {
                [key, _, ..] => (*key, &entry[key.len() + 1..]),
                _ => {
                    // TOML writes `0 = "x"`.
                    let (key, rest) = entry.split_once('=')?;
                    (key, rest)
                }
            };
            Some((unquote(key), unquote(rest)))
        })
        .collect()
}

/// The entries of a flow mapping written inline (`{max: 2, kinds: [bar, line]}` in YAML,
/// `{ max = 2, kinds = ["bar"] }` in TOML), as (key, value) text.
pub(crate) fn flow_entries(value: &str) -> Vec<(String, String)> {
    let inner = value
        .trim()
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or("");
    split_outside_quotes(inner, ',')
        .into_iter()
        .filter_map(|entry| {
            let at = entry.find([':', '='])?;
            Some((
                unquote(&entry[..at]).to_string(),
                entry[at + 1..].trim().to_string(),
            ))
        })
        .collect()
}

/// `text` split at `separator`, except inside quotes and brackets.
fn split_outside_quotes(text: &str, separator: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote: Option<char> = None;
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if matches!(c, '[' | '{') => depth += 1,
            None if matches!(c, ']' | '}') => depth = depth.saturating_sub(1),
            None if c == separator && depth == 0 => {
                out.push(text[start..i].trim());
                start = i + c.len_utf8();
            }
            None => {}
        }
    }
    out.push(text[start..].trim());
    out
}
