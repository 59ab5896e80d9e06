"""The words the fact sheet and background page print themselves, in the kit's `language`.

Headings, the steps of "Take action", the banner: everything on those pages that does not come
from the kit's own texts. appealkit has them in English, French, Spanish and German; a kit in
another language gets English ones, unless its `words` gives its own, key by key. Placeholders
in braces are filled in: `{title}` and `{name}` of a target, `{languages}` of the letters,
`{deadline}`, `{handle}`, `{country}` of an embassy copy.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

__all__ = ["LANGUAGE_NAMES", "SHEET_LANGUAGES", "WORD_KEYS", "language_name_in", "placeholders", "word"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "banner": "URGENT ACTION",
        "banner_update": "URGENT ACTION UPDATE",
        "banner_closed": "URGENT ACTION · CLOSED",
        "background": "URGENT ACTION · BACKGROUND",
        "what_happened": "What happened",
        "key_figures": "Key figures",
        "timeline": "Timeline",
        "take_action": "TAKE ACTION",
        "deadline": "Deadline:",
        "write": "Write a letter",
        "write_how": "to the {title} in {languages}: use the model letters in this pack or "
                     "your own words. Sign it and post it.",
        "write_how_email": "to the {title} in {languages}: use the model letters in this pack "
                           "or your own words, and send it by email.",
        "or": "or",
        "email": "Email",
        "fax": "Fax",
        "call": "Call",
        "post": "Post on X",
        "post_how": "to {handle}",
        "copy": "Send a copy",
        "copy_how": "to {title}, {name}",
        "copy_embassy_how": "to the diplomatic representative of {country} accredited to your "
                            "country: look up the embassy's address.",
        "act_before": "Act before {deadline}.",
        "write_to": "WRITE TO",
        "salutation": "SALUTATION",
        "scan": "Scan to open:",
        "online": "Online action:",
    },
    "fr": {
        "banner": "ACTION URGENTE",
        "banner_update": "ACTION URGENTE · MISE À JOUR",
        "banner_closed": "ACTION URGENTE · CLOSE",
        "background": "ACTION URGENTE · CONTEXTE",
        "what_happened": "Ce qui s'est passé",
        "key_figures": "Chiffres clés",
        "timeline": "Chronologie",
        "take_action": "AGISSEZ",
        "deadline": "Date limite\u00a0:",
        "write": "Écrivez une lettre",
        "write_how": "à\u00a0: {title}, en {languages}. Utilisez les lettres types de ce dossier "
                     "ou vos propres mots, puis signez et postez votre lettre.",
        "write_how_email": "à\u00a0: {title}, en {languages}. Utilisez les lettres types de ce "
                           "dossier ou vos propres mots, puis envoyez-la par e-mail.",
        "or": "ou en",  # en anglais ou en ourdou
        "email": "E-mail\u00a0:",
        "fax": "Fax\u00a0:",
        "call": "Appelez le",
        "post": "Publiez sur X",
        "post_how": "en mentionnant {handle}",
        "copy": "Envoyez une copie",
        "copy_how": "à\u00a0: {title}, {name}",
        "copy_embassy_how": "à la représentation diplomatique de l'État concerné ({country}) "
                            "dans votre pays\u00a0: cherchez l'adresse de l'ambassade.",
        "act_before": "Agissez avant le {deadline}.",
        "write_to": "ÉCRIRE À",
        "salutation": "FORMULE D'APPEL",
        "scan": "Scannez pour ouvrir\u00a0:",
        "online": "Action en ligne\u00a0:",
    },
    "es": {
        "banner": "ACCIÓN URGENTE",
        "banner_update": "ACCIÓN URGENTE · ACTUALIZACIÓN",
        "banner_closed": "ACCIÓN URGENTE · CERRADA",
        "background": "ACCIÓN URGENTE · CONTEXTO",
        "what_happened": "Qué ha pasado",
        "key_figures": "Datos clave",
        "timeline": "Cronología",
        "take_action": "ACTÚA",
        "deadline": "Fecha límite:",
        "write": "Escribe una carta",
        "write_how": "a: {title}, en {languages}. Usa las cartas modelo de este dosier o "
                     "tus propias palabras, fírmala y envíala por correo postal.",
        "write_how_email": "a: {title}, en {languages}. Usa las cartas modelo de este dosier o "
                           "tus propias palabras y envíala por correo electrónico.",
        "or": "o",
        "email": "Correo electrónico:",
        "fax": "Fax:",
        "call": "Llama al",
        "post": "Publica en X",
        "post_how": "mencionando a {handle}",
        "copy": "Envía una copia",
        "copy_how": "a: {title}, {name}",
        "copy_embassy_how": "a la representación diplomática de {country} acreditada en tu "
                            "país: busca la dirección de la embajada.",
        "act_before": "Actúa antes del {deadline}.",
        "write_to": "ESCRIBE A",
        "salutation": "SALUDO",
        "scan": "Escanea para abrir:",
        "online": "Acción en línea:",
    },
    "de": {
        "banner": "EILAKTION",
        "banner_update": "EILAKTION · NEUIGKEITEN",
        "banner_closed": "EILAKTION · ABGESCHLOSSEN",
        "background": "EILAKTION · HINTERGRUND",
        "what_happened": "Was geschehen ist",
        "key_figures": "Zahlen und Fakten",
        "timeline": "Chronologie",
        "take_action": "WERDEN SIE AKTIV",
        "deadline": "Frist:",
        "write": "Schreiben Sie einen Brief",
        "write_how": "an: {title}, auf {languages}. Nutzen Sie die Musterbriefe in dieser "
                     "Mappe oder eigene Worte, unterschreiben Sie und schicken Sie ihn per Post.",
        "write_how_email": "an: {title}, auf {languages}. Nutzen Sie die Musterbriefe in "
                           "dieser Mappe oder eigene Worte und schicken Sie ihn per E-Mail.",
        "or": "oder",
        "email": "E-Mail:",
        "fax": "Fax:",
        "call": "Anrufen:",
        "post": "Auf X posten",
        "post_how": "an {handle}",
        "copy": "Kopie senden",
        "copy_how": "an: {title}, {name}",
        "copy_embassy_how": "an die in Ihrem Land akkreditierte diplomatische Vertretung von "
                            "{country}: suchen Sie die Anschrift der Botschaft heraus.",
        "act_before": "Handeln Sie vor dem {deadline}.",
        "write_to": "SCHREIBEN AN",
        "salutation": "ANREDE",
        "scan": "Scannen zum Öffnen:",
        "online": "Online-Aktion:",
    },
}

SHEET_LANGUAGES = tuple(_WORDS)
WORD_KEYS = tuple(_WORDS["en"])

# The languages appealkit knows by name, in English (the tag itself names any other).
LANGUAGE_NAMES = {
    "en": "English", "ur": "Urdu", "ar": "Arabic", "fa": "Persian", "hi": "Hindi",
    "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "zh": "Chinese", "bn": "Bengali", "ps": "Pashto",
    "tr": "Turkish", "sw": "Swahili", "id": "Indonesian",
}

# Names of the letters' languages, as the sheet's language writes them (English: LANGUAGE_NAMES)
_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "en": "anglais", "ur": "ourdou", "ar": "arabe", "fa": "persan", "hi": "hindi",
        "fr": "français", "es": "espagnol", "de": "allemand", "pt": "portugais",
        "it": "italien", "nl": "néerlandais", "ru": "russe", "zh": "chinois", "bn": "bengali",
        "ps": "pachto", "tr": "turc", "sw": "swahili", "id": "indonésien",
    },
    "es": {
        "en": "inglés", "ur": "urdu", "ar": "árabe", "fa": "persa", "hi": "hindi",
        "fr": "francés", "es": "español", "de": "alemán", "pt": "portugués", "it": "italiano",
        "nl": "neerlandés", "ru": "ruso", "zh": "chino", "bn": "bengalí", "ps": "pastún",
        "tr": "turco", "sw": "suajili", "id": "indonesio",
    },
    "de": {
        "en": "Englisch", "ur": "Urdu", "ar": "Arabisch", "fa": "Persisch", "hi": "Hindi",
        "fr": "Französisch", "es": "Spanisch", "de": "Deutsch", "pt": "Portugiesisch",
        "it": "Italienisch", "nl": "Niederländisch", "ru": "Russisch", "zh": "Chinesisch",
        "bn": "Bengalisch", "ps": "Paschtu", "tr": "Türkisch", "sw": "Swahili",
        "id": "Indonesisch",
    },
}


def word(tag: str, key: str, own: Mapping[str, str] | None = None, **values: str) -> str:
    """A word or phrase of the fact sheet: the kit's `own` wording if it has one, else in the
    language `tag`, else in English; placeholders filled in with `values`."""
    text = ((own or {}).get(key) or _WORDS.get(tag.split("-")[0], _WORDS["en"])[key]).strip()
    return text.format(**values) if values else text


def placeholders(key: str) -> list[str]:
    """The names a word may use in braces (validation checks a kit's own words against them)."""
    return [name for _, name, _, _ in string.Formatter().parse(_WORDS["en"][key]) if name]


def language_name_in(language: str, tag: str) -> str:
    """The name of `language` as the language `tag` writes it: `ourdou` in French."""
    code = language.split("-")[0]
    return _NAMES.get(tag.split("-")[0], {}).get(code) or LANGUAGE_NAMES.get(code, language)
