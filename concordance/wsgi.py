import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concordance.settings")
application = get_wsgi_application()


def warm_up() -> None:
    """Do once, before the workers fork, what each worker's first request would.

    Under ``gunicorn --preload`` (make serve) this module is imported by the
    master: the URLconf's imports (every view, the API and its schemas, the
    pure libraries' regular expressions), every template compiled into the
    cached loader, the glossary and the site's version are then shared by the
    forked workers, whose first request costs little more than a warm one.
    Nothing here opens a database connection, which must not cross a fork.
    """
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import get_template
    from django.urls import get_resolver
    from django.utils import translation

    from concordance.glossary import curated_glossary
    from concordance.versioning.middleware import site_version

    get_resolver().url_patterns  # noqa: B018 - evaluated for its imports
    folder = Path(settings.BASE_DIR) / "templates"
    for path in sorted(folder.rglob("*.html")):
        get_template(path.relative_to(folder).as_posix())
    curated_glossary()
    site_version()
    # Each interface language's message catalogue (locale/, and Django's own), read and merged once.
    for language, _ in settings.LANGUAGES:
        translation.trans_real.translation(language)


if os.environ.get("CONCORDANCE_WARM_UP", "1") == "1":
    warm_up()
