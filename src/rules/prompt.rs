//! Login, sign-up, subscribe, newsletter and paywall prompts.

use super::{Action::*, PROMPT_WORDS, Rule, max_words, phrase};
use crate::article::Category;

const C: Category = Category::Prompt;

pub(crate) static RULES: &[Rule] = &[
    phrase(
        C,
        "prompt.login_icon",
        "WordPress's `Fill in your details below or click an icon to log in` prompt.",
        r"(?i)^fill in your details below or click an icon to log in(?-u:\b)",
        DropBlock,
    ),
    phrase(
        C,
        "prompt.account_link",
        "A lone account link: `Sign in`, `Log in`, `Register`, `Subscribe`, `My account`, `Anmelden`, `Mon compte`.",
        r"(?i)^(?:sign ?in|log ?in|sign ?up|register|subscribe(?: now| today| here)?|create (?:a free |an |your )?account|my account|log ?out|sign ?out|forgot (?:your )?password\??|(?:sign|log) ?in (?:/|\||or) (?:register|sign ?up|subscribe)|(?:jetzt )?(?:anmelden|einloggen|registrieren|abmelden|ausloggen)|passwort vergessen\??|mein konto|konto erstellen|se connecter|connexion|s'inscrire|mon compte|déconnexion|iniciar sesión|regístrate|registrarse|mi cuenta|cerrar sesión|accedi|registrati|il mio account|minha conta|inloggen|registreren|mijn account|uitloggen|zaloguj(?: się)?|zarejestruj(?: się)?|moje konto|wyloguj(?: się)?)\W*$",
        DropBlock,
    ),
    max_words(
        phrase(
            C,
            "prompt.login_to_continue",
            "`Sign in to comment`, `Log in or register to continue`, `Already a subscriber?`.",
            r"(?i)^(?:please )?(?:sign ?in|log ?in|register)(?: or (?:sign ?up|register|subscribe))? to (?:comment|reply|post|continue|read|view)(?-u:\b)|^already (?:a subscriber|have an account|registered)(?-u:\b)|^bitte (?:loggen sie sich|melden sie sich|logge dich|melde dich) (?:vor dem kommentieren |zum kommentieren )?(?:ein|an)(?-u:\b)",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.newsletter",
            "A newsletter or e-mail sign-up (`Sign up for our daily newsletter`, `Enter your email`).",
            concat!(
                r"(?i)^(?:(?:then|please|just|so|and|dann|bitte|alors|luego) )?(?:",
                newsletter_signup!(),
                r")|^(?:sign up|subscribe)(?: now| today)? (?:to|for) (?:our|free|the(?-u:\b).{0,60}(?-u:\b)(?:channel|newsletter|podcast|feed|edition|magazine))(?-u:\b)|^(?:get|receive) (?:our|the)(?-u:\b).{0,120}?(?-u:\b)newsletter(?-u:\b)|^(?:enter )?your e-?mail(?: address)?\W*$"
            ),
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.paywall",
            "A paywall notice (`To continue reading, subscribe`, `This article is for subscribers`).",
            r"(?i)^(?:to continue reading|subscribe to (?:continue|keep) reading|this (?:article|content|story) is (?:only )?(?:available |reserved )?(?:to|for) (?:our )?subscribers|you have reached your (?:free )?(?:article )?limit)",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
];

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_keeps};

    #[test]
    fn fires() {
        assert_fires(
            "prompt.login_icon",
            &["Fill in your details below or click an icon to log in: Logo"],
        );
        assert_fires(
            "prompt.account_link",
            &[
                "Sign in",
                "Subscribe",
                "Log In",
                "Jetzt registrieren",
                "Mon compte",
                "Zaloguj się",
                "Create a free account",
                "Sign in / Register",
            ],
        );
        assert_fires(
            "prompt.login_to_continue",
            &[
                "Sign in to comment",
                "Please log in to continue reading.",
                "Already a subscriber? Log in",
                "Bitte loggen Sie sich vor dem Kommentieren ein Login",
            ],
        );
        assert_fires(
            "prompt.newsletter",
            &[
                "Sign up for our daily newsletter",
                "Subscribe to the Morning Briefing newsletter for free.",
                "Get our weekly newsletter",
                "Subscribe now to our eNATION edition for the full story.",
                "Subscribe to the 9to5Toys YouTube Channel for all of the latest videos, reviews, and more!",
                "Then sign up for our email newsletter to get the latest updates.",
                "Get the latest updates and tutorials straight to your inbox with the AMP newsletter.",
                "Enter your email address",
            ],
        );
        assert_fires(
            "prompt.paywall",
            &[
                "To continue reading, subscribe now.",
                "This article is for subscribers only.",
            ],
        );
    }

    #[test]
    fn article_sentences_survive() {
        assert_keeps(&[
            "He refused to sign in the presence of reporters, aides said.",
            "Subscribers to the service complained about the outage for days.",
            "Voters must register to vote by Friday, the commission said in a statement to the press.",
            "The company said millions of users had to log in again after the breach was found last week.",
            "More than 2 million people subscribe to the Morning Brew newsletter, the company said.",
            "Sign up for the marathon closes on Friday.",
            "Wer sich jetzt anmelden will, muss schnell sein.",
        ]);
    }
}
