//! The result of cleaning: plain data, borrowed from the input where possible.

use std::borrow::Cow;
use std::fmt;

/// What kind of boilerplate a rule removes. Every [`Removal`] carries one.
///
/// Categories are also handles for [`CleanerBuilder::disable`](crate::CleanerBuilder::disable):
/// `disable("caption")` turns off every caption rule at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Category {
    /// Comment widgets and comment policies (WordPress, Disqus, Facebook).
    Comments,
    /// Login, sign-up, subscribe and newsletter prompts.
    Prompt,
    /// Photo captions and photo credits.
    Caption,
    /// Publication dates, timestamps, bylines: kept as [`Metadata`], not body.
    Metadata,
    /// "Related", "Read more", "Also read" links and tag lists.
    Related,
    /// Share bars and lone social-network lines.
    Share,
    /// App promotions and advertisement markers.
    Promo,
    /// Cookie and consent notices, copyright footers.
    Legal,
    /// Content warnings placed above an article.
    Warning,
    /// Short lines that repeat (image alt text next to its caption).
    Repetition,
    /// The title, where it shows up again in the body.
    Title,
    /// Decisions of the context classifier: menus, link lists, text outside the
    /// article's main region.
    Context,
    /// Markup left by HTML-to-text converters: Markdown link targets, image embeds.
    Markup,
    /// Rules added by the caller that fit no other category.
    Custom,
}

impl Category {
    /// Every category, in a stable order.
    pub const ALL: [Category; 14] = [
        Category::Comments,
        Category::Prompt,
        Category::Caption,
        Category::Metadata,
        Category::Related,
        Category::Share,
        Category::Promo,
        Category::Legal,
        Category::Warning,
        Category::Repetition,
        Category::Title,
        Category::Context,
        Category::Markup,
        Category::Custom,
    ];

    /// The lowercase name used in rule ids, `--explain` output and JSON.
    pub const fn name(self) -> &'static str {
        match self {
            Category::Comments => "comments",
            Category::Prompt => "prompt",
            Category::Caption => "caption",
            Category::Metadata => "metadata",
            Category::Related => "related",
            Category::Share => "share",
            Category::Promo => "promo",
            Category::Legal => "legal",
            Category::Warning => "warning",
            Category::Repetition => "repetition",
            Category::Title => "title",
            Category::Context => "context",
            Category::Markup => "markup",
            Category::Custom => "custom",
        }
    }

    /// The category with this [`name`](Category::name), if any.
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A stable rule id such as `comments.wordpress.leave_reply`.
///
/// Built-in ids never change meaning between releases; custom rules pick their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct RuleId(Cow<'static, str>);

impl RuleId {
    /// A rule id from a static string (no allocation).
    pub const fn from_static(id: &'static str) -> RuleId {
        RuleId(Cow::Borrowed(id))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for RuleId {
    fn from(id: String) -> RuleId {
        RuleId(Cow::Owned(id))
    }
}

impl From<&'static str> for RuleId {
    fn from(id: &'static str) -> RuleId {
        RuleId(Cow::Borrowed(id))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

/// A byte range `start..end` into the cleaned input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The input text this span covers.
    ///
    /// Returns `""` when the span does not fit `input` (for example, a span from
    /// another document), so it never panics.
    pub fn slice(self, input: &str) -> &str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// A paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Paragraph<'a> {
    /// The paragraph's text, runs of whitespace collapsed to one space.
    pub text: Cow<'a, str>,
    /// The input range it came from. Inline removals inside this range are
    /// listed in [`Article::removed`].
    pub span: Span,
}

/// One piece of the input that is not in the title or the body, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Removal<'a> {
    /// The rule (or context decision) that removed it.
    pub rule: RuleId,
    /// The rule's category.
    pub category: Category,
    /// Where it was in the input.
    pub span: Span,
    /// The removed text, exactly as in the input.
    pub text: Cow<'a, str>,
}

/// Facts about the article that are not body text.
///
/// A line that feeds a field here (a `First Published:` line, a caption) is also
/// listed in [`Article::removed`], with the rule that recognised it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Metadata<'a> {
    /// When the article was published, as written (`Saturday, September 23, 2017 03:18 AM`).
    pub published: Option<Cow<'a, str>>,
    /// When it was last updated, as written.
    pub updated: Option<Cow<'a, str>>,
    /// The byline (`By Laura Smith-Spark, CNN`), without the leading `By`.
    pub byline: Option<Cow<'a, str>>,
    /// Photo captions found around the article.
    pub captions: Vec<Cow<'a, str>>,
    /// Photo and image credits (`Getty Images`, `AP Photo/Ivan Sekretarev`).
    pub credits: Vec<Cow<'a, str>>,
    /// Tags or topics listed with the article.
    pub tags: Vec<Cow<'a, str>>,
}

