"""Production settings, as a deployment would load them: in a subprocess.

The test process itself runs with DJANGO_DEBUG=1 (tests/testing_environment.py);
settings are read once per process, so production is exercised by starting
`manage.py` (or a small script) with the production environment.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

HOST = "concordance.example.org"


def production_environment(**changes: str | None) -> dict[str, str]:
    """The environment of a production deployment; a None value unsets a variable."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DATABASE_URL": os.environ["DATABASE_URL"],
        }
    )
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def manage(*args: str, **changes: str | None) -> subprocess.CompletedProcess:
    return run(["manage.py", *args], production_environment(**changes))


def test_check_deploy_passes_without_any_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in result.stdout, output
    assert "WARNING" not in output and "?: (" not in output, output


def test_check_deploy_warns_when_https_redirect_is_turned_off_for_loopback_serving():
    # The override exists for serving on 127.0.0.1 over HTTP; it must not
    # pass unnoticed in a real deployment.
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    assert result.returncode != 0
    assert "security.W008" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("variable", "advice"),
    [
        ("DJANGO_SECRET_KEY", "secrets.token_urlsafe"),
        ("DJANGO_ALLOWED_HOSTS", "host names"),
        ("DATABASE_URL", "PostgreSQL"),
    ],
)
@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_missing_required_variable_stops_start_up_naming_it(variable, advice, how):
    result = manage("check", **{variable: None if how == "missing" else "  "})
    assert result.returncode != 0
    # manage.py names the setting on one line, without a traceback (reliability review D15).
    assert "Traceback" not in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert message.startswith("error: ")
    assert f"{variable} is not set" in message and advice in message, result.stderr


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG='maybe' is not a boolean: use 1 or 0."),
        ({"DJANGO_SECRET_KEY": "short-secret"}, "DJANGO_SECRET_KEY is too weak (12 characters"),
        ({"DJANGO_SECRET_KEY": "a" * 60}, "DJANGO_SECRET_KEY is too weak (60 characters, 1 distinct)"),
        (
            {"DJANGO_SECRET_KEY": "django-insecure-" + secrets.token_urlsafe(50)},
            "DJANGO_SECRET_KEY is too weak",
        ),
        (
            {"DJANGO_ALLOWED_HOSTS": f"https://{HOST}"},
            f"DJANGO_ALLOWED_HOSTS entry 'https://{HOST}' is not a host name",
        ),
        ({"DJANGO_ALLOWED_HOSTS": f"{HOST}:8000"}, "is not a host name"),
        ({"DJANGO_CSRF_TRUSTED_ORIGINS": HOST}, f"DJANGO_CSRF_TRUSTED_ORIGINS entry '{HOST}' has no scheme"),
        (
            {"DATABASE_URL": "sqlite:///db.sqlite3"},
            "DATABASE_URL='sqlite:///db.sqlite3' is not a PostgreSQL address: write it as postgresql://",
        ),
        (
            {"DATABASE_URL": "banana"},
            "DATABASE_URL='banana' is not a PostgreSQL address: write it as postgresql://USER:PASSWORD@HOST:PORT/NAME",
        ),
        (
            {"DATABASE_URL": "mysql://u@db/concordance"},
            "DATABASE_URL='mysql://u@db/concordance' is not a PostgreSQL address",
        ),
        ({"DATABASE_URL": "postgresql://u@db:port/concordance"}, "DATABASE_URL cannot be read"),
        ({"DATABASE_URL": "postgresql://u@db:5432/"}, "DATABASE_URL names no database"),
        ({"DJANGO_ALLOWED_HOSTS": "*"}, "DJANGO_ALLOWED_HOSTS='*' would answer any Host header"),
        ({"DJANGO_ALLOWED_HOSTS": f"{HOST},*"}, "DJANGO_ALLOWED_HOSTS='*'"),
        (
            {"DJANGO_SECURE_SSL_REDIRECT": "0"},
            "DJANGO_SECURE_SSL_REDIRECT=0 serves plain HTTP: "
            "it is allowed only when DJANGO_ALLOWED_HOSTS lists loopback names alone",
        ),
        ({"DJANGO_TRUST_X_FORWARDED_PROTO": "si"}, "DJANGO_TRUST_X_FORWARDED_PROTO='si' is not a boolean"),
        ({"DJANGO_SECURE_SSL_REDIRECT": "perhaps"}, "DJANGO_SECURE_SSL_REDIRECT='perhaps' is not a boolean"),
        ({"DJANGO_TRUST_X_FORWARDED_FOR": "proxy"}, "DJANGO_TRUST_X_FORWARDED_FOR='proxy' is not a boolean"),
        (
            {"CONCORDANCE_LOG_DIR": "/dev/null/log"},
            "CONCORDANCE_LOG_DIR='/dev/null/log' cannot be used for the error log",
        ),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else None,
)
def test_a_malformed_variable_stops_start_up_naming_it(changes, expected):
    result = manage("check", **changes)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "Traceback" not in result.stderr
    assert last_line.startswith("error: ")
    assert expected in last_line


def test_well_formed_optional_variables_are_accepted():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ALLOWED_HOSTS=f"{HOST},www.{HOST},[::1]",
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST},https://www.{HOST}",
        DJANGO_TRUST_X_FORWARDED_PROTO="1",
    )
    assert result.returncode == 0, result.stderr


# What a browser receives from production settings. The script asks for the
# OpenAPI description: it needs neither the database nor collected static files.
RESPONSES = """
import json
import django

django.setup()
from django.conf import settings
from django.test import Client

client = Client()
def headers(response):
    return {"status": response.status_code, **{k.lower(): v for k, v in response.headers.items()}}

print(json.dumps({
    "http": headers(client.get("/api/openapi.json", HTTP_HOST=HOST)),
    "https": headers(client.get("/api/openapi.json", HTTP_HOST=HOST, secure=True)),
    "proxied": headers(client.get("/api/openapi.json", HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")),
    "cookies_secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def production_responses(host: str = HOST, **changes: str | None) -> dict:
    env = production_environment(DJANGO_SETTINGS_MODULE="concordance.settings", **changes)
    result = run(["-c", f"HOST = {host!r}\n" + RESPONSES], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_to_https_and_sends_hsts_with_subdomains_and_preload():
    responses = production_responses()
    assert responses["http"]["status"] == 301
    assert responses["http"]["location"] == f"https://{HOST}/api/openapi.json"
    https = responses["https"]
    assert https["status"] == 200
    assert https["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert https["x-content-type-options"] == "nosniff"
    assert https["x-frame-options"] == "DENY"
    assert https["referrer-policy"] == "same-origin"
    assert "frame-ancestors 'none'" in https["content-security-policy"]
    assert responses["cookies_secure"] == [True, True]
    # X-Forwarded-Proto is not trusted unless the deployment says a proxy sets it.
    assert responses["proxied"]["status"] == 301


def test_behind_a_tls_proxy_the_forwarded_scheme_is_trusted_only_when_configured():
    responses = production_responses(DJANGO_TRUST_X_FORWARDED_PROTO="1")
    assert responses["proxied"]["status"] == 200
    assert "strict-transport-security" in responses["proxied"]
    assert responses["http"]["status"] == 301


def test_loopback_serving_can_turn_the_https_redirect_off():
    responses = production_responses(
        DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost", host="localhost"
    )
    assert responses["http"]["status"] == 200
    # HSTS is only ever sent over HTTPS, as browsers ignore it otherwise.
    assert "strict-transport-security" not in responses["http"]
