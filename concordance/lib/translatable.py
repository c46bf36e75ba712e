"""A marker for the interface strings the pure library writes.

The library is pure Python and cannot call Django's gettext; it writes its
labels in French, the interface's source language, wrapped in ``N_`` so that
``makemessages --keyword=N_`` collects them into the message catalogue. The
Django layer translates them where it shows them (``gettext(label)``), so a
label computed once and cached is still shown in the reader's language.
"""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name for a no-op marker)
    """``message`` unchanged: it is marked for translation, translated at display time."""
    return message


# The months as the French texts and the site write them (a date, a deadline),
# marked so that English pages name them in English.
MONTHS = (
    N_("janvier"),
    N_("février"),
    N_("mars"),
    N_("avril"),
    N_("mai"),
    N_("juin"),
    N_("juillet"),
    N_("août"),
    N_("septembre"),
    N_("octobre"),
    N_("novembre"),
    N_("décembre"),
)
