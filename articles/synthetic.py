"""Pure: reproducible synthetic article texts for benchmarks (same seed, same corpus)."""

import random

_WORDS = [
    "government",
    "minister",
    "border",
    "security",
    "talks",
    "agreement",
    "officials",
    "province",
    "militants",
    "attack",
    "trade",
    "pipeline",
    "energy",
    "visit",
    "delegation",
    "cooperation",
    "statement",
    "region",
    "economic",
    "army",
    "president",
    "foreign",
    "sanctions",
    "market",
    "crossing",
    "intelligence",
    "sharing",
    "insurgency",
    "district",
    "police",
    "court",
    "election",
    "budget",
    "parliament",
    "protest",
    "hospital",
    "school",
    "water",
    "electricity",
    "prices",
    "inflation",
    "investment",
    "port",
    "railway",
]
_NAMES = ["Islamabad", "Tehran", "Kabul", "Quetta", "Zahedan", "Karachi", "Lahore", "Mashhad", "Gwadar"]


def synthetic_article_text(rng: random.Random, *, paragraphs: int = 6) -> str:
    """A headline and a few paragraphs of plausible news prose, about 2-3 KB like MEASURED.md's."""
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 10))).capitalize()
    body = []
    for _ in range(paragraphs):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(10, 22))]
            words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
            sentences.append(" ".join(words).capitalize() + ".")
        body.append(" ".join(sentences))
    return title + "\n\n" + "\n\n".join(body) + "\n"
