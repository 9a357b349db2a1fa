//! Front matter: the `---` YAML or `+++` TOML header of a Jekyll, Hexo or Hugo post.
//!
//! Only the fields a post page carries are read, with a small line parser rather than a full
//! YAML/TOML crate: real headers are flat `key: value` lists, and a broken one must never stop
//! the body from being charted.

use serde::Serialize;

/// The fields of a post header that postchart uses.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    /// Language tag (`zh`, `en-US`, …) when the header names one.
    pub lang: Option<String>,
    /// Where the story comes from (`source:`), else who wrote it (`author:`; on news mirrors
    /// usually the outlet, `财联社`): the charts' source line when the text names none.
    pub source: Option<String>,
    /// The editor's `postchart:` settings as written, `(key, value)` text pairs (`("", "false")`,
    /// `("max", "2")`, `("titles.0", "New title")`), read by [`crate::settings::Settings::read`].
    #[serde(skip)]
    pub postchart: Vec<(String, String)>,
}

/// Splits `source` into its front matter (if a complete header opens it) and the body.
///
/// A header that is opened but never closed is not a header: the whole text is the body, so
/// that nothing in it is lost.
pub fn split(source: &str) -> (Option<FrontMatter>, &str) {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // Tolerate blank lines before the opening fence.
    let trimmed = source.trim_start_matches(['\n', '\r', ' ', '\t']);
    let (fence, toml) = if trimmed.starts_with("---") {
        ("---", false)
    } else if trimmed.starts_with("+++") {
        ("+++", true)
    } else {
        return (None, source);
    };
    let first_line_end = trimmed.find('\n').unwrap_or(trimmed.len());
    if trimmed[..first_line_end].trim_end() != fence {
        return (None, source);
    }
    let header_start = (first_line_end + 1).min(trimmed.len());
    let mut offset = header_start;
    for line in trimmed[header_start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (!toml && bare == "...") {
            let header = &trimmed[header_start..offset];
            let body = &trimmed[offset + line.len()..];
            let fields = if toml {
                parse_toml(header)
            } else {
                parse_yaml(header)
            };
            return (Some(fields), body);
        }
        offset += line.len();
    }
    (None, source)
}

fn parse_yaml(header: &str) -> FrontMatter {
    let mut fields = FrontMatter::default();
    let mut open_list: Option<String> = None;
    // Inside `postchart:`: the indentation of its keys, and the key whose items follow.
    let mut postchart: Option<(usize, Option<String>)> = None;
    for line in header.lines() {
        let bare = line.trim();
        if bare.is_empty() || bare.starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some((child_indent, sub)) = postchart.as_mut().filter(|_| indent > 0) {
            if *child_indent == 0 {
                *child_indent = indent;
            }
            let item = bare.strip_prefix("- ").map(str::trim);
            let entry = bare
                .split_once(':')
                .map(|(k, v)| (k.trim().to_string(), strip_comment(v.trim()).to_string()));
            match (item, entry, sub.as_ref()) {
                (Some(item), _, Some(key)) => {
                    fields.postchart.push((key.clone(), item.to_string()))
                }
                (None, Some((k, v)), Some(key)) if indent > *child_indent => {
                    fields.postchart.push((format!("{key}.{k}"), v));
                }
                (None, Some((k, v)), _) if v.is_empty() => *sub = Some(k),
                (None, Some((k, v)), _) => {
                    fields.postchart.push((k, v));
                    *sub = None;
                }
                _ => {}
            }
            continue;
        }
        postchart = None;
        if let Some(item) = bare
            .strip_prefix("- ")
            .or(if bare == "-" { Some("") } else { None })
        {
            if let Some(key) = &open_list {
                let item = unquote(item.trim());
                if !item.is_empty() {
                    push_list(&mut fields, key, vec![item]);
                }
            }
            continue;
        }
        open_list = None;
        // Nested keys (indented) belong to some other mapping; only top-level keys count.
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = bare.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = strip_comment(value.trim());
        if key == "postchart" {
            read_postchart(&mut fields, value);
            if value.is_empty() {
                postchart = Some((0, None));
            }
            continue;
        }
        if value.is_empty() {
            open_list = Some(key);
            continue;
        }
        assign(&mut fields, &key, value);
    }
    fields
}

