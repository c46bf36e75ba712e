"""Two application servers on one database and one cache: a curator's edit through one is
served by the other on the next request, and both answer 304 to the same ETag."""

from __future__ import annotations

import gzip
import http.client
import json
import secrets
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.ops.helpers import environment, fetch, load_database, manage, scratch_database, serving

PASSWORD = secrets.token_urlsafe(16)
BROWSER = {"Accept-Encoding": "gzip"}


@pytest.fixture(scope="module")
def database():
    with scratch_database("versioning_servers") as url:
        load_database(url)
        manage(url, "createcurator", "relectrice", "--password-from-env", "CURATOR_PASSWORD", CURATOR_PASSWORD=PASSWORD)
        yield url


def pairs(body: bytes) -> set[tuple[str, str, str, str]]:
    document = json.loads(gzip.decompress(body))
    return {
        (c["left"]["instrument"], c["left"]["eid"], c["right"]["instrument"], c["right"]["eid"])
        for c in document["correspondences"]
    }


class Curator:
    """A browser signed in to one server: its cookies and the CSRF token they carry."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        connection.close()
        return response

    def sign_in(self) -> None:
        self.request("GET", "/accounts/login/")
        response = self.request("POST", "/accounts/login/", {"username": "relectrice", "password": PASSWORD})
        assert response.status == 302, response.status
        assert "sessionid" in self.cookies


def test_an_edit_through_one_server_is_served_by_the_other_at_once(database, tmp_path):
    # One database, one cache: what every worker of a server shares, and
    # what several servers share when the cache is Redis.
    env = environment(database, CONCORDANCE_RESPONSE_CACHE="1", CONCORDANCE_CACHE_DIR=str(tmp_path / "cache"))
    with serving(database, env=env) as first, serving(database, env=env) as second:
        status, headers, body = fetch(first, "/api/concordance/", BROWSER)
        assert status == 200 and headers["cache-control"] == "public, no-cache"
        etag = headers["etag"]
        assert ("un", "art_25", "budapest", "art_16") in pairs(body)
        for port in (first, second):
            status, headers, _ = fetch(port, "/api/concordance/", {**BROWSER, "If-None-Match": etag})
            assert (status, headers["etag"]) == (304, etag)

        curator = Curator(first)
        curator.sign_in()
        pk = correspondence_pk(database, "art_25", "art_16")
        assert curator.request("GET", "/un/art-25/").headers["Cache-Control"] == "private, no-store"
        assert curator.request("POST", f"/concordance/correspondences/{pk}/delete/", {}).status == 302

        status, headers, body = fetch(second, "/api/concordance/", {**BROWSER, "If-None-Match": etag})
        assert status == 200, "the other server saw the edit on its very next request"
        assert ("un", "art_25", "budapest", "art_16") not in pairs(body)
        new_etag = headers["etag"]
        assert new_etag != etag
        for port in (first, second):
            status, headers, _ = fetch(port, "/api/concordance/", {**BROWSER, "If-None-Match": new_etag})
            assert (status, headers["etag"]) == (304, new_etag)


def correspondence_pk(database: str, un_article: str, budapest_article: str) -> int:
    found = manage(
        database,
        "shell",
        "--command",
        "from concordance.mapping.models import Correspondence; "
        f"print(Correspondence.objects.curated().get(left__eid={un_article!r}, right__eid={budapest_article!r}).pk)",
    )
    return int(found.stdout.strip().splitlines()[-1])
