"""Database expressions shared by entity models and querysets."""

import re
import unicodedata

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


def fold_like_database(text: str) -> str:
    """FoldedText in Python, for building lookups of the generated `folded` columns in bulk."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return " ".join(re.sub("[\u0300-\u036f]", "", decomposed).split())
