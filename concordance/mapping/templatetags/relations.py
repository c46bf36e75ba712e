"""``{% relation_badge relation status %}``: a relation's badge, linking to its definition on ``/relations/``,
followed by a mark when the correspondence is a proposal nobody has reviewed yet."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from concordance.mapping.models import Status
from concordance.mapping.relations import DEFINITION_OF

register = template.Library()


@register.simple_tag
def relation_badge(relation: str, status: str = "") -> SafeString:
    """The badge of ``relation`` (a ``Relation`` code, already read from the side shown); ``status``,
    the correspondence's, adds a visible mark to a proposal, which readers must not take for a
    reviewed link (review of 6 December 2026, finding 8)."""
    definition = DEFINITION_OF[relation]
    badge = format_html(
        '<a class="badge badge-{}" href="{}#{}" title="{} : {}">{}</a>',
        definition.code,
        reverse("relations"),
        definition.code,
        definition.label,
        definition.definition,
        definition.label,
    )
    if status != Status.PROPOSED:
        return badge
    return format_html(
        '{} <span class="badge badge-proposed" title="{}">{}</span>',
        badge,
        _("Correspondance proposée, que personne n'a encore vérifiée : à lire comme une hypothèse."),
        _("proposition non vérifiée"),
    )
