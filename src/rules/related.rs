//! "Related", "Read more", "Also read" links and tag lists.

use super::{
    Action::*, Field, LABEL_WORDS, NOTICE_WORDS, PROMPT_WORDS, Rule, max_words, phrase, when,
    whole_line,
};
use crate::article::Category;

const C: Category = Category::Related;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "related.tags",
            "A tag or topic list (`Tags: Russia, Lavrov`); the tags become `metadata.tags`.",
            concat!(
                r"(?i)^(?:",
                tags_label!(),
                r")\s*:\s*(?P<value>[^.!?\n]*[^.!?\s])\s*$"
            ),
            Metadata(Field::Tags),
        ),
        NOTICE_WORDS,
    ),
    phrase(
        C,
        "related.heading",
        "A heading over a list of teaser links: `Related Stories`, `More from …`, `You may also like`, `Most read`.",
        concat!(r"(?i)^(?:", teaser_heading!(), r")\s*[:.…!]*$"),
        ClosesArticle,
    ),
    phrase(
        C,
        "related.label",
        "A link label inside an article: `Related:`, `Related Tags:`, `Read more`, `Continue reading`, `See also`.",
        concat!(
            r"(?i)^(?:related (?:tags|links|items)|",
            read_also!(),
            "|",
            tags_label!(),
            r")\s*[:.…»›>]*$"
        ),
        DropBlock,
    ),
    max_words(
        phrase(
            C,
            "related.more_line",
            "A lead-in to more teasers that names its source: `Lesen Sie auch die folgenden Beiträge:`, `Weitere Beiträge aus der Kolumne:`, `More stories from Business`.",
            r"(?i)^(?:lesen sie (?:auch |hier )?(?:die folgenden|weitere|einen weiteren)(?: \S+)? (?:beiträge|artikel|beitrag|texte)|weitere (?:aktuelle )?(?:artikel|beiträge|themen|nachrichten|news) (?:aus|zu|zum|von|der|des)(?: \S+){1,3}|more (?:stories|articles|posts|news) (?:from|about|on|in)(?: \S+){1,3})\s*[:.…!]*$",
            DropBlock,
        ),
        LABEL_WORDS,
    ),
    when(
        max_words(
            phrase(
                C,
                "related.read_more_line",
                "A line that is one teaser link: `READ MORE: US accuses Russia of …`, `Also read: …`.",
                concat!(
                    r"(?i)^(?:",
                    read_also!(),
                    r"|more|watch|listen|click here)\s*:\s*(?-i:\p{Lu}|[0-9]|[\x22“‘«])"
                ),
                DropBlock,
            ),
            PROMPT_WORDS,
        ),
        whole_line,
    ),
    phrase(
        C,
        "related.read_more_inline",
        "An inline `READ MORE : headline ,` teaser inside a run-on line; the sentence around it stays.",
        r"(?-u:\b)(?:READ MORE|Read more|Read More|ALSO READ|Also read|Also Read|SEE ALSO|See also|RELATED|Related)\s*:\s*\p{Lu}[^.!?,\n]{0,200}?(?:\s?,|$)",
        DropSpan,
    ),
];

#[cfg(test)]
mod tests {
    use crate::clean;
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn headings_and_lines() {
        assert_fires(
            "related.label",
            &[
                "Related Tags:",
                "Related:",
                "Continue reading...",
                "Read more",
                "weiterlesen",
                "Zum Weiterlesen",
                "À lire aussi",
                "Zobacz także",
            ],
        );
        assert_fires(
            "related.heading",
            &[
                "Related Stories",
                "You may also like",
                "Most Read",
                "Explore further",
                "Das könnte Dich auch interessieren:",
                "Weitere aktuelle Themen",
                "Aktuellste Beiträge",
                "Das könnte Sie auch interessieren!",
                "TEMAS RELACIONADOS",
                "Otras noticias",
            ],
        );
        assert_fires(
            "related.read_more_line",
            &[
                "READ MORE: US accuses Russia of trying to interfere",
                "Also read: Putin meets Trump in Helsinki",
            ],
        );
        assert_fires("related.tags", &["Tags: Russia, Lavrov, election"]);
    }

    #[test]
    fn inline_read_more_keeps_the_rest_of_the_sentence() {
        let sentence = "\" READ MORE : US accuses Russia of trying to interfere with 2016 election , Last Friday ’s announcement was the first time . ";
        let text = format!(
            "{}{}",
            sentence,
            "Filler sentence of a run-on dump. ".repeat(60)
        );
        let a = clean(&text);
        assert!(
            a.body
                .starts_with("\" Last Friday ’s announcement was the first time ."),
            "{}",
            &a.body[..80]
        );
        assert_eq!(a.removed.len(), 1);
        assert_eq!(a.removed[0].rule, "related.read_more_inline");
        assert_eq!(
            a.removed[0].text,
            "READ MORE : US accuses Russia of trying to interfere with 2016 election ,"
        );
    }

    #[test]
    fn tags_become_metadata() {
        let a = clean(
            "Headline of a story\n\nBody text of the story goes here.\n\nTags: Russia, Lavrov",
        );
        assert_eq!(a.metadata.tags, ["Russia", "Lavrov"]);
    }

    #[test]
    fn more_lines() {
        assert_fires(
            "related.more_line",
            &[
                "Lesen Sie auch die folgenden Beiträge:",
                "Lesen Sie hier einen weiteren spannenden Beitrag …",
                "Weitere Beiträge aus der Kolumne:",
                "Weitere aktuelle Themen aus der Arbeitswelt",
                "More stories from Business",
            ],
        );
    }

    #[test]
    fn article_sentences_survive() {
        assert_keeps(&[
            "Weitere Artikel zu dem Thema hat die Zeitung bereits angekündigt, sagte der Verleger am Montag.",
            "More stories about the war came out after the ceasefire.",
            "Related to this, the ministry said more talks were planned for the spring.",
            "Readers who want more can watch the full interview on the network's website tonight.",
            "He told them to read more about the history of the region before the trip.",
            "More from the interview will air on Sunday.",
            "Explore further into the cave before the water rises.",
            "Weitere Themen der Sitzung waren der Haushalt und die Schulen.",
            "Zum Weiterlesen empfiehlt die Autorin ein Buch, das im Mai erschien.",
            "Otras noticias de la semana confirmaron el acuerdo entre los partidos.",
            "Read more: the deal collapsed, and the talks ended on Friday without a date for new ones.",
            "Topics: the council approved the plan on Tuesday, and the mayor said work starts in spring.",
        ]);
    }
}
