"""The corpus's vocabulary, for the trigram fallback: each word once, with the number of rows holding it.

A query that finds nothing has each word replaced by the closest word of
the corpus (``sql.closest_spellings``). Finding that word by scanning the
texts whose trigrams resemble the query costs as much as there are such
texts: at a hundred times the corpus a misspelt word took more than the
five-second statement timeout. The words themselves do not multiply with
the texts, so the fallback looks them up here, in a trigram index over a
few thousand words.

The table is kept by PostgreSQL, like the search vectors: statement
triggers on provisions and notes count the words of the rows inserted,
updated and deleted (``simple`` configuration: the words as written, in
lower case, as the fallback has always proposed them), so no ingest, restore
or edit can leave it stale and no application code writes it. A word goes
when no row holds it any more; a TRUNCATE counts the whole table again.

The trigram indexes over the texts served only the old fallback: they go,
and with them most of the cost of writing a text (a copy of the corpus
took 9.4 s with them, 6.2 s without, on the loaded bench machine).
"""

from django.db import migrations

WORDS = "unnest(tsvector_to_array(to_tsvector('simple', r.heading || ' ' || r.text)))"

CREATE = f"""
DROP INDEX provision_search_trgm_idx;
DROP INDEX note_search_trgm_idx;

CREATE TABLE search_word (
    word text PRIMARY KEY,
    row_count integer NOT NULL CHECK (row_count > 0)
);
CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops) WITH (fastupdate = off);

CREATE FUNCTION search_word_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- The words no row holds any more go first, then the others are
        -- counted down (in the other order a count just lowered would match).
        WITH gone AS (SELECT word, count(*) AS n FROM old_rows AS r, {WORDS} AS word GROUP BY word)
        DELETE FROM search_word AS w USING gone WHERE w.word = gone.word AND w.row_count <= gone.n;
        WITH gone AS (SELECT word, count(*) AS n FROM old_rows AS r, {WORDS} AS word GROUP BY word)
        UPDATE search_word AS w SET row_count = w.row_count - gone.n FROM gone WHERE w.word = gone.word;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_word (word, row_count)
        SELECT word, count(*) FROM new_rows AS r, {WORDS} AS word GROUP BY word
        ON CONFLICT (word) DO UPDATE SET row_count = search_word.row_count + excluded.row_count;
    END IF;
    RETURN NULL;
END
$$;
"""

# PostgreSQL allows transition tables on triggers of a single event only.
TRIGGERS = "".join(
    f"""
CREATE TRIGGER search_word_{table}_{event} AFTER {event.upper()} ON corpus_{table}
    REFERENCING {references} FOR EACH STATEMENT EXECUTE FUNCTION search_word_count();
"""
    for table in ("provision", "note")
    for event, references in (
        ("insert", "NEW TABLE AS new_rows"),
        ("update", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("delete", "OLD TABLE AS old_rows"),
    )
)

FILL = f"""
DELETE FROM search_word;
INSERT INTO search_word (word, row_count)
SELECT word, count(*) FROM (
    SELECT heading, text FROM corpus_provision UNION ALL SELECT heading, text FROM corpus_note
) AS r, {WORDS} AS word
GROUP BY word;
"""

DROP = """
DROP TRIGGER IF EXISTS search_word_provision_insert ON corpus_provision;
DROP TRIGGER IF EXISTS search_word_provision_update ON corpus_provision;
DROP TRIGGER IF EXISTS search_word_provision_delete ON corpus_provision;
DROP TRIGGER IF EXISTS search_word_note_insert ON corpus_note;
DROP TRIGGER IF EXISTS search_word_note_update ON corpus_note;
DROP TRIGGER IF EXISTS search_word_note_delete ON corpus_note;
DROP TRIGGER IF EXISTS search_word_provision_truncate ON corpus_provision;
DROP TRIGGER IF EXISTS search_word_note_truncate ON corpus_note;
DROP FUNCTION IF EXISTS search_word_refill();
DROP FUNCTION IF EXISTS search_word_count();
DROP TABLE IF EXISTS search_word;
CREATE INDEX provision_search_trgm_idx ON corpus_provision USING gin ((heading || ' ' || text) gin_trgm_ops);
CREATE INDEX note_search_trgm_idx ON corpus_note USING gin ((heading || ' ' || text) gin_trgm_ops);
"""


# TRUNCATE (Django's flush between transactional tests) fires no row
# trigger: the vocabulary is counted again from what is left.
REFILL = f"""
CREATE FUNCTION search_word_refill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {FILL}
    RETURN NULL;
END
$$;
CREATE TRIGGER search_word_provision_truncate AFTER TRUNCATE ON corpus_provision
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_refill();
CREATE TRIGGER search_word_note_truncate AFTER TRUNCATE ON corpus_note
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_refill();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_gin_without_pending_list"),
    ]

    operations = [
        migrations.RunSQL(CREATE + TRIGGERS + REFILL + FILL, reverse_sql=DROP),
    ]
