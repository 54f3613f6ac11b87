"""When ranking only part of a search's hits still shows the true top: a bound on PostgreSQL's
`ts_rank` (default weights, no normalisation) for hits whose searched words are all in the body.

`ts_rank` scores a query whose root is not an AND of two or more distinct words (one word, an `or`,
a phrase, or the `or` of several languages' readings) as the mean, over the query's distinct
words, of each word's score:

    (w_max + sum_j w_j / (j + 1)**2 - w_max / (m + 1)**2) / (pi**2 / 6)

over the word's positions j in order, w_j their weights, w_max the highest and m the first position
that has it. The search vector holds the title (weight A, 1.0), then the summary (B, 0.4), then the
body (C, 0.2), in that order of positions. A word found only in the body has w_max = 0.2 at m = 0,
so its score is below 0.2; a hit whose every searched word is only in the body scores below 0.2.
Rank every hit with a searched word in its title or summary, and any of them scoring at least 0.2
is exactly where ranking every hit would put it. A word in the title scores at least 1 / (pi**2 / 6)
= 0.61, in the summary at least 0.24: one-word searches always clear the bound.

A search of one word needs no vector at all when the word is in the titles of enough of its hits: a
title hit scores at least 0.61 and any other hit below 0.4 (all its weights at most the summary's),
so the title hits, in their rank, are the top; the triggers store each title word's rank
(articles.models.TitleWord).

An AND of several words is scored by their proximity (`calc_rank_and`): no such bound, and such a
search keeps the newest-hits window (articles.views.RelevanceOrdering)."""

from __future__ import annotations

import re

# ts_rank's default weights for D, C, B, A, and the weights of the title and summary, which a search
# ranks first when it cannot rank every hit.
WEIGHTS = {"D": 0.1, "C": 0.2, "B": 0.4, "A": 1.0}
HEADLINE_WEIGHTS = ("A", "B")
# A hit whose searched words are all outside the title and summary scores below this.
BODY_ONLY_BELOW = max(weight for letter, weight in WEIGHTS.items() if letter not in HEADLINE_WEIGHTS)

_TOKENS = re.compile(r"'(?:[^']|'')*'(?::[*A-Da-d]+)?|<->|<\d+>|[&|!()]|\s+")


def averaged_words(query_text: str) -> tuple[str, ...] | None:
    """The distinct words (as tsquery lexeme literals) of a query, given as PostgreSQL prints a
    tsquery, when ts_rank scores it as the mean of its words' scores; None when it scores by
    proximity (an AND of several words at the root), or when a word is weighted or a prefix."""
    tokens = _tokens(query_text)
    if tokens is None:
        return None  # something this reading does not know: no claim
    depth, root_operators, words = 0, set(), []
    for token in tokens:
        if token.startswith("'"):
            if not token.endswith("'"):
                return None  # weighted ('a':A) or prefix ('a':*): the bound assumes neither
            words.append(token)
        elif token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif depth == 0 and token.strip():
            root_operators.add(token)
    distinct = tuple(dict.fromkeys(words))
    if not distinct:
        return None
    and_at_root = "|" not in root_operators and "&" in root_operators
    return None if and_at_root and len(distinct) > 1 else distinct


def sole_word(query_text: str) -> str | None:
    """The lexeme (unquoted) of a query, given as PostgreSQL prints a tsquery, that seeks one word
    (perhaps read alike in several languages, `'a' | 'a'`): every vector holding it matches, and
    ts_rank scores the query as that word alone. None for any other query."""
    tokens = _tokens(query_text)
    if tokens is None or any(token.strip() not in {"", "|", "(", ")"} for token in tokens if not token.startswith("'")):
        return None
    words = {token for token in tokens if token.startswith("'")}
    if len(words) != 1 or not next(iter(words)).endswith("'"):
        return None
    return re.sub(r"''|\\\\", lambda escaped: escaped.group()[0], next(iter(words))[1:-1])


def _tokens(query_text: str) -> list[str] | None:
    """The tokens of a tsquery as PostgreSQL prints it: quoted lexemes (perhaps weighted or a prefix),
    operators, parentheses and spaces; None when something in it is none of these."""
    tokens = _TOKENS.findall(query_text)
    return tokens if "".join(tokens) == query_text else None


def any_of(words: tuple[str, ...]) -> str:
    """A tsquery matching a vector that holds any of the lexeme literals."""
    return " | ".join(words)
