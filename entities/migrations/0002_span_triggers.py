"""Keep every quoted span (mention text, evidence sentence) equal to the article body at its offsets.

A CHECK constraint cannot read another table, so deferred constraint triggers do it at commit:
a transaction may change a body and re-extract its mentions in any order, but cannot commit a
span that points at the wrong text or past the end of the body.
"""

from django.db import migrations

CHECK_SPAN = """
CREATE FUNCTION entities_check_span() RETURNS trigger LANGUAGE plpgsql AS $$
-- TG_ARGV[0] names the column holding the quoted text.
DECLARE
    matches boolean;
BEGIN
    EXECUTE format(
        'SELECT x.end_offset <= char_length(a.body)
                AND substr(a.body, x.start_offset + 1, x.end_offset - x.start_offset) = x.%I
           FROM %I.%I x JOIN articles_article a ON a.id = x.article_id
          WHERE x.id = $1',
        TG_ARGV[0], TG_TABLE_SCHEMA, TG_TABLE_NAME)
    INTO matches USING NEW.id;
    IF matches IS FALSE THEN  -- NULL: the row was deleted before commit
        RAISE EXCEPTION '% %: its % is not the text of article % at offsets %-%',
            TG_TABLE_NAME, NEW.id, TG_ARGV[0], NEW.article_id, NEW.start_offset, NEW.end_offset
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION entities_check_spans_of_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM articles_article a JOIN entities_mention m ON m.article_id = a.id
         WHERE a.id = NEW.id
           AND (m.end_offset > char_length(a.body)
                OR substr(a.body, m.start_offset + 1, m.end_offset - m.start_offset) <> m.text)
    ) OR EXISTS (
        SELECT 1 FROM articles_article a JOIN entities_eventevidence e ON e.article_id = a.id
         WHERE a.id = NEW.id
           AND (e.end_offset > char_length(a.body)
                OR substr(a.body, e.start_offset + 1, e.end_offset - e.start_offset) <> e.sentence)
    ) THEN
        RAISE EXCEPTION 'article %: the new body no longer holds the text of its mentions or event evidence', NEW.id
            USING ERRCODE = 'check_violation',
                  HINT = 'Re-extract mentions and re-anchor evidence in the same transaction.';
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER mention_text_matches_body
    AFTER INSERT OR UPDATE OF article_id, text, start_offset, end_offset ON entities_mention
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION entities_check_span('text');

CREATE CONSTRAINT TRIGGER evidence_sentence_matches_body
    AFTER INSERT OR UPDATE OF article_id, sentence, start_offset, end_offset ON entities_eventevidence
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION entities_check_span('sentence');

CREATE CONSTRAINT TRIGGER article_body_keeps_spans
    AFTER UPDATE OF body ON articles_article
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION entities_check_spans_of_article();
"""

DROP_SPAN_CHECKS = """
DROP TRIGGER IF EXISTS article_body_keeps_spans ON articles_article;
DROP TRIGGER IF EXISTS evidence_sentence_matches_body ON entities_eventevidence;
DROP TRIGGER IF EXISTS mention_text_matches_body ON entities_mention;
DROP FUNCTION IF EXISTS entities_check_spans_of_article();
DROP FUNCTION IF EXISTS entities_check_span();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("entities", "0001_initial"),
    ]

    operations = [migrations.RunSQL(CHECK_SPAN, DROP_SPAN_CHECKS)]
