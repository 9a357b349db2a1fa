//! How English prose writes its figures: where sentences end, the noun a figure counts
//! (`940 subway cars`), the hedge before it (`more than`), the words that make it a fall
//! (`fell 1.9%`, `100 fewer deaths`), and units named as written (`miles`, `£`).
//!
//! Read on the characters of one paragraph, word by word, with small word lists: linear in
//! the paragraph, and silent where it does not know.

/// A paragraph is read as English when it has letters and no CJK characters.
pub fn is_english(chars: &[char]) -> bool {
    let mut letters = false;
    for &c in chars {
        if c.is_ascii_alphabetic() {
            letters = true;
        } else if is_cjk(c) {
            return false;
        }
    }
    letters
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Words after which a full stop does not end the sentence (`Mr. Smith`, `approx. 4`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "rep", "sen", "gov", "gen", "lt", "col", "jr", "sr", "inc",
    "co", "corp", "ltd", "no", "vs", "etc", "approx", "est", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ave", "mt", "fig", "vol", "ft", "sq",
];

/// Marks each full stop that ends an English sentence as `。`, which the reader already takes
/// for a sentence end: a stop before a space (or the end) and a capital, a digit or a quote,
/// not after an abbreviation or an initial (`U.S.`, `J. Smith`). One character for one keeps
/// every offset.
pub fn mark_sentence_ends(chars: &mut [char]) {
    for i in 0..chars.len() {
        if chars[i] != '.' {
            continue;
        }
        let next = chars.get(i + 1).copied();
        if next.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        // The next word opens a sentence: a capital, a digit, a quote or the end.
        let following = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
        let opens = following.map_or(true, |c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '(')
        });
        if !opens {
            continue;
        }
        let word_start = chars[..i]
            .iter()
            .rposition(|c| !c.is_ascii_alphabetic())
            .map_or(0, |p| p + 1);
        let word: String = chars[word_start..i]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // An initial: one letter (`U.S.`, `J. Smith`).
        let initial = word.chars().count() == 1;
        if initial || ABBREVIATIONS.contains(&word.as_str()) {
            continue;
        }
        chars[i] = '。';
    }
}

/// Hedges written before a figure, longest first (`more than 80 miles`).
const QUALIFIERS: &[&str] = &[
    "approximately",
    "as many as",
    "as much as",
    "more than",
    "fewer than",
    "less than",
    "just under",
    "just over",
    "at least",
    "at most",
    "estimated",
    "roughly",
    "around",
    "nearly",
    "nearing",
    "almost",
    "approx.",
    "about",
    "up to",
    "under",
    "over",
    "some",
];

/// The hedge that ends right before `start` (with the space after it): (hedge, its length).
pub fn qualifier_before(chars: &[char], start: usize) -> Option<(&'static str, usize)> {
    // The figure's own sign may sit between (`about $5`): the caller passes the sign's start.
    if start == 0 || chars[start - 1] != ' ' {
        return None;
    }
    let end = start - 1;
    // (Every hedge ends on one of these: most words before a figure are ruled out at once.)
    let last = chars
        .get(end.wrapping_sub(1))
        .map(|c| c.to_ascii_lowercase());
    if !matches!(
        last,
        Some('y' | 's' | 'n' | 'r' | 't' | 'd' | 'g' | '.' | 'o' | 'e')
    ) {
        return None;
    }
    QUALIFIERS.iter().find_map(|q| {
        let n = q.chars().count();
        let from = end.checked_sub(n)?;
        let same = chars[from..end]
            .iter()
            .zip(q.chars())
            .all(|(c, w)| c.to_ascii_lowercase() == w);
        // A whole word: nothing glued before it.
        let whole = from == 0 || !chars[from - 1].is_ascii_alphanumeric();
        (same && whole).then_some((*q, n + 1))
    })
}

/// Verbs and words that, right before a figure, say it is a fall (`fell 1.9%`, `down 4%`,
/// `fell by 63,000`); where a fall ended (`fell to 8.6%`) is a level.
const FALLS_BEFORE: &[&str] = &[
    "fell",
    "falls",
    "fall",
    "dropped",
    "drops",
    "drop",
    "declined",
    "declines",
    "decline",
    "decreased",
    "decreases",
    "decrease",
    "slipped",
    "slid",
    "dipped",
    "eased",
    "plunged",
    "tumbled",
    "sank",
    "shrank",
    "contracted",
    "down",
    "lower",
    "cut",
    "slashed",
    "reduced",
    "minus",
    "lost",
    "losing",
    "sink",
    "sinks",
    "slump",
    "slumps",
    "slumped",
    "tumble",
    "tumbles",
    "plunge",
    "plunges",
    "plummeted",
    "slide",
    "slides",
    "retreated",
    "shed",
];

