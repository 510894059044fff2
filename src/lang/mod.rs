//! Languages: per-language stopword lists and a cheap language guess.
//!
//! Each language has a list of its most frequent function words (articles,
//! pronouns, prepositions, conjunctions, auxiliaries, common adverbs), in the
//! spirit of jusText's stoplists. The lists live in `stopwords/<code>.txt`, one
//! lowercase word per line, are embedded with `include_str!` and made into a
//! lookup table while compiling ([`STOPWORDS`]).
//!
//! [`guess`] names the language whose stopwords occur most often in a text.
//! It is cheap (one pass over at most [`GUESS_MAX_WORDS`] words) and good
//! enough to pick a stoplist; it is not a general language identifier.

use std::ops::ControlFlow;

use crate::words::try_for_each_word;

/// How many Unicode words, from the start of the text, [`guess`] looks at.
/// Enough for a confident guess on any article; the cap keeps the cost of a
/// huge input bounded.
const GUESS_MAX_WORDS: usize = 2000;

/// How many stopword hits the best language needs before [`guess`] names it.
/// Below this the text is too short, or in a language without a list (e.g.
/// Chinese, Arabic), and the guess is `None`.
const GUESS_MIN_HITS: usize = 5;

/// A language with a stopword list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Language {
    /// English (`en`).
    English,
    /// German (`de`).
    German,
    /// French (`fr`).
    French,
    /// Spanish (`es`).
    Spanish,
    /// Italian (`it`).
    Italian,
    /// Portuguese (`pt`).
    Portuguese,
    /// Dutch (`nl`).
    Dutch,
    /// Polish (`pl`).
    Polish,
}

impl Language {
    /// Every language, in declaration order. The language guess breaks ties
    /// in this order.
    pub const ALL: [Language; 8] = [
        Language::English,
        Language::German,
        Language::French,
        Language::Spanish,
        Language::Italian,
        Language::Portuguese,
        Language::Dutch,
        Language::Polish,
    ];

    /// ISO 639-1 code: "en", "de", ...
    pub const fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
            Language::French => "fr",
            Language::Spanish => "es",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Dutch => "nl",
            Language::Polish => "pl",
        }
    }

    /// The language with ISO 639-1 code `code` (ASCII case-insensitive), or
    /// `None` for a code without a stopword list.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(code))
    }

    /// True when `word` (any case; compare lowercased) is a stopword of this
    /// language. A typographic apostrophe (’) counts as a plain one ('), so
    /// "Don’t" matches "don't".
    pub fn is_stopword(self, word: &str) -> bool {
        stopword_languages(word) & self.bit() != 0
    }

    /// This language's position in [`Language::ALL`] (and in [`Hits`]).
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// This language's bit in a [`stopword_languages`] mask.
    const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The embedded stopword list: one lowercase word per line.
    const fn list(self) -> &'static str {
        match self {
            Language::English => include_str!("stopwords/en.txt"),
            Language::German => include_str!("stopwords/de.txt"),
            Language::French => include_str!("stopwords/fr.txt"),
            Language::Spanish => include_str!("stopwords/es.txt"),
            Language::Italian => include_str!("stopwords/it.txt"),
            Language::Portuguese => include_str!("stopwords/pt.txt"),
            Language::Dutch => include_str!("stopwords/nl.txt"),
            Language::Polish => include_str!("stopwords/pl.txt"),
        }
    }
}

/// The longest stopword of any list, in bytes; longer words are never looked up.
const MAX_STOPWORD_BYTES: usize = 16;

