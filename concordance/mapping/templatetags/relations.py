"""``{% relation_badge relation %}``: a relation's badge, linking to its definition on ``/relations/``."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from concordance.mapping.relations import DEFINITION_OF

register = template.Library()


@register.simple_tag
def relation_badge(relation: str) -> SafeString:
    """The badge of ``relation`` (a ``Relation`` code, already read from the side shown)."""
    definition = DEFINITION_OF[relation]
    return format_html(
        '<a class="badge badge-{}" href="{}#{}" title="{} : {}">{}</a>',
        definition.code,
        reverse("relations"),
        definition.code,
        definition.label,
        definition.definition,
        definition.label,
    )
