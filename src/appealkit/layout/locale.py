"""Words and dates the pack prints itself, per language: labels, month names, digits."""

from __future__ import annotations

import datetime as dt

from ..model import PartialDate
from ..words import LANGUAGE_NAMES

RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "ps", "he", "yi", "sd", "ug", "ckb", "dv"})

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ur": ("جنوری", "فروری", "مارچ", "اپریل", "مئی", "جون", "جولائی", "اگست",
           "ستمبر", "اکتوبر", "نومبر", "دسمبر"),
    "ar": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
           "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "fa": ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت",
           "سپتامبر", "اکتبر", "نوامبر", "دسامبر"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "hi": ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त",
           "सितंबर", "अक्तूबर", "नवंबर", "दिसंबर"),
}

# Each language's own digits, where its letters use them (Urdu: U+06F0..U+06F9).
_DIGITS = {"ur": "۰۱۲۳۴۵۶۷۸۹", "fa": "۰۱۲۳۴۵۶۷۸۹", "ar": "٠١٢٣٤٥٦٧٨٩"}

_LABELS = {
    "en": {
        "name": "Name", "address": "Address", "signature": "Signature", "date": "Date",
        "page": "page {n} of {total}", "copy_to": "Copy to",
        "email": "Email", "fax": "Fax", "embassy_of": "the diplomatic representative of {country}",
    },
    "fr": {
        "name": "Nom", "address": "Adresse", "signature": "Signature", "date": "Date",
        "page": "page {n} sur {total}", "copy_to": "Copie à",
        "email": "E-mail", "fax": "Fax", "embassy_of": "la représentation diplomatique ({country})",
    },
    "es": {
        "name": "Nombre", "address": "Dirección", "signature": "Firma", "date": "Fecha",
        "page": "página {n} de {total}", "copy_to": "Copia a",
        "email": "Correo electrónico", "fax": "Fax", "embassy_of": "la representación diplomática de {country}",
    },
    "pt": {
        "name": "Nome", "address": "Endereço", "signature": "Assinatura", "date": "Data",
        "page": "página {n} de {total}", "copy_to": "Cópia para",
        "email": "E-mail", "fax": "Fax", "embassy_of": "a representação diplomática ({country})",
    },
    "de": {
        "name": "Name", "address": "Anschrift", "signature": "Unterschrift", "date": "Datum",
        "page": "Seite {n} von {total}", "copy_to": "Kopie an",
        "email": "E-Mail", "fax": "Fax", "embassy_of": "die diplomatische Vertretung von {country}",
    },
    "ur": {
        "name": "نام", "address": "پتہ", "signature": "دستخط", "date": "تاریخ",
        "page": "صفحہ {n} از {total}", "copy_to": "نقل برائے",
        "email": "ای میل", "fax": "فیکس",
    },
    "ar": {
        "name": "الاسم", "address": "العنوان", "signature": "التوقيع", "date": "التاريخ",
        "page": "صفحة {n} من {total}", "copy_to": "نسخة إلى",
        "email": "البريد الإلكتروني", "fax": "فاكس",
    },
    "fa": {
        "name": "نام", "address": "نشانی", "signature": "امضا", "date": "تاریخ",
        "page": "صفحهٔ {n} از {total}", "copy_to": "رونوشت به",
        "email": "ایمیل", "fax": "نمابر",
    },
    "hi": {
        "name": "नाम", "address": "पता", "signature": "हस्ताक्षर", "date": "दिनांक",
        "page": "पृष्ठ {n} / {total}", "copy_to": "प्रतिलिपि",
        "email": "ईमेल", "fax": "फ़ैक्स",
    },
}


def language_name(tag: str) -> str:
    return LANGUAGE_NAMES.get(tag.split("-")[0], tag)


def is_rtl(tag: str) -> bool:
    return tag.split("-")[0] in RTL_LANGUAGES


def label(tag: str, key: str, **values: int) -> str:
    """A printed label in the letter's language, English where we have no translation."""
    labels = _LABELS.get(tag.split("-")[0], _LABELS["en"])
    text = labels.get(key, _LABELS["en"][key])
    if not values:
        return text  # a template the caller fills in (`embassy_of`'s {country})
    return text.format(**{k: to_digits(str(v), tag) for k, v in values.items()})


def to_digits(text: str, tag: str) -> str:
    """Write the ASCII digits of `text` in the language's own digits."""
    digits = _DIGITS.get(tag.split("-")[0])
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


def format_date(date: dt.date | PartialDate, tag: str) -> str:
    """`15 September 2025`, `1er avril 2025`, `15 de septiembre de 2025`, `15. September 2025`,
    `ستمبر ۲۰۲۵`: day, month, year, as far as the date gives them."""
    if isinstance(date, dt.date):
        date = PartialDate(date.year, date.month, date.day)
    language = tag.split("-")[0]
    months = _MONTHS.get(language, _MONTHS["en"])
    words = [_DAYS.get(language, str)(date.day)] if date.day else []
    words += [months[date.month - 1]] if date.month else []
    words.append(str(date.year))
    return to_digits((" de " if language in ("es", "pt") else " ").join(words), tag)


_DAYS = {
    "fr": lambda day: "1er" if day == 1 else str(day),  # le 1er avril, le 2 avril
    "de": lambda day: f"{day}.",  # 15. September
}
