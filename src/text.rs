//! Small text helpers shared by the pipeline stages.

use std::borrow::Cow;

use crate::article::Span;

/// Collapses every run of whitespace to one ASCII space and trims both ends.
///
/// Borrows when the text is already normal, which is the common case.
pub(crate) fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let trimmed = s.trim();
    if is_collapsed(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    push_collapsed(&mut out, trimmed);
    Cow::Owned(out)
}

/// Appends `s`, which has no whitespace at either end, to `out` with each run
/// of whitespace as one ASCII space.
///
/// The text between runs is copied a run at a time, and only the bytes that
/// can start a non-ASCII whitespace character (see [`Ws::Maybe`]) are looked
/// at with the two after them ([`whitespace_len`]): splitting into words
/// would decode every character.
fn push_collapsed(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // The whitespace character at byte `i` (a character boundary), if any: its length.
    let space_at = |i: usize| match bytes.get(i).map(|&b| WHITESPACE_BYTES[usize::from(b)]) {
        Some(Ws::Space | Ws::Other) => 1,
        Some(Ws::Maybe) => whitespace_len_at(bytes, i),
        Some(Ws::No) | None => 0,
    };
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        let len = space_at(i);
        if len == 0 {
            // A byte of text. Bytes inside a character are `Ws::No`, so every
            // byte that is looked at closely starts one.
            i += 1;
            continue;
        }
        out.push_str(s.get(copied..i).unwrap_or(""));
        out.push(' ');
        i += len;
        while let len @ 1.. = space_at(i) {
            i += len;
        }
        copied = i;
    }
    out.push_str(s.get(copied..).unwrap_or(""));
}

/// Where byte `at` of [`collapse_whitespace`]`(s)` comes from in `s`: the
/// offset of the same character, or of the whitespace run that became the
/// space at `at`. `at` past the end maps to the end of the trimmed text.
pub(crate) fn offset_before_collapse(s: &str, at: usize) -> usize {
    offsets_before_collapse(s, &[at])
        .first()
        .copied()
        .unwrap_or(s.len())
}

/// [`offset_before_collapse`] of each of `ats` (in ascending order), in one
/// pass over `s` up to the last of them: a unit with many matches is not read
/// once per match.
pub(crate) fn offsets_before_collapse(s: &str, ats: &[usize]) -> Vec<usize> {
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let mut out = Vec::with_capacity(ats.len());
    let mut ats = ats.iter().peekable();
    let mut shown = 0;
    let mut chars = trimmed.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        while ats.next_if(|&&at| shown >= at).is_some() {
            out.push(lead + i);
        }
        if ats.peek().is_none() {
            return out;
        }
        if c.is_whitespace() {
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            shown += 1;
        } else {
            shown += c.len_utf8();
        }
    }
    out.extend(ats.map(|_| lead + trimmed.len()));
    out
}

/// True when `a` and `b` read the same once their whitespace runs are
/// collapsed (as [`collapse_whitespace`], for texts trimmed alike).
///
/// The common byte prefix is compared first: most texts that differ do so at
/// two ASCII bytes that are not whitespace, and then the word that holds
/// those bytes differs, with no need to split either text into words.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let common = ab.iter().zip(bb).take_while(|(x, y)| x == y).count();
    match (ab.get(common), bb.get(common)) {
        (None, None) => true,
        (Some(&x), Some(&y)) if is_solid_ascii(x) && is_solid_ascii(y) => false,
        _ => a.split_whitespace().eq(b.split_whitespace()),
    }
}

