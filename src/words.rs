//! Unicode words (UAX #29), fast.
//!
//! `unicode-segmentation` looks up the word-break class of every character in
//! a large table; on page dumps that was the single biggest cost of the whole
//! pipeline. Almost all text the cleaner sees is written in Latin or Cyrillic
//! script, where the classes are few and known; so are they for Greek, Arabic
//! (without its vowel marks), Hangul, Han ideographs, CJK and full-width
//! punctuation, and the common symbols and emoji. This module segments such
//! text itself, with exactly the UAX #29 rules that can apply to those
//! characters, and hands anything else (Hebrew, Indic scripts, kana, flags,
//! emoji joined by a joiner, …) to `unicode-segmentation`. Tests check that
//! both give the same words: every known character in the contexts that tell
//! the classes apart, and random mixes.

use std::ops::ControlFlow;

use unicode_segmentation::UnicodeSegmentation;

/// Word-break classes of the characters the fast path knows (UAX #29, table 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Wb {
    /// Letters (`ALetter`).
    Letter = 0,
    /// Digits (`Numeric`).
    Numeric = 1,
    /// `:` and `·` (`MidLetter`).
    MidLetter = 2,
    /// `,` `;` `⁄` (`MidNum`).
    MidNum = 3,
    /// `.` `'` `‘` `’` (`MidNumLet`, `Single_Quote`).
    MidNumLet = 4,
    /// `_`, the narrow no-break space, `‿` (`ExtendNumLet`).
    ExtendNumLet = 5,
    /// Combining marks, format characters, joiners (`Extend`, `Format`, `ZWJ`):
    /// they belong to the character before them (rule WB4).
    Ignore = 6,
    /// Line breaks (`CR`, `LF`, `Newline`).
    Newline = 7,
    /// Everything else the fast path knows: spaces, symbols, punctuation.
    Other = 8,
}

