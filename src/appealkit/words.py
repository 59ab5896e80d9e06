"""The words the fact sheet and background page print themselves, in the kit's `language`.

Headings, the steps of "Take action", the banner: everything on those pages that does not come
from the kit's own texts. appealkit has them in English, French, Spanish, German, Urdu and
Arabic; a kit in another language gets English ones, unless its `words` gives its own, key by key. Placeholders
in braces are filled in: `{title}` and `{name}` of a target, `{languages}` of the letters,
`{deadline}`, `{handle}`, `{country}` of an embassy copy.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

__all__ = ["LANGUAGE_NAMES", "MONTHS", "SHEET_LANGUAGES", "WORD_KEYS", "language_name_in", "placeholders", "word"]

# The months' names, for dates written out in each language's own way.
MONTHS = {
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
        "and": "and",
        "update": "Update:",
        "closed_title": "This action is closed.",
        "closed_note": "No more appeals are needed: please do not send letters. Thank you to "
                       "everyone who took action.",
        "past_title": "The deadline, {deadline}, has passed.",
        "past_note": "The deadline was {deadline}.",
        "past_default": "Check with the organisation that published this action before you "
                        "send an appeal.",
        "deadline_passed": "Deadline passed:",
        "for_information": "FOR INFORMATION",
        "closed": "Closed",
        "closed_how": "The appeals went to the {title}, {name}. The online page has the "
                      "latest news on the case.",
        "links": "Links",
        "additional": "Additional information",
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
        "and": "et",
        "update": "Mise à jour\u00a0:",
        "closed_title": "Cette action est close.",
        "closed_note": "Il n'est plus nécessaire d'agir : n'envoyez plus de lettres. Merci "
                       "à toutes les personnes qui se sont mobilisées.",
        "past_title": "La date limite du {deadline} est passée.",
        "past_note": "La date limite était le {deadline}.",
        "past_default": "Renseignez-vous auprès de l'organisation qui a publié cette action "
                        "avant d'envoyer un appel.",
        "deadline_passed": "Date limite passée :",
        "for_information": "POUR INFORMATION",
        "closed": "Close",
        "closed_how": "Les appels étaient adressés à : {title}, {name}. La page en ligne "
                      "donne les dernières nouvelles.",
        "links": "Liens",
        "additional": "Complément d'information",
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
        "and": "y",
        "update": "Actualización:",
        "closed_title": "Esta acción está cerrada.",
        "closed_note": "Ya no es necesario actuar: por favor, no envíes más cartas. Gracias a "
                       "todas las personas que actuaron.",
        "past_title": "La fecha límite del {deadline} ha pasado.",
        "past_note": "La fecha límite era el {deadline}.",
        "past_default": "Consulta con la organización que publicó esta acción antes de enviar "
                        "un llamamiento.",
        "deadline_passed": "Plazo vencido:",
        "for_information": "PARA INFORMACIÓN",
        "closed": "Cerrada",
        "closed_how": "Los llamamientos se dirigían a: {title}, {name}. La página en línea "
                      "tiene las últimas noticias.",
        "links": "Enlaces",
        "additional": "Información adicional",
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
        "and": "und",
        "update": "Neuigkeiten:",
        "closed_title": "Diese Aktion ist abgeschlossen.",
        "closed_note": "Es sind keine weiteren Appelle nötig: Bitte schicken Sie keine Briefe "
                       "mehr. Vielen Dank an alle, die sich beteiligt haben.",
        "past_title": "Die Frist ist am {deadline} abgelaufen.",
        "past_note": "Die Frist endete am {deadline}.",
        "past_default": "Fragen Sie bei der Organisation nach, die diese Aktion veröffentlicht "
                        "hat, bevor Sie einen Appell schicken.",
        "deadline_passed": "Frist abgelaufen:",
        "for_information": "ZUR INFORMATION",
        "closed": "Abgeschlossen",
        "closed_how": "Die Appelle gingen an: {title}, {name}. Die Online-Seite hat die "
                      "neuesten Nachrichten.",
        "links": "Links",
        "additional": "Zusätzliche Informationen",
    },
    # Urdu: the terms of Pakistani press and official usage (shared/urdu-glossary.md).
    "ur": {
        "banner": "فوری کارروائی",
        "banner_update": "فوری کارروائی · تازہ صورتِ حال",
        "banner_closed": "فوری کارروائی · اختتام پذیر",
        "background": "فوری کارروائی · پس منظر",
        "what_happened": "کیا ہوا",
        "key_figures": "اہم اعداد و شمار",
        "timeline": "واقعات کی ترتیب",
        "take_action": "کارروائی کریں",
        "deadline": "آخری تاریخ:",
        "write": "خط لکھیں:",
        "write_how": "{title} کے نام، {languages} میں۔ اس پیکٹ کے نمونے کے خطوط یا اپنے "
                     "الفاظ استعمال کریں، دستخط کر کے ڈاک سے بھیجیں۔",
        "write_how_email": "{title} کے نام، {languages} میں۔ اس پیکٹ کے نمونے کے خطوط یا "
                           "اپنے الفاظ استعمال کریں، اور ای میل سے بھیجیں۔",
        "or": "یا",
        "email": "ای میل:",
        "fax": "فیکس:",
        "call": "فون کریں:",
        "post": "ایکس (X) پر لکھیں:",
        "post_how": "{handle} کو مخاطب کر کے",
        "copy": "نقل بھیجیں:",
        "copy_how": "{title}، {name} کو",
        "copy_embassy_how": "اپنے ملک میں {country} کے سفارتی نمائندے کو: سفارت خانے کا پتہ "
                            "معلوم کریں۔",
        "act_before": "{deadline} سے پہلے کارروائی کریں۔",
        "write_to": "خط بنام",
        "salutation": "القاب",
        "scan": "کھولنے کے لیے اسکین کریں:",
        "online": "آن لائن کارروائی:",
        "links": "لنکس",
        "additional": "مزید معلومات",
        "and": "اور",
        "update": "تازہ صورتِ حال:",
        "closed_title": "یہ کارروائی ختم ہو چکی ہے۔",
        "closed_note": "مزید اپیلوں کی ضرورت نہیں: براہِ کرم خطوط نہ بھیجیں۔ کارروائی کرنے "
                       "والے سب لوگوں کا شکریہ۔",
        "past_title": "آخری تاریخ، {deadline}، گزر چکی ہے۔",
        "past_note": "آخری تاریخ {deadline} تھی۔",
        "past_default": "اپیل بھیجنے سے پہلے اس کارروائی کو شائع کرنے والی تنظیم سے معلوم کریں۔",
        "deadline_passed": "آخری تاریخ گزر چکی:",
        "for_information": "معلومات کے لیے",
        "closed": "اختتام پذیر",
        "closed_how": "اپیلیں {title}، {name} کو بھیجی گئیں۔ تازہ ترین خبریں آن لائن صفحے پر "
                      "ہیں۔",
    },
    # Arabic: Modern Standard Arabic, as Amnesty's Arabic Urgent Actions word it.
    "ar": {
        "banner": "تحرك عاجل",
        "banner_update": "تحرك عاجل · متابعة",
        "banner_closed": "تحرك عاجل · مغلق",
        "background": "تحرك عاجل · معلومات إضافية",
        "what_happened": "ماذا حدث",
        "key_figures": "أرقام رئيسية",
        "timeline": "التسلسل الزمني",
        "take_action": "تحرّكوا",
        "deadline": "الموعد النهائي:",
        "write": "اكتبوا رسالة",
        "write_how": "إلى {title} باللغة {languages}: استخدموا نماذج الرسائل في هذه الحزمة "
                     "أو كلماتكم الخاصة، ثم وقّعوا الرسالة وأرسلوها بالبريد.",
        "write_how_email": "إلى {title} باللغة {languages}: استخدموا نماذج الرسائل في هذه "
                           "الحزمة أو كلماتكم الخاصة، ثم أرسلوها بالبريد الإلكتروني.",
        "or": "أو",
        "email": "البريد الإلكتروني:",
        "fax": "الفاكس:",
        "call": "اتصلوا بالرقم:",
        "post": "انشروا على إكس (X)",
        "post_how": "مع الإشارة إلى {handle}",
        "copy": "أرسلوا نسخة",
        "copy_how": "إلى {title}، {name}",
        "copy_embassy_how": "إلى الممثل الدبلوماسي لـ{country} المعتمد في بلدكم: ابحثوا "
                            "عن عنوان السفارة.",
        "act_before": "تحرّكوا قبل {deadline}.",
        "write_to": "اكتبوا إلى",
        "salutation": "التحية",
        "scan": "امسحوا الرمز لفتح:",
        "online": "التحرك عبر الإنترنت:",
        "links": "الروابط",
        "additional": "معلومات إضافية",
        "and": "و",
        "update": "مستجدات:",
        "closed_title": "انتهى هذا التحرك.",
        "closed_note": "لم تعد هناك حاجة إلى مناشدات: يُرجى عدم إرسال رسائل. شكرًا لكل من "
                       "تحرّك.",
        "past_title": "انقضى الموعد النهائي، {deadline}.",
        "past_note": "كان الموعد النهائي {deadline}.",
        "past_default": "تحقّق من المنظمة التي نشرت هذا التحرك قبل إرسال أي مناشدة.",
        "deadline_passed": "انقضى الموعد النهائي:",
        "for_information": "للعلم",
        "closed": "مغلق",
        "closed_how": "وُجّهت المناشدات إلى {title}، {name}. آخر المستجدات على الصفحة "
                      "الإلكترونية.",
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
    "ur": {
        "en": "انگریزی", "ur": "اردو", "ar": "عربی", "fa": "فارسی", "hi": "ہندی",
        "fr": "فرانسیسی", "es": "ہسپانوی", "de": "جرمن", "pt": "پرتگالی", "it": "اطالوی",
        "nl": "ولندیزی", "ru": "روسی", "zh": "چینی", "bn": "بنگالی", "ps": "پشتو",
        "tr": "ترکی", "sw": "سواحلی", "id": "انڈونیشیائی",
    },
    "ar": {
        "en": "الإنجليزية", "ur": "الأردية", "ar": "العربية", "fa": "الفارسية",
        "hi": "الهندية", "fr": "الفرنسية", "es": "الإسبانية", "de": "الألمانية",
        "pt": "البرتغالية", "it": "الإيطالية", "nl": "الهولندية", "ru": "الروسية",
        "zh": "الصينية", "bn": "البنغالية", "ps": "البشتوية", "tr": "التركية",
        "sw": "السواحيلية", "id": "الإندونيسية",
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
