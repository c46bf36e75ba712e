"""The pair form: any two provisions, chosen by instrument, article and paragraph."""

import re

import pytest

pytestmark = pytest.mark.django_db

URL = "/compare/un/art_25/budapest/art_16/"


def error_of(page: str, field: str) -> str:
    match = re.search(rf'<p class="error" role="alert" id="id_{field}_error">([^<]*)</p>', page)
    return match.group(1) if match else ""


def hidden_options(page: str) -> list[tuple[str, str]]:
    span = re.search(r'<span id="pair-options"[^>]*>(.*?)</span>', page, re.S).group(1)
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)">', span)


def test_any_two_provisions_can_be_compared(client):
    response = client.get("/compare/?left=un&left_ref=2.a&right=budapest&right_ref=1.a")
    assert response.status_code == 302
    assert response["Location"] == "/compare/un/art_2__point_a/budapest/art_1__point_a/"
    assert client.get(response["Location"]).status_code == 200


def test_the_pair_form_reports_errors_beside_the_fields(client):
    response = client.get("/compare/?left=un&left_ref=999&right=budapest&right_ref=zz")
    assert response.status_code == 400
    page = response.content.decode()
    # "zz" does not parse, so the form stops there: whether art. 999 exists is asked of valid forms only.
    assert error_of(page, "right_ref") == "« zz » ne se lit pas comme un article : essayez « 25 » ou « 25.2 »."


def test_the_pair_form_takes_the_paragraph_in_its_own_field(client):
    response = client.get(
        "/compare/?left=un&left_ref=25&left_paragraph=2&right=budapest&right_ref=1&right_paragraph=c+ii"
    )
    assert response.status_code == 302
    assert response["Location"] == "/compare/un/art_25__para_2/budapest/art_1__point_c__subpoint_ii/"
    # Without a paragraph, the whole articles.
    response = client.get("/compare/?left=un&left_ref=25&left_paragraph=&right=budapest&right_ref=16")
    assert response["Location"] == "/compare/un/art_25/budapest/art_16/"


def test_each_error_is_given_beside_its_own_field(client):
    response = client.get("/compare/?left=un&left_ref=25&left_paragraph=9&right=budapest&right_ref=99")
    assert response.status_code == 400
    page = response.content.decode()
    assert error_of(page, "left_paragraph") == "Cet article n&#x27;a pas ce paragraphe ou ce point."
    assert error_of(page, "left_ref") == ""
    assert error_of(page, "right_ref") == "Cet instrument n&#x27;a pas cette disposition."
    # What was typed is kept.
    assert 'name="left_paragraph" value="9"' in page

    page = client.get(
        "/compare/?left=un&left_ref=25&left_paragraph=%C3%A7a&right=budapest&right_ref=16"
    ).content.decode()
    assert "ne se lit pas comme un paragraphe" in error_of(page, "left_paragraph")
    page = client.get("/compare/?left=un&left_ref=25.2&left_paragraph=3&right=budapest&right_ref=16").content.decode()
    assert "déjà donné" in error_of(page, "left_paragraph")


def test_the_form_on_a_comparison_is_filled_with_its_pair(client):
    page = client.get("/compare/un/art_2__point_e/budapest/art_1__point_c/").content.decode()
    form = page.split('class="pair-form"')[1]
    assert 'name="left_ref" value="2"' in form and 'name="left_paragraph" value="e"' in form
    assert 'name="right_ref" value="1"' in form and 'name="right_paragraph" value="c"' in form


def test_the_pair_form_opens_the_next_pair_with_the_same_display(client):
    page = client.get(URL + "?view=inline&changes=1&terms=hide").content.decode()
    assert hidden_options(page) == [("view", "inline"), ("changes", "1"), ("terms", "hide")]
    response = client.get(
        "/compare/?left=un&left_ref=42&left_paragraph=&right=budapest&right_ref=29&right_paragraph="
        "&view=inline&changes=1&terms=hide"
    )
    assert response["Location"] == "/compare/un/art_42/budapest/art_29/?view=inline&changes=1&terms=hide"
    # The default display adds nothing to the address.
    assert hidden_options(client.get(URL).content.decode()) == []
    response = client.get("/compare/?left=un&left_ref=42&right=budapest&right_ref=29")
    assert response["Location"] == "/compare/un/art_42/budapest/art_29/"


