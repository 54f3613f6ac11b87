"""Pure: synthetic articles that mention a gazetteer's entities at realistic frequencies, for benchmarks.

News names a few entities often and most rarely: entities are drawn with Zipf weights, some
written with a title in front, some as possessives, and a few unknown capitalised names stand
in for the people and places no gazetteer knows yet.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from functools import lru_cache

from articles.synthetic import synthetic_article_text

TITLES = ["President", "Prime Minister", "Gen.", "Foreign Minister", "army chief", "spokesperson"]


def article_with_mentions(rng: random.Random, names: Sequence[tuple[str, bool]], *, mentions: int = 15) -> str:
    """A headline and body with about `mentions` gazetteer names (name, is_person) placed in it."""
    title, _, body = synthetic_article_text(rng).partition("\n\n")
    sentences = body.split(". ")
    for _ in range(rng.randint(mentions // 2, mentions * 3 // 2)):
        name, is_person = rng.choices(names, cum_weights=_zipf_cumulative(len(names)))[0]
        if is_person and rng.random() < 0.5:
            name = f"{rng.choice(TITLES)} {name}"
        if rng.random() < 0.2:
            name += "’s"
        _insert(rng, sentences, name)
    for _ in range(rng.randint(0, 3)):
        unknown = " ".join(w.capitalize() for w in synthetic_article_text(rng, paragraphs=1).split()[:2])
        _insert(rng, sentences, unknown)
    return title + "\n\n" + ". ".join(sentences)


@lru_cache(maxsize=8)
def _zipf_cumulative(count: int) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) for rank in range(count)))


def _insert(rng: random.Random, sentences: list[str], name: str) -> None:
    index = rng.randrange(len(sentences))
    words = sentences[index].split(" ")
    words.insert(rng.randint(1, max(1, len(words) - 1)), name)
    sentences[index] = " ".join(words)
