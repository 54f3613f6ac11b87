"""Pure: reproducible synthetic articles for benchmarks and for tuning duplicate detection.

Words follow a Zipf distribution over a pseudo-word vocabulary, and each article leans on one
topic's vocabulary, so two unrelated articles on the same topic share words and phrases about as
much as real ones do (see `tune_dedup`). Rewritten copies of an article replace a given share
of its content words with synonyms, drop and reorder sentences and add a paragraph, as outlets
rewriting one wire story do.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from functools import lru_cache

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
_FUNCTION_WORDS = "the of and to in a on for that with as by at from is was has have are its said".split()
_PLACES = ["Islamabad", "Tehran", "Kabul", "Quetta", "Zahedan", "Karachi", "Lahore", "Mashhad", "Gwadar"]
VOCABULARY_SIZE = 8000
TOPIC_COUNT = 40
TOPIC_SIZE = 150
TOPIC_SHARE = 0.35  # share of content words drawn from the article's topic


@dataclass(frozen=True)
class Vocabulary:
    words: list[str]
    weights: list[float]
    cumulative_weights: list[float]
    topics: list[list[str]]
    synonyms: dict[str, list[str]]


@lru_cache(maxsize=4)
def vocabulary(seed: int = 7) -> Vocabulary:
    rng = random.Random(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = [1 / (rank + 1) ** 1.07 for rank in range(VOCABULARY_SIZE)]
    mid_frequency = words[200:4000]
    topics = [rng.sample(mid_frequency, TOPIC_SIZE) for _ in range(TOPIC_COUNT)]
    synonyms = {word: rng.sample(words[100:6000], 2) for word in words}
    return Vocabulary(words, weights, list(itertools.accumulate(weights)), topics, synonyms)


def synthetic_article_text(rng: random.Random, *, paragraphs: int = 6, topic: int | None = None) -> str:
    """A headline and paragraphs of news-like prose (2-3 KB, as in MEASURED.md)."""
    vocab = vocabulary()
    topic_words = vocab.topics[topic if topic is not None else rng.randrange(TOPIC_COUNT)]

    def content_word() -> str:
        if rng.random() < TOPIC_SHARE:
            return rng.choice(topic_words)
        # Cumulative weights computed once: the same draws as `weights=`, without summing 8,000 weights a word.
        return rng.choices(vocab.words, cum_weights=vocab.cumulative_weights)[0]

    def sentence() -> str:
        words = []
        for _ in range(rng.randint(12, 24)):
            words.append(rng.choice(_FUNCTION_WORDS) if rng.random() < 0.4 else content_word())
        words.insert(rng.randrange(len(words)), rng.choice(_PLACES))
        return " ".join(words).capitalize() + "."

    title = " ".join(content_word() for _ in range(rng.randint(5, 9))).capitalize()
    body = [" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(paragraphs)]
    return title + "\n\n" + "\n\n".join(body) + "\n"


def rewritten_copy(text: str, rng: random.Random, *, edit_rate: float) -> str:
    """Another outlet's version of `text`: synonyms for `edit_rate` of the words, sentences dropped
    and reordered at half that rate, a new closing paragraph, and different page furniture."""
    vocab = vocabulary()
    title, *paragraphs = [part for part in text.split("\n\n") if part.strip()]
    rewritten = []
    for paragraph in paragraphs:
        sentences = [s for s in paragraph.split(". ") if s]
        kept = [s for s in sentences if rng.random() >= edit_rate / 2] or sentences[:1]
        if len(kept) > 1 and rng.random() < edit_rate:
            rng.shuffle(kept)
        new_sentences = []
        for sentence in kept:
            words = [
                rng.choice(vocab.synonyms[word]) if word in vocab.synonyms and rng.random() < edit_rate else word
                for word in sentence.rstrip(".").split()
            ]
            new_sentences.append(" ".join(words))
        rewritten.append(". ".join(new_sentences).rstrip(".") + ".")
    extra = synthetic_article_text(rng, paragraphs=1).split("\n\n")[1]
    furniture = rng.choice(["Share this article", "Also Read: Markets open higher", "Exit mobile version"])
    new_title = " ".join(
        rng.choice(vocab.synonyms.get(w, [w])) if rng.random() < edit_rate else w for w in title.split()
    )
    return "\n\n".join([new_title, *rewritten, extra, furniture]) + "\n"
