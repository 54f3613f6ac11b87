import itertools
import random
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles import fingerprints
from articles.parsing import parse_text
from articles.synthetic import TOPIC_COUNT, rewritten_copy, synthetic_article_text

EDIT_RATES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
THRESHOLDS = (0.03, 0.04, 0.05, 0.06, 0.08, 0.10, 0.15, 0.20)


class Command(BaseCommand):
    help = (
        "Measure near-duplicate detection on generated data: rewritten copies at several edit rates "
        "against unrelated articles on the same topic. Prints recall, false positives and candidate "
        "recall of the LSH bands for each threshold, and the seed articles' similarities."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stories", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: object, stories: int, seed: int, **options: object) -> None:
        rng = random.Random(seed)
        originals = [synthetic_article_text(rng, topic=number % TOPIC_COUNT) for number in range(stories)]
        shingled = [_shingles(text) for text in originals]
        positives = {
            rate: [
                (shingled[i], _shingles(rewritten_copy(text, rng, edit_rate=rate))) for i, text in enumerate(originals)
            ]
            for rate in EDIT_RATES
        }
        same_topic = [
            (shingled[i], shingled[j])
            for i, j in itertools.combinations(range(stories), 2)
            if i % TOPIC_COUNT == j % TOPIC_COUNT
        ]
        self.stdout.write(f"{stories} stories, {len(same_topic)} unrelated same-topic pairs\n")
        self.stdout.write("edit rate  mean J   candidate recall  " + "  ".join(f"J>={t:.2f}" for t in THRESHOLDS))
        for rate, pairs in positives.items():
            scores = [fingerprints.jaccard(a, b) for a, b in pairs]
            found = sum(_is_candidate(a, b) for a, b in pairs) / len(pairs)
            recalls = "  ".join(f"{sum(s >= t for s in scores) / len(scores):7.2f}" for t in THRESHOLDS)
            self.stdout.write(f"{rate:9.1f}  {sum(scores) / len(scores):6.3f}  {found:16.2f}  {recalls}")
        negative_scores = [fingerprints.jaccard(a, b) for a, b in same_topic]
        rates = "  ".join(f"{sum(s >= t for s in negative_scores) / len(negative_scores):7.3f}" for t in THRESHOLDS)
        self.stdout.write(
            f"unrelated  {sum(negative_scores) / len(negative_scores):6.3f}"
            f"  max {max(negative_scores):.3f}       {rates}"
        )
        self._seeds()

    def _seeds(self) -> None:
        seeds = {
            path.name[:3]: _shingles(path.read_text())
            for path in sorted((Path(settings.BASE_DIR) / "seeds").glob("*.txt"))
        }
        self.stdout.write("\nseed pairs (exact Jaccard, containment, LSH candidate):")
        for (a, sa), (b, sb) in itertools.combinations(seeds.items(), 2):
            self.stdout.write(
                f"  {a}-{b}  J={fingerprints.jaccard(sa, sb):.3f}  C={fingerprints.containment(sa, sb):.3f}"
                f"  candidate={_is_candidate(sa, sb)}"
            )
        self.stdout.write(f"\nlink threshold in use: J >= {fingerprints.LINK_JACCARD}")


def _shingles(text: str) -> set[str]:
    parsed = parse_text(text)
    return fingerprints.shingles(f"{parsed.title}\n{parsed.body}")


def _is_candidate(a: set[str], b: set[str]) -> bool:
    fa, fb = fingerprints.fingerprint(a), fingerprints.fingerprint(b)
    return fingerprints.shares_band(fa.bands, fb.bands) and bool(
        fingerprints.passing_screen(fa.signature, np.array([fb.signature]))[0]
    )