/// Words between the fall and the figure that keep it a fall (`fell another 0.2%`).
const FALL_LINKS: &[&str] = &["by", "another", "a further", "of"];

/// The move the words ending right before the figure state: -1 a fall, 1 a rise, `None`
/// for a level (`rose to 8.6%`) or no move.
pub fn move_before(before: &[char]) -> Option<i8> {
    let mut words = last_words(before, 4);
    // `fell by 63,000`, `fell another 0.2%`, `a decline of 5%`: a link after the verb.
    while let Some(w) = words.last() {
        if FALL_LINKS.contains(&w.as_str()) || QUALIFIER_WORDS.contains(&w.as_str()) {
            words.pop();
        } else {
            break;
        }
    }
    let last = words.last().map(String::as_str).unwrap_or("");
    // `lost $1.6bn` is a loss, a level (the labels say so); `losing 5%` of something is a fall.
    if FALLS_BEFORE.contains(&last) && last != "lost" {
        Some(-1)
    } else if RISES_BEFORE.contains(&last) {
        Some(1)
    } else {
        None
    }
}

/// Verbs and words right before a figure that make it a rise of so much (`Employment up
/// 54,000`, `added 12,000 jobs`); `rose to 8.6%` is a level, and `to` ends the words first
/// ([`move_before`]).
const RISES_BEFORE: &[&str] = &[
    "up",
    "rose",
    "rises",
    "risen",
    "grew",
    "grows",
    "gained",
    "gains",
    "added",
    "adds",
    "increased",
    "increases",
    "jumped",
    "jumps",
    "climbed",
    "climbs",
    "surged",
    "soared",
    "advanced",
    "widened",
];

/// The words of the hedges, one by one (`more than`, `about`), skipped before a fall's verb.
const QUALIFIER_WORDS: &[&str] = &[
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "more",
    "than",
    "over",
    "some",
    "just",
    "approximately",
];

/// Words right after a figure that make it a fall (`100 fewer deaths`, `a 5% drop`, `a $65
/// million cut`).
const FALLS_AFTER: &[&str] = &[
    "fewer",
    "less",
    "lower",
    "drop",
    "decline",
    "decrease",
    "fall",
    "cut",
    "reduction",
    "down",
];

pub fn decrease_after(chars: &[char], end: usize) -> bool {
    first_words(chars, end, 1)
        .first()
        .is_some_and(|w| FALLS_AFTER.contains(&w.as_str()))
}

/// The last `n` words (lowercase letters) of `text`, in order; stops at a clause mark.
fn last_words(text: &[char], n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = text.len();
    while out.len() < n && i > 0 {
        while i > 0 && text[i - 1] == ' ' {
            i -= 1;
        }
        let end = i;
        while i > 0 && (text[i - 1].is_ascii_alphabetic() || text[i - 1] == '.') {
            i -= 1;
        }
        if i == end {
            break;
        }
        out.push(
            text[i..end]
                .iter()
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        );
    }
    out.reverse();
    out
}

/// The first `n` words (lowercase) after `end`, stopping at anything that is not a space or a
/// letter.
fn first_words(chars: &[char], end: usize, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = end;
    while out.len() < n {
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            i += 1;
        }
        if i == start {
            break;
        }
        out.push(
            chars[start..i]
                .iter()
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        );
    }
    out
}

/// Word lists asked of every word near a figure, kept sorted in the source for a binary search
/// (a linear scan of two hundred words per word was a tenth of English extraction; a test
/// checks the order).
fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

fn is_link(word: &str) -> bool {
    LINKS.binary_search(&word).is_ok()
}

/// A word without the punctuation around it (`state's,` -> `state's`).
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
}

/// Whether a word as written (any case, punctuation around it) is one of `list`; compared
/// without building it again.
fn one_of(w: &str, list: &[&str]) -> bool {
    let w = bare(w);
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// [`is_link`] for a word as written (`Rose`, `WAS`): compared byte by byte in lower case.
fn is_link_ci(word: &str) -> bool {
    LINKS
        .binary_search_by(|probe| {
            probe
                .bytes()
                .cmp(word.bytes().map(|b| b.to_ascii_lowercase()))
        })
        .is_ok()
}

/// Words that end the noun a figure counts: articles, prepositions, verbs, pronouns.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "across",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "alone",
    "also",
    "am",
    "among",
    "an",
    "and",
    "apiece",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "billion",
    "both",
    "but",
    "by",
    "can",
    "cent",
    "combined",
    "could",
    "decade",
    "decades",
    "down",
    "dozen",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "fell",
    "fewer",
    "for",
    "from",
    "grew",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "hundred",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "jumped",
    "just",
    "last",
    "later",
    "less",
    "may",
    "might",
    "million",
    "more",
    "must",
    "my",
    "next",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "overall",
    "per",
    "percent",
    "pm",
    "point",
    "points",
    "respectively",
    "rose",
    "she",
    "should",
    "since",
    "so",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thousand",
    "through",
    "time",
    "to",
    "too",
    "total",
    "trillion",
    "under",
    "until",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
];

