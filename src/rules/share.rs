//! Share bars and lone social-network lines.

use super::{Action::*, LABEL_WORDS, NOTICE_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Share;

/// Social networks and share targets whose names appear as share buttons.
macro_rules! network {
    () => {
        r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|tumblr|telegram|e-?mail|print|drucken|imprimer|imprimir|stampa|afdrukken|drukuj|messenger|google\+|flipboard|pocket|copy link|instagram|youtube|rss|sms|mail|tweet|vk|xing|threads|bluesky|mastodon)"
    };
}

/// "Social media" as a place to follow a site, in the supported languages.
macro_rules! social_media {
    () => {
        r"(?:social (?:media|networks?)|(?:den )?sozialen (?:medien|netzwerken)|les réseaux sociaux|réseaux sociaux|(?:las )?redes sociales|(?:i )?social(?: network)?|(?:as )?redes sociais|sociale media|mediach społecznościowych)"
    };
}

pub(crate) static RULES: &[Rule] = &[
    phrase(
        C,
        "share.label",
        "A share-bar label: `Share this:`, `Share`, `Share this article`.",
        concat!(
            r"(?i)^(?:",
            share_label!(),
            r"|share all sharing options(?: for:.*)?)\s*:?$"
        ),
        DropBlock,
    ),
    phrase(
        C,
        "share.like_widget",
        "WordPress's like button while it loads: `Like Loading...`, `Gefällt mir Wird geladen …`.",
        r"(?i)^(?:like|gefällt mir|j'aime|me gusta|mi piace|vind ik leuk|lubię to!?)\s+(?:loading|wird geladen|chargement|cargando|caricamento|laden|ładowanie)\s*(?:…|\.\.\.)?$",
        DropBlock,
    ),
    max_words(
        phrase(
            C,
            "share.click_to",
            "A share button's text: `Click to share on Twitter (Opens in new window)`, `Share on Facebook`.",
            concat!(
                r"(?i)^(?:click to (?:share|email|print)(?-u:\b)|share (?:on|via|to) ",
                network!(),
                r"(?-u:\b)|tweet this(?-u:\b)|pin it$|email this(?-u:\b)|print this (?:page|article|story|post)(?-u:\b))"
            ),
            DropBlock,
        ),
        LABEL_WORDS,
    ),
    max_words(
        phrase(
            C,
            "share.follow",
            "A follow prompt: `Follow @BGRDeals on Twitter to keep up with …`, `Follow us on Facebook`, `Folge uns in den sozialen Medien`.",
            concat!(
                r"(?i)(?:^(?:follow (?:us|@\w+|(?-i:\p{Lu})(?-i:[\w.]*)(?: (?-i:\p{Lu})(?-i:[\w.]*)){0,3}) on |(?:",
                follow_us!(),
                r")(?-u:\b).{0,40}(?-u:\b))|(?:^|[.!?]\s+)follow (?:him|her|them|me|us) on )(?:",
                network!(),
                "|",
                social_media!(),
                r")(?-u:\b)"
            ),
            DropBlock,
        ),
        NOTICE_WORDS,
    ),
    phrase(
        C,
        "share.network",
        "A line that is only share-button names: `Facebook`, `Twitter`, `WhatsApp`, `Facebook Twitter Email`.",
        concat!(r"(?i)^(?:", network!(), r"[\s|,/·•]*)+$"),
        DropBlock,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn fires() {
        assert_fires(
            "share.label",
            &["Share this:", "Share", "Share this article", "Teilen mit:"],
        );
        assert_fires(
            "share.like_widget",
            &[
                "Like Loading...",
                "Gefällt mir Wird geladen …",
                "J'aime Chargement…",
            ],
        );
        assert_fires(
            "share.click_to",
            &[
                "Click to share on Twitter (Opens in new window)",
                "Share on Facebook",
                "Click to email this to a friend",
            ],
        );
        assert_fires(
            "share.follow",
            &[
                "Follow @BGRDeals on Twitter to keep up with the latest deals.",
                "Follow us on Facebook",
                "Mike Wall's book about the search for alien life is out now. Follow him on Twitter.",
                "Folge uns auch in den sozialen Medien, wir halten dich auch dort auf dem Laufenden.",
                "Follow us on social media for the latest updates.",
                "Suivez-nous sur les réseaux sociaux !",
                "Síguenos en redes sociales",
            ],
        );
        assert_fires(
            "share.network",
            &[
                "Facebook",
                "WhatsApp",
                "Facebook Twitter Email",
                "Twitter | LinkedIn",
                "Drucken",
                "Facebook Twitter Drucken",
            ],
        );
    }

    #[test]
    fn article_sentences_survive() {
        assert_keeps(&[
            "Facebook said it had removed the accounts on Tuesday.",
            "Share prices fell sharply after the announcement in Moscow.",
            "He posted the video on Twitter and Facebook within minutes of the vote.",
            "Follow the money, the senator said on Twitter after the hearing.",
            "Many teenagers follow the news on social media rather than on television.",
            "Die Polizei bittet, den Aufruf in den sozialen Medien zu teilen.",
            "Like many on Twitter, she posted a photo of the storm.",
            "Critics who follow him on Twitter said the post was deleted.",
            "Join us on X, the mayor wrote on Sunday.",
            "Print this out and keep it with your passport.",
            "Like loading a truck, it takes longer than you think.",
            "Teilen mit anderen ist für Kinder nicht immer leicht.",
        ]);
    }
}