/// The class of `c`, or `None` when the fast path does not know it.
const fn class(c: char) -> Option<Wb> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Numeric,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Wb::Newline,
        ':' | '\u{b7}' | '\u{2027}' => Wb::MidLetter,
        ',' | ';' | '\u{2044}' => Wb::MidNum,
        '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{2024}' => Wb::MidNumLet,
        '_' | '\u{202f}' | '\u{203f}' | '\u{2040}' | '\u{2054}' => Wb::ExtendNumLet,
        '\u{0}'..='\u{7f}' => Wb::Other,
        // The pictographs `©` `®` `‼` `⁉` are `Other` but after a joiner
        // (U+200D, rule WB3c): text with both is left to the fallback (see
        // [`known_chars`]).
        '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}' => Wb::Other,
        // Not known here: `¸` (a letter for UAX #29 since Unicode 16) and the
        // alphabetic combining marks (after a run of spaces, rule WB3d).
        '\u{b8}' => return None,
        '\u{345}' | '\u{363}'..='\u{36f}' => return None,
        '\u{aa}' | '\u{b5}' | '\u{ba}' => Wb::Letter,
        '\u{ad}' => Wb::Ignore,
        '\u{a0}'..='\u{bf}' | '\u{d7}' | '\u{f7}' => Wb::Other,
        '\u{c0}'..='\u{24f}' => Wb::Letter,
        '\u{300}'..='\u{36f}' => Wb::Ignore,
        '\u{400}'..='\u{481}' | '\u{48a}'..='\u{4ff}' => Wb::Letter,
        '\u{482}' => Wb::Other,
        '\u{483}'..='\u{489}' => Wb::Ignore,
        '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' => Wb::Ignore,
        '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' => Wb::Ignore,
        '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20c0}' => Wb::Other,
        // Greek (the code points assigned), and the Cyrillic supplement.
        '\u{370}'..='\u{374}' | '\u{376}' | '\u{377}' | '\u{37a}'..='\u{37d}' | '\u{37f}' => {
            Wb::Letter
        }
        '\u{386}' | '\u{388}'..='\u{38a}' | '\u{38c}' | '\u{38e}'..='\u{3a1}' => Wb::Letter,
        '\u{3a3}'..='\u{3f5}' | '\u{3f7}'..='\u{3ff}' | '\u{500}'..='\u{52f}' => Wb::Letter,
        '\u{37e}' => Wb::MidNum,
        '\u{387}' => Wb::MidLetter,
        '\u{375}' | '\u{384}' | '\u{385}' | '\u{3f6}' => Wb::Other,
        // Arabic, but its vowel marks and the number signs, which are
        // `Numeric` without being digits: left to the fallback with the
        // alphabetic marks above.
        '\u{620}'..='\u{64a}' | '\u{66e}' | '\u{66f}' | '\u{671}'..='\u{6d3}' | '\u{6d5}' => {
            Wb::Letter
        }
        '\u{6e5}' | '\u{6e6}' | '\u{6ee}' | '\u{6ef}' | '\u{6fa}'..='\u{6fc}' | '\u{6ff}' => {
            Wb::Letter
        }
        '\u{750}'..='\u{77f}' => Wb::Letter,
        '\u{660}'..='\u{669}' | '\u{6f0}'..='\u{6f9}' => Wb::Numeric,
        '\u{60c}' | '\u{60d}' | '\u{66c}' => Wb::MidNum,
        '\u{606}'..='\u{60b}' | '\u{60e}' | '\u{60f}' | '\u{61b}' | '\u{61d}'..='\u{61f}' => {
            Wb::Other
        }
        '\u{66a}' | '\u{66d}' | '\u{6d4}' | '\u{6de}' | '\u{6e9}' | '\u{6fd}' | '\u{6fe}' => {
            Wb::Other
        }
        '\u{61c}' | '\u{658}' | '\u{6df}' | '\u{6e0}' | '\u{6ea}'..='\u{6ec}' => Wb::Ignore,
        // Hangul: jamo, compatibility jamo and syllables are letters.
        '\u{1100}'..='\u{11ff}' | '\u{3131}'..='\u{318e}' | '\u{ac00}'..='\u{d7a3}' => Wb::Letter,
        // Han ideographs are each a word of their own: `Other`, but
        // alphanumeric (see [`alnum`]).
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' => Wb::Other,
        // CJK punctuation (`、` `。` `「」`, the ideographic space) and the
        // iteration mark `々`, a letter.
        '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}' => Wb::Other,
        '\u{3036}' | '\u{3037}' | '\u{303d}'..='\u{303f}' => Wb::Other,
        '\u{3005}' => Wb::Letter,
        // Full-width ASCII forms, as their ASCII counterparts.
        '\u{ff10}'..='\u{ff19}' => Wb::Numeric,
        '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => Wb::Letter,
        '\u{ff07}' | '\u{ff0e}' => Wb::MidNumLet,
        '\u{ff0c}' | '\u{ff1b}' => Wb::MidNum,
        '\u{ff1a}' => Wb::MidLetter,
        '\u{ff3f}' => Wb::ExtendNumLet,
        '\u{ff00}'..='\u{ff65}' => Wb::Other,
        // Symbols: `№` `™`, arrows, mathematical and technical signs, box
        // drawing, shapes (`●` `■` `▶`), dingbats (`✔` `❤`), but the
        // enclosed letters and digits, which are alphanumeric; and the
        // pictographs and emoji, with their skin tones (`Extend`) and the
        // emoji variation selectors.
        '\u{2116}' | '\u{2122}' => Wb::Other,
        '\u{2190}'..='\u{245f}' | '\u{2500}'..='\u{2775}' | '\u{2794}'..='\u{2bff}' => Wb::Other,
        '\u{1f3fb}'..='\u{1f3ff}' | '\u{fe00}'..='\u{fe0f}' => Wb::Ignore,
        '\u{1f300}'..='\u{1faff}' => Wb::Other,
        _ => return None,
    })
}

/// Calls `f` with each Unicode word of `text`: the UAX #29 word segments that
/// contain a letter or a digit, as `unicode-segmentation`'s `unicode_words`.
pub(crate) fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str)) {
    try_for_each_word(text, |w| {
        f(w);
        ControlFlow::Continue(())
    });
}

/// The number of Unicode words in `text`.
pub(crate) fn count(text: &str) -> usize {
    let mut n = 0;
    for_each_word(text, |_| n += 1);
    n
}

/// Like [`for_each_word`], and returns the number of characters of `text`:
/// the scan that finds the words has them at hand, where counting them
/// would be another pass.
pub(crate) fn for_each_word_counting_chars<'a>(text: &'a str, mut f: impl FnMut(&'a str)) -> usize {
    let mut f = |w| {
        f(w);
        ControlFlow::Continue(())
    };
    match fast_path(text, &mut f) {
        Some(chars) => chars,
        None => {
            let _ = text.unicode_words().try_for_each(f);
            text.chars().count()
        }
    }
}

