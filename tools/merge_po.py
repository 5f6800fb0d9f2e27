"""Merge a .pot template into a .po catalogue, keeping existing translations.

Usage: python tools/merge_po.py TEMPLATE.pot CATALOGUE.po

Entries that disappeared from the template are dropped; new ones are added
untranslated (the i18n test then lists them). A translation equal to its
source counts as missing too: Odoo's TranslationModuleReader (which the i18n
test uses) reports it as untranslated; such entries are listed here.
"""

import sys

import polib


def merge(pot_path, po_path):
    template = polib.pofile(pot_path)
    try:
        catalogue = polib.pofile(po_path)
    except OSError:
        catalogue = polib.POFile()
    translations = {entry.msgid: entry.msgstr for entry in catalogue if entry.msgstr}
    merged = polib.POFile(wrapwidth=78)
    merged.metadata = dict(template.metadata)
    merged.metadata.update(
        {
            "Language": "vi",
            "Language-Team": "Vietnamese",
            "Plural-Forms": "nplurals=1; plural=0;",
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    missing = 0
    same = []
    for entry in template:
        entry.msgstr = translations.get(entry.msgid, "")
        missing += not entry.msgstr
        if entry.msgstr and entry.msgstr == entry.msgid:
            same.append(entry.msgid)
        merged.append(entry)
    merged.save(po_path)
    print(f"{po_path}: {len(merged)} terms, {missing} untranslated")
    if same:
        print(
            f"{len(same)} translations equal their source (Odoo reads them as "
            "untranslated):\n" + "\n".join(f"  {msgid!r}" for msgid in same)
        )


if __name__ == "__main__":
    merge(*sys.argv[1:3])
