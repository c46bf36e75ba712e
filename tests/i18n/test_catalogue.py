"""Every message the Python code marks for translation has its English in locale/en."""

from __future__ import annotations

from tests.i18n.catalogue import PLACEHOLDER, entries, marked_in_python


def test_the_code_marks_messages() -> None:
    # The walk below must see the marks, or the next test would pass on nothing.
    found = list(marked_in_python())
    assert len(found) > 150
    assert any(m.msgid == "plus large" and m.context == "relation" for m in found)
    assert any(m.msgid == "conservation rapide des données" for m in found)  # N_ of the pure library


def test_every_marked_message_has_an_english_translation() -> None:
    catalogue = entries()
    missing = []
    for marked in marked_in_python():
        entry = catalogue.get((marked.context, marked.msgid))
        if entry is None or entry.fuzzy:
            translated = False
        elif entry.msgid_plural:
            translated = bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
        else:
            translated = bool(entry.msgstr)
        if not translated:
            missing.append(f"{marked.where}: {marked.msgid!r}")
    assert missing == [], "run makemessages (README) and write the English of:\n" + "\n".join(missing)


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for (_context, msgid), entry in entries().items():
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for translation in translations:
            if translation and set(PLACEHOLDER.findall(translation)) != set(PLACEHOLDER.findall(msgid)):
                wrong.append(f"{msgid!r} → {translation!r}")
    assert wrong == []
