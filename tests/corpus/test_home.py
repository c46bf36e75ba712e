import pytest

pytestmark = pytest.mark.django_db


def test_home_lists_the_three_instruments_with_their_key_facts(client, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Convention des Nations Unies contre la cybercriminalité" in page
    assert "Convention de Budapest sur la cybercriminalité" in page
    assert "Premier Protocole additionnel" in page
    assert page.index('href="/un/"') < page.index('href="/budapest/"') < page.index('href="/budapest-p1/"')
    # Number of articles and adoption, as the cards show them.
    assert "<dd>68</dd>" in page and "<dd>48</dd>" in page and "<dd>16</dd>" in page
    assert "24 décembre 2024" in page and "23 novembre 2001" in page and "28 janvier 2003" in page


def test_home_names_both_budapest_editions_and_their_sources(client):
    page = client.get("/").content.decode()
    assert "Texte annexé au projet de loi n° 905 (France, 2003)" in page
    assert 'href="/budapest/?edition=coe-benin-2024"' in page
    assert "budapest-benin-decree-2024-773-fr.txt" in page


def test_dates_are_written_the_french_way(client):
    page = client.get("/").content.decode()
    # The decree is dated 1 February 2024: "1er", not "1".
    assert "1er février 2024" in page and " 1 février" not in page
    # The UN document's own date, distinct from the adoption date.
    assert "31 décembre 2024" in page and "le 24 décembre 2024" in page
