"""`appealkit import`: read an Urgent Action document and draft a commented kit.yaml from it.

The stages, one module each:
`read` (a .txt, .md, .docx or .pdf file → numbered lines), `sections` (lines → the layout's
sections), `fields` and `suggest` (small values: dates, channels, languages; figures and
timeline suggestions), `mapping` (sections → a Draft, with what was mapped, guessed and left
to do), `draft` (a Draft → commented YAML) and `importer` (the whole, for the command line).
The marker an untranslated letter holds lives in appealkit/untranslated.py, which `lint` reads.
"""
