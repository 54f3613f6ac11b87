"""The archive's consistency, checked in SQL: what every test that stresses the importer (a fuzzer,
a database restarted mid-import) asserts once it is done. Each query returns the rows that break a
rule, so an empty answer everywhere means a consistent archive."""

from django.db import connection

RULES = {
    "a mention quotes its text": """
        SELECT m.id FROM entities_mention m JOIN articles_article a ON a.id = m.article_id
         WHERE substr(CASE m.field WHEN 'title' THEN a.title ELSE a.body END, m.start_offset + 1,
                      m.end_offset - m.start_offset) <> m.text""",
    "evidence quotes its sentence": """
        SELECT e.id FROM entities_eventevidence e JOIN articles_article a ON a.id = e.article_id
         WHERE substr(a.body, e.start_offset + 1, e.end_offset - e.start_offset) <> e.sentence""",
    "a removal stands within the body": """
        SELECT r.id FROM articles_removal r JOIN articles_article a ON a.id = r.article_id
         WHERE r.body_offset > length(a.body)""",
    "every article has its fingerprint": """
        SELECT a.id FROM articles_article a LEFT JOIN articles_fingerprint f ON f.article_id = a.id
         WHERE f.article_id IS NULL""",
    "similarities go both ways": """
        SELECT s.id FROM articles_similarity s LEFT JOIN articles_similarity t
            ON t.article_id = s.similar_id AND t.similar_id = s.article_id WHERE t.id IS NULL""",
    "the tally counts the articles": """
        SELECT 1 FROM (SELECT source_id, date_trunc('month', published_on)::date AS month, article_type, status,
                              language, count(*) AS n FROM articles_article GROUP BY 1, 2, 3, 4, 5) counted
          FULL JOIN (SELECT * FROM articles_articletally WHERE count > 0) tally
            ON counted.source_id IS NOT DISTINCT FROM tally.source_id AND counted.month IS NOT DISTINCT FROM tally.month
           AND counted.article_type = tally.article_type AND counted.status = tally.status
           AND counted.language = tally.language
         WHERE counted.n IS DISTINCT FROM tally.count""",
    "the entity links count the live mentions": """
        SELECT 1 FROM (SELECT entity_id, article_id, count(*) AS n FROM entities_mention
                        WHERE status <> 'rejected' GROUP BY 1, 2) live
          FULL JOIN entities_entityarticle link USING (entity_id, article_id)
         WHERE live.n IS DISTINCT FROM link.mentions""",
    "an event has evidence or a curator": """
        SELECT ev.id FROM entities_event ev
         WHERE ev.origin = 'detector' AND ev.status = 'proposed'
           AND NOT EXISTS (SELECT 1 FROM entities_eventevidence e WHERE e.event_id = ev.id)""",
}


def integrity_problems() -> dict[str, int]:
    """Each rule broken, with how many rows break it; deferred constraint triggers run first."""
    problems = {}
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for rule, sql in RULES.items():
            cursor.execute(f"SELECT count(*) FROM ({sql}) AS broken")
            (broken,) = cursor.fetchone()
            if broken:
                problems[rule] = broken
    return problems
