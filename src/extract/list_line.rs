//! A paragraph that is one line of a list: `Bronx: Obama 88% 300,327 | Smith 11% 38,560`
//! (a head, a colon, figures), or `New elevators at 13 stations - $561 million` (an item, a
//! dash, its figure). The head names the figures; `choose` charts lines of one shape as
//! columns.

use super::{Fact, Value};

/// A line longer than this is a sentence, not a list line.
const MAX_LINE: usize = 240;
/// Most words between a head's colon and its first figure (`Obama 88%`, `from $2.75`).
const MAX_OPENING: usize = 3;
/// Most words of a head before a colon.
const MAX_HEAD_WORDS: usize = 7;
/// A head longer than this is a clause, not a name.
const MAX_HEAD: usize = 48;

/// Words after which an item's description goes on to say where, how or why (`Station
/// renewal at 20 stations`): the label is what comes before.
const DESCRIPTION_TURNS: &[&str] = &[
    "across",
    "along",
    "at",
    "by",
    "for",
    "from",
    "in",
    "including",
    "like",
    "on",
    "over",
    "through",
    "to",
    "which",
    "with",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// `Head: figures…`
    Colon,
    /// `Head - figure`, the figure ending the line.
    Dash,
}

/// One line of a list: its head and the figures that follow it.
pub(crate) struct Line {
    pub(crate) paragraph: usize,
    pub(crate) form: Form,
    pub(crate) head: String,
    /// Indices of the figures after the head.
    pub(crate) figures: Vec<usize>,
    /// The words that open the part of the line each figure stands in (`Obama` of `Obama 88%
    /// 300,327`), per figure.
    pub(crate) columns: Vec<String>,
}

/// A paragraph read as a list line, when it is one.
pub(crate) fn read_line(p: usize, text: &[char], facts: &[Fact], own: &[usize]) -> Option<Line> {
    let &last = own.last()?;
    if text.len() > MAX_LINE {
        return None;
    }
    let first_start = facts[own[0]].place.start;
    // `Head: …`, the colon before any figure.
    let colon = text[..first_start]
        .iter()
        .position(|&c| c == ':')
        .filter(|&i| text.get(i + 1).map_or(true, |c| c.is_whitespace()));
    // A list line ends on its last figure (`… | Smith 11% 38,560`, `- $561 million.`).
    let after: String = text[facts[last].place.end..].iter().collect();
    if !after.trim().trim_end_matches(['.', ';']).is_empty() {
        return None;
    }
    let (form, head_end, figures): (Form, usize, Vec<usize>) = if let Some(colon) = colon {
        // (`Buyers will get less: they will be getting €2,000`: a clause after the colon is a
        // sentence; a line's figures follow its head at once, or after a word or two.)
        let opening: String = text[colon + 1..first_start].iter().collect();
        let head_words = text[..colon].iter().filter(|c| c.is_whitespace()).count() + 1;
        if opening.split_whitespace().count() > MAX_OPENING || head_words > MAX_HEAD_WORDS {
            return None;
        }
        (Form::Colon, colon, own.to_vec())
    } else {
        // `Head - figure`: the line ends on its figure, a dash before it.
        let fact = &facts[last];
        let before: String = text[..fact.place.start].iter().collect();
        let trimmed = before.trim_end();
        let dash = trimmed.strip_suffix(['-', '–', '—'])?;
        (Form::Dash, dash.chars().count(), vec![last])
    };
    let head: String = text[..head_end].iter().collect();
    let head = head.trim();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    // (A list of a CJK text is read by its own rules.)
    if letters == 0 || head.chars().count() > MAX_HEAD && form == Form::Colon || !head.is_ascii() {
        return None;
    }
    let figures: Vec<usize> = figures
        .into_iter()
        .filter(|&k| matches!(facts[k].value, Value::One(v) if v.is_finite()))
        .collect();
    if figures.is_empty() {
        return None;
    }
    let columns = figures
        .iter()
        .map(|&k| column_words(text, head_end, facts, own, k))
        .collect();
    Some(Line {
        paragraph: p,
        form,
        head: head.to_string(),
        figures,
        columns,
    })
}

/// The words opening the part of a line a figure stands in: parts are set apart by `|`, `;`
/// or `,` (`Obama 88% 300,327 | Smith 11% 38,560`); "" when the part opens on a figure.
fn column_words(text: &[char], head_end: usize, facts: &[Fact], own: &[usize], k: usize) -> String {
    let start = facts[k].place.start;
    let part_start = text[head_end..start]
        .iter()
        .rposition(|&c| matches!(c, '|' | ';' | ','))
        .map_or(head_end + 1, |i| head_end + i + 1);
    let first_in_part = own
        .iter()
        .map(|&j| facts[j].place.start)
        .find(|&s| s >= part_start)
        .unwrap_or(start);
    let words: String = text[part_start.min(first_in_part)..first_in_part]
        .iter()
        .collect();
    let words = words.trim();
    if words
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '.')
        && words.len() <= 24
    {
        words.to_string()
    } else {
        String::new()
    }
}

/// A point label from a line's head: the item before its description goes on (`Station
/// renewal` of `Station renewal at 20 stations on six lines`).
pub(crate) fn label_of(head: &str, form: Form) -> String {
    let mut words: Vec<&str> = head.split_whitespace().collect();
    if form == Form::Dash {
        if let Some(cut) = (1..words.len())
            .find(|&i| DESCRIPTION_TURNS.contains(&words[i]) || words[i - 1].ends_with(','))
        {
            words.truncate(cut);
        }
    }
    words.join(" ").trim_end_matches(',').to_string()
}

/// The label of each figure of a list line: its head, and the words opening its part of the
/// line when there are several (`Obama, Bronx`).
pub(crate) fn figure_labels(line: &Line) -> Vec<String> {
    let head = label_of(&line.head, line.form);
    line.columns
        .iter()
        .map(|word| {
            if word.is_empty() || word == &head {
                head.clone()
            } else {
                format!("{word}, {head}")
            }
        })
        .collect()
}
