//! Regex fragments shared by more than one module, as macros so that `concat!`
//! can splice them into constant patterns.

/// The target part of a Markdown link or image, `(url "optional title")`,
/// allowing one level of parentheses inside the URL.
macro_rules! markdown_target {
    () => {
        r#"\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"\n]*")?\)"#
    };
}

/// The text part of a Markdown link, `[text]` (no nested brackets, one line).
macro_rules! markdown_label {
    () => {
        r"\[[^\[\]\n]*\]"
    };
}
