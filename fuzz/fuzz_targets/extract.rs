//! Extraction: every fact is finite, its text is a piece of the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use postchart::extract::{extract_text_with, ExtractOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for every_number in [false, true] {
        for fact in extract_text_with(&text, ExtractOptions { every_number }) {
            assert!(fact.scale.is_finite());
            assert!(text.contains(&fact.text) || fact.text.is_empty() || !text.is_char_boundary(0));
        }
    }
});