/// True when `s` has no whitespace other than single ASCII spaces.
///
/// Eight bytes at a time: the spaces of a chunk are found with bit masks, and
/// so are the few bytes that could be other whitespace (control bytes, and
/// the bytes that can start a non-ASCII whitespace character), which are then
/// looked at one by one with the two bytes after them (see [`chunk_spaces`]):
/// a curly quote or a dash in a chunk costs a few comparisons, not eight
/// steps. The last bytes are read as one more chunk that overlaps the one
/// before (the bytes read twice pass twice); a text shorter than a chunk is
/// one chunk padded with letters.
pub(crate) fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.len() < CHUNK {
        // One chunk, padded with letters: neither whitespace nor part of it.
        let mut padded = [b'a'; CHUNK];
        if let Some(start) = padded.get_mut(..bytes.len()) {
            start.copy_from_slice(bytes);
        }
        return chunk_spaces(&padded, 0).is_some_and(|spaces| spaces & (spaces << 8) == 0);
    }
    // 0x80 in the top byte when the byte before the chunk was a space.
    let mut prev_spaces = 0;
    let mut start = 0;
    // The last chunk ends the text.
    let last = bytes.len() - CHUNK;
    while start < last {
        let Some(spaces) = chunk_spaces(bytes, start) else {
            return false;
        };
        if spaces & ((spaces << 8) | (prev_spaces >> 56)) != 0 {
            return false;
        }
        prev_spaces = spaces;
        start += CHUNK;
    }
    // Unless the length is a multiple of eight, the last chunk overlaps the
    // one before, which has checked the byte before it and their pair.
    if start != last {
        prev_spaces = 0;
    }
    chunk_spaces(bytes, last)
        .is_some_and(|spaces| spaces & ((spaces << 8) | (prev_spaces >> 56)) == 0)
}

/// How many bytes [`is_collapsed`] looks at in one step.
const CHUNK: usize = 8;

/// For the [`CHUNK`] bytes of `bytes` (UTF-8) at `start`: `None` when they
/// start whitespace other than the ASCII space (or two spaces, where a space
/// is among the bytes looked at closely, or `bytes` ends before them), else
/// 0x80 in each byte of the little-endian number that is a space (exact per
/// byte).
///
/// Printable ASCII (most chunks) is told apart with two tests. In other
/// chunks, a mask marks every control byte and every byte 0xC2 or 0xE0..0xE3
/// (the first bytes of non-ASCII whitespace, and of 0xE0's rare characters),
/// with at most a few bytes more, and only those are looked at.
#[inline(always)]
fn chunk_spaces(bytes: &[u8], start: usize) -> Option<u64> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const LOWS: u64 = ONES * 0x7f;
    let chunk = bytes.get(start..start + CHUNK)?;
    let x = u64::from_le_bytes(<[u8; CHUNK]>::try_from(chunk).ok()?);
    // "hasless" of Bit Twiddling Hacks: 0x80 in each byte below `n`, and
    // maybe in bytes above one (a borrow), never missing one.
    let has_less = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    if (x & HIGHS) | has_less(x, 0x20) != 0 {
        let suspects =
            has_less(x, 0x20) | has_less(x ^ (ONES * 0xe0), 4) | has_less(x ^ (ONES * 0xc2), 1);
        if suspects != 0 && !suspects_are_collapsed(bytes, start, suspects) {
            return None;
        }
    }
    let t = x ^ (ONES * u64::from(b' '));
    Some(!(((t & LOWS) + LOWS) | t | LOWS))
}

/// The slow part of [`chunk_spaces`], out of line: true when none of the
/// `suspects` (0x80 in a byte of the chunk at `start`) starts whitespace
/// other than a space, or two spaces.
#[inline(never)]
fn suspects_are_collapsed(bytes: &[u8], start: usize, mut suspects: u64) -> bool {
    while suspects != 0 {
        let i = start + suspects.trailing_zeros() as usize / 8;
        if starts_uncollapsed(bytes, i) {
            return false;
        }
        suspects &= suspects - 1;
    }
    true
}

/// True when byte `i` of `bytes` starts two spaces or a whitespace character
/// other than the space (see [`whitespace_len`]).
fn starts_uncollapsed(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b' ') => bytes.get(i + 1) == Some(&b' '),
        _ => whitespace_len_at(bytes, i) > 0,
    }
}