/// Words between the figure and its noun that are not the noun (`13 more stations`, `two new
/// vent plants`).
const BEFORE_NOUN: &[&str] = &[
    "more",
    "new",
    "additional",
    "extra",
    "fewer",
    "other",
    "further",
];

/// The noun a figure counts, as written (`subway cars` of `940 subway cars to be purchased`,
/// `miles` of `80 miles of track`, `murders per 100,000 people`, `per month`): the unit, and
/// the characters it takes after `end`. At most two words, and a `per …` after them.
pub fn noun_unit(chars: &[char], end: usize) -> Option<(String, usize)> {
    let mut i = end;
    let mut words: Vec<String> = Vec::new();
    let mut word_end = end;
    let mut skipped = false;
    loop {
        let mut j = i;
        if chars.get(j) == Some(&' ') {
            j += 1;
        } else if j != end || chars.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
            // A word glued to the digits is a code or an ordinal (`3rd`, `737MAX`).
            break;
        }
        let start = j;
        if !chars.get(j).is_some_and(|c| c.is_ascii_alphabetic()) {
            break;
        }
        while chars
            .get(j)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '-' || *c == '\'')
        {
            j += 1;
        }
        let raw: String = chars[start..j].iter().collect();
        let word = raw.to_ascii_lowercase();
        // A number word goes on the number (`zero point zero eight`), not into its noun.
        if super::english::is_number_word(word.trim_end_matches('s'))
            || matches!(
                word.as_str(),
                "point" | "plus" | "minus" | "equals" | "dozs"
            )
            || super::english::is_fraction_word(&word)
        {
            break;
        }
        // Names are capitalised (`Model Y`, `Boeing 737`); an acronym is a unit (`BTC`, `GW`).
        let capital = raw.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let acronym = raw.len() <= 5 && raw.chars().all(|c| c.is_ascii_uppercase());
        if words.is_empty() && !skipped && BEFORE_NOUN.contains(&word.as_str()) {
            skipped = true;
            i = j;
            continue;
        }
        // `10 largest agencies` is a rank, `3rd` an ordinal.
        let ordinal_tail = matches!(word.as_str(), "th" | "st" | "nd" | "rd")
            || (words.is_empty() && word.len() > 4 && word.ends_with("est"));
        if is_stop_word(&word) || (capital && !acronym) || ordinal_tail {
            break;
        }
        // An adverb or a verb form ends the noun (`stations fully accessible`, `24 lines
        // exceeded`, `three months ended`), as does a number word's compound (`sixty-foot`).
        if word.ends_with("ly") && words.len() < 2 {
            break;
        }
        if !words.is_empty() && word.ends_with("ed") {
            break;
        }
        if word.contains('-') && word.split('-').any(super::english::is_number_word) {
            break;
        }
        words.push(raw);
        word_end = j;
        i = j;
        // (`7 times faster`: a multiple ends its unit; `1000 cases compares`: a plural noun
        // ends it, what follows is its verb.)
        if words.len() == 2 || acronym || word == "times" || plural(&word) {
            break;
        }
    }
    // `murders per 100,000 people`, `54 per 100K`, `70,000 per month`.
    let after = if words.is_empty() { end } else { word_end };
    let per = read_per(chars, after);
    if words.is_empty() && per.is_none() {
        return None;
    }
    let mut unit = words.join(" ");
    let mut stop = after;
    if let Some((phrase, to)) = per {
        if !unit.is_empty() {
            unit.push(' ');
        }
        unit.push_str(&phrase);
        stop = to;
    }
    Some((unit, stop - end))
}

