"""The text search configuration the search vectors use, and the extensions.

``french_unaccent`` is a copy of PostgreSQL's ``french`` configuration whose
words go through the ``unaccent`` dictionary before the French stemmer, so
that "preserver" and "préserver" are one lexeme.  Accents are ignored this
way, rather than by calling ``unaccent()`` in the vector's expression,
because a generated column must be immutable: ``unaccent()`` is not,
``to_tsvector(regconfig, text)`` is.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CONFIG = "public.french_unaccent"

CREATE_CONFIGURATION = f"""
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
        WHERE c.cfgname = 'french_unaccent' AND n.nspname = 'public'
    ) THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):

    dependencies = []

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunSQL(
            CREATE_CONFIGURATION,
            reverse_sql=f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};",
        ),
    ]