/// [`whitespace_len`] of the bytes of `bytes` from `i` on (0 past its end).
fn whitespace_len_at(bytes: &[u8], i: usize) -> usize {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    whitespace_len(at(0), at(1), at(2))
}

/// The byte length of the whitespace character the bytes `b0 b1 b2` of UTF-8
/// start, or 0 when they start none (`b0` may be any byte of the text; the
/// bytes past its end count as 0, or as any byte that is not a continuation
/// byte). All that [`char::is_whitespace`] accepts: the space, tab to
/// carriage return, U+0085 and U+00A0 (`C2 85`, `C2 A0`), U+1680 (`E1 9A
/// 80`), U+2000..U+200A, U+2028, U+2029 and U+202F (`E2 80`, then `80`..`8A`,
/// `A8`, `A9` or `AF`), U+205F (`E2 81 9F`) and U+3000 (`E3 80 80`). Told by
/// the bytes alone, without decoding: a byte inside a character starts none.
fn whitespace_len(b0: u8, b1: u8, b2: u8) -> usize {
    match b0 {
        b' ' | b'\t'..=b'\r' => 1,
        0xc2 if matches!(b1, 0x85 | 0xa0) => 2,
        0xe1 if b1 == 0x9a && b2 == 0x80 => 3,
        0xe2 if matches!(
            (b1, b2),
            (0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf) | (0x81, 0x9f)
        ) =>
        {
            3
        }
        0xe3 if b1 == 0x80 && b2 == 0x80 => 3,
        _ => 0,
    }
}

/// What one byte of UTF-8 says about whitespace (see [`WHITESPACE_BYTES`]).
#[derive(Clone, Copy)]
enum Ws {
    /// Not whitespace, nor the start of a whitespace character.
    No,
    /// The ASCII space.
    Space,
    /// ASCII whitespace other than the space: tab, line breaks, `\x0b`, `\x0c`.
    Other,
    /// The first byte of a character that may be whitespace: every non-ASCII
    /// whitespace character (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000)
    /// starts with 0xC2, 0xE1, 0xE2 or 0xE3.
    Maybe,
}

/// [`Ws`] of every byte value.
const WHITESPACE_BYTES: [Ws; 256] = {
    let mut table = [Ws::No; 256];
    table[b' ' as usize] = Ws::Space;
    let mut b = 0x09;
    while b <= 0x0d {
        table[b] = Ws::Other;
        b += 1;
    }
    table[0xc2] = Ws::Maybe;
    table[0xe1] = Ws::Maybe;
    table[0xe2] = Ws::Maybe;
    table[0xe3] = Ws::Maybe;
    table
};

/// Byte length of a leading list marker and the space after it (`* `, `- `,
/// `• `, and inscriptis' third-level `o ` before a capital), or 0.
pub(crate) fn list_marker_len(text: &str) -> usize {
    // Most texts start with an ASCII byte that can start no marker, or with
    // one that can before a second ASCII byte that is not the space a marker
    // needs (`**bold**`, `-5`): no need to decode anything.
    match text.as_bytes() {
        [first, ..] if first.is_ascii() && !matches!(first, b'*' | b'-' | b'+' | b'o') => return 0,
        [first, second, ..] if first.is_ascii() && is_solid_ascii(*second) => return 0,
        // An ASCII marker before ASCII whitespace (`* Tech`, most list
        // items): a marker, and only the whitespace after it is read.
        [b'*' | b'-' | b'+', second, ..] if second.is_ascii() => {
            let rest = text.get(1..).unwrap_or_default();
            return 1 + rest.len() - rest.trim_start().len();
        }
        _ => {}
    }
    let mut chars = text.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let is_marker = matches!(first, '*' | '-' | '+' | '•' | '·' | '▪' | '–');
    let is_o = first == 'o' && text[1..].chars().nth(1).is_some_and(char::is_uppercase);
    match chars.next() {
        Some((i, c)) if (is_marker || is_o) && c.is_whitespace() => {
            let rest = &text[i..];
            i + rest.len() - rest.trim_start().len()
        }
        _ => 0,
    }
}

