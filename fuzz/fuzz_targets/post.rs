//! Post parsing: front matter and Markdown/HTML bodies of any text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let post = postchart::Post::parse(&text);
    let _ = post.lang();
    let _ = postchart::Post::from_text(&text);
});
