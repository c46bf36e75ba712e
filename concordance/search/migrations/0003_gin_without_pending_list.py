"""The search indexes written through at once, never through a pending list.

A GIN index with ``fastupdate`` (PostgreSQL's default) parks new entries in
a pending list that every search then reads from end to end, until a
VACUUM or an autovacuum's ANALYZE merges it into the index. The corpus
changes only by ingest, set-up and curators' edits, while it is searched
on every request: right after a load of a hundred times the corpus
(``bench/scale.py``) the list held 6,841 entries and a search's index
scan took 25 ms instead of 2. Without the list, an insert updates the
index itself (slower writes, which nobody waits for), and a search never
pays for the last load. The entries already pending are merged here.
"""

from django.db import migrations

INDEXES = ["provision_search_vector_idx", "note_search_vector_idx"]

WRITE_THROUGH = "".join(
    f"ALTER INDEX {index} SET (fastupdate = off);\nSELECT gin_clean_pending_list('{index}'::regclass);\n"
    for index in INDEXES
)
PENDING_LIST = "".join(f"ALTER INDEX {index} RESET (fastupdate);\n" for index in INDEXES)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_columns"),
    ]

    operations = [
        migrations.RunSQL(WRITE_THROUGH, reverse_sql=PENDING_LIST),
    ]