/// Adds `[start, end)` of `input`, trimmed, to `pieces` unless it is blank.
pub(crate) fn push_piece(pieces: &mut Vec<Span>, input: &str, start: usize, end: usize) {
    let (start, end) = trim_range(input, start, end);
    if start < end {
        pieces.push(Span { start, end });
    }
}

/// The text the body shows for `pieces` of `input` (what is left of a block
/// once inline removals are gone): each piece with its whitespace collapsed,
/// and a space between two only where the input had one around the removed
/// text, so `[data](url).` becomes `data.`, not `data .`.
///
/// Borrows when the input already reads so from the first piece to the last
/// (the kept sentences of a run-on line, each one space from the next), so a
/// body of such lines is not held twice; otherwise the copy goes on from
/// the last piece that did.
pub(crate) fn join_pieces<'a>(input: &'a str, pieces: &[Span]) -> Cow<'a, str> {
    if let [only] = pieces {
        return collapse_whitespace(only.slice(input));
    }
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return Cow::Owned(String::new());
    };
    // How many leading pieces read in the input as they will in the text.
    let verbatim = pieces
        .iter()
        .enumerate()
        .take_while(|&(i, piece)| {
            let text = piece.slice(input);
            let gap = i
                .checked_sub(1)
                .map_or(Some(""), |p| input.get(pieces[p].end..piece.start));
            matches!(gap, Some("" | " "))
                && !text.is_empty()
                && text.trim().len() == text.len()
                && is_collapsed(text)
        })
        .count();
    if verbatim == pieces.len() {
        return Cow::Borrowed(input.get(first.start..last.end).unwrap_or(""));
    }
    // The text is never longer than the input it comes from.
    let mut joined = String::with_capacity(last.end.saturating_sub(first.start));
    if let Some(done) = verbatim.checked_sub(1).and_then(|p| pieces.get(p)) {
        joined.push_str(input.get(first.start..done.end).unwrap_or(""));
    }
    for (i, piece) in pieces.iter().enumerate().skip(verbatim) {
        let gap = i.checked_sub(1).map(|p| &input[pieces[p].end..piece.start]);
        if gap
            .is_some_and(|g| g.starts_with(char::is_whitespace) || g.ends_with(char::is_whitespace))
        {
            joined.push(' ');
        }
        push_collapsed(&mut joined, piece.slice(input).trim());
    }
    if joined.len() < joined.capacity() / 2 {
        joined.shrink_to_fit();
    }
    Cow::Owned(joined)
}

/// Byte range of `s` inside `[start, end)` once surrounding whitespace is trimmed.
///
/// ASCII whitespace (most of what surrounds a line) is skipped byte by byte;
/// where a non-ASCII byte ends the run at either side, that side falls back to
/// the Unicode definition (`str::trim_start` / `trim_end`).
pub(crate) fn trim_range(input: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = input.get(start..end) else {
        return (start, start);
    };
    let b = s.as_bytes();
    let mut lead = leading_ascii_space(b);
    if b.get(lead).is_some_and(|&c| c >= 0x80) {
        lead = s.len() - s.trim_start().len();
    }
    if lead == s.len() {
        return (start, start);
    }
    let mut keep = s.len() - b.iter().rev().take_while(|&&c| is_ascii_space(c)).count();
    if b.get(keep.wrapping_sub(1)).is_some_and(|&c| c >= 0x80) {
        keep = s.trim_end().len();
    }
    (start + lead, start + keep)
}

