//! Per-unit facts that rules and the context stage look at, computed once.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::lang::{Hits, Language, count_word_in};
use crate::segment::Segments;
use crate::text::{list_marker_len, same_words};
use crate::words::for_each_word_counting_chars;

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
///
/// Counts are `u32`, so a unit's features take 24 bytes rather than 40 (a
/// page can have millions of units); a count beyond `u32::MAX`, possible only
/// in a single unit of more than 4 GiB, stops there (see [`count`]).
#[derive(Debug, Clone)]
pub(crate) struct Features {
    /// Unicode words (UAX #29), so CJK and Arabic text count too.
    pub words: u32,
    /// Of those, how many are stopwords of the document's language (0 when the
    /// language is unknown; set by [`set_language`]).
    pub stopwords: u32,
    /// Visible characters (Unicode scalar values, whitespace included), not
    /// counting Markdown link targets and image embeds.
    pub chars: u32,
    /// Of those, characters inside Markdown link text (`[text](url)`).
    pub link_chars: u32,
    /// How the unit ends.
    pub terminal: Terminal,
    /// The unit is a whole line, not one sentence of a run-on line.
    pub whole_block: bool,
    /// Starts with a list marker (`*`, `-`, `+`, `•`).
    pub list_item: bool,
    /// The text (after a list marker) starts with a number and has words after
    /// it: a quantity (`200 g flour`), a step or a rank (`3. Mix`).
    pub quantity: bool,
    /// The unit is a whole block whose text equals the block right before or after
    /// it (an image's alt text printed twice, a repeated label). The first block
    /// of the document is left out: a headline printed twice is the title stage's
    /// business, not a label to drop.
    pub adjacent_repeat: bool,
}

// A page of millions of short lines holds the features of each.
const _: () = assert!(std::mem::size_of::<Features>() <= 24);

/// A count as stored in [`Features`]: saturated at `u32::MAX`.
pub(crate) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Features {
    /// Stopwords per word (0 for a unit without words).
    pub(crate) fn stopword_density(&self) -> f64 {
        self.stopwords as f64 / self.words.max(1) as f64
    }
}

#[cfg(test)]
impl Features {
    /// A whole-line sentence of `chars` characters, `words` words of which
    /// `stopwords` are stopwords: the shape most classifier tests need.
    pub(crate) fn sentence(chars: usize, words: usize, stopwords: usize) -> Features {
        Features {
            words: count(words),
            stopwords: count(stopwords),
            chars: count(chars),
            link_chars: 0,
            terminal: Terminal::Sentence,
            whole_block: true,
            list_item: false,
            quantity: false,
            adjacent_repeat: false,
        }
    }
}

/// Characters that close a quotation or a bracket and so hide the real ending
/// (German quotes close with `“` and `‘`: „so.“).
pub(crate) const CLOSERS: &[char] = &[
    '"', '\'', '”', '“', '’', '‘', '»', '›', ')', ']', '」', '』', '*', '_',
];

pub(crate) fn terminal(text: &str) -> Terminal {
    // Most texts end in an ASCII character that closes nothing: it decides
    // alone, with no need to look for closers.
    if let Some(&last) = text.as_bytes().last()
        && last.is_ascii()
        && !ASCII_CLOSERS[usize::from(last)]
    {
        return terminal_of(Some(char::from(last)));
    }
    terminal_of(text.trim_end_matches(CLOSERS).chars().next_back())
}

/// How a text whose last character (closers aside) is `last` ends.
fn terminal_of(last: Option<char>) -> Terminal {
    match last {
        Some('.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।') => Terminal::Sentence,
        Some(':' | ';' | '：') => Terminal::Colon,
        _ => Terminal::None,
    }
}

/// For each ASCII byte: is it one of the [`CLOSERS`]?
const ASCII_CLOSERS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < CLOSERS.len() {
        let c = CLOSERS[i] as usize;
        if c < table.len() {
            table[c] = true;
        }
        i += 1;
    }
    table
};

/// A Markdown link or image: group 1 is the link text (alt text for images).
static MARKDOWN_LINK: Lazy<Regex> = Lazy::new(|| {
    #[allow(clippy::expect_used)] // a constant pattern, compiled by the tests
    Regex::new(concat!(r"(!?)\[([^\[\]\n]*)\]", markdown_target!())).expect("valid link pattern")
});

/// Characters of Markdown link text, and of markup (targets, brackets, images).
fn link_stats(text: &str) -> (usize, usize) {
    if !text.contains("](") {
        return (0, 0);
    }
    let (mut link, mut markup) = (0, 0);
    for caps in MARKDOWN_LINK.captures_iter(text) {
        let whole = caps.get(0).map_or(0, |m| m.as_str().chars().count());
        let label = caps.get(2).map_or(0, |m| m.as_str().chars().count());
        if caps.get(1).is_some_and(|m| !m.is_empty()) {
            markup += whole;
        } else {
            link += label;
            markup += whole - label;
        }
    }
    (link, markup)
}

