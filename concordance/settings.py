"""One settings module, driven by environment variables.

A variable that is set but malformed stops start-up with a message naming it;
production (DJANGO_DEBUG=0) also requires a secret key and allowed hosts.

    DATABASE_URL                  required: postgresql://…
    DJANGO_DEBUG                  1 for development; 0 (the default) for production
    DJANGO_SECRET_KEY             production: 50+ random characters
    DJANGO_ALLOWED_HOSTS          production: host names, comma-separated ('*' refused)
    DJANGO_CSRF_TRUSTED_ORIGINS   optional: https://host,… allowed to POST
    DJANGO_SECURE_SSL_REDIRECT    production, default 1; 0 only to serve over
                                  plain HTTP on a loopback address (refused
                                  when the allowed hosts are not all loopback)
    DJANGO_TRUST_X_FORWARDED_PROTO  production, default 0; 1 behind a proxy
                                  that terminates TLS and sets the header
    DJANGO_TRUST_X_FORWARDED_FOR  default 0; 1 behind one proxy that appends
                                  the client's address to X-Forwarded-For
                                  (the sign-in throttle keys on it)
    DJANGO_STATIC_ROOT            optional: the folder collectstatic fills and
                                  production serves (default var/staticfiles)
    CONCORDANCE_CACHE_DIR         optional: the file cache (default var/cache)
    CONCORDANCE_LOG_DIR           optional: where production writes its error
                                  log, concordance.log (default var/log)

`manage.py check --deploy --fail-level WARNING` passes with production
settings (tests/security/test_production_settings.py runs it).
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import cast

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

from concordance.error_log import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1 or 0.")


def env_required(name: str, hint: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} is not set: {hint}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def production_secret_key(value: str) -> str:
    """The checks of `manage.py check --deploy` (security.W009), made fatal:
    a weak key would sign sessions and CSRF tokens that can be forged."""
    if len(value) < 50 or len(set(value)) < 5 or value.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            f"DJANGO_SECRET_KEY is too weak ({len(value)} characters, {len(set(value))} distinct): "
            "production needs at least 50 random characters with 5 or more distinct ones, "
            "e.g. `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    return value


def host_names(hosts: list[str]) -> list[str]:
    for host in hosts:
        if host == "*":
            raise ImproperlyConfigured(
                "DJANGO_ALLOWED_HOSTS='*' would answer any Host header (host-header poisoning of the "
                "links in sent pages): list the host names served, comma-separated (concordance.example.org)."
            )
        # An IPv6 address comes in brackets; anything else with a colon has a port.
        if "/" in host or (":" in host and not host.startswith("[")):
            raise ImproperlyConfigured(
                f"DJANGO_ALLOWED_HOSTS entry {host!r} is not a host name: give names only, "
                "without scheme, port or path (concordance.example.org,www.example.org)."
            )
    return hosts


LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def database(url: str) -> dict:
    """DATABASE_URL as Django's DATABASES entry; PostgreSQL only."""
    valid = "postgresql://USER:PASSWORD@HOST:PORT/NAME, or postgresql://USER@/NAME?host=/socket/folder"
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(f"DATABASE_URL={url[:80]!r} is not a PostgreSQL address: write it as {valid}.")
    try:
        parsed = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read ({error}): write it as {valid}.") from None
    if not parsed.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL names no database: write it as {valid}.")
    return dict(parsed)


def origins(values: list[str]) -> list[str]:
    for value in values:
        if not value.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                f"DJANGO_CSRF_TRUSTED_ORIGINS entry {value!r} has no scheme: "
                "write it as https://host (comma-separated for several)."
            )
    return values


DEBUG = env_bool("DJANGO_DEBUG", default=False)

if DEBUG:
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-not-secret-" + "x" * 40
    ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
else:
    SECRET_KEY = production_secret_key(
        env_required(
            "DJANGO_SECRET_KEY",
            "production needs a long random secret, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` (or set DJANGO_DEBUG=1).",
        )
    )
    ALLOWED_HOSTS = host_names(env_list("DJANGO_ALLOWED_HOSTS", []))
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS is not set: production needs the host names it serves, "
            "comma-separated (or set DJANGO_DEBUG=1)."
        )