/// A cleaned article.
///
/// Every non-whitespace character of the input is in exactly one of: the title,
/// a paragraph of the body, or a [`Removal`] (metadata lines are removals too).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Article<'a> {
    /// The headline, if the text has one. `None` rather than a guess.
    pub title: Option<Cow<'a, str>>,
    /// Where the title was in the input.
    pub title_span: Option<Span>,
    /// The body: the paragraphs' text joined by a blank line (`"\n\n"`).
    pub body: String,
    /// The body's paragraphs with their input spans.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// Dates, byline, captions, credits and tags found around the body.
    pub metadata: Metadata<'a>,
    /// Everything removed, in input order, with the rule that removed it.
    pub removed: Vec<Removal<'a>>,
}

impl std::fmt::Display for Article<'_> {
    /// Writes [`Article::to_text`]: the title, a blank line, then the body.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.title {
            Some(title) if self.body.is_empty() => f.write_str(title),
            Some(title) => write!(f, "{title}\n\n{}", self.body),
            None => f.write_str(&self.body),
        }
    }
}

impl Article<'_> {
    /// Title, a blank line, then the body — what the `clean` example prints.
    ///
    /// Without a title this is just the body. [`Display`](std::fmt::Display)
    /// writes the same text without building it first.
    pub fn to_text(&self) -> String {
        self.to_string()
    }

    /// A copy that owns all its text, so it can outlive the input.
    pub fn into_owned(self) -> Article<'static> {
        fn own(c: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(c.into_owned())
        }
        fn own_all(v: Vec<Cow<'_, str>>) -> Vec<Cow<'static, str>> {
            v.into_iter().map(own).collect()
        }
        let m = self.metadata;
        Article {
            title: self.title.map(own),
            title_span: self.title_span,
            body: self.body,
            paragraphs: self
                .paragraphs
                .into_iter()
                .map(|p| Paragraph {
                    text: own(p.text),
                    span: p.span,
                })
                .collect(),
            metadata: Metadata {
                published: m.published.map(own),
                updated: m.updated.map(own),
                byline: m.byline.map(own),
                captions: own_all(m.captions),
                credits: own_all(m.credits),
                tags: own_all(m.tags),
            },
            removed: self
                .removed
                .into_iter()
                .map(|r| Removal {
                    rule: r.rule,
                    category: r.category,
                    span: r.span,
                    text: own(r.text),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_round_trip() {
        for c in Category::ALL {
            assert_eq!(Category::from_name(c.name()), Some(c));
        }
        assert_eq!(Category::from_name("nope"), None);
    }

    #[test]
    fn span_slice_never_panics() {
        let s = "héllo";
        assert_eq!(Span { start: 0, end: 1 }.slice(s), "h");
        assert_eq!(Span { start: 1, end: 2 }.slice(s), "");
        assert_eq!(Span { start: 4, end: 99 }.slice(s), "");
    }

    #[test]
    fn to_text_joins_title_and_body() {
        let mut a = Article {
            title: Some("T".into()),
            body: "B".into(),
            ..Article::default()
        };
        assert_eq!(a.to_text(), "T\n\nB");
        a.title = None;
        assert_eq!(a.to_text(), "B");
    }
}
