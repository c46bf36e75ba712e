"""An article cannot both have a counterpart in an instrument and be recorded as having none there.

The forms and the admin check it in Python (``Correspondence.refuse_recorded_gaps``,
``MissingCounterpart.clean``); this makes the database refuse it too, on
every path (a restore, an import, a shell), so that a backup can always be
imported again (review D4).

The trigger is a deferrable constraint trigger, checked at commit: an import
may pass through a contradiction (a link added before the record it replaces
is deleted) as long as the transaction ends without one. Curators' paths set
it IMMEDIATE (``curation.invariants_checked_now``) so that its refusal comes
back at the statement and becomes a message. Its error names the constraint
``no_link_where_recorded_without_counterpart`` and says which article.
"""

from django.db import migrations

CHECK = r"""
CREATE FUNCTION mapping_no_link_where_recorded_without_counterpart() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    clash record;
BEGIN
    -- Deferred: the row may have changed or gone since the event; check what is there now.
    IF TG_TABLE_NAME = 'mapping_correspondence' THEN
        SELECT i.short_title AS instrument, replace(a.eid, 'art_', '') AS article, oi.short_title AS other
          INTO clash
          FROM mapping_correspondence c
          JOIN corpus_provision own ON own.id IN (c.left_id, c.right_id)
          JOIN corpus_provision far ON far.id = CASE WHEN own.id = c.left_id THEN c.right_id ELSE c.left_id END
          JOIN corpus_edition fe ON fe.id = far.edition_id
          JOIN corpus_provision a ON a.edition_id = own.edition_id AND a.eid = own.article_eid
          JOIN mapping_missingcounterpart m ON m.article_id = a.id AND m.other_instrument_id = fe.instrument_id
          JOIN corpus_edition e ON e.id = own.edition_id
          JOIN corpus_instrument i ON i.id = e.instrument_id
          JOIN corpus_instrument oi ON oi.id = fe.instrument_id
         WHERE c.id = NEW.id AND c.origin = 'curated'
         LIMIT 1;
    ELSE
        SELECT i.short_title AS instrument, replace(a.eid, 'art_', '') AS article, oi.short_title AS other
          INTO clash
          FROM mapping_missingcounterpart m
          JOIN corpus_provision a ON a.id = m.article_id
          JOIN corpus_edition e ON e.id = a.edition_id
          JOIN corpus_instrument i ON i.id = e.instrument_id
          JOIN corpus_instrument oi ON oi.id = m.other_instrument_id
          JOIN corpus_provision own ON own.edition_id = a.edition_id AND own.article_eid = a.eid
          JOIN mapping_correspondence c ON c.origin = 'curated' AND own.id IN (c.left_id, c.right_id)
          JOIN corpus_provision far ON far.id = CASE WHEN own.id = c.left_id THEN c.right_id ELSE c.left_id END
          JOIN corpus_edition fe ON fe.id = far.edition_id AND fe.instrument_id = m.other_instrument_id
         WHERE m.id = NEW.id
         LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION USING
            ERRCODE = 'check_violation',
            CONSTRAINT = 'no_link_where_recorded_without_counterpart',
            MESSAGE = format(
                'L''article %s de %s ne peut à la fois avoir une correspondance dans %s et y être enregistré '
                'sans équivalent : retirez d''abord l''une ou l''autre.', clash.article, clash.instrument, clash.other
            );
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER no_link_where_recorded_without_counterpart
    AFTER INSERT OR UPDATE OF left_id, right_id, origin ON mapping_correspondence
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION mapping_no_link_where_recorded_without_counterpart();

CREATE CONSTRAINT TRIGGER no_link_where_recorded_without_counterpart
    AFTER INSERT OR UPDATE OF article_id, other_instrument_id ON mapping_missingcounterpart
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION mapping_no_link_where_recorded_without_counterpart();
"""

UNDO = """
DROP TRIGGER no_link_where_recorded_without_counterpart ON mapping_missingcounterpart;
DROP TRIGGER no_link_where_recorded_without_counterpart ON mapping_correspondence;
DROP FUNCTION mapping_no_link_where_recorded_without_counterpart();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("mapping", "0003_correspondence_unique_unordered_pair"),
    ]

    operations = [migrations.RunSQL(CHECK, UNDO)]
