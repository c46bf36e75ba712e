"""Bounded traffic for the fault suite: anonymous readers and a signed-in curator, every answer timed.

Each request opens its own connection (as a browser's first visit does), so
a fault can only fail the requests it catches in flight. An answer records
when it started and ended and its status (0: no HTTP answer at all — the
connection was refused, reset or timed out), so a test can tell the requests
in flight during a fault from those before and after it.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg

from tests.ops.helpers import libpq_url, manage

READER_PAGES = [
    "/",
    "/un/",
    "/budapest/art-2/",
    "/concordance/",
    "/compare/un/art_25/budapest/art_16/",
    "/search/?q=conservation+rapide",
]
TIMEOUT = 20  # seconds for one request: longer than any restart these tests cause


@dataclass(frozen=True)
class Answer:
    what: str
    started: float
    ended: float
    status: int

    def in_flight_during(self, start: float, end: float) -> bool:
        return self.started < end and self.ended > start


def production_environment(database_url: str, folder: Path, static_root: Path) -> dict[str, str]:
    """Production settings (DEBUG off) on that database, cache and logs in ``folder``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(static_root),
        CONCORDANCE_CACHE_DIR=str(folder / "cache"),
        CONCORDANCE_LOG_DIR=str(folder / "log"),
        DATABASE_URL=database_url,
    )
    return env


