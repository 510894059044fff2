//! Login, sign-up, subscribe, newsletter and paywall prompts.

use super::{Action::*, LONG_NOTICE_WORDS, PROMPT_WORDS, Rule, max_words, phrase};
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
            "`Sign in to comment`, `Log in or register to continue`, `Already a subscriber?`, `You must be logged in to post a comment.`.",
            concat!(
                r"(?i)^(?:please )?(?:sign ?in|log ?in|register)(?: or (?:sign ?up|register|subscribe))? to (?:comment|reply|post|continue|read|view)(?-u:\b)|^already (?:a subscriber|have an account|registered)(?-u:\b)|^bitte (?:loggen sie sich|melden sie sich|logge dich|melde dich) (?:vor dem kommentieren |zum kommentieren )?(?:ein|an)(?-u:\b)|",
                must_be_logged_in!()
            ),
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
            "prompt.newsletter_pitch",
            "A newsletter pitch in its own words (`Mit unserem Newsletter halten wir Sie auf dem Laufenden`, `The latest news straight to your inbox!`).",
            concat!(
                r"(?i)",
                newsletter_pitch!(),
                r"|",
                never_miss!(),
                r"|(?-u:\b)(?:news|newsletters?|updates|stories|tips|deals|offers|nachrichten|neuigkeiten|angebote|tipps|infos|actualités|noticias|notizie|notícias|nieuws|wiadomości)(?-u:\b).*(?:",
                inbox_pitch!(),
                r")|^by (?:entering|submitting|providing) your e-?mail(?: address)?,? you (?:agree|consent|accept)(?-u:\b)"
            ),
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.email_signup",
            "An e-mail sign-up box's text (`Enter your email below to receive future announcements …`), which can run to a paragraph.",
            concat!(r"(?i)(?-u:\b)(?:", email_signup!(), r")(?-u:\b)"),
            DropBlock,
        ),
        LONG_NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.form_message",
            "A form's message about a field (`Please enter a valid e-mail address.`, `Der gewählte Anzeigename ist nicht zulässig.`, `Please try again.`).",
            concat!(r"(?i)", form_message!()),
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.support_plea",
            "A plea for support under the article (`If you enjoyed this article, please share it`, `Wenn dir der Artikel gefallen hat, …`, `We rely on your support`).",
            concat!(r"(?i)", support_plea!()),
            DropBlock,
        ),
        LONG_NOTICE_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.paywall",
            "A paywall notice (`To continue reading, subscribe`, `This article is for subscribers`).",
            r"(?i)^(?:to continue reading|subscribe to (?:continue|keep) reading|this (?:article|content|story) is (?:only )?(?:available |reserved )?(?:to|for) (?:our )?subscribers|you have reached your (?:free )?(?:article )?limit|(?:subscribe|suscríbase|suscríbete|abonnez-vous|abonnieren sie|iscriviti|assine) (?:now )?(?:for|para|pour|für|per) (?:unlimited (?:digital )?access|(?:un )?acceso (?:digital )?ilimitado|un accès illimité|unbegrenzten zugriff|accesso illimitato|acesso ilimitado))",
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    max_words(
        phrase(
            C,
            "prompt.enable_javascript",
            "A notice that the page needs JavaScript (`Please enable JavaScript in your browser`, `Bitte aktivieren Sie JavaScript`, `JavaScript is disabled`).",
            concat!(
                r"(?i)(?-u:\b)(?:(?:please |bitte )?(?:enable|turn on|activate|aktivieren sie|aktiviere|activez|activer|habilite|habilita|habilitar|abilita|attiva|ative|ativar|schakel|włącz) (?:the )?javascript(?: (?:in|im|dans|en|nel|no|w) (?:your |ihrem |deinem |votre |tu |su |il |o |uw )?(?:browser|navigateur|navegador|przeglądarce)| to (?:view|use|see|continue|run)|\s*[.!]|\s*$)",
                r"|javascript (?:is|ist|est|está|è|é|staat|jest) (?:currently |derzeit |zurzeit )?(?:disabled|turned off|deaktiviert|ausgeschaltet|désactivé|desactivado|deshabilitado|disattivato|desativado|uitgeschakeld|wyłączony)(?-u:\b)",
                r"|(?:requires|benötigt|erfordert|setzt voraus|nécessite|requiere|richiede|requer|vereist|wymaga)(?-u:\b)[^.]{0,40}(?-u:\b)javascript(?-u:\b))"
            ),
            DropBlock,
        ),
        PROMPT_WORDS,
    ),
    phrase(
        C,
        "prompt.dialog_close",
        "A pop-up's close button as a line of its own (`× Close`, `Schließen [X]`, `Fermer`, `Close window`).",
        r"(?i)^(?:[×✕✖x]\s*)?(?:\[x\]\s*)?(?:close(?: window| dialog| popup| this)?|schließen|fenster schließen|fermer|cerrar|chiudi|fechar|sluiten|zamknij)(?:\s*\[x\]|\s*[×✕✖])?\s*$",
        DropBlock,
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
            "prompt.newsletter_pitch",
            &[
                "Our picks for you. With our newsletter we keep you up to date – not too often, promised!",
                "Mit unserem Newsletter halten wir Sie regelmäßig auf dem Laufenden.",
                "Jetzt für den Newsletter des Vereins anmelden und nichts verpassen.",
                "The latest stories and the best deals, straight to your inbox!",
                "Die wichtigsten News der Woche direkt in dein Postfach!",
                "By entering your email address you agree to receive our daily newsletter.",
                "Avec notre newsletter, vous ne manquerez plus rien.",
                "Du willst nichts mehr verpassen?",
                "Never miss a post. Get updates directly to your inbox",
            ],
        );
        assert_fires(
            "prompt.email_signup",
            &[
                "Missing out on the latest developments? Enter your email below to receive future announcements direct to your inbox.",
                "Geben Sie Ihre E-Mail-Adresse ein, um keine Ausgabe zu verpassen.",
                "Entrez votre adresse e-mail pour recevoir nos actualités.",
            ],
        );
        assert_fires(
            "prompt.form_message",
            &[
                "Please enter a valid email address.",
                "Bitte geben Sie einen Spitznamen ein.",
                "Bitte gib deine E-Mail-Adresse ein.",
                "Diese E-Mail-Adresse ist bereits registriert aber nicht aktiv.",
                "This username is already taken.",
                "Der gewählte Anzeigename ist nicht zulässig.",
                "The chosen display name is not allowed.",
                "Leider hat die Registrierung nicht funktioniert. Bitte überprüfe deine Angaben.",
                "Beim Senden des Formulars ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.",
                "Something went wrong. Please try again later.",
                "Veuillez saisir une adresse e-mail valide.",
                "Vul een geldig e-mailadres in.",
            ],
        );
        assert_fires(
            "prompt.support_plea",
            &[
                "If you enjoyed this article, please share it with your friends.",
                "Wenn Ihnen der Artikel gefallen hat: Unterstützen Sie uns mit einer Spende.",
                "Hallo! Ich bin Autor dieses Blogs. Wenn dir der Artikel gefallen hat, würde ich mich über einen Kaffee freuen.",
                "Si cet article vous a plu, partagez-le !",
                "We rely on your support to keep local news free for everyone",
                "Gefällt dir unser Magazin? Dann unterstütze uns mit einem kleinen Beitrag.",
                "Unterstütze das Magazin bereits mit 2,50!",
                "Do you like our work?",
            ],
        );
        assert_fires(
            "prompt.login_to_continue",
            &[
                "You must be logged in to post a comment.",
                "Um den Beitrag kommentieren zu können, müssen Sie eingeloggt sein.",
            ],
        );
        assert_fires(
            "prompt.paywall",
            &[
                "To continue reading, subscribe now.",
                "This article is for subscribers only.",
                "Suscríbase para acceso digital ilimitado – solo $2 por 2 meses.",
                "Subscribe for unlimited digital access.",
            ],
        );
        assert_fires(
            "prompt.enable_javascript",
            &[
                "Please enable JavaScript in your browser to use this site.",
                "Dieser Shop setzt voraus, dass Sie JavaScript aktiviert haben. Bitte aktivieren Sie JavaScript in Ihrem Browser.",
                "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
                "JavaScript ist deaktiviert.",
                "This website requires JavaScript.",
                "Veuillez activer JavaScript dans votre navigateur.",
            ],
        );
        assert_fires(
            "prompt.dialog_close",
            &[
                "× Schließen",
                "Schließen [X]",
                "Close",
                "× Close",
                "Fermer",
                "Close window",
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
            // Articles about newsletters, forms and logins.
            "The newsletter keeps readers up to date on local politics, the editor said.",
            "Scammers send fake invoices straight to your inbox, the police warned.",
            "Mit unserem Newsletter erreichen wir inzwischen mehr als 20.000 Leserinnen und Leser in der ganzen Region, sagt die Chefredakteurin.",
            "Please enter the building through the side door.",
            "Bitte geben Sie Acht, wenn Sie die Straße überqueren, und achten Sie auf die Kinder.",
            "The password is not the problem, the engineers said.",
            "If it fails, the engineers try again the next morning.",
            "If you liked the first season, the second one will not disappoint, the critic wrote.",
            "Wenn Ihnen der Film gefallen hat, lesen Sie das Buch.",
            "Members said you must be patient with the new software.",
            "Never miss a chance to see the northern lights, the guide told us.",
            "Wir sind auf Ihre Hilfe angewiesen, sagte der Bürgermeister, und unterstützen Sie uns bitte mit Geduld.",
            "Do you like our new mayor? Most readers said no.",
            "If you liked the play, the cast will be back in spring.",
            "Officials said customers must enter their email address to receive refunds.",
            // Articles about browsers and JavaScript; lines that only begin like a button.
            "Developers who enable JavaScript source maps in production expose their code, the researchers warned in a report published on Monday.",
            "The new version of the browser runs JavaScript twice as fast, the company said.",
            "Close to 200 people attended the vigil on Sunday.",
            "Schließen Sie die Augen und hören Sie zu.",
        ]);
    }
}
