"""Database expressions shared by entity models and querysets."""

from django.db.models import CharField, Func


class FoldedText(Func):
    """Lower case, accents stripped, white space collapsed: 'Balūchestān ' -> 'baluchestan'.

    Built only from immutable core functions, so it can back a stored generated column and an
    index, and the same expression folds a query's input for comparison.
    """

    template = (
        "btrim(regexp_replace(regexp_replace(normalize(lower(%(expressions)s), NFD),"
        " '[\\u0300-\\u036f]', '', 'g'), '\\s+', ' ', 'g'))"
    )
    output_field = CharField()
