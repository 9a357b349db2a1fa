//! The words on a chart: bar labels cut to the part that varies, titles that name what the
//! bars share, and the checks that keep clause fragments off a chart face and a card.

use super::*;

/// What the labels of one chart shared and lost: the measure (`动力电池装车量`) and the move
/// (`同比增长`), for the title.
#[derive(Default)]
pub(super) struct Face {
    pub(super) measure: Option<String>,
    pub(super) change: Option<String>,
}

/// Words a bar's label ends with that say the move, not the subject (`道指跌` -> `道指`).
pub(super) const MOVE_SUFFIXES: &[&str] = &[
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比上涨",
    "同比下跌",
    "按年增长",
    "按年下跌",
    "按年上升",
    "按年下降",
    "环比增长",
    "环比下降",
    "同比增",
    "同比降",
    "环比增",
    "环比降",
    "增长",
    "下降",
    "增加",
    "减少",
    "上涨",
    "下跌",
    "上升",
    "回落",
    "收涨",
    "收跌",
    "涨幅",
    "跌幅",
    "持平",
    "涨",
    "跌",
    "增",
    "降",
];

/// Words a bar's label starts with that belong to the sentence, not the subject.
pub(super) const LEAD_WORDS: &[&str] = &[
    "其中", "包括", "用于", "给予", "实现", "完成", "此外", "同时", "分别", "全市", "全区", "全省",
    "发行", "新增", "累计",
];

/// Cuts the labels of one chart down to the part that varies: the move each ends with, then
/// the measure they all end with, then sentence words at the start. A label is kept whole
/// when cutting would leave it empty.
pub(super) fn face_labels(points: &mut [Point]) -> Face {
    let mut face = Face::default();
    if points.len() < 2 {
        return face;
    }
    // `奔驰E级的销量` beside `奥迪A6L`: the measure after `的` belongs to the title.
    for p in points.iter_mut() {
        if let Some((name, what)) = p.label.rsplit_once('的') {
            let measure = crate::extract::MEASURES.iter().any(|m| what.ends_with(m));
            if measure && name.chars().count() >= 2 {
                if face.measure.is_none() {
                    face.measure = Some(what.to_string());
                }
                p.label = name.to_string();
            }
        }
    }
    let cut = |label: &str, words: &[&str]| -> Option<(String, String)> {
        words.iter().find_map(|w| {
            label
                .strip_suffix(w)
                .filter(|rest| rest.chars().count() >= 1)
                .map(|rest| (rest.to_string(), w.to_string()))
        })
    };
    // The move: cut only when every label ends on one.
    let moves: Vec<Option<(String, String)>> = points
        .iter()
        .map(|p| cut(&p.label, MOVE_SUFFIXES))
        .collect();
    if moves.iter().all(Option::is_some) {
        let words: Vec<String> = moves.iter().flatten().map(|(_, w)| w.clone()).collect();
        for (p, (rest, _)) in points.iter_mut().zip(moves.into_iter().flatten()) {
            p.label = rest;
        }
        let on_year = words
            .iter()
            .all(|w| w.starts_with("同比") || w.starts_with("按年"));
        let on_period = words.iter().all(|w| w.starts_with("环比"));
        face.change = Some(
            if words.iter().any(|w| w.contains('涨') || w.contains('跌')) {
                "涨跌幅"
            } else if on_year {
                "同比增速"
            } else if on_period {
                "环比变化"
            } else {
                "变化"
            }
            .to_string(),
        );
    }
    // The shared measure, when what is left of each label still names something.
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    // Only a measure leaves the labels (`动力电池装车量`); a kind of thing is part of each
    // name (`德国DAX指数`, `大豆期货`, `山西焦煤集团`).
    if let Some(shared) = shared_measure(&labels).filter(|m| is_measure_noun(m)) {
        // `甲省新能源汽车销量`, `乙省…`: the shared end is `省新能源汽车销量`, but the subject
        // keeps its `省`; the measure gives up characters until every subject has two.
        let chars: Vec<char> = shared.chars().collect();
        // A character that ends a name (`商行`, `甲省`, `某公司`, `制造业`), or a kind of thing
        // (`第一产业`, `一般债务`, `大型企业`), stays with the name.
        const NAME_ENDS: &str = "行省市区县镇村局部厂司店院校所队港站业务";

        let mut skip = 0;
        while skip + 1 < chars.len() {
            let measure: String = chars[skip..].iter().collect();
            if let Some(kind) = KINDS.iter().find(|k| measure.starts_with(**k)) {
                skip += kind.chars().count();
                continue;
            }
            if NAME_ENDS.contains(chars[skip]) {
                skip += 1;
                continue;
            }
            skip += 1;
            let rests: Vec<String> = points
                .iter()
                .map(|p| {
                    p.label
                        .strip_suffix(measure.as_str())
                        .unwrap_or(&p.label)
                        .trim_end_matches(['的', '之'])
                        .to_string()
                })
                .collect();
            // A name, not an ordinal (`第一`) or a modifier (`大型`, `一般性`) left alone.
            let a_name = |r: &String| {
                r.chars().count() >= 2
                    && !(r.starts_with('第') && r.chars().count() <= 3)
                    && !r.ends_with(['型', '式', '类', '级', '性'])
            };
            // Never between the halves of a move (`钢厂上|调废钢采购价`).
            let splits_a_move = measure.starts_with(['调', '涨', '跌', '升', '降'])
                && rests.iter().any(|r| r.ends_with(['上', '下']));
            if rests.iter().all(a_name) && crate::all_distinct(&rests) && !splits_a_move {
                for (p, rest) in points.iter_mut().zip(rests) {
                    p.label = rest;
                }
                face.measure = Some(measure);
                break;
            }
        }
    }
    // `浙江出口` / `浙江进口`: a subject every point shares, when what is left of each is a
    // measure's name, belongs to the title (`中国银行` / `中国石油` keep theirs).
    let first: Vec<char> = points[0].label.chars().collect();
    let common = points[1..].iter().fold(first.len(), |n, p| {
        p.label
            .chars()
            .zip(&first)
            .take_while(|(a, b)| a == *b)
            .count()
            .min(n)
    });
    if common >= 2 {
        let rests: Vec<String> = points
            .iter()
            .map(|p| p.label.chars().skip(common).collect())
            .collect();
        // (Or the shared part is itself a measure: `业绩预增` / `业绩略增`; or what is left is
        // the direction: `钢厂上调` / `钢厂下调`.)
        let prefix: String = first[..common].iter().collect();
        let measures = rests
            .iter()
            .all(|r| crate::extract::MEASURES.iter().any(|m| r.starts_with(m)))
            || ["业绩", "价格", "利率"].contains(&prefix.as_str())
            || rests
                .iter()
                .all(|r| ["上调", "下调", "上涨", "下跌", "上升", "下降"].contains(&r.as_str()));
        if measures && crate::all_distinct(&rests) && rests.iter().all(|r| r.chars().count() >= 2) {
            for (p, rest) in points.iter_mut().zip(rests) {
                p.label = rest;
            }
        }
    }
    for p in points.iter_mut() {
        if let Some(rest) = LEAD_WORDS
            .iter()
            .find_map(|w| p.label.strip_prefix(w).filter(|r| r.chars().count() >= 2))
        {
            p.label = rest.to_string();
        }
    }
    face
}

