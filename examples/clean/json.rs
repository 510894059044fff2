//! The `--jsonl` reader's fast path: the fields of an input line read in one
//! pass over its bytes, for the lines whose shape it knows, rather than by
//! `serde_json`.
//!
//! `serde_json` reads a string with escapes (every line break of a text is
//! one) a piece at a time into a scratch buffer it starts afresh for each
//! line, growing it as it goes, then copies it into the `String` it hands
//! over. This reader finds the quotes and backslashes with `memchr2`, checks
//! the bytes between them for control characters eight at a time, and
//! unescapes the text straight into one buffer kept from line to line.
//!
//! It knows one shape: an object whose keys are strings without escapes,
//! with a string `text`, an `id` that is a string without escapes or `null`
//! (or no `id`), and any other fields, whose values it checks and skips.
//! Anything else, from a number `id` to a syntax error, it leaves to
//! `serde_json` by answering `None`. It is stricter than `serde_json`
//! wherever the two could differ (a `\u` escape of a surrogate, nesting
//! past [`MAX_DEPTH`]), so each line it reads is one `serde_json` reads the
//! same way; the tests hold the two together on generated lines.

use std::borrow::Cow;

/// The fields of an input line as `serde_json` reads them, for the lines
/// [`read`] leaves to it. Borrowed where the JSON has no escapes; other fields
/// (a corpus's gold text, say) are skipped unparsed.
#[derive(serde::Deserialize)]
pub(crate) struct SerdeDoc<'a> {
    #[serde(default)]
    pub id: serde_json::Value,
    #[serde(borrow, default)]
    pub text: Option<Cow<'a, str>>,
}

/// Nesting deeper than this, in a field that is skipped, is left to
/// `serde_json` (whose own limit is 128).
const MAX_DEPTH: usize = 64;

/// The fields of an input line.
pub(crate) struct Doc<'a> {
    /// The `id` as it is written in the line, and so as it is to be written
    /// back: a string without escapes, with its quotes, or `null` (also for a
    /// line without one).
    pub id: &'a str,
    /// The `text`, unescaped, in the caller's buffer.
    pub text: &'a str,
}

/// The fields of a JSONL line (`bytes`, its line break included), or `None`
/// when it is not of the shape this reader knows. `scratch` receives the
/// text, unescaped (emptied first, its allocation kept).
pub(crate) fn read<'a>(bytes: &'a [u8], scratch: &'a mut Vec<u8>) -> Option<Doc<'a>> {
    let mut i = skip_whitespace(bytes, 0);
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    i = skip_whitespace(bytes, i + 1);
    let (mut id, mut text) = (None, false);
    scratch.clear();
    loop {
        // A key: a string without escapes.
        let key = string(bytes, i, None)?;
        if key.escapes {
            return None;
        }
        let name = bytes.get(i + 1..key.end - 1)?;
        i = skip_whitespace(bytes, key.end);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        i = skip_whitespace(bytes, i + 1);
        match name {
            b"id" => {
                if id.is_some() {
                    return None; // a duplicate field
                }
                let end = match bytes.get(i) {
                    Some(b'"') => match string(bytes, i, None)? {
                        value if value.escapes => return None,
                        value => value.end,
                    },
                    Some(b'n') => literal_end(bytes, i, b"null")?,
                    _ => return None,
                };
                id = Some(bytes.get(i..end)?);
                i = end;
            }
            b"text" => {
                if text {
                    return None; // a duplicate field
                }
                i = string(bytes, i, Some(scratch))?.end;
                text = true;
            }
            _ => i = value_end(bytes, i, 0)?,
        }
        i = skip_whitespace(bytes, i);
        match bytes.get(i) {
            Some(b',') => i = skip_whitespace(bytes, i + 1),
            Some(b'}') => break,
            _ => return None,
        }
    }
    // Nothing but whitespace after the object.
    if skip_whitespace(bytes, i + 1) != bytes.len() {
        return None;
    }
    if !text {
        return None;
    }
    // The text is checked here (the characters of its escapes are valid, its
    // other bytes may not be), the id was.
    let text = std::str::from_utf8(scratch).ok()?;
    let id = match id {
        Some(id) => std::str::from_utf8(id).ok()?,
        None => "null",
    };
    Some(Doc { id, text })
}

