"""Search vectors of provisions and notes, kept by PostgreSQL.

The search vector is a STORED generated column on ``corpus_provision`` and
``corpus_note``: the database recomputes it whenever a heading or a text
changes, so a re-ingest can never leave the index stale and no signal or
sync code is needed.  The columns are added with SQL and deliberately not
declared in Django's model state, because the models belong to the corpus
app: the ORM never writes them (PostgreSQL refuses writes to generated
columns) and ``concordance.search.searching`` reads them by name.  The same
column as a ``models.GeneratedField`` on the corpus models produces this
very DDL (see the search app's report); this migration would then go.

The trigram indexes serve the typo fallback (``word_similarity``, ``<%``).

Note: PostgreSQL refuses to change the type of ``heading`` or ``text``
while a generated column uses them; such a corpus migration must drop and
re-create these columns around the change.
"""

from django.db import migrations

CONFIG = "public.french_unaccent"


def vector(heading: str, text: str) -> str:
    # Headings weigh A, text B: a match in an article's title ranks first.
    return (
        f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({heading}, '')), 'A') || "
        f"setweight(to_tsvector('{CONFIG}'::regconfig, coalesce({text}, '')), 'B')"
    )


ADD_COLUMNS = f"""
ALTER TABLE corpus_provision ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({vector("heading", "text")}) STORED;
CREATE INDEX provision_search_vector_idx ON corpus_provision USING gin (search_vector);
CREATE INDEX provision_search_trgm_idx ON corpus_provision
    USING gin ((heading || ' ' || text) gin_trgm_ops);

ALTER TABLE corpus_note ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS ({vector("heading", "text")}) STORED;
CREATE INDEX note_search_vector_idx ON corpus_note USING gin (search_vector);
CREATE INDEX note_search_trgm_idx ON corpus_note
    USING gin ((heading || ' ' || text) gin_trgm_ops);
"""

DROP_COLUMNS = """
DROP INDEX IF EXISTS note_search_trgm_idx;
DROP INDEX IF EXISTS note_search_vector_idx;
ALTER TABLE corpus_note DROP COLUMN IF EXISTS search_vector;
DROP INDEX IF EXISTS provision_search_trgm_idx;
DROP INDEX IF EXISTS provision_search_vector_idx;
ALTER TABLE corpus_provision DROP COLUMN IF EXISTS search_vector;
"""


class Migration(migrations.Migration):

    dependencies = [
        ("corpus", "0002_closing_and_warnings"),
        ("search", "0001_text_search_configuration"),
    ]

    operations = [
        migrations.RunSQL(ADD_COLUMNS, reverse_sql=DROP_COLUMNS),
    ]
