//! Cleans arbitrary bytes (as lossy UTF-8) with the default cleaner and with
//! `detokenize(true)`, and checks the invariants the tests check: every
//! non-whitespace character accounted for, spans in bounds, on char boundaries
//! and disjoint, the same result twice, and the title not repeated as the
//! first paragraph.
#![no_main]

use std::sync::LazyLock;

use deboiler::Cleaner;
use libfuzzer_sys::fuzz_target;

// The same checker as the integration tests, not a copy of it.
#[path = "../../tests/common/mod.rs"]
mod common;

static DEFAULT: LazyLock<Cleaner> = LazyLock::new(Cleaner::default);

static DETOKENIZE: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::builder()
        .detokenize(true)
        .build()
        .expect("the built-in rules compile")
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for cleaner in [&*DEFAULT, &*DETOKENIZE] {
        let article = cleaner.clean(&text);
        common::assert_accounted(&text, &article);
        assert_eq!(article, cleaner.clean(&text), "not deterministic");
        if let (Some(title), Some(first)) = (&article.title, article.paragraphs.first()) {
            assert_ne!(title, &first.text, "the title is the first paragraph too");
        }
    }
});