/// Every stopword of every list, mapped to the bit mask of the languages whose
/// list has it: one lookup answers for all languages. Built while compiling,
/// so that no word's lookup first asks whether the table is there yet.
static STOPWORDS: StopTable = {
    let mut table = StopTable::EMPTY;
    let mut l = 0;
    while l < Language::ALL.len() {
        let language = Language::ALL[l];
        // Line by line, each trimmed, as `str::lines` and `str::trim` cut them
        // (the lists hold no whitespace but ASCII).
        let mut rest = language.list().as_bytes();
        while !rest.is_empty() {
            let mut end = 0;
            while end < rest.len() && rest[end] != b'\n' {
                end += 1;
            }
            let (line, after) = rest.split_at(end);
            let word = line.trim_ascii();
            if !word.is_empty()
                && let Some(key) = key_of(word)
            {
                table.insert(key, language.bit());
            }
            rest = match after.split_first() {
                Some((_, after_break)) => after_break,
                None => after,
            };
        }
        l += 1;
    }
    table
};

/// The mask of languages for which `word` is a stopword (0 for none). No
/// allocation: the word is lowercased into a 16-byte key on the stack.
///
/// Inlined into the word scans that call it for every word: the ASCII path is
/// a few dozen instructions, and a call's saving and restoring of registers
/// was a third of that.
#[inline]
pub(crate) fn stopword_languages(word: &str) -> u8 {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_STOPWORD_BYTES {
        return 0;
    }
    // The word's bytes, loaded once: they tell whether it is ASCII, too.
    let (lo, hi) = bytes.split_at(bytes.len().min(8));
    let (lo, hi) = (load_le(lo), load_le(hi));
    if (lo | hi) & HIGH_BITS != 0 {
        return non_ascii_stopword_languages(word);
    }
    STOPWORDS.get(Key::from(ascii_lower(lo)) | (Key::from(ascii_lower(hi)) << 64))
}

/// [`stopword_languages`] of `word`, a slice of `text` (the text it was found
/// in). Its bytes are read straight from `text`, sixteen at once, and masked
/// to its length: the bytes past its end are there to read, so no branch on
/// the word's length picks how to load it (a branch the CPU mispredicted for
/// one word in two). A word within [`MAX_STOPWORD_BYTES`] of the end of `text`,
/// or not a slice of it, is loaded as [`stopword_languages`] loads it.
#[inline]
pub(crate) fn stopword_languages_in(text: &str, word: &str) -> u8 {
    let len = word.len();
    if len > MAX_STOPWORD_BYTES {
        return 0;
    }
    // Where `word` starts in `text`; if it is not in there, `get` misses.
    let start = (word.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let Some(window) = text
        .as_bytes()
        .get(start..start.wrapping_add(MAX_STOPWORD_BYTES))
        .and_then(|w| <[u8; MAX_STOPWORD_BYTES]>::try_from(w).ok())
    else {
        return stopword_languages(word);
    };
    let bytes = Key::from_le_bytes(window) & LENGTH_MASKS[len];
    let (lo, hi) = (bytes as u64, (bytes >> 64) as u64);
    if (lo | hi) & HIGH_BITS != 0 {
        return non_ascii_stopword_languages(word);
    }
    STOPWORDS.get(Key::from(ascii_lower(lo)) | (Key::from(ascii_lower(hi)) << 64))
}

/// For each word length up to [`MAX_STOPWORD_BYTES`], the mask that keeps
/// that many bytes of a little-endian 16-byte window.
static LENGTH_MASKS: [Key; MAX_STOPWORD_BYTES + 1] = {
    let mut masks = [0; MAX_STOPWORD_BYTES + 1];
    let mut len = 0;
    while len <= MAX_STOPWORD_BYTES {
        // No bytes for the empty word: a shift by the whole width.
        masks[len] = match Key::MAX.checked_shr(8 * (MAX_STOPWORD_BYTES - len) as u32) {
            Some(mask) => mask,
            None => 0,
        };
        len += 1;
    }
    masks
};

/// [`stopword_languages`] for a word with a non-ASCII character, which needs
/// Unicode lowercasing: kept out of line, as few words take this path.
#[inline(never)]
fn non_ascii_stopword_languages(word: &str) -> u8 {
    latin1_key(word)
        .or_else(|| {
            if word.bytes().any(starts_other_script) {
                return None;
            }
            normalize(word)
        })
        .map_or(0, |key| STOPWORDS.get(key))
}

/// True for a UTF-8 lead byte of U+0180..U+07FF, U+0800..U+0FFF or U+3000 and
/// up (Greek, Cyrillic, Arabic, Indic, CJK, …): characters whose lowercase
/// is not in the Latin letters of the lists (a test checks both), so a word
/// with one is no stopword, and need not be lowercased character by character.
/// U+1000..U+2FFF are not turned away: `’` and the Kelvin sign are there.
fn starts_other_script(b: u8) -> bool {
    matches!(b, 0xc6..=0xe0 | 0xe3..)
}

/// The lead byte of the UTF-8 encoding of U+00C0..U+00FF, the Latin-1
/// letters of Western European languages.
const LATIN1_LEAD: u8 = 0xc3;

/// [`normalize`] for a word (of at most [`MAX_STOPWORD_BYTES`]) of ASCII,
/// Latin-1 letters and `’`, byte by byte: `None` for any other word, which is
/// left to [`normalize`]. Most non-ASCII words of the lists' languages are
/// such (German, French, Spanish, Portuguese, Italian); decoding their
/// characters and searching the case tables cost ten times as much.
fn latin1_key(word: &str) -> Option<Key> {
    let bytes = word.as_bytes();
    let mut buf = [0u8; MAX_STOPWORD_BYTES];
    let (mut i, mut len) = (0, 0);
    // Never longer than `word`: each character maps to as many bytes or fewer.
    let mut push = |b: u8| {
        let slot = buf.get_mut(len)?;
        *slot = b;
        len += 1;
        Some(())
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            0..0x80 => {
                push(b.to_ascii_lowercase())?;
                i += 1;
            }
            LATIN1_LEAD => {
                // U+00C0..U+00DE but the `×` (second byte 0x97) are capitals,
                // 0x20 below their small letters.
                let second = *bytes.get(i + 1)?;
                let capital = (0x80..=0x9e).contains(&second) && second != 0x97;
                push(b)?;
                push(if capital { second + 0x20 } else { second })?;
                i += 2;
            }
            _ if bytes.get(i..i + 3) == Some("\u{2019}".as_bytes()) => {
                push(b'\'')?;
                i += 3;
            }
            _ => return None,
        }
    }
    key_of(buf.get(..len)?)
}

