"""The concordance as readable JSON: the curated fixture, exports and imports.

- ``schema``: the document's shape, declared once with pydantic and shared
  by the API (``/api/concordance/``) and the import;
- ``export``: the database as a document;
- ``validate``: what the shape cannot say: every provision, theme and
  instrument named exists, nothing is listed twice;
- ``load``: the document into the database, touching only what differs.
"""