def request(
    port: int, method: str, path: str, *, body: dict | None = None, cookies: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    """(status, headers with lower-case names, text) of one request on a new connection; status 0 if none came."""
    headers = {"Host": "127.0.0.1"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    data = None
    if body is not None:
        data = urlencode(body, doseq=True).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        if cookies is not None:
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return response.status, {name.lower(): value for name, value in response.getheaders()}, text
    except (OSError, http.client.HTTPException):
        return 0, {}, ""
    finally:
        connection.close()


def field(name: str, page: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no {name} in the page"
    return match.group(1)


class Curator:
    """A curator signed in over HTTP (production settings: session and CSRF cookies, the form's token)."""

    def __init__(self, port: int, username: str, password: str) -> None:
        self.port, self.cookies = port, dict[str, str]()
        status, _, page = request(port, "GET", "/accounts/login/", cookies=self.cookies)
        assert status == 200, f"sign-in page: HTTP {status}"
        form = {"username": username, "password": password, "csrfmiddlewaretoken": field("csrfmiddlewaretoken", page)}
        status, _, page = request(port, "POST", "/accounts/login/", body=form, cookies=self.cookies)
        assert status == 302, f"sign-in: HTTP {status}\n{page[:2000]}"

    def open(self, correspondence: dict) -> tuple[int, str]:
        """The edit form of a correspondence: (status, page)."""
        status, _, page = request(
            self.port, "GET", f"/concordance/correspondences/{correspondence['id']}/", cookies=self.cookies
        )
        return status, page

    def open_new(self) -> tuple[int, str]:
        """The form of a new correspondence: (status, page)."""
        status, _, page = request(self.port, "GET", "/concordance/correspondences/new/", cookies=self.cookies)
        return status, page

    def submit(self, correspondence: dict, page: str, note: str) -> int:
        """The form opened in ``page``, its note changed, submitted: the status (302 when saved)."""
        form = {
            **{name: value for name, value in correspondence.items() if name != "id"},
            "note": note,
            "version": field("version", page),
            "csrfmiddlewaretoken": field("csrfmiddlewaretoken", page),
        }
        url = f"/concordance/correspondences/{correspondence['id']}/"
        return request(self.port, "POST", url, body=form, cookies=self.cookies)[0]


def create_curator(database_url: str, username: str) -> tuple[str, str]:
    password = secrets.token_urlsafe(18)
    manage(database_url, "createcurator", username, "--password-from-env", "FAULT_PASSWORD", FAULT_PASSWORD=password)
    return username, password


def post_together(port: int, path: str, sessions: list[tuple[dict, dict[str, str]]]) -> list[tuple[int, str]]:
    """Each (form, cookies) posted to ``path`` from its own thread, released at the same instant."""
    barrier = threading.Barrier(len(sessions))
    answers: list[tuple[int, str]] = [(0, "")] * len(sessions)

    def post(index: int) -> None:
        form, cookies = sessions[index]
        barrier.wait(timeout=10)
        status, _, text = request(port, "POST", path, body=form, cookies=cookies)
        answers[index] = (status, text)

    threads = [threading.Thread(target=post, args=(index,)) for index in range(len(sessions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT + 10)
    return answers


def curated_correspondences(database_url: str, count: int) -> list[dict]:
    """Curated correspondences as their edit form is filled in (instrument and identifier on each side)."""
    with psycopg.connect(libpq_url(database_url)) as connection:
        rows = connection.execute(
            """
            SELECT c.id, li.slug, l.eid, ri.slug, r.eid, c.relation, c.status,
                   coalesce(array_agg(t.theme_id) FILTER (WHERE t.theme_id IS NOT NULL), '{}')
            FROM mapping_correspondence c
            JOIN corpus_provision l ON l.id = c.left_id
            JOIN corpus_edition le ON le.id = l.edition_id
            JOIN corpus_instrument li ON li.id = le.instrument_id
            JOIN corpus_provision r ON r.id = c.right_id
            JOIN corpus_edition re ON re.id = r.edition_id
            JOIN corpus_instrument ri ON ri.id = re.instrument_id
            LEFT JOIN mapping_correspondence_themes t ON t.correspondence_id = c.id
            WHERE c.origin = 'curated'
            GROUP BY c.id, li.slug, l.eid, ri.slug, r.eid ORDER BY c.id LIMIT %s
            """,
            [count],
        ).fetchall()
    names = ("id", "left_instrument", "left_provision", "right_instrument", "right_provision", "relation", "status")
    return [{**dict(zip(names, row[:7], strict=True)), "themes": list(row[7])} for row in rows]


def notes_in_history(database_url: str, prefix: str) -> set[str]:
    with psycopg.connect(libpq_url(database_url)) as connection:
        return {
            note
            for (note,) in connection.execute(
                "SELECT note FROM mapping_historicalcorrespondence WHERE note LIKE %s", [prefix + "%"]
            )
        }


class Traffic:
    """Readers, and a curator saving one note after another, until stopped; every answer recorded."""

    # Each save advances the data version, so every reader's next page is rendered again:
    # a save every half second keeps the readers' pages mostly served from the cache.
    CURATOR_PAUSE = 0.5

    def __init__(self, port: int, *, readers: int, curator: Curator | None = None, correspondences=()) -> None:
        self.port, self.readers, self.curator = port, readers, curator
        self.correspondences = list(correspondences)
        self.answers: list[Answer] = []
        self.confirmed_notes: list[str] = []
        self.prefix = f"fault-save {secrets.token_hex(4)} "
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def _record(self, what: str, started: float, status: int) -> None:
        with self._lock:
            self.answers.append(Answer(what, started, time.monotonic(), status))

    def _read(self, offset: int) -> None:
        for number in range(offset, 10**9):
            if self._stop.is_set():
                return
            path = READER_PAGES[number % len(READER_PAGES)]
            started = time.monotonic()
            self._record(path, started, request(self.port, "GET", path)[0])

    def _curate(self) -> None:
        assert self.curator is not None
        for number in range(10**9):
            if self._stop.is_set():
                return
            correspondence = self.correspondences[number % len(self.correspondences)]
            note = f"{self.prefix}{number}"
            started = time.monotonic()
            opened, page = self.curator.open(correspondence)
            self._record("curator: edit form", started, opened)
            if opened != 200:
                self._stop.wait(self.CURATOR_PAUSE)
                continue
            started = time.monotonic()
            saved = self.curator.submit(correspondence, page, note)
            self._record("curator: save", started, saved)
            if saved == 302:  # the site confirmed it: the redirect comes after the commit
                with self._lock:
                    self.confirmed_notes.append(note)
            self._stop.wait(self.CURATOR_PAUSE)

    def warm_up(self, workers: int) -> None:
        """Every reader page asked enough times that each worker has rendered it (not recorded)."""
        for _round in range(workers):
            for path in READER_PAGES:
                assert request(self.port, "GET", path)[0] == 200, path

    @contextmanager
    def running(self) -> Iterator[Traffic]:
        threads = [threading.Thread(target=self._read, args=(index,), daemon=True) for index in range(self.readers)]
        if self.curator is not None:
            threads.append(threading.Thread(target=self._curate, daemon=True))
        for thread in threads:
            thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            for thread in threads:
                thread.join(timeout=TIMEOUT + 5)

    def started_after(self, moment: float) -> list[Answer]:
        with self._lock:
            return [answer for answer in self.answers if answer.started > moment]

    def until_answered_after(self, moment: float, count: int, *, within: float = 30) -> None:
        """Keep the traffic going until ``count`` requests that started after ``moment`` are answered."""
        deadline = time.monotonic() + within
        while len(self.started_after(moment)) < count:
            assert time.monotonic() < deadline, (
                f"fewer than {count} answers within {within} s:\n{self.timeline(moment)}"
            )
            time.sleep(0.1)

    def until_confirmed(self, count: int, *, within: float = 30) -> None:
        """Keep the traffic going until the site has confirmed ``count`` saves in all."""
        deadline = time.monotonic() + within
        while len(self.confirmed_notes) < count:
            assert time.monotonic() < deadline, f"fewer than {count} saves confirmed within {within} s"
            time.sleep(0.1)

    def timeline(self, origin: float) -> str:
        """Every answer, relative to ``origin`` (for a failure's message)."""
        with self._lock:
            answers = sorted(self.answers, key=lambda answer: answer.started)
        return "\n".join(
            f"{a.started - origin:+7.2f} s → {a.ended - origin:+7.2f} s  {a.status:3d}  {a.what}" for a in answers
        )

    def failures(self) -> list[Answer]:
        expected = {"curator: save": (302,)}
        return [a for a in self.answers if a.status not in expected.get(a.what, (200, 304))]
