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
    for (i, word) in trimmed.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// True when `s` has no whitespace other than single ASCII spaces.
fn is_collapsed(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut prev_space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            i += 1;
            continue;
        }
        prev_space = false;
        if b < 0x80 {
            // ASCII whitespace besides the space: tab, line breaks, \x0b, \x0c.
            if (0x09..=0x0d).contains(&b) {
                return false;
            }
            i += 1;
        } else {
            // Only non-ASCII characters are decoded.
            match s.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if !c.is_whitespace() => i += c.len_utf8(),
                _ => return false,
            }
        }
    }
    true
}

/// Byte length of a leading list marker and the space after it (`* `, `- `,
/// `• `, and inscriptis' third-level `o ` before a capital), or 0.
pub(crate) fn list_marker_len(text: &str) -> usize {
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
pub(crate) fn join_pieces<'a>(input: &'a str, pieces: &[Span]) -> Cow<'a, str> {
    if let [only] = pieces {
        return collapse_whitespace(only.slice(input));
    }
    let mut joined = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        let gap = i.checked_sub(1).map(|p| &input[pieces[p].end..piece.start]);
        if gap
            .is_some_and(|g| g.starts_with(char::is_whitespace) || g.ends_with(char::is_whitespace))
        {
            joined.push(' ');
        }
        joined.push_str(&collapse_whitespace(piece.slice(input)));
    }
    Cow::Owned(joined)
}

/// Byte range of `s` inside `[start, end)` once surrounding whitespace is trimmed.
pub(crate) fn trim_range(input: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &input[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan agrees with the plain definition.
        #[test]
        fn is_collapsed_as_defined(s in "[a \t\n\u{b}\u{85}\u{a0}\u{3000}ü北\u{2009}]{0,12}") {
            let plain = !s.contains("  ") && !s.chars().any(|c| c != ' ' && c.is_whitespace());
            proptest::prop_assert_eq!(is_collapsed(&s), plain);
        }
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
    fn list_markers() {
        assert_eq!(list_marker_len("* Tech"), 2);
        assert_eq!(list_marker_len("-   item"), 4);
        assert_eq!(list_marker_len("o Classifieds"), 2);
        assert_eq!(list_marker_len("o que une"), 0);
        assert_eq!(list_marker_len("-5 degrees"), 0);
        assert_eq!(list_marker_len("*emphasis*"), 0);
        assert_eq!(list_marker_len("*"), 0);
    }

    #[test]
    fn trim_range_skips_unicode_whitespace() {
        let s = "\u{a0} ab \n";
        let (a, b) = trim_range(s, 0, s.len());
        assert_eq!(&s[a..b], "ab");
        assert_eq!(trim_range("   ", 0, 3), (0, 0));
    }
}