/// Like [`for_each_word`], stopping as soon as `f` says so.
pub(crate) fn try_for_each_word<'a>(text: &'a str, mut f: impl FnMut(&'a str) -> ControlFlow<()>) {
    if fast_path(text, &mut f).is_none() {
        let _ = text.unicode_words().try_for_each(f);
    }
}

/// Segments `text` if every character is known to [`class`], and returns
/// its number of characters; returns `None` (having called `f` for nothing)
/// otherwise.
///
/// Between two significant characters (not [`Wb::Ignore`], which belong to the
/// character before them) there is no break when both
/// are letters, digits or connectors (rules WB5, WB8–WB10, WB13a/b), or when a
/// letter, a `MidLetter`/`MidNumLet` and a letter follow each other (WB6/7), or a
/// digit, a `MidNum`/`MidNumLet` and a digit (WB11/12). Everything else breaks
/// (WB999), and a segment is a word when it has a letter or a digit in it.
fn fast_path<'a>(text: &'a str, f: &mut impl FnMut(&'a str) -> ControlFlow<()>) -> Option<usize> {
    if text.is_ascii() {
        ascii_words(text, f);
        return Some(text.len());
    }
    let chars = known_chars(text)?;
    known_words(text, f);
    Some(chars)
}

/// The [`Info`] of the character at byte `i` (in bounds, at a character
/// boundary) and its length: ASCII straight from the table, others decoded.
#[inline(always)]
fn info_len(bytes: &[u8], i: usize) -> (Info, usize) {
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (LOW_INFO[usize::from(b)], 1),
        Some(_) => info_at(bytes, i).unwrap_or((UNKNOWN, 1)),
        None => (UNKNOWN, 0),
    }
}

/// The end of the run of [`Wb::Ignore`] characters at byte `i` (rule WB4: they
/// belong to the character before them), and whether any is alphanumeric.
#[inline(always)]
fn skip_ignored(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut alnum = false;
    // No ASCII character is ignorable.
    while bytes.get(i).is_some_and(|&b| b >= 0x80) {
        let (info, len) = info_len(bytes, i);
        if class_of(info) != Wb::Ignore {
            break;
        }
        alnum |= info & ALNUM != 0;
        i += len;
    }
    (i, alnum)
}

/// [`fast_path`] for text whose characters [`class`] all knows, in one pass
/// over the bytes. Each significant character is read once, with the
/// ignorable characters after it.
///
/// Such text is mostly ASCII (German or Polish prose has a non-ASCII letter
/// every few words), so ASCII bytes take shortcuts: spaces and punctuation
/// between words are skipped, and the ASCII letters and digits inside a word
/// are run over, without decoding. Neither shortcut is taken where the byte
/// after is not ASCII, as that may be an ignorable character to attach.
fn known_words<'a>(text: &'a str, f: &mut impl FnMut(&'a str) -> ControlFlow<()>) {
    use Wb::*;
    let bytes = text.as_bytes();
    let alnum_of = |info: Info| info & ALNUM != 0 && info != UNKNOWN;
    let mut i = skip_ascii_gap(bytes, 0);
    while i < bytes.len() {
        let start = i;
        // A word that starts with an ASCII letter or digit (most) is left to
        // the run below, which sets `prev` and `alnum`.
        let (mut prev, mut alnum) = (Other, false);
        if !is_ascii_word_byte(bytes, i) {
            let (info, len) = info_len(bytes, i);
            let class = class_of(info);
            alnum = alnum_of(info);
            i += len;
            // WB4: marks and format characters attach to what precedes them,
            // unless that is a line break; a lone mark stands for itself.
            if class != Newline {
                let (end, marks) = skip_ignored(bytes, i);
                i = end;
                alnum |= marks;
            }
            if !is_word_class(class) {
                // A segment of one character: a word only if that is, say, `²`.
                if alnum && f(&text[start..i]).is_break() {
                    return;
                }
                i = skip_ascii_gap(bytes, i);
                continue;
            }
            prev = class;
        }
        loop {
            let end = ascii_word_run(bytes, i);
            if let Some(run @ [.., last]) = bytes.get(i..end) {
                alnum = alnum || has_alnum(run);
                prev = ASCII_CLASSES[usize::from(last & 0x7f)];
                // The run's last byte may carry marks (a decomposed `é`).
                let (end, marks) = skip_ignored(bytes, end);
                alnum |= marks;
                i = end;
            }
            let (info, len) = info_len(bytes, i);
            if len == 0 {
                break;
            }
            let next = class_of(info);
            match (prev, next) {
                (Letter | Numeric | ExtendNumLet, Letter | Numeric | ExtendNumLet) => {
                    let (end, marks) = skip_ignored(bytes, i + len);
                    alnum |= alnum_of(info) | marks;
                    prev = next;
                    i = end;
                }
                (Letter, MidLetter | MidNumLet) | (Numeric, MidNum | MidNumLet) => {
                    // Joins only if the same kind follows: `don't`, `3.14`.
                    let (after_start, mid_marks) = skip_ignored(bytes, i + len);
                    let (after, after_len) = info_len(bytes, after_start);
                    if after_len == 0 || class_of(after) != prev {
                        break;
                    }
                    let (end, marks) = skip_ignored(bytes, after_start + after_len);
                    alnum |= alnum_of(info) | mid_marks | alnum_of(after) | marks;
                    i = end;
                }
                _ => break,
            }
        }
        if alnum && f(&text[start..i]).is_break() {
            return;
        }
        i = skip_ascii_gap(bytes, i);
    }
}