/// A shared label end that names what is measured, not only how it was stated (`完成`,
/// `累计`, `达到`).
pub(super) fn names_a_measure(shared: &str) -> bool {
    const VERBS: &[&str] = &["完成", "实现", "累计", "达到", "预计", "共计", "合计", "约"];
    !VERBS.iter().any(|v| shared.ends_with(v))
}

/// Every label ends on the same move word and what is left tells them apart (`铁路同比增长`,
/// `公路同比增长`; `恒指跌`, `阿里巴巴跌`): statements of one pattern.
pub(super) fn same_move(labels: &[&str]) -> bool {
    let rests: Vec<(&str, &str)> = labels
        .iter()
        .filter_map(|l| {
            MOVE_SUFFIXES
                .iter()
                .find_map(|w| l.strip_suffix(w).filter(|r| !r.is_empty()).map(|r| (r, *w)))
        })
        .collect();
    // One pattern whichever way each moved (`出口增长`, `进口下降`): what counts is the base the
    // moves are stated on (同比, 环比, none).
    fn pattern(w: &str) -> &str {
        ["同比", "环比", "按年"]
            .into_iter()
            .find(|base| w.starts_with(base))
            .unwrap_or("")
    }
    // A move with no base stated takes the base of the moves around it (`同比增长7.3%；其中
    // 出口增长23.2%`).
    let base = rests
        .iter()
        .map(|(_, w)| pattern(w))
        .find(|p| !p.is_empty())
        .unwrap_or("");
    rests.len() == labels.len()
        && rests
            .iter()
            .all(|(_, w)| pattern(w).is_empty() || pattern(w) == base)
        && crate::all_distinct(&rests.iter().map(|(r, _)| r.to_string()).collect::<Vec<_>>())
}