/// The index after the JSON whitespace from `i` on.
fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The index after `literal` (`true`, `false`, `null`) at `i`.
fn literal_end(bytes: &[u8], i: usize, literal: &[u8]) -> Option<usize> {
    let end = i + literal.len();
    (bytes.get(i..end)? == literal).then_some(end)
}

/// What [`string`] found.
struct JsonString {
    /// The index after the closing quote.
    end: usize,
    /// The string has escapes.
    escapes: bool,
}

/// Reads the string whose opening quote is at `i`, and with `out`, appends
/// it there, unescaped. `None` if there is no string at `i`, or it is not
/// UTF-8 (checked here only without `out`), or has a control character or an escape JSON does not allow, or a
/// `\u` escape of a surrogate (left to `serde_json`, which knows which of
/// those it accepts).
///
/// The quotes and backslashes are found by `memchr2`, many bytes at a time;
/// the bytes between them are checked for control characters and for bytes
/// outside ASCII eight at a time.
fn string(bytes: &[u8], i: usize, mut out: Option<&mut Vec<u8>>) -> Option<JsonString> {
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let (mut escapes, mut flags) = (false, Flags::default());
    let mut j = i + 1;
    loop {
        let rest = bytes.get(j..)?;
        let special = j + memchr::memchr2(b'"', b'\\', rest)?;
        let piece = bytes.get(j..special)?;
        flags.add(piece);
        if flags.controls {
            return None;
        }
        if let Some(out) = out.as_deref_mut() {
            out.extend_from_slice(piece);
        }
        if bytes.get(special) == Some(&b'"') {
            // Bytes outside ASCII are checked here, unless the caller checks
            // what it was given.
            if flags.high && out.is_none() {
                std::str::from_utf8(bytes.get(i + 1..special)?).ok()?;
            }
            return Some(JsonString {
                end: special + 1,
                escapes,
            });
        }
        escapes = true;
        let (unescaped, len) = match bytes.get(special + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            // Surrogates (0xd800..0xe000) are no `char`.
            b'u' => (char::from_u32(hex_escape(bytes, special)?)?, 6),
            _ => return None,
        };
        if let Some(out) = out.as_deref_mut() {
            let mut utf8 = [0; 4];
            out.extend_from_slice(unescaped.encode_utf8(&mut utf8).as_bytes());
        }
        j = special + len;
    }
}

/// What the bytes of a string hold, so far.
#[derive(Default)]
struct Flags {
    /// A control character (below 0x20), which JSON does not allow there.
    controls: bool,
    /// A byte outside ASCII.
    high: bool,
}

impl Flags {
    /// Adds what `piece` holds, eight bytes at a time.
    fn add(&mut self, piece: &[u8]) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = ONES * 0x80;
        let mut chunks = piece.chunks_exact(8);
        let (mut controls, mut high) = (0, 0);
        for chunk in &mut chunks {
            let x = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
            // Bytes below 0x20: `x - 0x20` borrows into their high bit.
            controls |= x.wrapping_sub(ONES * 0x20) & !x;
            high |= x;
        }
        for &b in chunks.remainder() {
            controls |= u64::from(b < 0x20) << 7;
            high |= u64::from(b);
        }
        self.controls |= controls & HIGHS != 0;
        self.high |= high & HIGHS != 0;
    }
}

/// The code unit of the `\uXXXX` escape at `i`.
fn hex_escape(bytes: &[u8], i: usize) -> Option<u32> {
    let digits = bytes.get(i + 2..i + 6)?;
    digits
        .iter()
        .try_fold(0, |n, &d| Some(n * 16 + char::from(d).to_digit(16)?))
}

