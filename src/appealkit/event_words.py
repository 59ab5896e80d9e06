"""The words the event materials print themselves (cards, poster, tally, posting guide).

Kept as words.py keeps the fact sheet's: English, French, Spanish and German built in, the
kit's `event.words` overriding them key by key, placeholders in braces filled in:
`{deadline}`, `{date}`, `{postage}`, `{title}`, `{name}`, `{language}`, `{country}`, `{email}`.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

__all__ = ["EVENT_WORD_KEYS", "event_placeholders", "event_word"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "tonight": "Write a letter tonight",
        "write_to": "Write to the {title}, {name}",
        "deadline": "Deadline: {deadline}",
        "scan": "Scan for the full case and the model letters",
        "guide_title": "How to send your letter",
        "guide_envelope": "Sign your letter and put it in an envelope addressed to:",
        "guide_country": "Write the country in CAPITALS, alone on the last line: {country}.",
        "guide_airmail": "Write “PAR AVION / BY AIR MAIL” at the top left of the envelope.",
        "guide_postage": "Postage: {postage}.",
        "guide_email": "Email the letter to the {title}: {email}.",
        "guide_deadline": "Post it before {deadline}.",
        "guide_deadline_email": "Send it before {deadline}.",
        "guide_copy": "Send a copy to the {title}, {name}.",
        "guide_copy_embassy": "Send a copy to the diplomatic representative of {country} "
                              "accredited to your country: look up the embassy's address.",
        "guide_after": "After the deadline:",
        "guide_after_default": "please check with the organisers before you send more letters.",
        "tally_title": "Sign in and count the letters",
        "tally_name": "Name",
        "tally_email": "Email",
        "tally_contact": "Contact me",
        "tally_letters": "Letters ({language})",
        "tally_letters_to": "{title} ({language})",
        "tally_emails": "Emails",
        "tally_posts": "Posts",
        "tally_total": "Total",
        "report": "Report the counts by {date}:",
        "report_undated": "Report the counts:",
        "solidarity": "Message of solidarity",
        "dos": "Do",
        "donts": "Don't",
    },
    "fr": {
        "tonight": "Écrivez une lettre ce soir",
        "write_to": "Écrivez à\u00a0: {title}, {name}",
        "deadline": "Date limite\u00a0: {deadline}",
        "scan": "Scannez pour le dossier complet et les lettres types",
        "guide_title": "Comment envoyer votre lettre",
        "guide_envelope": "Signez votre lettre et glissez-la dans une enveloppe adressée à\u00a0:",
        "guide_country": "Écrivez le pays en MAJUSCULES, seul sur la dernière ligne\u00a0: {country}.",
        "guide_airmail": "Écrivez «\u00a0PAR AVION / BY AIR MAIL\u00a0» en haut à gauche de l'enveloppe.",
        "guide_postage": "Affranchissement\u00a0: {postage}.",
        "guide_email": "Envoyez la lettre par e-mail à\u00a0: {title}, {email}.",
        "guide_deadline": "Postez-la avant le {deadline}.",
        "guide_deadline_email": "Envoyez-la avant le {deadline}.",
        "guide_copy": "Envoyez une copie à\u00a0: {title}, {name}.",
        "guide_copy_embassy": "Envoyez une copie à la représentation diplomatique ({country}) "
                              "dans votre pays\u00a0: cherchez l'adresse de l'ambassade.",
        "guide_after": "Après la date limite\u00a0:",
        "guide_after_default": "renseignez-vous auprès des organisateurs avant d'envoyer d'autres lettres.",
        "tally_title": "Inscription et décompte des lettres",
        "tally_name": "Nom",
        "tally_email": "E-mail",
        "tally_contact": "Me recontacter",
        "tally_letters": "Lettres ({language})",
        "tally_letters_to": "{title} ({language})",
        "tally_emails": "E-mails",
        "tally_posts": "Publications",
        "tally_total": "Total",
        "report": "Transmettez les chiffres avant le {date}\u00a0:",
        "report_undated": "Transmettez les chiffres\u00a0:",
        "solidarity": "Message de solidarité",
        "dos": "À faire",
        "donts": "À éviter",
    },
    "es": {
        "tonight": "Escribe una carta esta noche",
        "write_to": "Escribe a: {title}, {name}",
        "deadline": "Fecha límite: {deadline}",
        "scan": "Escanea para ver el caso completo y las cartas modelo",
        "guide_title": "Cómo enviar tu carta",
        "guide_envelope": "Firma tu carta y métela en un sobre dirigido a:",
        "guide_country": "Escribe el país en MAYÚSCULAS, solo en la última línea: {country}.",
        "guide_airmail": "Escribe «PAR AVION / BY AIR MAIL» arriba a la izquierda del sobre.",
        "guide_postage": "Franqueo: {postage}.",
        "guide_email": "Envía la carta por correo electrónico a: {title}, {email}.",
        "guide_deadline": "Envíala antes del {deadline}.",
        "guide_deadline_email": "Envíala antes del {deadline}.",
        "guide_copy": "Envía una copia a: {title}, {name}.",
        "guide_copy_embassy": "Envía una copia a la representación diplomática de {country} "
                              "acreditada en tu país: busca la dirección de la embajada.",
        "guide_after": "Después de la fecha límite:",
        "guide_after_default": "consulta con la organización antes de enviar más cartas.",
        "tally_title": "Registro y recuento de cartas",
        "tally_name": "Nombre",
        "tally_email": "Correo electrónico",
        "tally_contact": "Contactadme",
        "tally_letters": "Cartas ({language})",
        "tally_letters_to": "{title} ({language})",
        "tally_emails": "Correos",
        "tally_posts": "Publicaciones",
        "tally_total": "Total",
        "report": "Comunica el recuento antes del {date}:",
        "report_undated": "Comunica el recuento:",
        "solidarity": "Mensaje de solidaridad",
        "dos": "Sí",
        "donts": "No",
    },
    "de": {
        "tonight": "Schreiben Sie heute Abend einen Brief",
        "write_to": "Schreiben Sie an: {title}, {name}",
        "deadline": "Frist: {deadline}",
        "scan": "Scannen: der ganze Fall und die Musterbriefe",
        "guide_title": "So verschicken Sie Ihren Brief",
        "guide_envelope": "Unterschreiben Sie den Brief und stecken Sie ihn in einen Umschlag an:",
        "guide_country": "Das Land in GROSSBUCHSTABEN allein in die letzte Zeile: {country}.",
        "guide_airmail": "Schreiben Sie „PAR AVION / BY AIR MAIL“ oben links auf den Umschlag.",
        "guide_postage": "Porto: {postage}.",
        "guide_email": "Schicken Sie den Brief per E-Mail an: {title}, {email}.",
        "guide_deadline": "Schicken Sie ihn vor dem {deadline} ab.",
        "guide_deadline_email": "Senden Sie ihn vor dem {deadline}.",
        "guide_copy": "Schicken Sie eine Kopie an: {title}, {name}.",
        "guide_copy_embassy": "Schicken Sie eine Kopie an die in Ihrem Land akkreditierte "
                              "diplomatische Vertretung von {country}: suchen Sie die Anschrift "
                              "der Botschaft heraus.",
        "guide_after": "Nach der Frist:",
        "guide_after_default": "fragen Sie bitte die Veranstalter, bevor Sie weitere Briefe schicken.",
        "tally_title": "Eintragen und Briefe zählen",
        "tally_name": "Name",
        "tally_email": "E-Mail",
        "tally_contact": "Kontakt erwünscht",
        "tally_letters": "Briefe ({language})",
        "tally_letters_to": "{title} ({language})",
        "tally_emails": "E-Mails",
        "tally_posts": "Posts",
        "tally_total": "Summe",
        "report": "Melden Sie die Zahlen bis zum {date}:",
        "report_undated": "Melden Sie die Zahlen:",
        "solidarity": "Solidaritätsbotschaft",
        "dos": "Bitte",
        "donts": "Bitte nicht",
    },
}

EVENT_WORD_KEYS = tuple(_WORDS["en"])


def event_word(tag: str, key: str, own: Mapping[str, str] | None = None, **values: str) -> str:
    """A word of the event materials: the kit's `own` (event.words) if it has one, else in the
    language `tag`, else in English; placeholders filled in with `values`."""
    text = ((own or {}).get(key) or _WORDS.get(tag.split("-")[0], _WORDS["en"])[key]).strip()
    return text.format(**values) if values else text


def event_placeholders(key: str) -> list[str]:
    """The names a word may use in braces (validation checks `event.words` against them)."""
    return [name for _, name, _, _ in string.Formatter().parse(_WORDS["en"][key]) if name]