/// The high bit of each byte of a `u64`: set in a byte that is not ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// A word of at most [`MAX_STOPWORD_BYTES`] bytes as a number: its bytes,
/// zero-padded (no word has a NUL byte, so the padding keeps lengths apart).
type Key = u128;

/// Up to 8 bytes as a little-endian number, with at most three loads: two
/// overlapping ones for 4 to 8 bytes (the shared bytes land in the same place),
/// the first, middle and last byte for fewer.
fn load_le(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let byte = |i: usize| u64::from(bytes.get(i).copied().unwrap_or(0));
    let four = |i: usize| {
        bytes
            .get(i..i + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    match n {
        0 => 0,
        1..4 => byte(0) | (byte(n / 2) << (8 * (n / 2))) | (byte(n - 1) << (8 * (n - 1))),
        4..8 => four(0) | (four(n - 4) << (8 * (n - 4))),
        _ => bytes
            .get(..8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes),
    }
}

/// Up to 8 ASCII bytes loaded by [`load_le`], lowercased. Done in a
/// register, not through a buffer in memory (whose byte stores and wide load
/// stalled the CPU).
fn ascii_lower(word: u64) -> u64 {
    // Per byte (all below 0x80, so no carries cross bytes): the high bit of
    // `at_least_a` is set for bytes >= 'A', that of `past_z` for bytes > 'Z'.
    const ONES: u64 = 0x0101_0101_0101_0101;
    let at_least_a = word + ONES * (0x80 - u64::from(b'A'));
    let past_z = word + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = at_least_a & !past_z & HIGH_BITS;
    word | (upper >> 2)
}

/// The [`Key`] of a word of at most [`MAX_STOPWORD_BYTES`] bytes; `None` for a
/// longer one. (`const`: [`STOPWORDS`] is made with it while compiling.)
const fn key_of(bytes: &[u8]) -> Option<Key> {
    if bytes.len() > MAX_STOPWORD_BYTES {
        return None;
    }
    let mut buf = [0u8; MAX_STOPWORD_BYTES];
    buf.split_at_mut(bytes.len()).0.copy_from_slice(bytes);
    Some(Key::from_le_bytes(buf))
}

/// `word` in the form the lists use (lowercase, plain apostrophes) as a
/// [`Key`], or `None` when that form is longer than any stopword.
fn normalize(word: &str) -> Option<Key> {
    let mut buf = [0u8; MAX_STOPWORD_BYTES];
    let mut len = 0;
    for c in word.chars() {
        let mut push = |c: char| {
            let end = len + c.len_utf8();
            c.encode_utf8(buf.get_mut(len..end)?);
            len = end;
            Some(())
        };
        if c == '\u{2019}' {
            push('\'')?;
        } else if c.is_ascii_lowercase() || matches!(c, '\u{df}'..='\u{ff}') && c != '\u{f7}' {
            // Already lowercase (most letters): no case table to search.
            push(c)?;
        } else {
            for lower in c.to_lowercase() {
                push(lower)?;
            }
        }
    }
    key_of(&buf[..len])
}

/// log2 of the slots in [`StopTable`]: 4096 slots, about twice the number of
/// stopwords of all lists, so probes stay short.
const STOP_TABLE_BITS: u32 = 12;

/// Size of [`StopTable`]'s filter in 64-bit words: 32768 bits, 4 KiB, about
/// 20 bits per stopword, so some 95% of other words miss it.
const STOP_FILTER_WORDS: usize = 512;

/// An open-addressing hash set of [`Key`]s with a language mask each: a lookup
/// is a multiply, a load and a compare, where a `HashMap<&[u8], _>` hashed and
/// compared byte by byte.
struct StopTable {
    keys: [Key; 1 << STOP_TABLE_BITS],
    masks: [u8; 1 << STOP_TABLE_BITS],
    /// One bit per hash value of [`StopTable::filter_bit`], set for every
    /// stopword: most other words are turned away here, in a table small
    /// enough to stay in the L1 cache, before `keys` is touched.
    filter: [u64; STOP_FILTER_WORDS],
}

impl StopTable {
    /// The table without a word.
    const EMPTY: StopTable = StopTable {
        keys: [0; 1 << STOP_TABLE_BITS],
        masks: [0; 1 << STOP_TABLE_BITS],
        filter: [0; STOP_FILTER_WORDS],
    };

    /// A hash of `key`.
    const fn mix(key: Key) -> u64 {
        ((key as u64) ^ ((key >> 64) as u64).rotate_left(31)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The first slot to probe for `key` (the top bits of its hash).
    const fn slot(key: Key) -> usize {
        (Self::mix(key) >> (64 - STOP_TABLE_BITS)) as usize
    }

    /// The word of `filter` and the bit in it for `key` (middle bits of its
    /// hash: not the slot's top bits, and not the low bits, which depend on the
    /// first bytes of the word only).
    const fn filter_bit(key: Key) -> (usize, u64) {
        let bits = ((Self::mix(key) >> 32) as usize) % (STOP_FILTER_WORDS * 64);
        (bits / 64, 1 << (bits % 64))
    }

    const fn insert(&mut self, key: Key, bit: u8) {
        let mask = self.keys.len() - 1;
        let mut i = Self::slot(key);
        // Key 0 (the empty word) marks a free slot; no list has it.
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & mask;
        }
        self.keys[i] = key;
        self.masks[i] |= bit;
        let (word, bit) = Self::filter_bit(key);
        self.filter[word] |= bit;
    }

    fn get(&self, key: Key) -> u8 {
        let (word, bit) = Self::filter_bit(key);
        if self.filter.get(word).is_none_or(|w| w & bit == 0) {
            return 0;
        }
        let mask = self.keys.len() - 1;
        let mut i = Self::slot(key);
        loop {
            match self.keys.get(i) {
                Some(&k) if k == key => return self.masks.get(i).copied().unwrap_or(0),
                Some(&0) | None => return 0,
                Some(_) => i = (i + 1) & mask,
            }
        }
    }
}

/// How many words of some text are stopwords of each language, in the order of
/// [`Language::ALL`].
pub(crate) type Hits = [u32; Language::ALL.len()];

/// Counts `word` in `hits` for each language it is a stopword of.
#[inline]
pub(crate) fn count_word(hits: &mut Hits, word: &str) {
    add_languages(hits, stopword_languages(word));
}

/// [`count_word`] for `word`, a slice of `text`, the text it was found in
/// (see [`stopword_languages_in`]).
#[inline]
pub(crate) fn count_word_in(hits: &mut Hits, text: &str, word: &str) {
    add_languages(hits, stopword_languages_in(text, word));
}

/// Counts a word in `hits` for each language of `mask` (of
/// [`stopword_languages`]).
#[inline]
fn add_languages(hits: &mut Hits, mask: u8) {
    if mask != 0 {
        for (count, &add) in hits.iter_mut().zip(&MASK_HITS[usize::from(mask)]) {
            *count += add;
        }
    }
}

/// For each mask of [`stopword_languages`], the [`Hits`] of one word with that
/// mask: adding them is two vector additions, where testing the mask's bits
/// one by one took some fifty instructions per stopword.
static MASK_HITS: [Hits; 256] = {
    let mut table = [[0; Language::ALL.len()]; 256];
    let mut mask = 0;
    while mask < table.len() {
        let mut language = 0;
        while language < Language::ALL.len() {
            table[mask][language] = ((mask >> language) & 1) as u32;
            language += 1;
        }
        mask += 1;
    }
    table
};

/// Counts the stopwords among the first `max_words` Unicode words of `text`
/// into `hits`; returns how many words it looked at.
fn count_first(text: &str, max_words: usize, hits: &mut Hits) -> usize {
    let mut seen = 0;
    if max_words > 0 {
        try_for_each_word(text, |word| {
            seen += 1;
            count_word(hits, word);
            if seen < max_words {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        });
    }
    seen
}

/// The language with the most hits (ties go to the earlier one in
/// [`Language::ALL`]), if it has at least [`GUESS_MIN_HITS`].
fn best(hits: &Hits) -> Option<Language> {
    let mut best: Option<(Language, u32)> = None;
    for (language, &count) in Language::ALL.into_iter().zip(hits) {
        if best.is_none_or(|(_, most)| count > most) {
            best = Some((language, count));
        }
    }
    best.filter(|&(_, count)| count as usize >= GUESS_MIN_HITS)
        .map(|(language, _)| language)
}

/// Guesses the language of `text` by stopword overlap: counts, over the first
/// [`GUESS_MAX_WORDS`] Unicode words, how many are stopwords of each language,
/// and returns the language with the most hits (ties go to the earlier one in
/// [`Language::ALL`]), or `None` when the best has fewer than
/// [`GUESS_MIN_HITS`] hits (e.g. CJK / Arabic / too little text).
pub fn guess(text: &str) -> Option<Language> {
    let mut hits = Hits::default();
    count_first(text, GUESS_MAX_WORDS, &mut hits);
    best(&hits)
}

/// Like [`guess`], over several pieces of one document (its prose lines, say,
/// leaving out menus whose one-letter bullets look like stopwords) whose words
/// and hits are already counted: `(text, words, hits)`.
pub(crate) fn guess_counted<'a>(
    parts: impl IntoIterator<Item = (&'a str, usize, Hits)>,
) -> Option<Language> {
    let mut hits = Hits::default();
    let mut seen = 0;
    for (text, words, part_hits) in parts {
        if seen + words <= GUESS_MAX_WORDS {
            seen += words;
            hits.iter_mut().zip(part_hits).for_each(|(h, p)| *h += p);
        } else {
            // The cap falls inside this part: count its first words only.
            seen += count_first(text, GUESS_MAX_WORDS - seen, &mut hits);
        }
        if seen >= GUESS_MAX_WORDS {
            break;
        }
    }
    best(&hits)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fewest and most words a list should have.
    const LIST_MIN_WORDS: usize = 150;
    const LIST_MAX_WORDS: usize = 300;

    #[test]
    fn indices_follow_all() {
        for (i, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language.index(), i);
        }
    }

    #[test]
    fn lists_are_clean() {
        for language in Language::ALL {
            let list = language.list();
            assert!(
                list.ends_with('\n'),
                "{}: no final newline",
                language.code()
            );
            let mut seen = std::collections::HashSet::new();
            for (i, line) in list.lines().enumerate() {
                let at = format!("{}.txt line {}", language.code(), i + 1);
                assert!(!line.trim().is_empty(), "{at}: blank line");
                assert_eq!(line, line.trim(), "{at}: surrounding whitespace");
                assert_eq!(line, line.to_lowercase(), "{at}: not lowercase");
                assert!(!line.contains('\u{2019}'), "{at}: typographic apostrophe");
                assert!(seen.insert(line), "{at}: duplicate {line:?}");
                let mut words = Vec::new();
                crate::words::for_each_word(line, |w| words.push(w));
                assert_eq!(words, [line], "{at}: not one Unicode word");
            }
            let count = seen.len();
            assert!(
                seen.iter()
                    .all(|w| w.len() <= MAX_STOPWORD_BYTES && language.is_stopword(w)),
                "{}: a word is too long for MAX_STOPWORD_BYTES or not found",
                language.code()
            );
            assert!(
                (LIST_MIN_WORDS..=LIST_MAX_WORDS).contains(&count),
                "{}: {count} words",
                language.code()
            );
        }
    }

    /// The table built while compiling holds every word of every list, as
    /// `str::lines` and `str::trim` cut them, with the languages of each,
    /// and nothing else.
    #[test]
    fn stop_table_has_every_list_word_and_no_other() {
        let mut expected: std::collections::HashMap<Key, u8> = std::collections::HashMap::new();
        for language in Language::ALL {
            for word in language
                .list()
                .lines()
                .map(str::trim)
                .filter(|w| !w.is_empty())
            {
                if let Some(key) = key_of(word.as_bytes()) {
                    *expected.entry(key).or_default() |= language.bit();
                }
            }
        }
        for (&key, &mask) in &expected {
            assert_eq!(STOPWORDS.get(key), mask, "{key:x}");
        }
        let stored: std::collections::HashMap<Key, u8> = STOPWORDS
            .keys
            .iter()
            .zip(&STOPWORDS.masks)
            .filter(|(k, _)| **k != 0)
            .map(|(&k, &m)| (k, m))
            .collect();
        assert_eq!(stored, expected);
    }

    /// The table keeps free slots, so probes end soon (and always end).
    #[test]
    fn stop_table_is_at_most_half_full() {
        let used = STOPWORDS.keys.iter().filter(|&&k| k != 0).count();
        assert!(used > 1000, "{used}");
        assert!(used * 2 <= STOPWORDS.keys.len(), "{used}");
    }

    proptest::proptest! {
        /// The register-built key equals the bytes lowercased the plain way.
        #[test]
        fn ascii_keys_are_lowercased_bytes(word in "[ -~]{0,16}") {
            let bytes = word.as_bytes();
            let (lo, hi) = bytes.split_at(bytes.len().min(8));
            let fast = Key::from(ascii_lower(load_le(lo))) | (Key::from(ascii_lower(load_le(hi))) << 64);
            proptest::prop_assert_eq!(Some(fast), key_of(word.to_ascii_lowercase().as_bytes()));
        }

        /// The byte-wise key of Latin-1 words is the one [`normalize`] builds,
        /// and other words are left to it.
        #[test]
        fn latin1_keys_are_normalized(word in "[aZ'’\u{c0}-\u{ff}łŁİЖ€]{0,8}") {
            if word.len() <= MAX_STOPWORD_BYTES {
                let handled = word
                    .chars()
                    .all(|c| c.is_ascii() || ('\u{c0}'..='\u{ff}').contains(&c) || c == '’');
                let key = latin1_key(&word);
                proptest::prop_assert_eq!(key.is_some(), handled);
                if handled {
                    proptest::prop_assert_eq!(key, normalize(&word));
                }
            }
        }
    }

    /// Reading a word out of the text it was found in gives the answer of
    /// reading the word alone: every stopword of every list (and its
    /// capitalised form) at every distance from the end of a text, between
    /// other bytes, and a word that is not a slice of the text.
    #[test]
    fn stopwords_read_in_their_text_as_alone() {
        let words = Language::ALL
            .iter()
            .flat_map(|l| l.list().lines())
            .flat_map(|w| {
                let mut capital = w.chars();
                let capital = capital
                    .next()
                    .map(|c| c.to_uppercase().chain(capital).collect::<String>());
                [w.to_string(), capital.unwrap_or_default()]
            })
            .chain(
                ["", "x", "notastopword", "abcdefghijklmnopq", "Köln", "北京"].map(String::from),
            );
        let mut checked = 0;
        for word in words {
            let tails = (0..=MAX_STOPWORD_BYTES + 1)
                .map(|n| "xyz- ".repeat(4)[..n].to_string())
                .chain(["é".repeat(8), "aé".repeat(8)]);
            for tail in tails {
                let text = format!("é.{word}{tail}");
                let found = &text[3..3 + word.len()];
                assert_eq!(found, word);
                let alone = stopword_languages(&word);
                assert_eq!(
                    stopword_languages_in(&text, found),
                    alone,
                    "{word:?} in {text:?}"
                );
                assert_eq!(stopword_languages_in(&text, &word), alone, "{word:?} apart");
                checked += usize::from(alone != 0);
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// No character whose lead byte [`starts_other_script`] flags has a
    /// lowercase without a character the lists lack (they have only ASCII and
    /// Latin letters below U+0180).
    #[test]
    fn other_scripts_have_no_stopword_letters() {
        let below_0180 = |c: char| c < '\u{180}';
        for language in Language::ALL {
            assert!(
                language.list().chars().all(below_0180),
                "{}",
                language.code()
            );
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            if starts_other_script(lead) {
                assert!(!c.to_lowercase().all(below_0180), "{c:?}");
            }
        }
    }

    /// The filter turns most words away, and never a stopword.
    #[test]
    fn filter_passes_stopwords_and_few_others() {
        let passes = |word: &str| {
            let (w, bit) = StopTable::filter_bit(key_of(word.as_bytes()).unwrap());
            STOPWORDS.filter[w] & bit != 0
        };
        for language in Language::ALL {
            assert!(
                language
                    .list()
                    .lines()
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .all(passes)
            );
        }
        let others: Vec<String> = (0..10_000).map(|i| format!("zq{i}x")).collect();
        let passed = others.iter().filter(|w| passes(w)).count();
        assert!(passed < 1_000, "{passed} of 10000 passed");
    }

    #[test]
    fn lookups_normalise_case_and_apostrophes() {
        assert_ne!(stopword_languages("DON\u{2019}T"), 0);
        assert_ne!(stopword_languages("Über"), 0);
        assert_ne!(stopword_languages("ÜBER"), 0);
        assert_eq!(stopword_languages("überall-und-immer-wieder"), 0);
        assert_eq!(stopword_languages(""), 0);
        // A word that grows past 16 bytes when lowercased is no stopword.
        assert_eq!(stopword_languages("İİİİİİİİ"), 0);
    }

    #[test]
    fn codes_round_trip() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("DE"), Some(Language::German));
        assert_eq!(Language::from_code("zh"), None);
        assert_eq!(Language::from_code(""), None);
    }

    #[test]
    fn is_stopword_ignores_case() {
        assert!(Language::English.is_stopword("the"));
        assert!(Language::English.is_stopword("The"));
        assert!(Language::English.is_stopword("THE"));
        assert!(Language::English.is_stopword("I"));
        assert!(Language::English.is_stopword("Don't"));
        assert!(Language::English.is_stopword("don\u{2019}t"));
        assert!(Language::German.is_stopword("Über"));
        assert!(Language::German.is_stopword("FÜR"));
        assert!(Language::German.is_stopword("daß"));
        assert!(Language::German.is_stopword("dass"));
        assert!(Language::French.is_stopword("Été"));
        assert!(Language::French.is_stopword("à"));
        assert!(Language::Portuguese.is_stopword("NÃO"));
        assert!(Language::Polish.is_stopword("Się"));
        assert!(Language::Polish.is_stopword("ŻE"));
        assert!(!Language::English.is_stopword("council"));
        assert!(!Language::English.is_stopword(""));
        assert!(!Language::German.is_stopword("the"));
    }

    #[test]
    fn guesses_each_language() {
        let samples = [
            (
                Language::English,
                "The council said on Tuesday that it would not raise the fees this \
                 year, because most of the residents had already paid more than they \
                 could afford.",
            ),
            (
                Language::German,
                "Die Stadt hat am Dienstag mitgeteilt, dass sie die Gebühren in diesem \
                 Jahr nicht erhöhen wird, weil viele Bewohner schon mehr bezahlt haben, \
                 als sie sich leisten können.",
            ),
            (
                Language::French,
                "Le conseil a indiqué mardi qu'il n'augmenterait pas les tarifs cette \
                 année, car la plupart des habitants avaient déjà payé plus que ce \
                 qu'ils pouvaient se permettre.",
            ),
            (
                Language::Spanish,
                "El ayuntamiento dijo el martes que no subirá las tasas este año, \
                 porque la mayoría de los vecinos ya habían pagado más de lo que \
                 podían permitirse.",
            ),
            (
                Language::Italian,
                "Il comune ha detto martedì che non aumenterà le tariffe quest'anno, \
                 perché la maggior parte dei residenti aveva già pagato più di quanto \
                 potesse permettersi.",
            ),
            (
                Language::Portuguese,
                "A câmara disse na terça-feira que não vai aumentar as taxas este ano, \
                 porque a maioria dos moradores já tinha pago mais do que podia \
                 suportar.",
            ),
            (
                Language::Dutch,
                "De gemeente zei dinsdag dat zij de tarieven dit jaar niet zal \
                 verhogen, omdat de meeste bewoners al meer hadden betaald dan zij \
                 zich konden veroorloven.",
            ),
            (
                Language::Polish,
                "Rada miasta poinformowała we wtorek, że w tym roku nie podniesie \
                 opłat, ponieważ większość mieszkańców już zapłaciła więcej, niż \
                 mogła sobie na to pozwolić.",
            ),
        ];
        for (language, text) in samples {
            assert_eq!(guess(text), Some(language), "{text}");
        }
    }

    #[test]
    fn guesses_none_without_enough_stopwords() {
        assert_eq!(guess(""), None);
        assert_eq!(
            guess(
                "市政府周二表示，今年不会提高收费，因为大多数居民已经支付了超出他们承受能力的费用。"
            ),
            None
        );
        assert_eq!(
            guess(
                "قال المجلس يوم الثلاثاء إنه لن يرفع الرسوم هذا العام لأن معظم السكان دفعوا أكثر مما يستطيعون"
            ),
            None
        );
        assert_eq!(guess("The council and the mayor"), None);
    }

    #[test]
    fn guess_reads_only_the_first_words() {
        let english = "The council said that it would not raise the fees this year.";
        let padded = format!("{}{english}", "zebra ".repeat(GUESS_MAX_WORDS));
        assert_eq!(guess(english), Some(Language::English));
        assert_eq!(guess(&padded), None);
    }
}