/// The index after the JSON value at `i`, checked, at nesting `depth`.
fn value_end(bytes: &[u8], i: usize, depth: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => string(bytes, i, None).map(|s| s.end),
        b'{' => container_end(bytes, i, depth, b'}', true),
        b'[' => container_end(bytes, i, depth, b']', false),
        b't' => literal_end(bytes, i, b"true"),
        b'f' => literal_end(bytes, i, b"false"),
        b'n' => literal_end(bytes, i, b"null"),
        b'-' | b'0'..=b'9' => number_end(bytes, i),
        _ => None,
    }
}

/// The index after the object (`keyed`) or array at `i`, which ends with
/// `close`.
fn container_end(bytes: &[u8], i: usize, depth: usize, close: u8, keyed: bool) -> Option<usize> {
    if depth >= MAX_DEPTH {
        return None;
    }
    let mut j = skip_whitespace(bytes, i + 1);
    if bytes.get(j) == Some(&close) {
        return Some(j + 1);
    }
    loop {
        if keyed {
            j = string(bytes, j, None)?.end;
            j = skip_whitespace(bytes, j);
            if bytes.get(j) != Some(&b':') {
                return None;
            }
            j = skip_whitespace(bytes, j + 1);
        }
        j = skip_whitespace(bytes, value_end(bytes, j, depth + 1)?);
        match bytes.get(j)? {
            b',' => j = skip_whitespace(bytes, j + 1),
            &b if b == close => return Some(j + 1),
            _ => return None,
        }
    }
}