/// True for the classes a word is made of (rules WB5, WB8–WB10, WB13a/b).
fn is_word_class(class: Wb) -> bool {
    matches!(class, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet)
}

/// The end of the ASCII spaces and punctuation from byte `i` on: bytes that
/// each make a segment of their own and no word. A byte before a non-ASCII
/// one is left to the caller (a mark after it might make it a word).
fn skip_ascii_gap(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i)
        && b < 0x80
        && !is_word_class(ASCII_CLASSES[usize::from(b & 0x7f)])
        && bytes.get(i + 1).is_none_or(|&next| next < 0x80)
    {
        i += 1;
    }
    i
}

/// The end of the run of ASCII letters, digits and `_` from byte `i` on,
/// which join whatever word class came before them: one table lookup per
/// byte, as most bytes of most text are in such runs.
fn ascii_word_run(bytes: &[u8], mut i: usize) -> usize {
    while is_ascii_word_byte(bytes, i) {
        i += 1;
    }
    i
}

/// True when byte `i` is an ASCII letter, digit or `_` (false past the end).
#[inline(always)]
fn is_ascii_word_byte(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i)
        .is_some_and(|&b| ASCII_WORD_BYTES[usize::from(b)])
}

/// True when a run of [`ascii_word_run`] has a letter or digit: it is not all
/// `_` (looked at past the first byte only for a run that starts with `_`).
fn has_alnum(run: &[u8]) -> bool {
    run.iter().any(|&b| b != b'_')
}

/// [`fast_path`] for ASCII text: the same rules over bytes, with no characters
/// to decode and none to ignore. Bytes outside [`ascii_word_run`]s each make a
/// segment of their own and no word; a run goes on past a `MidLetter`,
/// `MidNum` or `MidNumLet` between two letters or two digits (WB6/7, WB11/12).
fn ascii_words<'a>(text: &'a str, f: &mut impl FnMut(&'a str) -> ControlFlow<()>) {
    use Wb::*;
    let bytes = text.as_bytes();
    let class_at = |i: usize| bytes.get(i).map(|&b| ASCII_CLASSES[usize::from(b & 0x7f)]);
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        i = ascii_word_run(bytes, i);
        if i == start {
            i += 1;
            continue;
        }
        loop {
            let last = class_at(i - 1);
            let joins = match (last, class_at(i)) {
                (Some(Letter), Some(MidLetter | MidNumLet))
                | (Some(Numeric), Some(MidNum | MidNumLet)) => class_at(i + 1) == last,
                _ => false,
            };
            if !joins {
                break;
            }
            i = ascii_word_run(bytes, i + 2);
        }
        if let Some(word) = text.get(start..i)
            && has_alnum(word.as_bytes())
            && f(word).is_break()
        {
            return;
        }
    }
}