/// Labels that each end on a different measure once their move goes (`营业收入增长`,
/// `营业成本增长`, `利润总额下降`): statements of one pattern about different measures, which one
/// chart must not mix.
pub(super) fn mixes_measures(labels: &[&str]) -> bool {
    const MEASURE_ENDS: &[&str] = &[
        "资金",
        "利润总额",
        "增加值",
        "销售额",
        "成交额",
        "成交量",
        "收入",
        "成本",
        "利润",
        "投资",
        "价款",
        "面积",
        "营收",
        "费用",
        "资产",
        "负债",
        "价格",
        "均价",
        "产量",
        "销量",
        "余额",
        "规模",
        "数量",
        "人数",
        "总量",
        "总额",
        "总值",
        "净买入",
        "净卖出",
        "净流入",
        "净流出",
        "成交",
    ];
    let mut ends: Vec<&str> = Vec::new();
    for label in labels {
        let core = MOVE_SUFFIXES
            .iter()
            .find_map(|w| label.strip_suffix(w))
            .unwrap_or(label);
        let core = core.trim_end_matches(['同', '比']);
        // `业务收入完成`: the reporting verb after the measure.
        let core = ["完成", "实现", "累计"]
            .iter()
            .fold(core, |c, v| c.strip_suffix(v).unwrap_or(c));
        // A rate is named by the word it ends (`换装率`, `进港率`; `失业率`).
        let rate = core
            .char_indices()
            .rev()
            .nth(1)
            .filter(|_| core.ends_with('率'))
            .map(|(i, _)| &core[i..]);
        let end = MEASURE_ENDS
            .iter()
            .find(|m| core.ends_with(**m))
            .copied()
            .or(rate)
            .unwrap_or("");
        // A label naming no measure (`进口下降`) takes the one the others name.
        if !end.is_empty() && !ends.contains(&end) {
            ends.push(end);
        }
    }
    ends.len() > 1
}

/// Kinds of thing a name ends on (`德国DAX指数`, `第一产业`, `东部地区`): part of each name,
/// never a measure to move into the title.
const KINDS: &[&str] = &[
    "指数", "期货", "集团", "银行", "债券", "债务", "合约", "产业", "行业", "企业", "地区", "城市",
    "省份", "国家", "转债",
];

/// A shared label end that can leave the labels: not a kind of thing that is part of each
/// name (`德国DAX指数`, `大豆期货`, `山西焦煤集团`, `一般债券`).
pub(super) fn is_measure_noun(shared: &str) -> bool {
    !KINDS.contains(&shared)
}

/// A key figure's label names its measure (`职业技能培训`, `撤回率`): not a clause, not a
/// stray of a list (`分别高2.5和`), not a figure's lead-in (`撤回率达`, `提升至`).
pub(super) fn is_card_label(label: &str) -> bool {
    const LEAD_INS: &[&str] = &[
        "达", "至", "分别", "约", "超", "近", "逾", "共", "突破", "仅", "低至", "高达", "预测",
        "显示", "监测", "合计", "共计",
    ];
    is_face_label(label)
        && label.chars().count() >= 2
        && !label.contains("每")
        && !label.chars().any(|c| c.is_ascii_digit())
        && !label.contains("分别")
        // A rank (`排名较上月末提升3位`) is not a figure of the story.
        && !["排名", "排在", "位居", "位列"].iter().any(|w| label.contains(w))
        && !LEAD_INS.iter().any(|w| label.ends_with(w))
        // The page about itself (`本文已被查看`), or the writer speaking (`让我想起`): not a
        // figure of the story.
        && !["本文", "我们", "你们", "让我", "我的"].iter().any(|w| label.contains(w))
        // A base or a past reading is what the figure is compared with, not what it is
        // (`比年初同比增长`, `同期为下降`); a move noun alone names nothing (`降幅`).
        && !["比", "较", "同期", "去年同期", "上年同期"].iter().any(|w| label.starts_with(w))
        && !["降幅", "增幅", "涨幅", "跌幅", "增速", "降速", "变化"].contains(&label)
        // A base and a move alone (`按年增长`) say how it moved, not what.
        && !(["同比", "环比", "按年", "按月", "按季"]
            .iter()
            .any(|w| label.starts_with(w))
            && MOVE_SUFFIXES.iter().any(|m| label.ends_with(m))
            && label.chars().count() <= 4)
        // A clause that opens on its verb (`会有`, `含`, `剩余`): what follows is not named.
        && !["会有", "會有", "含", "剩余", "将", "將", "不同"].iter().any(|w| label.starts_with(w))
}