/// `per 100,000 people`, `per 100K`, `per month`, `a day` (after a noun): the phrase and where
/// it ends.
fn read_per(chars: &[char], at: usize) -> Option<(String, usize)> {
    let rest: String = chars[at..chars.len().min(at + 40)].iter().collect();
    let body = rest.strip_prefix(" per ")?;
    // An optional figure (`100,000`, `100K`), then a word.
    let b: Vec<char> = body.chars().collect();
    let mut figure_len = 0;
    while let Some(&c) = b.get(figure_len) {
        let inside = matches!(c, ',' | '.')
            && figure_len > 0
            && b.get(figure_len + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || inside {
            figure_len += 1;
        } else {
            if figure_len > 0 && matches!(c, 'K' | 'k') {
                figure_len += 1;
            }
            break;
        }
    }
    let after_figure = &body[figure_len..];
    let word_len = if figure_len > 0 && !after_figure.starts_with(' ') {
        0
    } else {
        let w = after_figure.trim_start();
        let n = w
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(w.len());
        if n == 0 {
            0
        } else {
            (after_figure.len() - w.len()) + n
        }
    };
    if figure_len == 0 && word_len == 0 {
        return None;
    }
    let phrase_len = " per ".len() + figure_len + word_len;
    let phrase = rest[1..phrase_len].trim_end_matches([',', '.']).to_string();
    Some((phrase.clone(), at + phrase.chars().count() + 1))
}

/// Words that link a subject to its figure, cut off the end of a label (`Retail sales fell`
/// -> `Retail sales`, `the company reported` -> `the company`).
// A scale or a number word left of an earlier figure (`2.45 Billion, up 7.67%`).
const LINKS: &[&str] = &[
    "a",
    "about",
    "added",
    "adds",
    "almost",
    "also",
    "an",
    "and",
    "another",
    "approximately",
    "are",
    "around",
    "as",
    "at",
    "be",
    "been",
    "being",
    "between",
    "billion",
    "bn",
    "but",
    "by",
    "came",
    "climbed",
    "climbs",
    "comes",
    "contracted",
    "cost",
    "costs",
    "cut",
    "declined",
    "declines",
    "decrease",
    "decreased",
    "decreases",
    "dipped",
    "down",
    "dropped",
    "drops",
    "earned",
    "earns",
    "eased",
    "estimated",
    "expected",
    "fall",
    "fallen",
    "falls",
    "fell",
    "for",
    "forecast",
    "from",
    "gained",
    "gains",
    "gets",
    "got",
    "grew",
    "grow",
    "grows",
    "had",
    "has",
    "have",
    "he",
    "he's",
    "her",
    "here",
    "here's",
    "his",
    "hit",
    "hits",
    "i",
    "in",
    "increase",
    "increased",
    "increases",
    "is",
    "it",
    "it's",
    "its",
    "jumped",
    "jumps",
    "just",
    "k",
    "least",
    "loses",
    "lost",
    "m",
    "made",
    "makes",
    "many",
    "million",
    "more",
    "most",
    "much",
    "nearly",
    "now",
    "of",
    "on",
    "only",
    "or",
    "over",
    "paid",
    "pays",
    "plunged",
    "posted",
    "posts",
    "projected",
    "raised",
    "raises",
    "reached",
    "reaches",
    "recorded",
    "records",
    "reduced",
    "reported",
    "reports",
    "rise",
    "risen",
    "rises",
    "rose",
    "roughly",
    "sank",
    "saw",
    "see",
    "sees",
    "set",
    "she",
    "she's",
    "showed",
    "shows",
    "shrank",
    "sink",
    "sinks",
    "slashed",
    "slid",
    "slipped",
    "slump",
    "slumped",
    "slumps",
    "some",
    "spends",
    "spent",
    "stands",
    "still",
    "stood",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "there",
    "there's",
    "they",
    "they're",
    "thousand",
    "to",
    "totaled",
    "totalled",
    "totals",
    "trillion",
    "tumbled",
    "under",
    "up",
    "valued",
    "was",
    "we",
    "we're",
    "were",
    "what's",
    "which",
    "who",
    "will",
    "with",
    "worth",
    "would",
    "you",
];

/// Words cut off the start of a label (`and the rate` -> `rate`, `followed by Oklahoma`).
const LEADING: &[&str] = &[
    "followed",
    "including",
    "and",
    "or",
    "but",
    "the",
    "a",
    "an",
    "with",
    "while",
    "whereas",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "as",
    "that",
    "which",
    "so",
    "then",
    "also",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
    "about",
    "after",
    "before",
    "since",
];

/// A noun's plural (`cases`, `people` is read as one by its verb), not a word ending in s
/// (`news`, `bus`, `glass`, `analysis`).
fn plural(word: &str) -> bool {
    word.len() > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "ws"]
            .iter()
            .any(|end| word.ends_with(end))
        && !matches!(word, "series" | "species" | "means" | "basis")
}

/// Link words that are as often the noun a figure measures (`shelter costs`, `a tax cut`).
const NOUNS_OR_VERBS: &[&str] = &[
    "cost", "costs", "cut", "cuts", "decrease", "forecast", "gains", "increase", "sales",
];