/// The index after the number at `i`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn number_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    let digits = |mut j: usize| {
        while bytes.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        j
    };
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    i = match bytes.get(i)? {
        b'0' => i + 1,
        b'1'..=b'9' => digits(i + 1),
        _ => return None,
    };
    if bytes.get(i) == Some(&b'.') {
        let end = digits(i + 1);
        if end == i + 1 {
            return None;
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let end = digits(i);
        if end == i {
            return None;
        }
        i = end;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `serde_json` makes of a line, read as the example reads the
    /// lines this reader leaves to it: the id written back, and the text.
    fn serde(line: &str) -> Option<(String, String)> {
        let doc: SerdeDoc<'_> = serde_json::from_str(line).ok()?;
        Some((doc.id.to_string(), doc.text?.into_owned()))
    }

    /// What the fast path makes of a line, checked against `serde_json`.
    fn ours(line: &str) -> Option<(String, String)> {
        let mut scratch = Vec::new();
        let doc = read(line.as_bytes(), &mut scratch)
            .map(|doc| (doc.id.to_string(), doc.text.to_string()));
        if let Some(doc) = &doc {
            assert_eq!(Some(doc), serde(line).as_ref(), "{line:?}");
        }
        doc
    }

    #[test]
    fn reads_the_usual_lines() {
        let cases = [
            (r#"{"id": "a1", "text": "plain"}"#, "\"a1\"", "plain"),
            (r#"{"text":"x\ny","id":null}"#, "null", "x\ny"),
            (
                "{\"text\": \"a\\nb\\t\\\"c\\\" \\\\ \\/ \\b\\f\\r \\u00e9\\u4e2d\"}\r\n",
                "null",
                "a\nb\t\"c\" \\ / \u{8}\u{c}\r é中",
            ),
            (
                r#" { "id" : "x" , "gold" : "g\"\u0041" , "with" : [ "a" , [ ] , { } , { "k" : [ 1 , -2.5e+3 , 0 , true , false , null ] } ] , "text" : "Grüße 😀" } "#,
                "\"x\"",
                "Grüße 😀",
            ),
        ];
        for (line, id, text) in cases {
            assert_eq!(
                ours(line),
                Some((id.to_string(), text.to_string())),
                "{line:?}"
            );
        }
    }

    #[test]
    fn leaves_other_shapes_to_serde() {
        let cases = [
            r#"{"id": 7, "text": "a number id"}"#,
            r#"{"id": "a\"b", "text": "an id with an escape"}"#,
            r#"{"id": {"x": 1}, "text": "an object id"}"#,
            r#"{"t\u0065xt": "an escaped key"}"#,
            r#"{"t\u0065xt": "an escaped key", "text": "and the key"}"#,
            r#"{"\u0069d": 5, "text": "an escaped key"}"#,
            r#"{"text": "one", "text": "two"}"#,
            r#"{"id": "a", "id": "b", "text": "t"}"#,
            r#"{"text": null}"#,
            r#"{"text": 5}"#,
            r#"{"id": "no text"}"#,
            r#"{}"#,
            r#"["id", "an array"]"#,
            r#"{"text": "trailing"} x"#,
            r#"{"text": "a trailing comma",}"#,
            r#"{"text": "x", "n": 01}"#,
            r#"{"text": "x", "n": 1.}"#,
            r#"{"text": "x", "n": 1e}"#,
            r#"{"text": "x", "n": -}"#,
            r#"{"text": "x", "n": tru}"#,
            r#"{"text": "x", "n": [1 2]}"#,
            r#"{"text": "x", "n": {"a" 1}}"#,
            r#"{"text": "x", "n": {1: 1}}"#,
            r#"{"text": "a \q escape"}"#,
            r#"{"text": "a \u12 short escape"}"#,
            r#"{"text": "a lone surrogate \ud800"}"#,
            r#"{"text": "a pair \ud83d\ude00"}"#,
            "{\"text\": \"a raw\ttab\"}",
            r#"{"text": "unterminated}"#,
            r#"{"text": "x""#,
            "",
        ];
        for line in cases {
            assert_eq!(ours(line), None, "{line:?}");
        }
        let deep = format!(
            r#"{{"n": {}{}, "text": "deep"}}"#,
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(ours(&deep), None);
        let shallow = format!(
            r#"{{"n": {}{}, "text": "deep"}}"#,
            "[".repeat(MAX_DEPTH),
            "]".repeat(MAX_DEPTH)
        );
        assert!(ours(&shallow).is_some());
    }

    #[test]
    fn invalid_utf8_is_left_to_serde() {
        let mut scratch = Vec::new();
        assert!(read(b"{\"text\": \"\xff\"}", &mut scratch).is_none());
        assert!(read(b"{\"text\": \"ok\", \"x\": \"\xc3\"}", &mut scratch).is_none());
    }

    /// Pieces of JSON, valid and not, that lines are made of.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "{", "}", "[", "]", ":", ",", " ", "\n", "\"", "\\", "\\n", "\\\"", "\\u00e9",
            "\\ud83d", "\\ude00", "\\u", "\\x", "\"id\"", "\"text\"", "\"gold\"", "\"x\"", "null",
            "true", "fals", "0", "-1.5e3", "01", "é", "😀", "\t", "\u{1}", "a", "é\\n",
        ])
    }

    proptest! {
        /// On any line, the fast path either gives up or agrees with
        /// `serde_json` (which `ours` checks).
        #[test]
        fn agrees_with_serde_or_gives_up(
            pieces in prop::collection::vec(piece(), 0..40),
        ) {
            let line: String = pieces.concat();
            ours(&line);
            ours(&format!("{{\"text\": \"{line}\"}}"));
            ours(&format!("{{\"id\": \"i\", \"x\": {line}, \"text\": \"t\"}}"));
            ours(&format!("{{\"id\": {line}, \"text\": \"t\"}}"));
        }

        /// Every line `serde_json` writes for an id string and a text, the
        /// fast path reads (ids with characters `serde_json` escapes aside).
        #[test]
        fn reads_what_serde_writes(id in "[a-z0-9 é😀-]{0,12}", text in any::<String>()) {
            let line = serde_json::json!({"id": id, "text": text, "gold": [text]}).to_string();
            prop_assert_eq!(
                ours(&line),
                Some((serde_json::Value::from(id).to_string(), text))
            );
        }
    }
}