/// The text (a unit's, trimmed), after its list marker of `marker` bytes
/// (its [`list_marker_len`], which the caller has), starts with a digit or a
/// vulgar fraction.
fn starts_with_number(text: &str, marker: usize) -> bool {
    text.get(marker..)
        .unwrap_or_default()
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '½' | '¼' | '¾' | '⅓' | '⅔'))
}

/// How many of each unit's words are stopwords of each language, kept until
/// the language is chosen.
///
/// Packed: a page of millions of short lines would otherwise hold 32 bytes
/// per line here. Each unit's counts take one byte per language in one `u64`;
/// a unit with a count of 255 or more (a long paragraph) has the byte 255
/// there and its full counts in `large`, in unit order.
#[derive(Debug, Default)]
pub(crate) struct UnitHits {
    packed: Vec<u64>,
    large: Vec<Hits>,
}

// One byte per language in a `u64`.
const _: () = assert!(Language::ALL.len() <= 8);

impl UnitHits {
    fn with_capacity(units: usize) -> UnitHits {
        UnitHits {
            packed: Vec::with_capacity(units),
            large: Vec::new(),
        }
    }

    fn push(&mut self, hits: &Hits) {
        let mut bytes = [0u8; 8];
        for (byte, &count) in bytes.iter_mut().zip(hits) {
            *byte = u8::try_from(count).unwrap_or(u8::MAX);
        }
        if bytes.contains(&u8::MAX) {
            self.large.push(*hits);
        }
        self.packed.push(u64::from_le_bytes(bytes));
    }

    /// Each unit's counts, in unit order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Hits> + '_ {
        let mut large = self.large.iter();
        self.packed.iter().map(move |&packed| {
            let bytes = packed.to_le_bytes();
            if bytes.contains(&u8::MAX) {
                return large.next().copied().unwrap_or_default();
            }
            let mut hits = Hits::default();
            for (count, &byte) in hits.iter_mut().zip(&bytes) {
                *count = u32::from(byte);
            }
            hits
        })
    }
}

/// Computes the features of every unit of `seg`, and how many of each unit's
/// words are stopwords of each language (for the language guess; kept apart
/// from the features so that they can go once [`set_language`] has read them).
pub(crate) fn compute(input: &str, seg: &Segments) -> (Vec<Features>, UnitHits) {
    let block_text = |b: usize| seg.block_span(b).map(|span| span.slice(input));
    let mut features = Vec::with_capacity(seg.units.len());
    let mut hits = UnitHits::with_capacity(seg.units.len());
    let units = (0..seg.blocks.len()).flat_map(|b| {
        let whole_block = !seg.is_split(b);
        seg.units
            .get(seg.units_of(b))
            .unwrap_or_default()
            .iter()
            .map(move |u| (u, b, whole_block))
    });
    for (unit, b, whole_block) in units {
        let text = unit.span.slice(input);
        // Equal once whitespace runs are collapsed, compared without copying.
        // Block texts are trimmed, so texts that start or end with different
        // bytes differ (most neighbours: no need to split them into words).
        // Only asked of a whole block, whose text is the unit's.
        let same = |other: Option<usize>| {
            let other = other.filter(|&o| o > 0 && b > 0).and_then(block_text);
            other.is_some_and(|o| {
                let (ob, tb) = (o.as_bytes(), text.as_bytes());
                o == text
                    || ob.first() == tb.first() && ob.last() == tb.last() && same_words(o, text)
            })
        };
        let mut words = 0usize;
        let mut stop_hits = Hits::default();
        let chars = for_each_word_counting_chars(text, |word| {
            words += 1;
            count_word_in(&mut stop_hits, input, word);
        });
        let (link_chars, markup_chars) = link_stats(text);
        let marker = list_marker_len(text);
        features.push(Features {
            words: count(words),
            stopwords: 0,
            chars: count(chars.saturating_sub(markup_chars)),
            link_chars: count(link_chars),
            terminal: terminal(text),
            list_item: marker > 0,
            quantity: words >= 2 && starts_with_number(text, marker),
            whole_block,
            adjacent_repeat: whole_block && (same(b.checked_sub(1)) || same(b.checked_add(1))),
        });
        hits.push(&stop_hits);
    }
    (features, hits)
}

/// Sets each unit's `stopwords` to its count of `lang`'s stopwords (`hits`, one
/// per unit, from [`compute`]; 0 without a language).
///
/// A paragraph in another language (an English quote on a German page, or a
/// German article on a page the guess took for English) would look like a
/// string of non-words to the document's stoplist; when another language's
/// stopwords clearly fit it better, they are counted instead.
pub(crate) fn set_language(features: &mut [Features], hits: &UnitHits, lang: Option<Language>) {
    let Some(lang) = lang else {
        features.iter_mut().for_each(|f| f.stopwords = 0);
        return;
    };
    for (f, h) in features.iter_mut().zip(hits.iter()) {
        let own = h[lang.index()];
        f.stopwords = own;
        if f.words as usize >= FOREIGN_PROSE_MIN_WORDS {
            let best = h.iter().copied().max().unwrap_or(0);
            if best >= 2 * own.max(1)
                && f64::from(best) >= FOREIGN_PROSE_MIN_DENSITY * f64::from(f.words)
            {
                f.stopwords = best;
            }
        }
    }
}

