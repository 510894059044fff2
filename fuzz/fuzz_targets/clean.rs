//! Cleans arbitrary bytes (as lossy UTF-8) with the default cleaner and with
//! `detokenize(true)`, and checks the invariants the tests check: every
//! non-whitespace character accounted for, spans in bounds, on char boundaries
//! and disjoint, the same result twice.
#![no_main]

use std::sync::LazyLock;

use deboiler::Cleaner;
use libfuzzer_sys::fuzz_target;

// The same checker as the integration tests, not a copy of it.
#[path = "../../tests/common/mod.rs"]
mod common;

static DETOKENIZE: LazyLock<Cleaner> = LazyLock::new(|| {
    Cleaner::builder()
        .detokenize(true)
        .build()
        .expect("the built-in rules compile")
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let article = deboiler::clean(&text);
    common::assert_accounted(&text, &article);
    assert_eq!(article, deboiler::clean(&text), "not deterministic");
    let article = DETOKENIZE.clean(&text);
    common::assert_accounted(&text, &article);
    assert_eq!(article, DETOKENIZE.clean(&text), "not deterministic");
});
