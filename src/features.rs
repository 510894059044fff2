//! Per-unit facts that rules and the context stage look at, computed once.

use unicode_segmentation::UnicodeSegmentation;

use crate::segment::Segments;
use crate::text::collapse_whitespace;

/// How a unit ends, ignoring closing quotes and brackets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Terminal {
    /// `.`, `!`, `?`, `…` and their full-width forms: a finished sentence.
    Sentence,
    /// `:` or `;`: a label or a lead-in.
    Colon,
    /// Anything else: a heading, a label, a menu item.
    None,
}

/// Facts about one unit.
#[derive(Debug, Clone)]
pub(crate) struct Features {
    /// Unicode words (UAX #29), so CJK and Arabic text count too.
    pub words: usize,
    /// How the unit ends.
    pub terminal: Terminal,
    /// The unit is a whole line, not one sentence of a run-on line.
    pub whole_block: bool,
    /// Starts with a list marker (`*`, `-`, `+`, `•`).
    pub list_item: bool,
    /// The unit is a whole block whose text equals the block right before or after
    /// it (an image's alt text printed twice, a repeated label). The first block
    /// of the document is left out: a headline printed twice is the title stage's
    /// business, not a label to drop.
    pub adjacent_repeat: bool,
}

/// Characters that close a quotation or a bracket and so hide the real ending.
const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '」', '』', '*', '_',
];

fn terminal(text: &str) -> Terminal {
    match text.trim_end_matches(CLOSERS).chars().next_back() {
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।') => Terminal::Sentence,
        Some(':' | ';' | '：') => Terminal::Colon,
        _ => Terminal::None,
    }
}

fn is_list_item(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some('*' | '-' | '+' | '•' | '·' | '▪' | '–'))
        && chars.next().is_some_and(char::is_whitespace)
}

/// Computes the features of every unit of `seg`.
pub(crate) fn compute(input: &str, seg: &Segments) -> Vec<Features> {
    let block_texts: Vec<_> = seg
        .blocks
        .iter()
        .map(|b| collapse_whitespace(b.span.slice(input)))
        .collect();
    seg.units
        .iter()
        .map(|unit| {
            let text = unit.span.slice(input);
            let b = unit.block;
            let whole_block = !seg.is_split(b);
            let same = |other: Option<usize>| {
                other
                    .filter(|&o| o > 0 && b > 0)
                    .and_then(|o| block_texts.get(o))
                    .is_some_and(|t| *t == block_texts[b])
            };
            Features {
                words: text.unicode_words().count(),
                terminal: terminal(text),
                list_item: is_list_item(text),
                whole_block,
                adjacent_repeat: whole_block && (same(b.checked_sub(1)) || same(b.checked_add(1))),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn features(input: &str) -> Vec<Features> {
        compute(input, &segment(input))
    }

    #[test]
    fn terminal_punctuation_looks_through_quotes() {
        assert_eq!(terminal("He said “no.”"), Terminal::Sentence);
        assert_eq!(terminal("Related Tags:"), Terminal::Colon);
        assert_eq!(terminal("US presidential polls"), Terminal::None);
        assert_eq!(terminal("何ですか？"), Terminal::Sentence);
    }

    #[test]
    fn counts_unicode_words() {
        let f = features("Grüße aus Köln, sagte sie.\n北京欢迎你");
        assert_eq!(f[0].words, 5);
        assert!(f[1].words >= 2);
    }

    #[test]
    fn list_markers() {
        assert!(is_list_item("* Tech"));
        assert!(is_list_item("- item"));
        assert!(!is_list_item("-5 degrees"));
        assert!(!is_list_item("*emphasis*"));
    }

    #[test]
    fn adjacent_repeats_only_next_to_each_other() {
        let f = features("Title\nTitle\nLabel\nLabel\nOther\nLabel");
        let flags: Vec<bool> = f.iter().map(|f| f.adjacent_repeat).collect();
        assert_eq!(flags, [false, false, true, true, false, false]);
    }
}