/// `postchart: false`, or `postchart: {max: 2}` written inline.
fn read_postchart(fields: &mut FrontMatter, value: &str) {
    if value.starts_with('{') {
        fields.postchart.extend(super::values::flow_entries(value));
    } else if !value.is_empty() {
        fields.postchart.push((String::new(), value.to_string()));
    }
}

fn parse_toml(header: &str) -> FrontMatter {
    let mut fields = FrontMatter::default();
    // The table the lines are in: the post's own keys, `[postchart]`, `[postchart.titles]`.
    let mut table: Option<String> = None;
    for line in header.lines() {
        let bare = line.trim();
        if let Some(name) = bare.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            table = Some(name.trim().trim_matches('"').to_string());
            continue;
        }
        let Some((key, value)) = bare.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        let value = strip_comment(value.trim());
        match table.as_deref() {
            None if key == "postchart" => read_postchart(&mut fields, value),
            None => assign(&mut fields, &key, value),
            Some("postchart") => fields.postchart.push((key, value.to_string())),
            Some(sub) => {
                // (A table of another name holds keys that are not the post's own.)
                if let Some(sub) = sub.strip_prefix("postchart.") {
                    fields
                        .postchart
                        .push((format!("{sub}.{key}"), value.to_string()));
                }
            }
        }
    }
    fields
}

fn assign(fields: &mut FrontMatter, key: &str, value: &str) {
    match key {
        "title" => fields.title = non_empty(unquote(value)),
        "date" => fields.date = non_empty(unquote(value)),
        "lang" | "language" | "locale" => fields.lang = non_empty(unquote(value)),
        "source" => fields.source = non_empty(unquote(value)),
        "author" if fields.source.is_none() => fields.source = non_empty(unquote(value)),
        "categories" | "category" | "tags" | "tag" | "keywords" => {
            push_list(fields, key, list_items(value))
        }
        _ => {}
    }
}

fn push_list(fields: &mut FrontMatter, key: &str, items: Vec<String>) {
    match key {
        "categories" | "category" => fields.categories.extend(items),
        "tags" | "tag" | "keywords" => fields.tags.extend(items),
        _ => {}
    }
}

/// `[a, "b"]` or `a b` (Jekyll's space-separated form) or a single value.
fn list_items(value: &str) -> Vec<String> {
    if !value.starts_with('[') && (value.starts_with('"') || value.starts_with('\'')) {
        return non_empty(unquote(value)).into_iter().collect();
    }
    // An unclosed `[a, b` is read as the list it meant.
    let text = value.trim_start_matches('[').trim_end_matches(']');
    let sep: &[char] = if value.starts_with('[') {
        &[',']
    } else {
        &[' ', ',']
    };
    text.split(sep)
        .map(|item| unquote(item.trim()))
        .filter(|item| !item.is_empty())
        .collect()
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    for quote in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(quote) && v.ends_with(quote) {
            let inner = &v[1..v.len() - 1];
            return if quote == '"' {
                inner.replace("\\\"", "\"").replace("\\\\", "\\")
            } else {
                inner.replace("''", "'")
            };
        }
    }
    v.to_string()
}

/// Drops a trailing ` # comment` outside quotes.
fn strip_comment(value: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut prev_space = true;
    for (i, c) in value.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev_space => return value[..i].trim_end(),
            None => {}
        }
        prev_space = c.is_whitespace();
    }
    value
}

