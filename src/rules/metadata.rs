//! Publication dates, update times, timestamps and bylines: kept as metadata.

use super::{Action::*, Field, LONG_NOTICE_WORDS, META_LINE_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Metadata;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "metadata.first_published",
            "A `First Published: …` / `Published on …` line (its date becomes `published`).",
            concat!(
                r"(?i)^(?:",
                published_label!(),
                r")\s*:?\s*(?P<value>",
                timestamp!(),
                // Stray marks after it (an icon's `?`, a `|`) are no text.
                r")\W*$"
            ),
            Metadata(Field::Published),
        ),
        META_LINE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "metadata.updated",
            "An `Updated: …` / `Last modified …` line (its date becomes `updated`).",
            concat!(
                r"(?i)^(?:",
                updated_label!(),
                r")\s*:?\s*(?P<value>",
                timestamp!(),
                // Stray marks after it (an icon's `?`, a `|`) are no text.
                r")\W*$"
            ),
            Metadata(Field::Updated),
        ),
        META_LINE_WORDS,
    ),
    phrase(
        C,
        "metadata.timestamp",
        "A bare date or timestamp line (`23 September 2017, 05:13 AM`) becomes `published` unless a labelled date exists.",
        concat!(r"(?i)^(?P<value>", timestamp!(), r")$"),
        Metadata(Field::Date),
    ),
    max_words(
        phrase(
            C,
            "metadata.contributors",
            "A contributor line (`CNN’s Jo Shelley contributed to this report.`) becomes a credit.",
            r"(?i)(?-u:\b)contributed (?:reporting|to this (?:report|story|article))(?-u:\b)|^(?:additional )?reporting by(?-u:\b)",
            Metadata(Field::Credit),
        ),
        LONG_NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "metadata.byline",
            "A byline line (`By Laura Smith-Spark, CNN`) becomes `byline`.",
            r"^(?:(?:Posted|Written|Published) by|By|BY|by)\s+(?P<value>\p{Lu}[\p{L}'’.-]*(?:(?:\s+|\s*[,|]\s*|\s+(?:and|&)\s+)\p{Lu}[\p{L}'’.-]*)*)$",
            Metadata(Field::Byline),
        ),
        META_LINE_WORDS,
    ),
];

#[cfg(test)]
mod tests {
    use crate::clean;
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn published_and_updated() {
        assert_fires(
            "metadata.first_published",
            &[
                "First Published: Saturday, September 23, 2017 03:18 AM",
                "Published on 12 March 2019",
                // An icon's leftover after the date.
                "First Published: Saturday, September 23, 2017 03:18 AM ?",
            ],
        );
        assert_fires(
            "metadata.updated",
            &[
                "Updated: 10:31 AM ET, Tue October 11, 2016",
                "Last modified on Wed 4 Mar 2020 12.01 GMT",
                "Aktualisiert am 6. Mai 2014",
                "Mis à jour le 12 mars 2020",
                "Updated: 10:31 AM ET, Tue October 11, 2016 |",
            ],
        );
    }

    #[test]
    fn timestamps() {
        assert_fires(
            "metadata.timestamp",
            &[
                "23 September 2017, 05:13 AM",
                "Oct. 11, 2016",
                "2017-09-23",
                "Saturday, September 23, 2017 03:18 AM",
                "10:31 pm, Nov 19, 2019",
                "10:31 pm, Nov 19, 2019, 11:02 pm",
            ],
        );
    }

    #[test]
    fn contributors() {
        assert_fires(
            "metadata.contributors",
            &[
                "CNN’s Mick Krever reported from Moscow. CNN’s Jo Shelley contributed to this report.",
                "Associated Press writers Alan Fram and Zeke Miller contributed reporting.",
                "Reporting by Jane Doe; Editing by John Smith",
            ],
        );
    }

    #[test]
    fn byline() {
        assert_fires(
            "metadata.byline",
            &[
                "By Laura Smith-Spark, CNN",
                "By Mick Krever and Laura Smith-Spark",
                "Posted by Alex Durán, AMP Project Marketing, Google",
            ],
        );
    }

    #[test]
    fn values_go_to_metadata() {
        let a = clean(
            "Headline of a story\n\nBy Jane Doe\n\nFirst Published: Saturday, September 23, 2017\n\nBody text of the story goes here.",
        );
        assert_eq!(a.metadata.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(
            a.metadata.published.as_deref(),
            Some("Saturday, September 23, 2017")
        );
        assert_eq!(a.body, "Body text of the story goes here.");
        // Marks after the date are not part of it.
        let a = clean(
            "Headline of a story\n\nFirst Published: Saturday, September 23, 2017 03:18 AM ?\n\nBody text of the story goes here.",
        );
        assert_eq!(
            a.metadata.published.as_deref(),
            Some("Saturday, September 23, 2017 03:18 AM")
        );
    }

    #[test]
    fn article_sentences_with_dates_survive() {
        assert_keeps(&[
            "Published in 1999, the book sold more than a million copies in its first year alone.",
            "On 23 September 2017, Lavrov told reporters the evidence had never been shown.",
            "Updated rules take effect on 1 January 2018, the ministry said.",
            "By then, the minister had already left the building.",
            "Posted on Sunday, the clip had been viewed 2 million times by Monday.",
            "Stand 3 was closed after 2 fans were hurt.",
        ]);
    }
}