/// English words that open or close a clause rather than name a thing: a label that starts
/// or ends with one (`and paid about`, `in revenue and`, `have died of`) is a fragment.
pub(super) const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "by", "for", "from", "with",
    "than", "as", "about", "around", "over", "under", "up", "down", "nearly", "almost", "some",
    "more", "less", "least", "most", "only", "just", "is", "are", "was", "were", "be", "been",
    "has", "have", "had", "will", "would", "which", "that", "who", "while", "it", "its", "the",
    "this", "these", "those", "their", "his", "her", "rose", "fell", "grew", "paid", "said",
];

/// An English label whose first or last word is a function word or a bare verb.
pub(super) fn english_fragment(label: &str) -> bool {
    if !label.is_ascii() {
        return false;
    }
    let mut words = label.split(|c: char| !c.is_ascii_alphanumeric() && c != '\'');
    let words: Vec<&str> = words.by_ref().filter(|w| !w.is_empty()).collect();
    let function = |w: &&str| ENGLISH_FUNCTION_WORDS.contains(&w.to_ascii_lowercase().as_str());
    // A clause that stops at its verb (`the report calculates`, `amounting`, `experiencing`):
    // a verb form last, unless it is one of the nouns that look like one (`spending`).
    const NOUNS_LIKE_VERBS: &[&str] = &[
        "spending",
        "funding",
        "housing",
        "building",
        "borrowing",
        "lending",
        "training",
        "pricing",
        "hiring",
        "shipping",
        "marketing",
        "advertising",
        "earnings",
        "savings",
        "holdings",
        "listings",
        "bookings",
        "boardings",
        "ridership",
        "morning",
        "evening",
        "ceiling",
        "painting",
        "lighting",
        "red",
        "need",
    ];
    let verb = |w: &&str| {
        let w = w.to_ascii_lowercase();
        let form = w.ends_with("ing")
            || w.ends_with("ed")
            || [
                "calculates",
                "says",
                "said",
                "shows",
                "reports",
                "estimates",
            ]
            .contains(&w.as_str());
        form && !NOUNS_LIKE_VERBS.contains(&w.as_str())
    };
    words.first().is_some_and(function)
        || words.last().is_some_and(function)
        || words.last().is_some_and(verb)
        || words.len() > 6
}

/// [`face_labels`] for a two-way chart: the labels repeat across groups, so the cut is found
/// on the distinct labels and made on all.
pub(super) fn face_labels_two_way(points: &mut [Point]) -> Face {
    let mut distinct: Vec<Point> = Vec::new();
    for p in points.iter() {
        if !distinct.iter().any(|d| d.label == p.label) {
            distinct.push(p.clone());
        }
    }
    let before: Vec<String> = distinct.iter().map(|p| p.label.clone()).collect();
    let face = face_labels(&mut distinct);
    for p in points.iter_mut() {
        if let Some(k) = before.iter().position(|l| *l == p.label) {
            p.label = distinct[k].label.clone();
        }
    }
    face
}

