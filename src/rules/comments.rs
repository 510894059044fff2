//! Comment widgets (WordPress, Disqus, Facebook, Blogger) and comment policies.
//!
//! Headings that open a comment section drop everything after them
//! ([`crate::Action::DropToEnd`]); the widget's other lines are dropped one by one, so
//! they go even where the section has no heading.

use super::{Action::*, LABEL_WORDS, PROMPT_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Comments;

pub(crate) static RULES: &[Rule] = &[
    max_words(
        phrase(
            C,
            "comments.prompt",
            "A call to comment or to keep to the comment rules (`Kommentieren Sie hier`, `Bitte halten Sie sich an unsere Netiquette.`).",
            r"(?i)^(?:kommentieren sie hier|hier kommentieren|comment here|commentez ici|comenta aquí|commenta qui|comente aqui|reageer hier|skomentuj tutaj)\W*$|(?:halten sie sich|haltet euch|halte dich) an (?:unsere|die) (?:netiquette|kommentarregeln|diskussionsregeln)|please (?:follow|respect|observe|read) our (?:community|comment(?:ing)?|discussion) (?:guidelines|rules|policy)(?-u:\b)",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    phrase(
        C,
        "comments.wordpress.leave_reply",
        "A `Leave a Reply` / `Leave a Comment` heading opens the comment section.",
        concat!(r"(?i)^(?:", leave_comment!(), r")(?-u:\b).{0,40}$"),
        DropToEnd,
    ),
    phrase(
        C,
        "comments.policy",
        "A commenting policy (`… provides commenting to allow for constructive discussion …`) opens the comment section.",
        r"(?i)provides commenting to allow for constructive discussion|(?-u:\b)in order to comment(?: here)?, you (?:acknowledge|agree|must)(?-u:\b)|(?-u:\b)commenters who violate(?-u:\b)|(?-u:\b)by (?:posting|submitting) (?:a|your) comment,? you agree(?-u:\b)|(?-u:\b)please read our comment(?:s|ing)? (?:policy|guidelines) before(?-u:\b)",
        DropToEnd,
    ),
    max_words(
        phrase(
            C,
            "comments.heading",
            "A comment-section heading (`12 Comments`, `Post a comment`, `Join the conversation`) opens the comment section.",
            concat!(
                r"(?i)^(?:(?:[0-9]+|no|one|keine|aucun|sin|nessun|sem|geen|brak)\s+(?:",
                comments_word!(),
                r")(?:\s+(?:on|to|zu|auf|sur|à|a|em|en|op|do|su)\s+[“\x22„«‘'].*)?|[0-9]+\s+thoughts? on\s+.*|(?:",
                comments_heading!(),
                r")\s*(?:\([0-9]+\))?|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|what do you think\?)\s*:?$"
            ),
            DropToEnd,
        ),
        LABEL_WORDS,
    ),
    phrase(
        C,
        "comments.wordpress.commenting_as",
        "WordPress's `You are commenting using your … account` login line.",
        r"(?i)^you are commenting using your(?-u:\b).{0,60}(?-u:\b)account(?-u:\b)",
        DropBlock,
    ),
    phrase(
        C,
        "comments.wordpress.log_out_change",
        "WordPress's `Log Out / Change` link pair.",
        r"(?i)^\(?\s*log\s*out\s*/\s*change\s*\)?$",
        DropBlock,
    ),
    phrase(
        C,
        "comments.wordpress.connecting",
        "WordPress's unfilled `Connecting to %s` status line.",
        r"(?i)^connecting to %s$",
        DropBlock,
    ),
    phrase(
        C,
        "comments.wordpress.avatar",
        "A comment-login avatar's alt text (`Twitter picture`, `Facebook photo`, `Google+ photo`).",
        r"(?i)^(?:twitter|facebook|google\+?|wordpress\.com|gravatar) (?:picture|photo|image|avatar)$",
        DropBlock,
    ),
    max_words(
        phrase(
            C,
            "comments.notify_me",
            "A `Notify me of new comments/posts via email` checkbox.",
            r"(?i)^notify me of (?:new|follow-?up) (?:comments|posts|replies)(?-u:\b)",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "comments.form",
            "A comment form's field labels and notes (`Your email address will not be published`, `Post Comment`).",
            r"(?i)^(?:your email address will not be published(?-u:\b).*|required fields are marked(?-u:\b).*|save my name, email, and website(?-u:\b).*|(?:comment|name|e-?mail|website)\s*\*|post comment|submit comment|cancel reply)$",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "comments.disqus",
            "Disqus and Facebook comment-plugin lines (`comments powered by Disqus`, `Comments are closed`).",
            r"(?i)comments powered by disqus|please enable javascript to view the comments|^facebook comments plugin$|^comments are closed\.?$|^(?:view|show|load|hide) (?:all )?(?:[0-9]+ )?comments$",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn leave_reply() {
        assert_fires(
            "comments.wordpress.leave_reply",
            &[
                "Leave a Reply",
                "Leave a Reply Cancel reply",
                "Leave a comment",
                "Schreibe einen Kommentar",
                "Laisser un commentaire",
                "Deja una respuesta",
                "Zostaw komentarz",
            ],
        );
    }

    #[test]
    fn policy() {
        assert_fires(
            "comments.policy",
            &[
                "WTNH NEWS8 provides commenting to allow for constructive discussion on the stories we cover.",
                "Commenters who violate these terms will be banned.",
            ],
        );
    }

    #[test]
    fn heading() {
        assert_fires(
            "comments.heading",
            &[
                "12 Comments",
                "Comments (3)",
                "Post a Comment",
                "2 thoughts on “Lavrov”",
                "Join the conversation",
                "142 Antworten zu „Begeisterung ist ansteckend“",
            ],
        );
        assert_keeps(&[
            "No response to the letter was ever received from the ministry.",
            "One response to the attack was a curfew.",
            "3 replies to the survey were negative.",
            "Responses",
        ]);
    }

    #[test]
    fn widget_lines() {
        assert_fires(
            "comments.wordpress.commenting_as",
            &["You are commenting using your Twitter account. Log Out / Change )"],
        );
        assert_fires("comments.wordpress.log_out_change", &["Log Out / Change )"]);
        assert_fires("comments.wordpress.connecting", &["Connecting to %s"]);
        assert_fires(
            "comments.wordpress.avatar",
            &["Google+ photo", "Twitter picture"],
        );
        assert_fires(
            "comments.notify_me",
            &[
                "Notify me of new comments via email.",
                "Notify me of new posts via email.",
            ],
        );
        assert_fires(
            "comments.form",
            &[
                "Your email address will not be published. Required fields are marked *",
                "Post Comment",
            ],
        );
        assert_fires(
            "comments.disqus",
            &[
                "Please enable JavaScript to view the comments powered by Disqus.",
                "Comments are closed.",
            ],
        );
    }

    #[test]
    fn comment_prompts() {
        assert_fires(
            "comments.prompt",
            &[
                "Kommentieren Sie hier",
                "Bitte registrieren Sie sich und halten Sie sich an unsere Netiquette.",
                "Please follow our community guidelines when posting.",
            ],
        );
    }

    #[test]
    fn article_sentences_about_comments_survive() {
        assert_keeps(&[
            "Users must follow the platform's community guidelines, the regulator said.",
            "Kommentieren Sie hier nicht, sagte der Sprecher, und verwies auf die Pressestelle.",
            "The minister declined to leave a comment on the report, his office said.",
            "Comments by the senator drew a sharp reply from the White House on Tuesday.",
            "Facebook changed its comment policy after the election, the company said.",
            "He said he was commenting using his own account, not the ministry's.",
            "She had 12 comments on the draft, all of them about the budget.",
        ]);
    }
}