/// A unit of at least this many words may be counted in another language than
/// the document's (a quoted English paragraph on a German page).
const FOREIGN_PROSE_MIN_WORDS: usize = 8;
/// ... when that language's stopwords make at least this share of its words
/// and outnumber the document language's at least twofold.
const FOREIGN_PROSE_MIN_DENSITY: f64 = 0.3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn features(input: &str) -> Vec<Features> {
        let (mut f, hits) = compute(input, &segment(input));
        set_language(&mut f, &hits, Some(Language::English));
        f
    }

    #[test]
    fn packed_hits_round_trip() {
        let small: Hits = [0, 1, 2, 3, 254, 0, 7, 0];
        let large: Hits = [255, 0, 0, 70_000, 1, 0, 0, 0];
        let mut hits = UnitHits::default();
        for h in [&small, &large, &small, &large, &Hits::default()] {
            hits.push(h);
        }
        let back: Vec<Hits> = hits.iter().collect();
        assert_eq!(back, [small, large, small, large, Hits::default()]);
    }

    #[test]
    fn terminal_punctuation_looks_through_quotes() {
        assert_eq!(terminal("He said “no.”"), Terminal::Sentence);
        assert_eq!(terminal("Related Tags:"), Terminal::Colon);
        assert_eq!(terminal("US presidential polls"), Terminal::None);
        assert_eq!(terminal("何ですか？"), Terminal::Sentence);
        assert_eq!(terminal("Er sagte: „So ist es.“"), Terminal::Sentence);
        assert_eq!(terminal("Sie nannte es ‚gut.‘"), Terminal::Sentence);
        assert_eq!(terminal("Das Buch „Ohne Ende“"), Terminal::None);
    }

    #[test]
    fn counts_unicode_words() {
        let f = features("Grüße aus Köln, sagte sie.\n北京欢迎你");
        assert_eq!(f[0].words, 5);
        assert!(f[1].words >= 2);
    }

    #[test]
    fn counts_stopwords_of_the_language() {
        let f = features("The cat sat on the mat.");
        assert_eq!(f[0].words, 6);
        assert!(f[0].stopwords >= 3, "{:?}", f[0]);
        assert_eq!(f[0].chars, 23);
    }

    #[test]
    fn a_paragraph_in_another_language_counts_its_own_stopwords() {
        let input = "Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen.\n\
                     The film is a story about the loss of a garden and of the people in it.\n\
                     The best of the rest\n\
                     Apple iPhone Samsung Galaxy Google Pixel Sony Xperia Nokia";
        let seg = segment(input);
        let (mut f, hits) = compute(input, &seg);
        set_language(&mut f, &hits, Some(Language::German));
        assert!(f[0].stopwords >= 3, "{:?}", f[0]);
        // Counted with English stopwords, though the page is German.
        assert!(f[1].stopword_density() >= 0.4, "{:?}", f[1]);
        // Too short to judge its language: German count (none).
        assert_eq!(f[2].stopwords, 0, "{:?}", f[2]);
        // No language fits a list of names.
        assert_eq!(f[3].stopwords, 0, "{:?}", f[3]);
        // Without a language nothing is counted.
        set_language(&mut f, &hits, None);
        assert!(f.iter().all(|f| f.stopwords == 0));
    }

    #[test]
    fn markdown_links_count_as_link_text() {
        let f = features("See [the report](https://example.com/a/very/long/url) now ![x](/i.png)");
        assert_eq!(f[0].link_chars, 10);
        assert_eq!(f[0].chars as usize, "See the report now ".len());
    }

    #[test]
    fn list_markers() {
        let f = features("* Tech\n- item\n-5 degrees\n*emphasis*");
        let flags: Vec<bool> = f.iter().map(|f| f.list_item).collect();
        assert_eq!(flags, [true, true, false, false]);
    }

    #[test]
    fn quantities_start_with_a_number_and_go_on() {
        let f = features("* 200 g flour\n* 2019\n3. Mix it all\n* Flour\n½ cup of milk");
        let flags: Vec<bool> = f.iter().map(|f| f.quantity).collect();
        assert_eq!(flags, [true, false, true, false, true]);
    }

    #[test]
    fn adjacent_repeats_only_next_to_each_other() {
        let f = features("Title\nTitle\nLabel\nLabel\nOther\nLabel");
        let flags: Vec<bool> = f.iter().map(|f| f.adjacent_repeat).collect();
        assert_eq!(flags, [false, false, true, true, false, false]);
    }

    #[test]
    fn adjacent_repeats_ignore_whitespace_runs_but_not_words() {
        let f =
            features("Title\nA  photo\u{a0}label\nA photo label\nA photo labels\nA photo label.");
        let flags: Vec<bool> = f.iter().map(|f| f.adjacent_repeat).collect();
        assert_eq!(flags, [false, true, true, false, false]);
    }
}
