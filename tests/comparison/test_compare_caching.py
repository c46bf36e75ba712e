"""What a comparison is cached under: its texts, its curated links, its templates."""

import re

import pytest

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_25/budapest/art_16/"


def test_a_changed_text_is_a_new_comparison(client):
    from concordance.corpus.models import Provision

    before = client.get(URL).content.decode()
    assert "rapidement et sans tarder" not in before
    paragraph = Provision.objects.get(edition__slug="onu-2024", eid="art_25__para_3")
    paragraph.text = paragraph.text.replace("garder le secret", "garder rapidement et sans tarder le secret")
    paragraph.save()
    after = client.get(URL).content.decode()
    assert re.search(r"<del class=\"change\">[^<]*rapidement et sans tarder", after)


def test_a_changed_paragraph_link_is_a_new_comparison(client):
    from concordance.mapping.models import Correspondence

    url = "/compare/un/art_40/budapest/art_27/"
    assert '<a href="#r-art_27__para_8">' in client.get(url).content.decode()
    Correspondence.objects.filter(left__eid="art_40__para_20", right__eid="art_27__para_8").delete()
    Correspondence.objects.filter(left__eid="art_27__para_8", right__eid="art_40__para_20").delete()
    assert '<a href="#r-art_27__para_8">' not in client.get(url).content.decode()


def test_the_rendered_rows_key_follows_the_templates(tmp_path, settings):
    import shutil

    from concordance.comparison import page

    for folder in ("templates/comparison", "concordance/comparison"):
        shutil.copytree(settings.BASE_DIR / folder, tmp_path / folder)
    page.rendering_version.cache_clear()
    try:
        settings.BASE_DIR = tmp_path
        before = page.rendering_version()
        page.rendering_version.cache_clear()
        assert page.rendering_version() == before
        template = tmp_path / "templates/comparison/compare.html"
        template.write_text(template.read_text() + "\n{# changed #}\n")
        page.rendering_version.cache_clear()
        assert page.rendering_version() != before
    finally:
        page.rendering_version.cache_clear()


def test_the_rendered_rows_are_cached_under_that_key(client, monkeypatch):
    from django.core.cache import cache

    from concordance.caching import content_key
    from concordance.comparison import page
    from concordance.comparison.lookup import find

    left, right = find("un", "art_25"), find("budapest", "art_16")
    client.get(URL)
    key = page.comparison_page(left, right).html_key
    # One rendering per interface language (the rows carry words and /en/ links).
    assert cache.get(content_key("comparison-rows", ("fr", key, "side", False, "show", False))) is not None
    from django.utils import translation

    with translation.override("en"):
        english_key = page.comparison_page(left, right).html_key
    client.get("/en" + URL)
    assert cache.get(content_key("comparison-rows", ("en", english_key, "side", False, "show", False))) is not None
    monkeypatch.setattr(page, "rendering_version", lambda: "another-template")
    assert page.comparison_page(left, right).html_key != key


def test_the_rows_follow_a_change_to_what_their_links_quote_and_to_the_titles(client):
    from concordance.corpus.models import Instrument
    from concordance.crossrefs.models import ReferenceTarget

    url = "/compare/un/art_42/budapest/art_29/"
    assert 'title="Chaque État partie adopte' in client.get(url).content.decode()
    # UN 42 refers to article 25, which is not on the page: its links quote it
    # (the excerpt stored when references are resolved, here as after a text change).
    ReferenceTarget.objects.filter(instrument__slug="un", eid="art_25").update(excerpt="Texte révisé de l'article.")
    page = client.get(url).content.decode()
    assert 'title="Chaque État partie adopte' not in page
    assert "Texte révisé de l&#x27;article." in page

    Instrument.objects.filter(slug="budapest").update(short_title="Budapest (titre revu)")
    page = client.get(url).content.decode()
    assert 'data-instrument="Budapest (titre revu)"' in page