/// How many bytes of ASCII whitespace `b` starts with.
///
/// Indented lines (nested lists in converted HTML) start with long runs of
/// spaces, three lines in four of some inputs: the spaces are counted eight
/// bytes at a time, by the first byte of each eight that is not one.
fn leading_ascii_space(b: &[u8]) -> usize {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let mut n = 0;
    while let Some(chunk) = b.get(n..n + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let others = u64::from_le_bytes(chunk) ^ SPACES;
        if others != 0 {
            // Little-endian: the lowest set bit is in the first other byte.
            n += (others.trailing_zeros() / 8) as usize;
            break;
        }
        n += 8;
    }
    let rest = b.get(n..).unwrap_or_default();
    n + rest.iter().take_while(|&&c| is_ascii_space(c)).count()
}

/// The ASCII characters that `char::is_whitespace` accepts (with vertical tab
/// and form feed, which `u8::is_ascii_whitespace` leaves out).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// An ASCII byte that is not whitespace: part of a word or punctuation.
fn is_solid_ascii(b: u8) -> bool {
    b.is_ascii() && !is_ascii_space(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`trim_range`] of all of `s` must give: `str::trim`'s bounds, or
    /// `(0, 0)` for a blank `s`.
    fn trimmed_by_std(s: &str) -> (usize, usize) {
        let trimmed = s.trim();
        match trimmed.is_empty() {
            true => (0, 0),
            false => {
                let a = s.len() - s.trim_start().len();
                (a, a + trimmed.len())
            }
        }
    }

    /// Every character, alone and between letters, at each place of a chunk:
    /// the scan calls it whitespace exactly when `char::is_whitespace` does
    /// (the space alone is allowed), and its bytes tell its length.
    #[test]
    fn is_collapsed_knows_every_character() {
        let mut text = String::new();
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let len = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_len_at(bytes, 0), len, "{c:?}");
            let expected = c == ' ' || !c.is_whitespace();
            for pad in [0, 3, 7, 12] {
                text.clear();
                text.extend(std::iter::repeat_n('a', pad));
                text.push(c);
                text.push('b');
                assert_eq!(is_collapsed(&text), expected, "{c:?} after {pad}");
            }
        }
    }

    proptest::proptest! {
        /// The byte scan agrees with the plain definition.
        #[test]
        fn is_collapsed_as_defined(s in "[a \t\n\u{b}\u{85}\u{a0}\u{3000}ü北क©\u{2009}\u{1680}\u{205f}\u{2019}\u{2028}—!~\u{1f}\u{7f}\u{84}\u{a1}\u{200a}\u{200b}\u{2027}\u{2029}\u{202f}\u{205e}\u{1681}\u{3001}]{0,40}") {
            let plain = !s.contains("  ") && !s.chars().any(|c| c != ' ' && c.is_whitespace());
            proptest::prop_assert_eq!(is_collapsed(&s), plain);
        }

        /// Every character boundary of the collapsed text (and one past its
        /// end) maps to a place in the text that collapses to the same two
        /// halves, one at a time or all in one pass.
        #[test]
        fn offsets_map_back_through_the_collapse(s in "[ab \t\u{a0}\u{3000}ü北]{0,24}") {
            let shown = collapse_whitespace(&s);
            let ats: Vec<usize> = (0..=shown.len() + 1).filter(|&at| shown.is_char_boundary(at) || at > shown.len()).collect();
            let all = offsets_before_collapse(&s, &ats);
            proptest::prop_assert_eq!(all.len(), ats.len());
            for (&at, &raw) in ats.iter().zip(&all) {
                proptest::prop_assert_eq!(raw, offset_before_collapse(&s, at));
                let at = at.min(shown.len());
                proptest::prop_assert_eq!(collapse_whitespace(&s[..raw]), shown[..at].trim_end());
                proptest::prop_assert_eq!(collapse_whitespace(&s[raw..]), shown[at..].trim_start());
            }
        }

        /// The byte scan agrees with `str::trim`.
        #[test]
        fn trim_range_as_defined(s in "[a \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{3000}ü\u{2009}]{0,12}") {
            proptest::prop_assert_eq!(trim_range(&s, 0, s.len()), trimmed_by_std(&s));
        }

        /// The same for indented lines: runs of spaces longer than a word,
        /// with tabs and other whitespace among them.
        #[test]
        fn trim_range_of_indented_lines(s in "[ ]{0,20}[ \t\r\u{b}\u{a0}]{0,3}[ ]{0,12}[ab \t]{0,12}[ \t]{0,10}") {
            proptest::prop_assert_eq!(trim_range(&s, 0, s.len()), trimmed_by_std(&s));
        }

        /// Joining pieces gives what a copy of each piece, collapsed, with a
        /// space where the input had whitespace around the gap, gives.
        #[test]
        fn join_pieces_as_defined(
            s in "[ab .\t\n\u{a0}ü]{0,40}",
            cuts in proptest::collection::vec(0usize..41, 0..8),
        ) {
            // Pieces: the trimmed, non-blank parts between sorted cut points,
            // every other part left out as if removed.
            let mut bounds: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(s.len()))
                .filter(|&c| s.is_char_boundary(c))
                .collect();
            bounds.extend([0, s.len()]);
            bounds.sort_unstable();
            bounds.dedup();
            let mut pieces = Vec::new();
            for (i, w) in bounds.windows(2).enumerate() {
                if i % 3 != 1 {
                    push_piece(&mut pieces, &s, w[0], w[1]);
                }
            }
            let mut expected = String::new();
            for (i, piece) in pieces.iter().enumerate() {
                let gap = i.checked_sub(1).map(|p| &s[pieces[p].end..piece.start]);
                if gap.is_some_and(|g| g.starts_with(char::is_whitespace) || g.ends_with(char::is_whitespace)) {
                    expected.push(' ');
                }
                expected.push_str(&collapse_whitespace(piece.slice(&s)));
            }
            proptest::prop_assert_eq!(join_pieces(&s, &pieces), expected);
        }

        /// Collapsing gives the words joined by single spaces, whatever the
        /// whitespace between them (every kind, and the characters that share
        /// its first bytes but are not whitespace: `\u{a9}`, `\u{2019}`, `—`).
        #[test]
        fn collapse_whitespace_as_defined(
            s in "[ab \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{a9}\u{1680}\u{2000}\u{2009}\u{200b}\u{2019}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{3001}ü北—]{0,40}",
        ) {
            let words: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(collapse_whitespace(&s), words.join(" "));
        }

        /// The prefix shortcut agrees with comparing the words.
        #[test]
        fn same_words_as_defined(
            start in "[ab \t\u{a0}ü]{0,20}",
            a in "[ab \t\u{a0}ü]{0,8}",
            b in "[ab \t\u{a0}ü]{0,8}",
        ) {
            let (a, b) = (format!("{start}{a}"), format!("{start}{b}"));
            let plain = a.split_whitespace().eq(b.split_whitespace());
            proptest::prop_assert_eq!(same_words(&a, &b), plain);
        }

        /// Mostly ASCII letters and spaces: the eight-byte path.
        #[test]
        fn is_collapsed_as_defined_ascii(s in "[ab  .\t]{0,40}") {
            let plain = !s.contains("  ") && !s.chars().any(|c| c != ' ' && c.is_whitespace());
            proptest::prop_assert_eq!(is_collapsed(&s), plain);
        }
    }

    #[test]
    fn join_pieces_borrows_text_that_reads_as_joined() {
        let input = "One. Two.  Three. Four.";
        let span = |start, end| Span { start, end };
        let kept = [span(0, 4), span(5, 9)];
        assert!(matches!(
            join_pieces(input, &kept),
            Cow::Borrowed("One. Two.")
        ));
        let spaced = [span(0, 4), span(5, 9), span(11, 17)];
        assert_eq!(join_pieces(input, &spaced), "One. Two. Three.");
        let gap = [span(0, 4), span(11, 17), span(18, 23)];
        assert_eq!(join_pieces(input, &gap), "One. Three. Four.");
    }

    /// Every whitespace character starts with a byte the table flags.
    #[test]
    fn whitespace_bytes_cover_every_whitespace_character() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            let flagged = !matches!(WHITESPACE_BYTES[usize::from(first)], Ws::No);
            assert!(flagged, "{c:?}");
        }
    }

    /// Two spaces across the line between two chunks, and between a chunk
    /// and the last, overlapping one.
    #[test]
    fn double_spaces_between_chunks() {
        assert!(!is_collapsed("abcdefg  bcdefgh"));
        assert!(!is_collapsed("abcdefg  bcdefghij"));
        assert!(!is_collapsed("abcdefghi  cd"));
        assert!(is_collapsed("abcdefg bcdefgh ij"));
    }

    #[test]
    fn collapses_runs_and_trims() {
        assert_eq!(collapse_whitespace("  a \t b\u{a0}\u{a0}c  "), "a b c");
        assert!(matches!(collapse_whitespace("a b c"), Cow::Borrowed(_)));
        assert!(matches!(collapse_whitespace(" a b "), Cow::Borrowed(_)));
        assert_eq!(collapse_whitespace("   "), "");
        for spaced in [
            "a\u{b}b",
            "a\u{c}b",
            "a\rb",
            "a\u{85}b",
            "a\u{3000}b",
            "a\u{2028}b",
            "a  b",
        ] {
            assert!(!is_collapsed(spaced), "{spaced:?}");
        }
        assert!(is_collapsed("Grüße, 北京 — a b"));
    }

    #[test]
    fn same_words_ignores_whitespace_runs_only() {
        let collapsed_eq = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        for (a, b) in [
            ("a b", "a b"),
            ("a  b", "a b"),
            ("a\tb", "a b"),
            ("a b", "a c"),
            ("ab c", "a bc"),
            ("a\u{a0}b", "a b"),
            ("a\u{a0}b", "a\u{a0}c"),
            ("Grüße a", "Grüße b"),
            ("é", "è"),
            ("a", "ab"),
            ("", "a"),
            ("abcdefgh ijklmnop qr", "abcdefgh ijklmnop q r"),
            ("abcdefgh ijklmnop qr", "abcdefgh ijklmnop qs"),
            ("abcdefgh ijklmnop", "abcdefgh  ijklmnop"),
        ] {
            assert_eq!(same_words(a, b), collapsed_eq(a, b), "{a:?} {b:?}");
            assert_eq!(same_words(b, a), collapsed_eq(b, a), "{b:?} {a:?}");
        }
    }

    #[test]
    fn list_markers() {
        assert_eq!(list_marker_len("* Tech"), 2);
        assert_eq!(list_marker_len("-   item"), 4);
        assert_eq!(list_marker_len("o Classifieds"), 2);
        assert_eq!(list_marker_len("o que une"), 0);
        assert_eq!(list_marker_len("-5 degrees"), 0);
        assert_eq!(list_marker_len("*emphasis*"), 0);
        assert_eq!(list_marker_len("*"), 0);
        assert_eq!(list_marker_len("**bold**"), 0);
        assert_eq!(list_marker_len("*\t\u{a0} x"), 5);
        assert_eq!(list_marker_len("- "), 2);
        assert_eq!(list_marker_len("+\u{a0}plus"), 3);
        assert_eq!(list_marker_len("•\titem"), 4);
        assert_eq!(list_marker_len("(a) item"), 0);
        assert_eq!(list_marker_len("ox"), 0);
        assert_eq!(list_marker_len(""), 0);
    }

    #[test]
    fn trim_range_skips_unicode_whitespace() {
        let s = "\u{a0} ab \n";
        let (a, b) = trim_range(s, 0, s.len());
        assert_eq!(&s[a..b], "ab");
        assert_eq!(trim_range("   ", 0, 3), (0, 0));
    }
}
