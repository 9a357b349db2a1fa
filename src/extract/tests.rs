//! One fixture sentence per rule, with the exact facts expected.

use super::*;

fn facts(text: &str) -> Vec<(f64, f64, Option<String>, String)> {
    extract_text(text)
        .into_iter()
        .map(|f| (f.value.headline(), f.scale, f.unit, f.label))
        .collect()
}

fn one(text: &str) -> Fact {
    let mut all = extract_text(text);
    assert_eq!(all.len(), 1, "one fact in {text:?}: {all:?}");
    all.remove(0)
}

#[test]
fn label_before_the_number() {
    let f = one("高级工2542人");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref(), f.label.as_str()),
        (Value::One(2542.0), 1.0, Some("人"), "高级工")
    );
    assert_eq!(f.text, "2542人");
}

#[test]
fn scale_word_is_kept_apart_from_the_unit() {
    let f = one("发放培训补贴资金2147.9万元，");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(2147.9), 1e4, Some("元"))
    );
    assert_eq!(f.label, "培训补贴资金");
    let f = one("规模达1.2万亿元");
    assert_eq!((f.value, f.scale), (Value::One(1.2), 1e12));
}

#[test]
fn label_after_a_counting_unit() {
    assert_eq!(
        facts("来自20家餐饮企业的60名选手，齐聚现场"),
        vec![
            (20.0, 1.0, Some("家".into()), "餐饮企业".into()),
            (60.0, 1.0, Some("名".into()), "选手".into())
        ]
    );
}

#[test]
fn chinese_numerals_with_units() {
    let f = one("已连续举办十二届职业技能竞赛");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.label.as_str()),
        (Value::One(12.0), Some("届"), "职业技能竞赛")
    );
    let f = one("连续十二年在全市范围内广泛开展岗位练兵、举办竞赛");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.label.as_str()),
        (Value::One(12.0), Some("年"), "岗位练兵")
    );
    assert_eq!(one("新建两千三百个基站").value, Value::One(2300.0));
}

#[test]
fn a_lone_yi_is_an_article() {
    assert!(extract_text("在一家糕点房工作，交出了一份答卷，培训一人、就业一人").is_empty());
}

#[test]
fn dates_times_and_years_are_not_facts() {
    assert!(
        extract_text("2021年3月，2022-02-24 14:19:38 +0800，二零二一年十一月，7-8月，24日")
            .is_empty()
    );
    let f = one("2021年，该市新增初中级工4948人");
    assert_eq!(f.value, Value::One(4948.0));
    assert_eq!(f.label, "初中级工");
}

#[test]
fn ids_codes_and_ordinals_are_not_facts() {
    assert!(extract_text("infoCode=NW202202242287827335，第49批，第三名，5G基站，A380").is_empty());
}

#[test]
fn qualifiers_and_decreases() {
    let f = one("参加培训的劳动者最高可获得6000元补贴。");
    assert_eq!(
        (f.qualifier.as_deref(), f.label.as_str(), f.sign),
        (Some("最高"), "补贴", 1)
    );
    let f = one("净利润同比下降96%");
    assert_eq!(
        (f.value, f.unit.as_deref(), f.sign),
        (Value::One(96.0), Some("%"), -1)
    );
    let f = one("收入6300多万元");
    assert_eq!(
        (f.value, f.scale, f.qualifier.as_deref()),
        (Value::One(6300.0), 1e4, Some("多"))
    );
    let f = one("约有10余家企业参与");
    assert_eq!(
        (f.value, f.qualifier.as_deref()),
        (Value::One(10.0), Some("余"))
    );
    let f = one("年产5万吨以上");
    assert_eq!(
        (f.magnitude(), f.qualifier.as_deref(), f.text.as_str()),
        (5e4, Some("以上"), "5万吨以上")
    );
}

#[test]
fn ranges() {
    let f = one("票价20-450元");
    assert_eq!(
        (f.value, f.unit.as_deref()),
        (Value::Range(Some(20.0), Some(450.0)), Some("元"))
    );
    let f = one("补贴5至10万元");
    assert_eq!((f.value, f.scale), (Value::Range(Some(5.0), Some(10.0)), 1e4));
    let f = one("预计6800万元–7500万元");
    assert_eq!((f.value, f.scale), (Value::Range(Some(6800.0), Some(7500.0)), 1e4));
}

#[test]
fn percent_forms() {
    assert_eq!(one("增长15%").unit.as_deref(), Some("%"));
    let f = one("占百分之三十");
    assert_eq!((f.value, f.unit.as_deref()), (Value::One(30.0), Some("%")));
    assert_eq!(one("提高2个百分点").unit.as_deref(), Some("个百分点"));
}

#[test]
fn units_with_thousand_prefix_stay_units() {
    let f = one("全长5千米");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(5.0), 1.0, Some("公里"))
    );
}

#[test]
fn list_joins_are_recorded() {
    let all = extract_text("新增初中级工4948人、高级工2542人，增长15%");
    let listed: Vec<bool> = all.iter().map(|f| f.place.listed_with_previous).collect();
    assert_eq!(listed, vec![false, true, false]);
}

#[test]
fn currency_signs_before_numbers() {
    let f = one("revenue of $21.5 million");
    assert_eq!(
        (f.value, f.scale, f.unit.as_deref()),
        (Value::One(21.5), 1e6, Some("$"))
    );
}

#[test]
fn hostile_numbers_do_not_panic() {
    // Too large for a double: not a figure anyone can chart.
    assert!(extract_text(&("9".repeat(400) + "元")).is_empty());
    assert_eq!(one(&("9".repeat(40) + "元")).magnitude(), 1e40);
    let _ = extract_text(&"一".repeat(10_000));
    let _ = extract_text(&"1,".repeat(10_000));
    let _ = extract_text("万亿亿万十百千");
}