def test_an_address_with_only_unrelated_parameters_gets_the_blank_form(client):
    response = client.get("/compare/?utm_source=newsletter")
    assert response.status_code == 200
    assert 'class="error"' not in response.content.decode()


@pytest.mark.parametrize(
    "left, right",
    [
        (("un", "art_13__wrapup"), ("budapest", "art_8")),
        (("budapest", "art_39__para_1__alinea_2"), ("un", "art_65")),
        (("un", "art_25__para_2"), ("budapest", "art_1__point_c__subpoint_ii")),
    ],
)
def test_the_pair_form_is_filled_with_the_pair_it_reopens(client, left, right):
    url = f"/compare/{left[0]}/{left[1]}/{right[0]}/{right[1]}/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    fields = {"left": left[0], "right": right[0]}
    for tag in re.findall(r"<input [^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if name and name.group(1) in ("left_ref", "left_paragraph", "right_ref", "right_paragraph"):
            value = re.search(r'value="([^"]*)"', tag)
            fields[name.group(1)] = value.group(1) if value else ""
    response = client.get("/compare/", fields)
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == url


def test_the_article_suggestions_are_written_for_the_instruments_chosen_not_for_every_one(client, monkeypatch):
    from concordance.comparison import forms

    monkeypatch.setattr(forms, "DATALIST_INSTRUMENTS", 1)
    page = client.get("/compare/budapest/art_16/budapest-p1/art_2/").content.decode()
    lists = set(re.findall(r'<datalist id="articles-([a-z0-9-]+)"', page))
    # The two compared and the first instrument; the others would grow the page with the corpus.
    assert lists == {"un", "budapest", "budapest-p1"} and 'label="Art. 16' in page
    monkeypatch.setattr(forms, "DATALIST_INSTRUMENTS", 0)
    page = client.get("/compare/budapest/art_16/budapest-p1/art_2/").content.decode()
    assert set(re.findall(r'<datalist id="articles-([a-z0-9-]+)"', page)) == {"budapest", "budapest-p1"}
    # Every instrument can still be chosen on either side.
    for side in ("left", "right"):
        select = page[page.index(f'name="{side}"') : page.index("</select>", page.index(f'name="{side}"'))]
        assert {"un", "budapest", "budapest-p1"} <= set(re.findall(r'value="([a-z0-9-]+)"', select))


def markup(html: str) -> tuple[list[str], str]:
    """A select's attributes (in any order, as HTML reads them) and its options."""
    html = re.sub(r">\s+<", "><", html).strip()
    opening, rest = re.fullmatch(r"<select ([^>]*)>(.*)", html, re.S).groups()
    return sorted(re.findall(r'[\w-]+(?:="[^"]*")?', opening)), rest


@pytest.mark.parametrize(
    "data",
    [{}, {"left": "un", "right": "budapest"}, {"left": "budapest-p1", "right": "zz", "left_ref": "<b>"}],
)
def test_the_instrument_selects_write_what_django_s_select_writes(data):
    """LongSelect writes its options without Django's per-option template
    (a speed-up at a hundred times the corpus); its markup must not change."""
    from django import forms

    from concordance.comparison.forms import PairForm

    form = PairForm(data) if data else PairForm(initial={"left": "un", "right": "budapest"})
    for name in ("left", "right"):
        field = form[name]
        assert field.field.widget.__class__.__name__ == "LongSelect"
        ours = str(field)
        field.field.widget = forms.Select(choices=field.field.choices)
        django_s = field.as_widget()
        assert markup(django_s) == markup(ours)
        assert 'value="budapest-p1"' in ours and ours.count("<option") == len(field.field.choices)