/// The number of characters of `text` when [`class`] knows every one of
/// them, else `None`.
///
/// Text that gets here is mostly ASCII, which [`class`] knows all of: it is
/// stepped over eight bytes at a time.
fn known_chars(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    // The [`PICTOGRAPH`] and [`JOINER`] bits of the characters seen.
    let mut seen = 0;
    // Bytes past the first of each character: the characters are the bytes
    // less these.
    let mut continuations = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += ascii_prefix_len(bytes, i).max(1);
            continue;
        }
        match info_at(bytes, i) {
            Some((info, len)) if info != UNKNOWN => {
                seen |= info & (PICTOGRAPH | JOINER);
                i += len;
                continuations += len - 1;
            }
            _ => return None,
        }
    }
    (seen != PICTOGRAPH | JOINER).then(|| bytes.len() - continuations)
}

/// How many bytes [`ascii_prefix_len`] looks at in one step.
const ASCII_CHUNK: usize = 8;

/// How many of the [`ASCII_CHUNK`] bytes from `i` on come before the first
/// that is not ASCII (all of them when none; 0 when fewer are left).
fn ascii_prefix_len(bytes: &[u8], i: usize) -> usize {
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    bytes
        .get(i..i + ASCII_CHUNK)
        .and_then(|c| <[u8; ASCII_CHUNK]>::try_from(c).ok())
        .map_or(0, |c| {
            let highs = u64::from_le_bytes(c) & HIGHS;
            (highs.trailing_zeros() / 8) as usize
        })
}

/// What the fast path knows of one character, in a byte: its [`Wb`] class in
/// the low bits, [`ALNUM`] when `char::is_alphanumeric` holds for it, and
/// [`PICTOGRAPH`] or [`JOINER`] for the characters of rule WB3c; or
/// [`UNKNOWN`].
type Info = u8;

/// The [`Info`] bit for letters and digits.
const ALNUM: Info = 0x80;

/// The [`Info`] of a character [`class`] does not know.
const UNKNOWN: Info = 0xff;

/// The [`Info`] bits that hold the [`Wb`] class (see [`class_of`]).
const CLASS_BITS: Info = 0x0f;

/// The [`Info`] bit for the pictographs [`class`] knows (`©` `®` `‼` `⁉`):
/// rule WB3c joins them to a joiner before them.
const PICTOGRAPH: Info = 0x40;

/// The [`Info`] bit for the zero-width joiner (U+200D) of rule WB3c.
const JOINER: Info = 0x20;

