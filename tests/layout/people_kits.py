"""Kits for the people and status tests (issue 10 §3, §5): one person with a photo, built for real."""

from __future__ import annotations

from pathlib import Path

PHOTO_SIZE = (900, 400)  # wide, so a portrait frame must crop it
RED, BLUE, SKIN = (230, 20, 20), (20, 20, 230), (120, 60, 40)

ONE_PERSON = """\
language: en
organisation:
  name: Amnesty International
headline: Student sentenced for a social media post
people:
  - name: Pavel Sidorov
    pronoun: he/him
    photo:
      file: assets/pavel.jpg
      credit: © Private
      alt: Pavel Sidorov smiling, in a grey jacket
      focus: {focus}
summary: |
  Student Pavel Sidorov was sentenced to 4 years in prison on 14 May 2025 for a comment he
  posted on social media during the 2020 protests. He is a prisoner of conscience, held
  solely for peacefully expressing his views, and must be released immediately and
  unconditionally.
action:
  url: https://www.amnesty.org/en/documents/eur49/0000/2025/en/
  label: The Urgent Action on this case
  status: {status}
{update}  deadline: 2025-12-01
  after_deadline: >-
    Please check with the Amnesty office in your country if you wish to send appeals after
    the deadline.
figures:
  - value: 4 years
    label: in prison for one comment on social media
  - value: 1,200+
    label: people imprisoned on politically motivated charges since 2020
    source: Viasna
timeline:
  - date: 2024-10-03
    text: Pavel is arrested.
  - date: 2025-05-14
    text: He is sentenced to 4 years in prison.
targets:
  - role: main
    name: Andrei Shved
    title: Prosecutor General
    address: [ul. Internatsionalnaya 22, 220030 Minsk]
    country: Belarus
    email: info@prokuratura.gov.by
    salutation:
      en: Dear Prosecutor General,
languages: [en]
letter:
  date: {date}
letters:
  en:
    subject: Release Pavel Sidorov
    body: |
      I am writing to express my concern about the imprisonment of student Pavel Sidorov,
      who was sentenced to 4 years in prison on 14 May 2025. His appeal will be heard on
      20 June 2025.

      I call on you to release him immediately and unconditionally.
    closing: Yours sincerely,
background: |
  Pavel Sidorov, 21, a student at the Belarusian State University, was arrested on
  3 October 2024.
solidarity:
  message: We think of you. You are not alone.
  dos: [Write in simple words]
  donts: [Do not mention politics]
"""


def write_photo(folder: Path, size: tuple[int, int] = PHOTO_SIZE) -> Path:
    """A test photo: a skin-coloured oval in the middle, a red band at the left edge and a blue
    one at the right (a centred crop of a wide photo leaves both out), a pale sky above."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size, (200, 220, 240))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.4, height * 0.15, width * 0.6, height * 0.85), fill=SKIN)
    draw.rectangle((0, 0, width * 0.08, height), fill=RED)
    draw.rectangle((width * 0.92, 0, width, height), fill=BLUE)
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    path = folder / "assets" / "pavel.jpg"
    image.save(path, quality=92)
    return path


def one_person_kit(folder: Path, *, status: str = "open", update: str = "",
                   focus: str = "center", date: str = "today", photo: bool = True) -> Path:
    """The one-person kit in `folder`, with its photo written beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    if photo:
        write_photo(folder)
    text = ONE_PERSON.format(status=status, focus=focus, date=date,
                             update=f"  update: {update}\n" if update else "")
    path = folder / "kit.yaml"
    path.write_text(text, encoding="utf-8")
    return path