/// A label a chart face can show: some words, not a clause (`是2021年全年招标量`) or a
/// fragment of one (`/日至`, `以上`).
pub(super) fn is_face_label(label: &str) -> bool {
    let n = label.chars().count();
    const CLAUSE_STARTS: &[&str] = &[
        "/", "、", "，", ",", "的", "至", "以上", "以下", "较", "比上", "比去", "比前", "为", "是",
        "和", "及", "或", "时隔", "但", "低于", "高于", "少于", "多于", "）", ")", "(", "（", "這",
        "这", "短短", "我們", "我们", "而", "那么", "如果", "因为", "所以", "但是", "可是", "你",
        "他", "她",
    ];
    // `江西某新区出台` (28条): a clause that stops at its verb.
    const CLAUSE_ENDS: &[&str] = &[
        "出台",
        "发布",
        "印发",
        "开展",
        "推出",
        "宣布",
        "披露",
        "表示",
        "显示",
        "达成",
        "联合",
        "部署",
        "拿出",
        "报告",
        "至",
        "于",
        "达",
        "也",
        "了",
        "的",
        "将",
        "將",
        "是",
        "这场",
        "這場",
        "共计",
        "一段",
        "多了",
        "时间里",
        "（",
        "(",
        "）",
        ")",
    ];
    // A modifier alone (`平均`, `累计`) names no subject.
    const MODIFIERS: &[&str] = &[
        "平均", "年均", "累计", "同比", "环比", "合计", "其中", "共计",
    ];
    let starts_badly = CLAUSE_STARTS.iter().any(|w| label.starts_with(w))
        || english_fragment(label)
        || MODIFIERS.contains(&label)
        // (A one-character end makes a clause of a longer label only: `科达`, `宏达` are names,
        // `撤回率达` is a clause.)
        || CLAUSE_ENDS
            .iter()
            .any(|w| label.ends_with(w) && (w.chars().count() > 1 || n >= 3))
        || (n == 1 && "前后约近超达共为是有在的了和及与或等其他至以较比每".contains(label));
    // `规模由上月`, `截至2021年9月30日总负债`, `公司预计总资产`: a clause, not a name.
    // (`同比分别增长31.78%`: a figure in a label is a clause's stray.)
    // (`消费了全世界总生产`: a verb done, a clause.)
    let clause = [
        "，", ",", "。", "；", "由", "截至", "预计", "“", "”", "%", "分别", "了",
    ]
    .iter()
    .any(|c| label.contains(c));
    // (English words are half as wide as Han ones: twice as many letters fit a bar's face.)
    let most = if label.is_ascii() { 32 } else { 16 };
    (1..=most).contains(&n) && !starts_badly && !clause
}

/// A title for an enumeration: the words before its first label in the sentence
/// (`2021年，该市新增`…) with what the unit counts (`人数`).
/// What the points' labels share at their end (`铁路累计完成货运量`, `公路累计完成货运量` ->
/// `累计完成货运量`), when that names a measure and not just a change.
pub(super) fn shared_measure(labels: &[&str]) -> Option<String> {
    let first: Vec<char> = labels.first()?.chars().collect();
    let mut common = first.len();
    for label in &labels[1..] {
        let n = label
            .chars()
            .rev()
            .zip(first.iter().rev())
            .take_while(|(a, b)| a == *b)
            .count();
        common = common.min(n);
    }
    // English shares whole words only (`police clear…ed` / `NYPD solv…ed` share nothing).
    if labels.iter().all(|l| l.is_ascii()) {
        let boundary = |label: &str, common: usize| {
            let cut = label.len() - common;
            cut == 0 || label.as_bytes()[cut - 1] == b' '
        };
        while common > 0 && !labels.iter().all(|l| boundary(l, common)) {
            common -= 1;
        }
    }
    let suffix: String = first[first.len() - common..].iter().collect();
    let suffix = suffix.trim_start_matches(['的', '之']).trim().to_string();
    const CHANGE_ONLY: &[&str] = &[
        "增长",
        "下降",
        "同比增长",
        "同比下降",
        "增",
        "降",
        "上涨",
        "下跌",
    ];
    // What is left once the change word goes must still name something (`业增长` does not).
    let noun = CHANGE_ONLY
        .iter()
        .fold(suffix.as_str(), |s, w| s.strip_suffix(w).unwrap_or(s));
    // Labels that share a period word (`一季度`…`四季度`, `1月`…) are periods, not a measure.
    const PERIODS: &[&str] = &["季度", "月份", "半年", "年度", "月", "年", "周", "日"];
    let vague = CHANGE_ONLY.contains(&suffix.as_str())
        || PERIODS.contains(&suffix.as_str())
        || suffix.chars().count() < 2
        || (noun != suffix && noun.chars().count() < 2);
    let longer = labels
        .iter()
        .filter(|l| l.chars().count() > suffix.chars().count())
        .count();
    (!vague && longer >= 2).then_some(suffix)
}