fn non_empty(s: String) -> Option<String> {
    if s.trim().is_empty() {
        None
    } else {
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_yaml_with_quotes_and_lists() {
        let src = "---\nlayout: post\ntitle: \"建培训高地 植技能沃土\"\ndate: 2022-02-24 14:19:38 +0800\ncategories: zhongguolaodongbaozhangbao\ntags:\n  - 新闻\n  - '就业'\n---\n<p>正文</p>";
        let (fm, body) = split(src);
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("建培训高地 植技能沃土"));
        assert_eq!(fm.date.as_deref(), Some("2022-02-24 14:19:38 +0800"));
        assert_eq!(fm.categories, vec!["zhongguolaodongbaozhangbao"]);
        assert_eq!(fm.tags, vec!["新闻", "就业"]);
        assert_eq!(body, "<p>正文</p>");
    }

    #[test]
    fn postchart_settings_in_yaml_and_toml() {
        let pairs = |src: &str| -> Vec<(String, String)> { split(src).0.unwrap().postchart };
        let yaml = "---\ntitle: t\npostchart:\n  max: 2 # at most\n  kinds: [bar, line]\n  exclude:\n    - 营业收入\n  - 2.5亿元\n  titles:\n    0: \"Jobs: May\"\ntags: [a]\n---\nbody";
        let got = pairs(yaml);
        let want: Vec<(String, String)> = [
            ("max", "2"),
            ("kinds", "[bar, line]"),
            ("exclude", "营业收入"),
            ("exclude", "2.5亿元"),
            ("titles.0", "\"Jobs: May\""),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(got, want);
        assert_eq!(split(yaml).0.unwrap().tags, ["a"]);
        assert_eq!(
            pairs("---\npostchart: false\n---\n"),
            [(String::new(), "false".into())]
        );
        assert_eq!(
            pairs("---\npostchart: {max: 1, only: [0, 2]}\n---\n"),
            [("max".into(), "1".into()), ("only".into(), "[0, 2]".into())]
        );
        let toml = "+++\ntitle = \"t\"\npostchart = false\n[postchart]\nmax = 3\n[postchart.titles]\n1 = \"New\"\n[params]\nmax = 9\n+++\n";
        let got = pairs(toml);
        assert_eq!(
            got,
            [
                (String::new(), "false".to_string()),
                ("max".into(), "3".into()),
                ("titles.1".into(), "\"New\"".into())
            ]
        );
    }

    #[test]
    fn hugo_toml() {
        let src = "+++\ntitle = \"新闻联播\"\ndate = 2021-03-01T19:00:00+08:00\ntags = [\"要闻\", \"经济\"]\nlang = \"zh-CN\"\n[params]\ntitle = \"not this\"\n+++\n正文";
        let (fm, body) = split(src);
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("新闻联播"));
        assert_eq!(fm.date.as_deref(), Some("2021-03-01T19:00:00+08:00"));
        assert_eq!(fm.tags, vec!["要闻", "经济"]);
        assert_eq!(fm.lang.as_deref(), Some("zh-CN"));
        assert_eq!(body, "正文");
    }

    #[test]
    fn blank_line_before_fence_and_bom() {
        let (fm, body) = split("\u{feff}\n\n---\ntitle: x\n---\nbody");
        assert_eq!(fm.unwrap().title.as_deref(), Some("x"));
        assert_eq!(body, "body");
    }

    #[test]
    fn unterminated_header_keeps_everything_as_body() {
        let src = "---\ntitle: x\n正文100人";
        let (fm, body) = split(src);
        assert!(fm.is_none());
        assert_eq!(body, src);
    }

    #[test]
    fn broken_fields_are_skipped() {
        let (fm, body) = split("---\ntitle\n: : :\ncategories: [a, b\ntitle: '好' # note\n---\nx");
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("好"));
        assert_eq!(fm.categories, vec!["a", "b"]);
        assert_eq!(body, "x");
    }

    #[test]
    fn no_header() {
        let (fm, body) = split("just text 5%");
        assert!(fm.is_none());
        assert_eq!(body, "just text 5%");
    }

    #[test]
    fn dashes_not_alone_on_line_are_not_a_fence() {
        let (fm, _) = split("----- a rule\ntitle: x\n---\n");
        assert!(fm.is_none());
    }
}
