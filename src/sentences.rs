//! Unicode sentence bounds (UAX #29), fast.
//!
//! Run-on lines are split into sentences, and `unicode-segmentation`'s sentence
//! iterator cost about 250 instructions a byte: half the time of cleaning such a
//! line. As in [`crate::words`], text in Latin script with common punctuation
//! is segmented here with the UAX #29 sentence rules that can apply to it, and
//! anything else goes to `unicode-segmentation`. A property test checks that
//! both split the same way.

use unicode_segmentation::UnicodeSegmentation;

/// Sentence-break classes (UAX #29, table 4) of the characters the fast path knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sb {
    Cr,
    Lf,
    Sep,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    /// `Extend` and `Format`: they belong to the character before (rule SB5).
    Ignore,
    Other,
}

/// The class of `c`, or `None` when the fast path does not know it.
fn class(c: char) -> Option<Sb> {
    use Sb::*;
    Some(match c {
        'a'..='z' => Lower,
        'A'..='Z' => Upper,
        '0'..='9' => Numeric,
        ' ' | '\t' | '\u{b}' | '\u{c}' => Sp,
        '\r' => Cr,
        '\n' => Lf,
        '.' => ATerm,
        '!' | '?' => STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Close,
        ',' | '-' | ':' | ';' => SContinue,
        '\u{0}'..='\u{7f}' => Other,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Sep,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Sp,
        // Format (zero-width space included) and Extend characters.
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' => Ignore,
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{300}'..='\u{36f}' => Ignore,
        '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}' | '\u{2039}' | '\u{203a}' => Close,
        '\u{2045}' | '\u{2046}' => Close,
        '\u{2013}' | '\u{2014}' => SContinue,
        '\u{2024}' => ATerm,
        '\u{203c}' | '\u{203d}' | '\u{2047}'..='\u{2049}' => STerm,
        // Titlecase digraphs count as upper case.
        '\u{1c5}' | '\u{1c8}' | '\u{1cb}' | '\u{1f2}' => Upper,
        '\u{aa}'..='\u{24f}' if c.is_lowercase() => Lower,
        '\u{c0}'..='\u{24f}' if c.is_uppercase() => Upper,
        '\u{c0}'..='\u{24f}' if c.is_alphabetic() => OLetter,
        '\u{80}'..='\u{24f}' | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20c0}' => Other,
        _ => return None,
    })
}

/// Calls `f` with the byte offset and text of each Unicode sentence segment of
/// `text`, as `unicode-segmentation`'s `split_sentence_bound_indices`.
pub(crate) fn for_each_sentence<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    if text.chars().all(|c| class(c).is_some()) {
        split(text, &mut f);
    } else {
        text.split_sentence_bound_indices()
            .for_each(|(i, s)| f(i, s));
    }
}

/// The significant characters of a text the fast path knows, as (byte offset,
/// class). Rule SB5: `Extend` and `Format` characters fold into the character
/// before them, unless that is a line break (or there is none).
#[derive(Debug, Clone)]
struct Significant<'a> {
    text: &'a str,
    pos: usize,
    after_break: bool,
}

impl<'a> Significant<'a> {
    fn new(text: &'a str, pos: usize, after_break: bool) -> Self {
        Significant {
            text,
            pos,
            after_break,
        }
    }
}

impl Iterator for Significant<'_> {
    type Item = (usize, Sb);

    fn next(&mut self) -> Option<(usize, Sb)> {
        loop {
            let c = self.text.get(self.pos..)?.chars().next()?;
            let at = self.pos;
            self.pos += c.len_utf8();
            let class = class(c).unwrap_or(Sb::Other);
            if class == Sb::Ignore && !self.after_break {
                continue;
            }
            self.after_break = is_para_sep(class);
            return Some((at, class));
        }
    }
}

fn is_para_sep(c: Sb) -> bool {
    matches!(c, Sb::Sep | Sb::Cr | Sb::Lf)
}

fn is_saterm(c: Sb) -> bool {
    matches!(c, Sb::ATerm | Sb::STerm)
}

/// Where the text before a position stands after a sentence terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum After {
    /// Not after `SATerm Close* Sp*`.
    Nothing,
    /// After `SATerm Close*` (`aterm`: the terminator was a full stop).
    Close { aterm: bool },
    /// After `SATerm Close* Sp+`.
    Space { aterm: bool },
}