/// True when `c`, whose class is `class`, is a letter or digit in the sense of
/// `char::is_alphanumeric` (a test checks every known character). Besides the
/// letters and digits, only the superscript digits and the vulgar fractions of
/// Latin-1 are.
const fn alnum(c: char, class: Wb) -> bool {
    matches!(class, Wb::Letter | Wb::Numeric)
        || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
        || matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

/// The [`Info`] of `c`.
const fn info(c: char) -> Info {
    let wb3c = match c {
        '\u{a9}' | '\u{ae}' | '\u{203c}' | '\u{2049}' | '\u{2122}' => PICTOGRAPH,
        // Skin tones are marks, not pictographs.
        '\u{1f3fb}'..='\u{1f3ff}' => 0,
        // Many of these are (`↔` `▶` `☀` `✔` `〰` `😀`); taking them all for
        // pictographs only sends a few more texts with a joiner to the
        // fallback.
        '\u{2190}'..='\u{2bff}' | '\u{3030}' | '\u{303d}' | '\u{1f300}'..='\u{1faff}' => PICTOGRAPH,
        '\u{200d}' => JOINER,
        _ => 0,
    };
    match class(c) {
        Some(class) => class as u8 | if alnum(c, class) { ALNUM } else { 0 } | wb3c,
        None => UNKNOWN,
    }
}

/// [`Info`] for the `N` code points from `first` on.
const fn info_table<const N: usize>(first: u32) -> [Info; N] {
    let mut table = [UNKNOWN; N];
    let mut i = 0;
    while i < N {
        if let Some(c) = char::from_u32(first + i as u32) {
            table[i] = info(c);
        }
        i += 1;
    }
    table
}

/// [`Info`] of the one- and two-byte characters (Latin, Greek, Cyrillic,
/// Arabic), …
static LOW_INFO: [Info; 0x800] = info_table::<0x800>(0);
/// … of general punctuation, currency, arrows and the other symbol blocks
/// (U+2000..U+2BFF), …
static SYMBOL_INFO: [Info; 0xc00] = info_table::<0xc00>(0x2000);
/// … of CJK punctuation (U+3000..U+303F) and the Hangul compatibility jamo
/// (up to U+318F), …
static CJK_INFO: [Info; 0x190] = info_table::<0x190>(0x3000);
/// … and of the full-width forms (U+FF00..U+FF65).
static FULL_WIDTH_INFO: [Info; 0x66] = info_table::<0x66>(0xff00);

/// The [`Info`] of every character of the blocks [`class`] knows whole:
/// Hangul jamo and syllables, …
const HANGUL_INFO: Info = info('가');
/// … Han ideographs, …
const IDEOGRAPH_INFO: Info = info('中');
/// … variation selectors and skin tones, …
const SELECTOR_INFO: Info = info('\u{fe0f}');
/// … and pictographs and emoji.
const EMOJI_INFO: Info = info('😀');

/// The [`Info`] of the three-byte character `cp`.
fn info3(cp: u32) -> Info {
    let at = |table: &[Info], first: u32| *table.get((cp - first) as usize).unwrap_or(&UNKNOWN);
    match cp {
        0x2000..=0x2bff => at(&SYMBOL_INFO, 0x2000),
        0x3000..=0x318f => at(&CJK_INFO, 0x3000),
        0x3400..=0x4dbf | 0x4e00..=0x9fff => IDEOGRAPH_INFO,
        0x1100..=0x11ff | 0xac00..=0xd7a3 => HANGUL_INFO,
        0xfe00..=0xfe0f => SELECTOR_INFO,
        0xff00..=0xff65 => at(&FULL_WIDTH_INFO, 0xff00),
        _ => UNKNOWN,
    }
}

/// The [`Info`] of the four-byte character `cp`.
fn info4(cp: u32) -> Info {
    match cp {
        0x1f3fb..=0x1f3ff => SELECTOR_INFO,
        0x1f300..=0x1faff => EMOJI_INFO,
        _ => UNKNOWN,
    }
}

/// The [`Info`] and UTF-8 length of the character at byte `i` of `bytes` (valid
/// UTF-8, `i` at a character boundary), decoded by hand.
fn info_at(bytes: &[u8], i: usize) -> Option<(Info, usize)> {
    let b0 = *bytes.get(i)?;
    let low6 = |k: usize| bytes.get(i + k).map_or(0, |&b| u32::from(b & 0x3f));
    Some(match b0 {
        0..0x80 => (LOW_INFO[usize::from(b0)], 1),
        0x80..0xe0 => {
            let cp = (u32::from(b0 & 0x1f) << 6) | low6(1);
            (*LOW_INFO.get(cp as usize).unwrap_or(&UNKNOWN), 2)
        }
        0xe0..0xf0 => {
            let cp = (u32::from(b0 & 0x0f) << 12) | (low6(1) << 6) | low6(2);
            (info3(cp), 3)
        }
        _ => {
            let cp = (u32::from(b0 & 0x07) << 18) | (low6(1) << 12) | (low6(2) << 6) | low6(3);
            (info4(cp), 4)
        }
    })
}

/// The class in an [`Info`] of a known character.
fn class_of(info: Info) -> Wb {
    match info & CLASS_BITS {
        0 => Wb::Letter,
        1 => Wb::Numeric,
        2 => Wb::MidLetter,
        3 => Wb::MidNum,
        4 => Wb::MidNumLet,
        5 => Wb::ExtendNumLet,
        6 => Wb::Ignore,
        7 => Wb::Newline,
        _ => Wb::Other,
    }
}

/// For each byte: is it an ASCII letter, digit or `_` ([`is_word_class`])?
/// Indexed by the whole byte, so that a byte of a multi-byte character ends a
/// run without a test of its own.
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 128 {
        table[i] = matches!(
            ASCII_CLASSES[i],
            Wb::Letter | Wb::Numeric | Wb::ExtendNumLet
        );
        i += 1;
    }
    table
};

