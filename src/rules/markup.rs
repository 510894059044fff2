//! Markdown markup in converter dumps (html2text): link targets and image embeds
//! go, link text stays.

use super::{Action::*, Rule, phrase};
use crate::article::Category;

const C: Category = Category::Markup;

pub(crate) static RULES: &[Rule] = &[
    phrase(
        C,
        "markup.image",
        "A Markdown image embed `![alt](src)`, alt text and all.",
        concat!("!", markdown_label!(), markdown_target!()),
        DropSpan,
    ),
    phrase(
        C,
        "markup.link",
        "A Markdown link `[text](url)`: the brackets and the target go, the text stays.",
        concat!(r"(\[)[^\[\]\n]*(\]", markdown_target!(), ")"),
        DropSpan,
    ),
];

#[cfg(test)]
mod tests {
    use crate::clean;

    #[test]
    fn link_text_stays_target_goes() {
        let text = "Headline of a story\n\nThe minister told [the BBC](https://bbc.co.uk/news \"BBC\") that talks ![a photo](/img/x.jpg)went well.";
        let a = clean(text);
        assert_eq!(a.body, "The minister told the BBC that talks went well.");
        let rules: Vec<&str> = a.removed.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(rules, ["markup.link", "markup.link", "markup.image"]);
        assert_eq!(a.removed[1].text, "](https://bbc.co.uk/news \"BBC\")");
    }

    #[test]
    fn brackets_in_prose_survive() {
        let a =
            clean("Headline of a story\n\nIt is running the [US] presidential debate (he said).");
        assert_eq!(
            a.body,
            "It is running the [US] presidential debate (he said)."
        );
    }
}
