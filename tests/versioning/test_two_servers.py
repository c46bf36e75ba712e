"""Two application servers on one database and one cache: a curator's edit through one is
served by the other on the next request, and both answer 304 to the same ETag."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.ops.helpers import ROOT, environment, fetch, load_database, manage, scratch_database, serving

PASSWORD = secrets.token_urlsafe(16)
BROWSER = {"Accept-Encoding": "gzip"}


@pytest.fixture
def database():
    """A scratch database per test: each deletes a correspondence."""
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
        self.body = b""

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": self.cookies["csrftoken"]})
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Referer": "http://127.0.0.1/"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        self.body = response.read()
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


@pytest.fixture
def redis_url(tmp_path):
    """A private redis-server on a unix socket (scripts/redis.sh), stopped afterwards."""
    if shutil.which("redis-server") is None:
        message = "redis-server is not installed: bash scripts/redis.sh ensure installs it (as root)"
        if os.geteuid() == 0:
            pytest.fail(message + "; as root the Redis tests must run.")
        pytest.skip(message)
    folder = tmp_path / "redis"
    script = str(ROOT / "scripts" / "redis.sh")
    url = subprocess.run(["bash", script, "start", str(folder)], capture_output=True, text=True, check=True)
    try:
        yield url.stdout.strip()
    finally:
        subprocess.run(["bash", script, "stop", str(folder)], check=False)


@pytest.fixture(params=["file cache", "redis"])
def shared_cache(request, tmp_path) -> dict[str, str]:
    """One cache for both servers: a folder (the workers of one machine) or Redis (several machines)."""
    if request.param == "redis":
        return {"CACHE_URL": request.getfixturevalue("redis_url")}
    return {"CONCORDANCE_CACHE_DIR": str(tmp_path / "cache")}


def test_an_edit_through_one_server_is_served_by_the_other_at_once(database, shared_cache):
    env = environment(database, CONCORDANCE_RESPONSE_CACHE="1", **shared_cache)
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
        delete = f"/concordance/correspondences/{pk}/delete/"
        curator.request("GET", delete)
        # A deletion carries the version it was read at (no lost update): read it from the page, as a browser does.
        version = re.search(rb'name="version" value="([^"]*)"', curator.body)
        assert version is not None
        assert curator.request("POST", delete, {"version": version.group(1).decode()}).status == 302

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