/// Word-break classes of the ASCII characters, from [`class`].
const ASCII_CLASSES: [Wb; 128] = {
    let mut table = [Wb::Other; 128];
    let mut i = 0;
    while i < 128 {
        if let Some(class) = class(i as u8 as char) {
            table[i] = class;
        }
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The words of `text`, checking on the way that the count of its
    /// characters that comes with them is right.
    fn ours(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let chars = for_each_word_counting_chars(text, |w| out.push(w));
        assert_eq!(chars, text.chars().count(), "{text:?}");
        out
    }

    fn theirs(text: &str) -> Vec<&str> {
        text.unicode_words().collect()
    }

    /// The words of the fast path, or `None` when it hands `text` over.
    fn fast(text: &str) -> Option<Vec<&str>> {
        let mut out = Vec::new();
        let chars = fast_path(text, &mut |w| {
            out.push(w);
            ControlFlow::Continue(())
        })?;
        assert_eq!(chars, text.chars().count(), "{text:?}");
        Some(out)
    }

    #[test]
    fn words_of_latin_text() {
        for text in [
            "The cat's 3.14 m², don't e.g. U.S.A. 1,000,000 a_b",
            "Grüße aus Köln, sagte sie. Łódź — «quoted» ‘single’ it’s",
            "soft\u{ad}hyphen cafe\u{301} x\u{200d}y 10\u{202f}000",
            "Москва́ — столица; 12:30 a:b a.b. .5 5. ',' a''b",
            "\u{301}lead\n\u{301}mark",
        ] {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    /// Every code point up to U+1FFFF: the decoder gives the [`Info`] of
    /// [`info`], and a known character has its [`class`] and, as the standard
    /// library says, is alphanumeric or not.
    #[test]
    fn info_tables_match_class_and_std() {
        for cp in 0..0x2_0000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let (info, len) = info_at(bytes, 0).unwrap();
            assert_eq!(len, c.len_utf8(), "{c:?}");
            assert_eq!(info, super::info(c), "{c:?}");
            match class(c) {
                None => assert_eq!(info, UNKNOWN, "{c:?}"),
                Some(class) => {
                    assert_eq!(class_of(info), class, "{c:?}");
                    assert_eq!(info & ALNUM != 0, c.is_alphanumeric(), "{c:?}");
                }
            }
        }
        for c in ['ア', 'ב', 'क', '\u{64e}', '🇩', '\u{10000}'] {
            let mut buf = [0; 4];
            let (info, len) = info_at(c.encode_utf8(&mut buf).as_bytes(), 0).unwrap();
            assert_eq!((info, len), (UNKNOWN, c.len_utf8()), "{c:?}");
        }
    }

    /// Every character the fast path knows, in every context that tells the
    /// word-break classes apart (each class next to it, before it, after it,
    /// and on both sides of it, with and without marks and joiners), is cut
    /// into the words `unicode-segmentation` gives. Of the large blocks of
    /// one class (Han ideographs, Hangul syllables) every 13th is tried.
    #[test]
    fn every_known_character_in_context_as_unicode_segmentation() {
        const NEIGHBOURS: &[&str] = &[
            "a", "é", "Ж", "1", "٣", ":", ",", ".", "'", "_", " ", "  ", "\n", "!", "\u{301}",
            "\u{200d}", "\u{ad}", "©", "中", "가",
        ];
        let uniform = |cp: u32| (0x3400..=0x9fff).contains(&cp) || (0xac00..=0xd7a3).contains(&cp);
        let mut tried = 0;
        for cp in 0..0x2_0000 {
            let Some(c) = char::from_u32(cp).filter(|&c| class(c).is_some()) else {
                continue;
            };
            if uniform(cp) && cp % 13 != 0 {
                continue;
            }
            let mut texts = vec![format!("{c}"), format!("{c}{c}"), format!("{c}{c}{c}")];
            for n in NEIGHBOURS {
                texts.extend([
                    format!("{n}{c}"),
                    format!("{c}{n}"),
                    format!("{n}{c}{n}"),
                    format!("a{n}{c}"),
                    format!("1{n}{c}"),
                    format!("{c}{n}a"),
                    format!("{c}{n}1"),
                    format!("{c}{n}{c}"),
                ]);
            }
            for text in &texts {
                let theirs = theirs(text);
                // The fast path may leave a text with a joiner and a
                // pictograph to the fallback.
                if let Some(fast) = fast(text) {
                    assert_eq!(fast, theirs, "{text:?}");
                }
                assert_eq!(ours(text), theirs, "{text:?}");
            }
            tried += 1;
        }
        assert!(tried > 9_000, "{tried}");
    }

    /// The pictographs of rule WB3c take the fast path but next to a joiner.
    #[test]
    fn pictographs_without_a_joiner_are_known() {
        assert_eq!(known_chars("© 2024 Acme® ‼ a⁉"), Some(17));
        assert_eq!(known_chars("x\u{200d}y"), Some(3));
        assert_eq!(known_chars("© x\u{200d}y"), None);
        for text in ["© 2024 Acme® ‼ a⁉b", "a\u{200d}©b", "©\u{200d}a ®"] {
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    #[test]
    fn other_scripts_on_the_fast_path() {
        for text in [
            "北京欢迎你 hello，世界。",
            "مرحبا بالعالم، ٣٬٥ ٣,٥",
            "emoji 👍🏽 ok ★★★ → ● ✔ ❤️ Trade™",
            "Ελληνικά κείμενα· Ω;",
            "안녕하세요 세계 ＡＢＣ１２",
        ] {
            assert!(fast(text).is_some(), "{text:?}");
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    #[test]
    fn other_scripts_fall_back() {
        for text in [
            "カタカナ ひらがな",
            "שלום עולם",
            "नमस्ते दुनिया",
            "مَرْحَبًا",
            "flags 🇩🇪🇫🇷",
            "family 👨\u{200d}👩\u{200d}👧",
        ] {
            assert!(fast(text).is_none(), "{text:?}");
            assert_eq!(ours(text), theirs(text), "{text:?}");
        }
    }

    /// Characters the tests draw from: each class of the fast path, and a few
    /// it does not know.
    const POOL: &[char] = &[
        'a',
        'Z',
        'é',
        'ß',
        'ł',
        'Ж',
        'я',
        '0',
        '7',
        ' ',
        ' ',
        '\n',
        '\r',
        '\t',
        ':',
        '·',
        ',',
        ';',
        '.',
        '\'',
        '‘',
        '’',
        '_',
        '\u{202f}',
        '\u{ad}',
        '\u{301}',
        '\u{200d}',
        '\u{a0}',
        '²',
        '€',
        '«',
        '-',
        '—',
        '!',
        '"',
        '\u{483}',
        'ª',
        '\u{2044}',
        '\u{200b}',
        '\u{2060}',
        '\u{b}',
        '\u{85}',
        '\u{2028}',
        'µ',
        'º',
        '×',
        '\u{482}',
        '\u{2027}',
        '\u{2024}',
        '\u{203f}',
        '\u{200e}',
        'Ω',
        '\u{387}',
        'ب',
        '٣',
        '،',
        '\u{658}',
        '가',
        'ᄀ',
        '中',
        '。',
        '々',
        'Ａ',
        '，',
        '\u{1f3fb}',
        '\u{fe0f}',
        '¸',
        '→',
        '●',
        '✔',
        '😀',
        '©',
        '®',
        '‼',
        '\u{345}',
        'ア',
        '🇩',
    ];

    /// How many characters at the end of [`POOL`] the fast path does not know
    /// (or not next to a joiner, as the pictographs).
    const UNKNOWN_IN_POOL: usize = 11;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_words_as_unicode_segmentation(
            chars in proptest::collection::vec(proptest::sample::select(POOL), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&text), theirs(&text));
        }

        /// ASCII text, which has a path of its own.
        #[test]
        fn ascii_same_words(text in "[a-c0-2 _.,;:'\"\n!-]{0,40}") {
            let mut fast = Vec::new();
            ascii_words(&text, &mut |w| {
                fast.push(w);
                ControlFlow::Continue(())
            });
            prop_assert_eq!(fast, theirs(&text));
        }

        /// Only characters the fast path knows, so it is the one tested.
        #[test]
        fn fast_path_same_words(
            chars in proptest::collection::vec(proptest::sample::select(&POOL[..POOL.len() - UNKNOWN_IN_POOL]), 0..40)
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(fast(&text), Some(theirs(&text)));
        }

        /// The pictographs with the known characters but the joiner: the fast
        /// path knows them all.
        #[test]
        fn pictographs_same_words(
            chars in proptest::collection::vec(
                proptest::sample::select(
                    POOL[..POOL.len() - UNKNOWN_IN_POOL]
                        .iter()
                        .chain(&['©', '®', '‼', '⁉', '→', '●', '✔', '😀'])
                        .copied()
                        .filter(|&c| c != '\u{200d}')
                        .collect::<Vec<_>>(),
                ),
                0..40,
            )
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(fast(&text), Some(theirs(&text)));
        }
    }
}