/// Words that help a verb or stand beside it (`will be getting`, `also`), not names.
const AUXILIARIES: &[&str] = &[
    "also", "already", "am", "are", "be", "been", "being", "can", "could", "did", "do", "does",
    "get", "gets", "got", "had", "has", "have", "is", "just", "may", "might", "must", "now",
    "only", "shall", "should", "still", "then", "was", "were", "will", "would",
];

/// The label of an English figure: the words of its clause before it, without the verb that
/// links them (`Retail sales fell 1.9%` -> `Retail sales`), or, when the clause names nothing
/// before it, what follows (`$21.5 million in subsidies` -> `subsidies`); a counted noun that
/// is the figure's unit (`Replace 46 elevators`) goes with the words before it.
pub fn label(
    chars: &[char],
    context_start: usize,
    start: usize,
    unit_end: usize,
    unit: Option<&str>,
) -> String {
    let context_start = context_start.max(start.saturating_sub(80));
    let before: String = chars[context_start.min(start)..start].iter().collect();
    // The words of the clause, at most the last eight.
    let mut words: Vec<&str> = before
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 8 {
        words.drain(..words.len() - 8);
    }
    // `shelter costs, which rose 0.4%`: a relative clause's figure is of the noun before it.
    let mut relative = String::new();
    if words.first().is_some_and(|w| one_of(w, &["which", "who"])) {
        let back = &chars[context_start.saturating_sub(48)..context_start];
        let back: String = back.iter().collect();
        let back = back.trim_end().trim_end_matches(',');
        let noun = back
            .rsplit([',', ';', ':', '。', '(', ')'])
            .next()
            .unwrap_or("");
        let mut named: Vec<&str> = noun.split_whitespace().collect();
        if named.len() > 4 {
            named.drain(..named.len() - 4);
        }
        while named.first().is_some_and(|w| one_of(w, LEADING)) {
            named.remove(0);
        }
        relative = named.join(" ");
    }
    // Punctuation inside the clause ends what came before it (`the city's`, `-`).
    if let Some(p) = words
        .iter()
        .rposition(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        words.drain(..=p);
    }
    // (`Shelter costs rose`: once the verb is off, a word that may be a noun or a verb is the
    // noun.)
    let mut verb_off = false;
    while let Some(w) = words.last().map(|w| bare(w)).filter(|w| is_link_ci(w)) {
        if verb_off && one_of(w, NOUNS_OR_VERBS) {
            break;
        }
        verb_off |= w.len() > 3 && !one_of(w, LEADING);
        words.pop();
    }
    while words.first().is_some_and(|w| one_of(w, LEADING)) {
        words.remove(0);
    }
    // `Kansas was the next highest state`: a name before its verb is the subject.
    if let Some(p) = words
        .iter()
        .position(|w| one_of(w, &["was", "is", "were", "are", "has", "had", "have"]))
        .filter(|&p| {
            p > 0
                && words[..p]
                    .iter()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        })
    {
        words.truncate(p);
    }
    // A clause on a pronoun (`they will be getting`) names nothing but what its verb is done
    // to (`we generated strong cash flow`); else what follows the figure may.
    if words.first().is_some_and(|w| {
        one_of(
            w,
            &[
                "they", "he", "she", "it", "we", "you", "i", "this", "that", "there",
            ],
        )
    }) {
        words.remove(0);
        while words.first().is_some_and(|w| {
            one_of(w, AUXILIARIES) || bare(w).ends_with("ed") || bare(w).ends_with("ing")
        }) {
            words.remove(0);
        }
        while words.first().is_some_and(|w| one_of(w, LEADING)) {
            words.remove(0);
        }
    }
    let mut label = if relative.is_empty() {
        words.join(" ")
    } else {
        relative
    };
    label = label
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '\'')
        .to_string();
    // `8.5% in March 2009, 10.4% in January and 10% …`: the words left of the figure are the
    // figure before's period, not a name; the label is borrowed from the figure before.
    if leading_period(&label).is_some_and(|p| p == label) && context_start > 0 {
        label.clear();
    }
    // A counted noun (`940 subway cars`) is what the figure measures.
    let measures = [
        "%",
        "percentage points",
        "basis points",
        "cents",
        "pence",
        "times",
        "miles",
        "feet",
        "inches",
        "kilometers",
        "meters",
    ];
    // (A rate, `per 100K`, names no thing: the words before it do, `Detroit has 54 per 100K`.)
    let counted = unit.filter(|u| {
        u.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && !measures.contains(u)
            && !u.starts_with("per ")
    });
    // What follows says what a sum or a length is of (`$21.5 million in subsidies`, `80
    // miles of track`, `$1.5 billion worth of Bitcoin`, `€2,000 for a used car`).
    let after: String = chars[unit_end.min(chars.len())..chars.len().min(unit_end + 60)]
        .iter()
        .collect();
    let after = after.trim_start();
    let after = after.strip_prefix("worth ").unwrap_or(after);
    let object = ["in ", "of ", "on ", "for "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .map(|rest| {
            rest.split(|c: char| !(c.is_alphanumeric() || c == ' ' || c == '-' || c == '\''))
                .next()
                .unwrap_or("")
                .split_whitespace()
                .take_while(|w| !is_stop_word(&w.to_ascii_lowercase()))
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let of_a_sum = unit.is_some_and(|u| {
        !u.chars().next().is_some_and(|c| c.is_ascii_lowercase()) || measures.contains(&u)
    });
    if !object.is_empty() && unit != Some("%") && (of_a_sum || label.is_empty()) {
        return object;
    }
    if let Some(noun) = counted {
        // The words after the noun say which (`279 homicides through October`, `270 people
        // ahead of the mayor`), up to a clause's end.
        let tail: Vec<&str> = after
            .split(|c: char| {
                matches!(
                    c,
                    ',' | '.' | '。' | ';' | ':' | '(' | ')' | '"' | '“' | '”'
                )
            })
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take_while(|w| {
                let w = w.to_ascii_lowercase();
                !TAIL_STOPS.contains(&w.as_str()) && !w.starts_with(|c: char| c.is_ascii_digit())
            })
            .take(4)
            .collect();
        let mut tail = tail;
        // (Not ending on a preposition or an article: `people ahead of`.)
        while tail
            .last()
            .is_some_and(|w| LEADING.contains(&w.to_ascii_lowercase().as_str()))
        {
            tail.pop();
        }
        return if tail.is_empty() {
            noun.to_string()
        } else {
            format!("{noun} {}", tail.join(" "))
        };
    }
    label
}

/// Words that end the phrase after a counted noun: a new clause or a verb.
const TAIL_STOPS: &[&str] = &[
    "and",
    "but",
    "or",
    "which",
    "that",
    "who",
    "while",
    "as",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "has",
    "have",
    "had",
    "so",
    "than",
    "because",
    "if",
    "when",
    "respectively",
    "said",
    "says",
    "according",
    "—",
    "-",
];

/// `Ohio, Texas and Utah added 12,000, 9,500 and 7,100 jobs respectively`: the names listed
/// before the figures, one for each, in order, when `respectively` follows them.
pub fn respectively(
    chars: &[char],
    first_start: usize,
    last_end: usize,
    count: usize,
) -> Option<Vec<String>> {
    let after: String = chars[last_end.min(chars.len())..chars.len().min(last_end + 40)]
        .iter()
        .collect();
    let says = after
        .split(['。', ';', '!', '?'])
        .next()
        .is_some_and(|clause| clause.contains("respectively"));
    if !says {
        return None;
    }
    // The clause before the first figure, without its verb.
    let window = &chars[first_start.saturating_sub(160)..first_start];
    let opens = window
        .iter()
        .rposition(|&c| matches!(c, '。' | ';' | ':' | '!' | '?'))
        .map_or(0, |p| p + 1);
    let clause: String = window[opens..].iter().collect();
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    while words.last().is_some_and(|w| {
        is_link(&lower(w))
            || !w.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && !w.ends_with(',')
    }) {
        words.pop();
    }
    let names = words.join(" ");
    let items: Vec<String> = names
        .split(", ")
        .flat_map(|part| part.split(" and "))
        .map(|item| {
            item.trim()
                .trim_start_matches("and ")
                .trim_end_matches(',')
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect();
    (items.len() >= count && count >= 2).then(|| items[items.len() - count..].to_vec())
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// The period an English label starts with (`2021`, `FY2023`, `Q2 2024`, `March 2010`,
/// `November`, `H1 2023`, `the first half`), as written; `None` when it starts otherwise.
pub fn leading_period(label: &str) -> Option<String> {
    // Asked of every English label: most open on a word no period opens with.
    let first_char = label.chars().next()?;
    let may_open = first_char.is_ascii_digit()
        || matches!(
            first_char,
            'Q' | 'q' | 'H' | 'h' | 'F' | 'f' | 't' | 'T' | 'J' | 'M' | 'A' | 'S' | 'O' | 'N' | 'D'
        );
    if !may_open {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    let year = |w: &str| {
        let w = w.trim_end_matches([',', '.', ':', '。']);
        w.len() == 4
            && w.chars().all(|c| c.is_ascii_digit())
            && (1900..=2100).contains(&w.parse::<u32>().unwrap_or(0))
    };
    let first = words.first()?.trim_end_matches([',', '.', ':', '。']);
    let lower = first.to_ascii_lowercase();
    let quarter = (lower.len() == 2 && lower.starts_with('q')
        || lower.len() == 2 && lower.starts_with('h'))
        && lower[1..].chars().all(|c| ('1'..='4').contains(&c));
    let fiscal = lower.starts_with("fy")
        && lower.len() >= 4
        && lower[2..].chars().all(|c| c.is_ascii_digit());
    let month = MONTHS.contains(&lower.as_str())
        && first.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let half = [
        "the first half",
        "the second half",
        "first half",
        "second half",
    ]
    .iter()
    .find(|h| label.to_ascii_lowercase().starts_with(**h));
    let taken = if let Some(h) = half {
        h.split(' ').count()
    } else if year(first) || fiscal {
        1
    } else if quarter || month {
        // `Q2 2024`, `March 2010`
        if words.get(1).is_some_and(|w| year(w)) {
            2
        } else {
            1
        }
    } else {
        return None;
    };
    let period = words[..taken].join(" ");
    Some(period.trim_end_matches([',', '.', ':', '。']).to_string())
}

/// The period an English figure is of, written right after it (`10.4% in January`, `28,000 per
/// month in 2012`, `67 percent in 1960`, `$4.1 billion for 2019`).
pub fn period_after(chars: &[char], end: usize) -> Option<String> {
    let rest: String = chars[end.min(chars.len())..chars.len().min(end + 32)]
        .iter()
        .collect();
    let rest = rest.trim_start_matches([',', ' ']);
    let rest = ["in ", "for ", "during ", "as of ", "by the end of "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let rest = rest.strip_prefix("the ").map_or(rest, |r| {
        if r.starts_with("first half") || r.starts_with("second half") {
            rest
        } else {
            r
        }
    });
    leading_period(rest)
}

/// The English name of a unit the reader stores in Chinese (`英里` for `miles`, `英镑` for `£`):
/// an English post keeps its own words.
pub fn english_unit(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "个百分点" => "percentage points",
        "个基点" => "basis points",
        "英镑" => "£",
        "欧元" => "€",
        "日元" => "¥",
        "港元" => "HK$",
        "澳元" => "A$",
        "加元" => "C$",
        "美分" => "cents",
        "便士" => "pence",
        "英里" => "miles",
        "英尺" => "feet",
        "英寸" => "inches",
        "公里" => "kilometers",
        "米" => "meters",
        "里拉" => "lira",
        "法郎" => "francs",
        "卢比" => "rupees",
        "马克" => "marks",
        "比塞塔" => "pesetas",
        "荷兰盾" => "guilders",
        "聪" => "satoshis",
        "比特币" => "BTC",
        "倍" => "times",
        _ => return None,
    })
}

/// Words that may stand between a figure and the preposition naming what it is for (`5,000
/// more in the morning`, `a 3.4% increase for cars`).
const BEFORE_OBJECT: &[&str] = &[
    "more", "fewer", "less", "increase", "gain", "rise", "drop", "decline", "cut", "went", "goes",
    "go",
];

/// Prepositions that name what each figure of a list is for or when (`$45 million for parks`,
/// `900 more in the evening`, `$3 million to expand parking`).
const OBJECT_PREPOSITIONS: &[&str] = &["for", "to", "in", "on", "during", "at"];

/// What a figure is for, written after it (`$45 million for new parks` -> `new parks`), and
/// where that phrase ends; `None` when no such phrase follows.
fn object_after(chars: &[char], end: usize) -> Option<(String, usize)> {
    let window = &chars[end.min(chars.len())..chars.len().min(end + 64)];
    let stop = window
        .iter()
        .position(|&c| matches!(c, ',' | ';' | '.' | '。' | ':' | '(' | ')' | '!' | '?'))
        .unwrap_or(window.len());
    let phrase: String = window[..stop].iter().collect();
    // (`… for parks and $9 million for …`: the phrase ends where the next item begins.)
    let phrase = phrase.split(" and ").next().unwrap_or("");
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    if words.first().is_some_and(|w| BEFORE_OBJECT.contains(w)) {
        words.remove(0);
    }
    let preposition = *words.first().filter(|w| OBJECT_PREPOSITIONS.contains(w))?;
    words.remove(0);
    if words
        .first()
        .is_some_and(|w| ["the", "a", "an"].contains(w))
    {
        words.remove(0);
    } else if preposition == "to" && words.len() >= 3 {
        // (`to enhance food access`, `to repair the pools`: the verb says what is done with
        // it; the rest is what. Two words after `to` are as often the thing itself: `to
        // retailer commissions`.)
        let verb_and_article = if ["the", "a", "an"].contains(&words[1]) {
            2
        } else {
            1
        };
        words.drain(..verb_and_article);
    }
    let named = (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                && !is_stop_word(&w.to_ascii_lowercase())
        });
    named.then(|| (words.join(" "), end + phrase.chars().count()))
}

/// `$45 million for parks, $20 million for trails and $5 million to repair pools`: a list
/// whose figures each say after them what they are for. The figures are one list, each
/// labelled by its phrase.
pub fn objects_of_a_list(facts: &mut [super::Fact], chars: &[char]) {
    let objects: Vec<Option<(String, usize)>> = facts
        .iter()
        .map(|f| object_after(chars, f.place.end))
        .collect();
    let joins = |from: usize, to: usize| {
        let between: String = chars
            .get(from..to)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        matches!(
            between.trim(),
            "," | ", and" | "and" | "" | ", while" | ", plus"
        ) || between.trim().trim_start_matches(',').trim() == "and"
    };
    let mut k = 0;
    while k < facts.len() {
        let mut end = k + 1;
        while end < facts.len()
            && facts[end].place.paragraph == facts[k].place.paragraph
            && facts[end].place.sentence == facts[k].place.sentence
            && facts[end].unit == facts[k].unit
            && objects[end - 1]
                .as_ref()
                .is_some_and(|(_, to)| joins(*to, facts[end].place.start))
            && objects[end].is_some()
            && objects[k].is_some()
        {
            end += 1;
        }
        if end - k >= 2 {
            for n in k..end {
                if let Some((object, _)) = &objects[n] {
                    facts[n].label = object.clone();
                }
                facts[n].place.listed_with_previous = n > k;
            }
        }
        k = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn word_lists_are_sorted_for_their_search() {
        for list in [STOP_WORDS, LINKS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn full_stops_that_end_sentences() {
        let mut text =
            chars("Sales fell 1.9% in March. Mr. Smith said the U.S. rate rose. It was 3.5.");
        mark_sentence_ends(&mut text);
        let marked: String = text.iter().collect();
        assert_eq!(
            marked,
            "Sales fell 1.9% in March。 Mr. Smith said the U.S. rate rose。 It was 3.5。"
        );
    }

    #[test]
    fn the_noun_a_figure_counts() {
        let unit = |s: &str, at: usize| noun_unit(&chars(s), at).map(|(u, _)| u);
        assert_eq!(
            unit("940 subway cars to be bought", 3).as_deref(),
            Some("subway cars")
        );
        assert_eq!(unit("80 miles of track", 2).as_deref(), Some("miles"));
        assert_eq!(
            unit("13 more stations fully open", 2).as_deref(),
            Some("stations")
        );
        assert_eq!(
            unit("2.9 murders per 100,000 people.", 3).as_deref(),
            Some("murders per 100,000 people")
        );
        assert_eq!(unit("54 per 100K, and", 2).as_deref(), Some("per 100K"));
        assert_eq!(unit("10,725 BTC in", 6).as_deref(), Some("BTC"));
        // Names, time words and glued codes are not counted nouns.
        assert_eq!(unit("737 Max jets", 3), None);
        // A stretch of time is counted in its unit (`288 days since`), a multiple in `times`.
        assert_eq!(unit("288 days since", 3).as_deref(), Some("days"));
        assert_eq!(unit("7 times faster", 1).as_deref(), Some("times"));
        assert_eq!(unit("3rd place", 1), None);
    }

    #[test]
    fn periods_an_english_label_starts_with() {
        let p = |s: &str| leading_period(s);
        assert_eq!(p("2021 revenue").as_deref(), Some("2021"));
        assert_eq!(p("FY2023 sales").as_deref(), Some("FY2023"));
        assert_eq!(p("Q2 2024 profit").as_deref(), Some("Q2 2024"));
        assert_eq!(p("March 2010").as_deref(), Some("March 2010"));
        assert_eq!(p("November").as_deref(), Some("November"));
        assert_eq!(p("the first half").as_deref(), Some("the first half"));
        assert_eq!(p("May rates"), Some("May".to_string()));
        assert_eq!(p("march on"), None);
        assert_eq!(p("3000 jobs"), None);
    }

    #[test]
    fn falls_and_hedges() {
        assert_eq!(move_before(&chars("Retail sales fell ")), Some(-1));
        assert_eq!(move_before(&chars("the rate fell another ")), Some(-1));
        assert_eq!(
            move_before(&chars("unemployed persons declined by ")),
            Some(-1)
        );
        assert_eq!(move_before(&chars("the rate fell to ")), None);
        assert_eq!(move_before(&chars("the company lost ")), None);
        assert!(decrease_after(&chars("100 fewer deaths"), 3));
        let text = chars("replace more than 80 miles");
        assert_eq!(qualifier_before(&text, 18), Some(("more than", 10)));
    }
}