/// A title from the words before the first figure (`2021年，该市新增` -> `2021年新增人数`;
/// `1、周三美国三大股指全线收跌，道指跌0.6%` -> `周三美国三大股指`, the caller adding the move).
/// For a chart of changes (`change`) no unit word is added; with no lead, a chart of changes is
/// titled by its period alone (the caller adds `涨跌幅`), anything else by the post's title.
pub(super) fn series_title(
    post: &Post,
    texts: &[Vec<char>],
    first: &Fact,
    lang: &str,
    change: bool,
    period: &str,
) -> String {
    // English writes the measure as the figure's label (`The 12-month inflation rate for food
    // was 4.9%`); the words before it are an article or a clause, not a title. Without a
    // label that reads as a name, the headline titles the chart.
    if !crate::format::is_chinese(lang) {
        let label = first.label.trim();
        let named = !label.is_empty()
            && label.chars().count() <= 48
            && !english_fragment(label)
            && !label.contains([',', ';', '"']);
        if named {
            return crate::format::capitalised(label);
        }
        if let Some(title) = post
            .front_matter
            .title
            .as_ref()
            .filter(|t| !t.trim().is_empty())
        {
            return title.clone();
        }
    }
    // The sentence up to the figure, read back at most 64 characters (linear on long text).
    let chars = &texts[first.place.paragraph];
    let end = first.place.start.min(chars.len());
    let window = end.saturating_sub(64);
    let from = chars[window..end]
        .iter()
        .rposition(|c| matches!(c, '。' | '！' | '？' | '；'))
        .map_or(window, |p| window + p + 1);
    let sentence: String = chars[from..end].iter().collect();
    let lead = sentence
        .find(first.label.as_str())
        .filter(|_| !first.label.is_empty())
        .map_or("", |pos| &sentence[..pos]);
    // A list's numbering (`1、`, `（一）`) and Markdown emphasis are not words.
    let lead = lead.trim_start();
    let numbered = lead
        .trim_start_matches(|c: char| c.is_ascii_digit())
        .strip_prefix(['、', '.', '．']);
    let lead = numbered.unwrap_or(lead);
    let mut lead: String = lead
        .chars()
        .filter(|c| !matches!(c, '，' | '、' | ',' | ' ' | '“' | '”' | '*'))
        .collect();
    for opening in [
        "据海关统计",
        "数据显示",
        "截至收盘",
        "截至发稿",
        "据统计",
        "截至",
    ] {
        if let Some(rest) = lead.strip_prefix(opening) {
            lead = rest.to_string();
        }
    }
    // What the sentence says of the figures after the subject (`全线收跌`, `集体收涨`,
    // `数据显示`) is the move or the source, not the title.
    for tail in [
        "全线",
        "集体",
        "普遍",
        "多数",
        "涨跌不一",
        "收涨",
        "收跌",
        "收盘",
        "上涨",
        "下跌",
        "走高",
        "走低",
        "显示",
    ] {
        if let Some(pos) = lead.find(tail).filter(|&p| p > 0) {
            lead.truncate(pos);
        }
    }

    for subject in [
        "该市", "该县", "该区", "该省", "全市", "全省", "全国", "其中", "同时", "此外",
    ] {
        lead = lead.replace(subject, "");
    }
    // `原标题：…`, `主要行业利润情况如下：…`, `【…】`: only what follows the last colon counts.
    if let Some(pos) = lead.rfind(['：', ':', '】']) {
        lead = lead[pos..].chars().skip(1).collect();
    }
    // A lead that is a run of figures or a long clause names nothing: leave it out.
    let digits = lead.chars().filter(|c| c.is_ascii_digit()).count();
    let year_only = digits == 4 && lead.contains('年');
    if lead.chars().count() > 12
        || (digits > 0 && !year_only && !lead.contains('月'))
        || lead.contains('%')
    {
        lead.clear();
    }
    if !format::is_chinese(lang) {
        return if lead.trim().is_empty() {
            post.front_matter.title.clone().unwrap_or_default()
        } else {
            lead.trim().to_string()
        };
    }
    let measure = match first.unit.as_deref() {
        Some("人" | "名" | "位" | "人次") => "人数",
        Some("元" | "美元" | "港元" | "欧元" | "日元" | "英镑" | "$") => "金额",
        Some("%" | "‰") => "比例",
        Some("个百分点") => "变化",
        _ => "数量",
    };
    // `不同学科的平均成绩对比`: a lead that says it compares names what is compared; no unit
    // word after it.
    let compares = ["对比", "比较", "情况", "分布", "构成"]
        .iter()
        .find_map(|w| lead.strip_suffix(w).map(str::to_string))
        .filter(|rest| rest.chars().count() >= 2);
    if let Some(rest) = &compares {
        lead = rest.clone();
    }
    match (lead.is_empty(), change) {
        (false, false) if compares.is_some() => lead,
        (true, true) => period.to_string(),
        (true, false) => post
            .front_matter
            .title
            .clone()
            .unwrap_or_else(|| measure.to_string()),
        (false, true) => lead,
        (false, false) => format!("{lead}{measure}"),
    }
}