/// Applies rules SB3 to SB998 between each pair of significant characters, in
/// one pass and without allocating (a 100 MB line stays a 100 MB line).
fn split<'a>(text: &'a str, f: &mut impl FnMut(usize, &'a str)) {
    use Sb::*;
    let mut chars = Significant::new(text, 0, true);
    let Some((_, mut prev)) = chars.next() else {
        return;
    };
    let mut before_prev: Option<Sb> = None;
    let mut start = 0;
    let mut after = After::Nothing;
    // For SB8: a cursor at the first character at or after the current one that
    // is a letter, a paragraph separator or a terminator. It only moves forward,
    // so the scan is linear overall.
    let mut ahead: Option<(usize, Option<Sb>)> = None;
    for (offset, cur) in chars {
        // The context before `cur`: extend or reset it with `prev`.
        after = match (prev, after) {
            (ATerm, _) => After::Close { aterm: true },
            (STerm, _) => After::Close { aterm: false },
            (Close, After::Close { aterm }) => After::Close { aterm },
            (Sp, After::Close { aterm } | After::Space { aterm }) => After::Space { aterm },
            _ => After::Nothing,
        };
        let boundary = if prev == Cr && cur == Lf {
            false // SB3
        } else if is_para_sep(prev) {
            true // SB4
        } else if prev == ATerm
            && (cur == Numeric // SB6
                || (cur == Upper && matches!(before_prev, Some(Upper | Lower))))
        {
            false // SB7
        } else {
            match after {
                After::Nothing => false, // SB998
                After::Close { aterm } | After::Space { aterm } => {
                    let sb8 = aterm && {
                        let found = match ahead {
                            Some((at, found)) if at >= offset => found,
                            _ => {
                                let found =
                                    Significant::new(text, offset, false).find(|&(_, c)| {
                                        matches!(c, OLetter | Upper | Lower)
                                            || is_para_sep(c)
                                            || is_saterm(c)
                                    });
                                let at = found.map_or(text.len(), |(at, _)| at);
                                ahead = Some((at, found.map(|(_, c)| c)));
                                found.map(|(_, c)| c)
                            }
                        };
                        found == Some(Lower)
                    };
                    let in_close = matches!(after, After::Close { .. });
                    let keep = sb8
                        || matches!(cur, SContinue | ATerm | STerm) // SB8a
                        || (in_close && cur == Close) // SB9
                        || cur == Sp
                        || is_para_sep(cur); // SB9, SB10
                    !keep // SB11 otherwise
                }
            }
        };
        if boundary {
            f(start, &text[start..offset]);
            start = offset;
        }
        before_prev = Some(prev);
        prev = cur;
    }
    if start < text.len() {
        f(start, &text[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_sentence(text, |i, s| out.push((i, s)));
        out
    }

    fn theirs(text: &str) -> Vec<(usize, &str)> {
        text.split_sentence_bound_indices().collect()
    }

    #[test]
    fn sentences_of_latin_text() {
        for text in [
            "Mr. Smith went to Washington. He said “no.” Then he left!  And? yes",
            "It cost 3.50 dollars. e.g. this one. U.S. Army (the one). (Next.) ok",
            "Grüße aus Köln. Élan vital! Über alles? «Oui.» Non.",
            "Line one\nLine two.\r\nLine three\u{2029}end",
            "soft\u{ad}hyphen. Cafe\u{301}. \u{301}x",
            "He said: \"go\" . Then , he left .",
        ] {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    #[test]
    fn other_scripts_fall_back() {
        for text in ["北京欢迎你。你好！", "Ελληνικά. Κείμενο.", "emoji 👍. ok"]
        {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    /// Characters the tests draw from: each class of the fast path, and two it
    /// does not know.
    const POOL: &[char] = &[
        'a', 'b', 'Z', 'É', 'ß', 'ǅ', 'ƻ', '7', ' ', '\t', '\u{a0}', '\n', '\r', '\u{2029}', '.',
        '.', '!', '?', '"', '\'', '(', ')', '«', '»', '“', '”', ',', '-', ':', ';', '–', '\u{ad}',
        '\u{301}', '\u{200d}', '\u{200b}', '\u{2024}', '‽', '#', '€', '…', '²', 'ª', '北', '😀',
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_sentences_as_unicode_segmentation(
            chars in proptest::collection::vec(proptest::sample::select(POOL), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&text), theirs(&text));
        }

        /// Only characters the fast path knows, so it is the one tested.
        #[test]
        fn fast_path_same_sentences(
            chars in proptest::collection::vec(proptest::sample::select(&POOL[..POOL.len() - 2]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert!(text.chars().all(|c| class(c).is_some()));
            let mut out = Vec::new();
            split(&text, &mut |i, s| out.push((i, s)));
            prop_assert_eq!(out, theirs(&text));
        }
    }
}
