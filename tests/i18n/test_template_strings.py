"""Every interface string of every template is marked for translation (issue 18 §1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.i18n.template_strings import unmarked_strings

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


def test_the_templates_are_found():
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_no_template_shows_an_unmarked_interface_string(template):
    found = unmarked_strings(template, ROOT)
    assert not found, "wrap these in {% translate %} / {% blocktranslate trimmed %}:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize(
    "source, expected",
    [
        ("<p>Aucun résultat.</p>", ["Aucun résultat."]),
        ('<a title="Lien permanent">1</a>', ["Lien permanent"]),
        ('<nav aria-label="Articles voisins"></nav>', ["Articles voisins"]),
        ("<p>{{ count }} article{{ count|pluralize }}</p>", ["article"]),
        ("{% if x %}<span>seulement</span>{% endif %}", ["seulement"]),
    ],
)
def test_an_unmarked_string_is_reported(tmp_path, source, expected):
    template = tmp_path / "page.html"
    template.write_text(source)
    assert [item.text for item in unmarked_strings(template, tmp_path)] == expected


@pytest.mark.parametrize(
    "source",
    [
        '{% load i18n %}<p>{% translate "Aucun résultat." %}</p>',
        '{% load i18n %}<a title="{% translate "Lien permanent" %}">{{ n }}</a>',
        "{% load i18n %}<p>{% blocktranslate trimmed count count=n %}{{ count }} article"
        "{% plural %}{{ count }} articles{% endblocktranslate %}</p>",
        "{# Un commentaire #}{% comment %}Pour les développeurs{% endcomment %}<p>{{ text }}</p>",
        '<script src="x.js"></script><style>p { color: red }</style><a class="brand">Concordance</a>',
        '<{{ heading_tag }} id="{{ eid }}">{{ heading }}</{{ heading_tag }}>',
        '{% block body_class %} class="print-wide"{% endblock %}<p>·</p><p>&nbsp;→ 25.2</p>',
    ],
)
def test_marked_strings_code_and_symbols_are_not_reported(tmp_path, source):
    template = tmp_path / "page.html"
    template.write_text(source)
    assert unmarked_strings(template, tmp_path) == []