# Origins allowed to POST besides the site itself, e.g. when a proxy serves it
# under another name: https://concordance.example.org (scheme included).
CSRF_TRUSTED_ORIGINS = origins(env_list("DJANGO_CSRF_TRUSTED_ORIGINS", []))

# Persistent connections, checked before reuse: the app recovers by itself
# when PostgreSQL restarts (tests/ops/test_reconnect.py).
DATABASES = {
    "default": database(
        env_required(
            "DATABASE_URL",
            "point it at PostgreSQL (the Makefile sets it to the project's private cluster).",
        )
    )
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "simple_history",
    "ninja",
    "csp",
    "axes",
    "concordance.corpus",
    "concordance.mapping",
    "concordance.comparison",
    "concordance.search",
    "concordance.crossrefs",
    "concordance.editions",
    "concordance.analysis",
    "concordance.reading",
    "concordance.exports",
]

MIDDLEWARE = [
    # First: every response, whatever answers it, carries the request's id.
    "concordance.error_log.RequestId",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "concordance.htmx.VaryOnHtmxRequest",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the middleware that add headers, so their 413 and 400 carry them too.
    "concordance.security.BoundedRequestBody",
    "concordance.security.RejectNulCharacters",
    "concordance.security.ReadOnlyAPI",
    # Last, as django-axes requires: it turns a locked-out sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "concordance.urls"
WSGI_APPLICATION = "concordance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fr"
# French is the source language of the interface (and the language of every
# treaty text the site serves); English is a translation of the interface only.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Where collectstatic writes and production serves from (whitenoise).
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "var" / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "concordance"
LOGOUT_REDIRECT_URL = "home"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Unhandled errors, with their traceback, request id, path and user: to
# standard error (gunicorn's log) always, and in production to a rotating
# file as well (concordance/error_log.py).
LOG_DIR = None if DEBUG else Path(os.environ.get("CONCORDANCE_LOG_DIR") or BASE_DIR / "var" / "log")
try:
    LOGGING = logging_config(LOG_DIR)
except OSError as error:
    raise ImproperlyConfigured(
        f"CONCORDANCE_LOG_DIR={str(LOG_DIR)!r} cannot be used for the error log ({error.strerror}): "
        "point it at a folder this user can create and write."
    ) from None

# Comparisons and collations are cached under content-addressed keys, in
# files so that every gunicorn worker shares them and they survive restarts.
# A cache that cannot be read or written (full disk, missing folder) is a
# miss, logged once per process: never a 500 (concordance/cache_backends.py).
CACHES = {
    "default": {
        "BACKEND": "concordance.cache_backends.FailSoftFileBasedCache",
        "LOCATION": os.environ.get("CONCORDANCE_CACHE_DIR") or str(BASE_DIR / "var" / "cache"),
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}

# Where the project keeps its own copies of the source documents.
SOURCES_DIR = BASE_DIR / "fixtures" / "sources"
CONCORDANCE_FIXTURE = BASE_DIR / "fixtures" / "concordance.json"
GLOSSARY_PATH = BASE_DIR / "fixtures" / "glossary.json"

# Security. What every response carries whatever the mode; production adds
# HTTPS-only cookies, HSTS and the redirect to HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# No inline script or style anywhere, no eval, nothing from another origin:
# the site's JavaScript is in files under static/js (htmx is told, in
# base.html, not to insert its inline indicator style and not to eval).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Swagger UI's stylesheet draws its icons with data: images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

if not DEBUG:
    # Off only to serve production settings over plain HTTP on a loopback
    # address (a smoke test behind no proxy); `check --deploy` then warns.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    if not SECURE_SSL_REDIRECT and not set(ALLOWED_HOSTS) <= LOOPBACK:
        raise ImproperlyConfigured(
            "DJANGO_SECURE_SSL_REDIRECT=0 serves plain HTTP: it is allowed only when DJANGO_ALLOWED_HOSTS "
            f"lists loopback names alone ({', '.join(sorted(LOOPBACK))}), not {', '.join(ALLOWED_HOSTS)}. "
            "Serve the public host over HTTPS (DJANGO_SECURE_SSL_REDIRECT=1)."
        )
    # Behind a proxy that terminates TLS and sets X-Forwarded-Proto, requests
    # are secure only if the proxy says so; never trust the header otherwise.
    if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Sign-in attempts are throttled by django-axes: after AXES_FAILURE_LIMIT
# failures for one username from one address, that pair is refused for the
# cool-off time, even with the right password; a successful sign-in resets
# the count. The lockout page is the sign-in form with a message.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "concordance.security.lockout_response"
# Behind a proxy every visitor arrives from the proxy's address: keyed on
# REMOTE_ADDR, five failures would lock a curator out for everyone. The
# proxy appends the address it saw to X-Forwarded-For; only that last entry
# is trusted (the ones before it are whatever the client sent), and only
# when DJANGO_TRUST_X_FORWARDED_FOR says a proxy is there to set it.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False)
AXES_CLIENT_IP_CALLABLE = "concordance.security.client_address"

# Request bodies: the largest form of the site (a correspondence's note, the
# admin's) is a few kilobytes; BoundedRequestBody answers 413 to anything
# declaring more than this before it is read, and Django's own limit on form
# data stays below it.
MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_BYTES

# The JSON API (concordance/api.py, mounted in urls.py) is read-only:
# concordance.security.ReadOnlyAPI answers 405 to other methods under it.
API_PREFIX = "/api/"

# --- Data version, whole-response cache, validators and compression (issue 16) ---
# concordance/versioning: the database advances a data version with every
# write to the corpus or the curated data; anonymous GETs are served whole
# from the cache under it, with ETag/Last-Modified/Cache-Control and 304s.
# The middleware sits under whitenoise (static files keep their own caching)
# and above the session, so a cached page never reads the session.
INSTALLED_APPS += ["concordance.versioning"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "concordance.versioning.middleware.ResponseCache",
)
# The interface's language, from the address alone (concordance/languages.py
# says why not from Accept-Language): above the response cache, which keys
# pages on it, and above URL resolution, which i18n_patterns makes depend on it.
# In place of Django's LocaleMiddleware, which would guess from the browser.
MIDDLEWARE.insert(
    MIDDLEWARE.index("concordance.versioning.middleware.ResponseCache"),
    "concordance.languages.LanguageFromAddress",
)
cast("dict[str, list[str]]", TEMPLATES[0]["OPTIONS"])["context_processors"].append(
    "concordance.versioning.context.sessionless"
)
# The current page in each interface language, for base.html's switch.
cast("dict[str, list[str]]", TEMPLATES[0]["OPTIONS"])["context_processors"].append("concordance.languages.alternates")
# 0 turns the response cache off (validators and compression too): the tests
# do, but for those that check it (tests/versioning).
RESPONSE_CACHE = env_bool("CONCORDANCE_RESPONSE_CACHE", default=True)
# Source maps are for a developer's browser, which fetches them rarely:
# Brotli of django-ninja's two largest took 18 of collectstatic's 25 s.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# Several application servers share one cache: CACHE_URL=redis://host:6379/0
# (or unix:///path/redis.sock) puts the data version's published copy and the
# cached pages and comparisons in Redis, so that an edit through one server is
# served by every other on the next request. Unset: the file cache above,
# shared by the workers of one machine. Either way the cache is never a source
# of truth: emptied, it fills again from PostgreSQL.
if os.environ.get("CACHE_URL"):
    _cache_url = os.environ["CACHE_URL"].strip()
    if not _cache_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"CACHE_URL={_cache_url[:80]!r} is not a Redis address: write it as redis://host:6379/0, "
            "rediss://… (TLS) or unix:///path/to/redis.sock; leave it unset for the file cache."
        )
    CACHES = {
        "default": {
            "BACKEND": "concordance.cache_backends.FailSoftRedisCache",
            "LOCATION": _cache_url,
            "TIMEOUT": None,
        }
    }
