"""The words the download page prints itself, in the kit's `language`, and languages' own names.

Like words.py for the fact sheet: English, French, Spanish and German, English for any other
language. Words the fact sheet already has (the banner, "Deadline:", "Scan to open:") come from
words.py, so a kit's own `words` change them on the page too.
"""

from __future__ import annotations

from ..words import language_name_in

__all__ = ["PART_LABELS", "autonym", "label", "language_label"]

# The parts this page names itself; any other is named after its file (`sign-up-sheet`).
PART_LABELS = ("pack", "fact-sheet", "background", "handouts", "poster", "envelopes", "labels",
               "tally", "solidarity")

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "downloads": "Download and print",
        "downloads_how": "Each file is a PDF, for A4 or for US Letter paper.",
        "pack": "The whole pack",
        "pack_about": "Everything for writing letters in one file, in printing order.",
        "fact-sheet": "Fact sheet",
        "background": "Background",
        # The event materials' parts, by file name (layout/event_parts.py)
        "handouts": "Handouts",
        "poster": "Poster",
        "envelopes": "Envelopes",
        "labels": "Address labels",
        "tally": "Tally sheet",
        "solidarity": "Solidarity cards",
        "letters": "Model letters",
        "letters_how": "Print one, sign it and post it, or write in your own words.",
        "letters_how_email": "Send one by email, or write in your own words.",
        "materials": "Event materials",
        "letter_in": "Letter in {language}",
        "a4": "A4",
        "us_letter": "US Letter",
        "pdf": "PDF, {size}",
        "page_alt": "{part}, page {n} of {total}",
        "act_online": "Act online",
        "qr_alt": "QR code that opens {url}",
        "status": "Status:",
        "open": "open",
        "update": "open, with new information",
        "closed": "closed",
        "published_by": "Published by {name}.",
    },
    "fr": {
        "downloads": "Télécharger et imprimer",
        "downloads_how": "Chaque fichier est un PDF, au format A4 ou US Letter.",
        "pack": "Le dossier complet",
        "pack_about": "Tout pour écrire les lettres en un seul fichier, dans l'ordre d'impression.",
        "fact-sheet": "Fiche d'information",
        "background": "Contexte",
        "handouts": "Tracts",
        "poster": "Affiche",
        "envelopes": "Enveloppes",
        "labels": "Étiquettes d'adresse",
        "tally": "Feuille de comptage",
        "solidarity": "Cartes de solidarité",
        "letters": "Lettres types",
        "letters_how": "Imprimez-en une, signez-la et postez-la, ou écrivez avec vos propres mots.",
        "letters_how_email": "Envoyez-en une par e-mail, ou écrivez avec vos propres mots.",
        "materials": "Documents pour l'événement",
        "letter_in": "Lettre en {language}",
        "a4": "A4",
        "us_letter": "US Letter",
        "pdf": "PDF, {size}",
        "page_alt": "{part}, page {n} sur {total}",
        "act_online": "Agir en ligne",
        "qr_alt": "Code QR qui ouvre {url}",
        "status": "Statut\u00a0:",
        "open": "en cours",
        "update": "en cours, avec des informations nouvelles",
        "closed": "close",
        "published_by": "Publié par {name}.",
    },
    "es": {
        "downloads": "Descargar e imprimir",
        "downloads_how": "Cada archivo es un PDF, para papel A4 o US Letter.",
        "pack": "El dosier completo",
        "pack_about": "Todo para escribir las cartas en un solo archivo, en orden de impresión.",
        "fact-sheet": "Hoja informativa",
        "background": "Contexto",
        "handouts": "Folletos",
        "poster": "Cartel",
        "envelopes": "Sobres",
        "labels": "Etiquetas de dirección",
        "tally": "Hoja de recuento",
        "solidarity": "Tarjetas de solidaridad",
        "letters": "Cartas modelo",
        "letters_how": "Imprime una, fírmala y envíala, o escribe con tus propias palabras.",
        "letters_how_email": "Envía una por correo electrónico, o escribe con tus propias palabras.",
        "materials": "Materiales para el evento",
        "letter_in": "Carta en {language}",
        "a4": "A4",
        "us_letter": "US Letter",
        "pdf": "PDF, {size}",
        "page_alt": "{part}, página {n} de {total}",
        "act_online": "Actúa en línea",
        "qr_alt": "Código QR que abre {url}",
        "status": "Estado:",
        "open": "abierta",
        "update": "abierta, con información nueva",
        "closed": "cerrada",
        "published_by": "Publicado por {name}.",
    },
    "de": {
        "downloads": "Herunterladen und drucken",
        "downloads_how": "Jede Datei ist ein PDF, für A4- oder US-Letter-Papier.",
        "pack": "Die ganze Mappe",
        "pack_about": "Alles zum Briefeschreiben in einer Datei, in der Reihenfolge zum Drucken.",
        "fact-sheet": "Informationsblatt",
        "background": "Hintergrund",
        "handouts": "Handzettel",
        "poster": "Plakat",
        "envelopes": "Umschläge",
        "labels": "Adressetiketten",
        "tally": "Strichliste",
        "solidarity": "Solidaritätskarten",
        "letters": "Musterbriefe",
        "letters_how": "Drucken Sie einen aus, unterschreiben Sie ihn und schicken Sie ihn ab, "
                       "oder schreiben Sie mit eigenen Worten.",
        "letters_how_email": "Schicken Sie einen per E-Mail, oder schreiben Sie mit eigenen Worten.",
        "materials": "Material für die Veranstaltung",
        "letter_in": "Brief auf {language}",
        "a4": "A4",
        "us_letter": "US Letter",
        "pdf": "PDF, {size}",
        "page_alt": "{part}, Seite {n} von {total}",
        "act_online": "Online aktiv werden",
        "qr_alt": "QR-Code, der {url} öffnet",
        "status": "Status:",
        "open": "offen",
        "update": "offen, mit neuen Informationen",
        "closed": "abgeschlossen",
        "published_by": "Herausgegeben von {name}.",
    },
}

# Each language's name for itself, so a reader finds their letter whatever the page's language.
_AUTONYMS = {
    "en": "English", "ur": "اردو", "ar": "العربية", "fa": "فارسی", "hi": "हिन्दी",
    "fr": "Français", "es": "Español", "de": "Deutsch", "pt": "Português", "it": "Italiano",
    "nl": "Nederlands", "ru": "Русский", "zh": "中文", "bn": "বাংলা", "ps": "پښتو",
    "tr": "Türkçe", "sw": "Kiswahili", "id": "Bahasa Indonesia",
}


def label(tag: str, key: str, **values: object) -> str:
    """The page's word `key` in the language `tag` (English if we have none), placeholders filled."""
    text = _LABELS.get(tag.split("-")[0], _LABELS["en"])[key]
    return text.format(**values) if values else text


def autonym(language: str) -> str | None:
    """The language's own name for itself (`اردو` for `ur`), or None if appealkit has none."""
    return _AUTONYMS.get(language.split("-")[0])


def language_label(language: str, page_tag: str) -> tuple[str | None, str]:
    """(own name, name in the page's language): `("اردو", "Urdu")` on an English page.

    The own name is None when it is unknown or the same as the page's name (`English`)."""
    name = language_name_in(language, page_tag)
    name = name[:1].upper() + name[1:]
    own = autonym(language)
    return (own if own and own.casefold() != name.casefold() else None), name
