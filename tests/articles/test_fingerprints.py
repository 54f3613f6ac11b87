"""Fingerprints find rewritten copies of a story and leave other stories alone. No database."""

import random

import numpy as np

from articles import fingerprints
from articles.synthetic import rewritten_copy, synthetic_article_text


def test_shingles_are_pairs_of_content_word_stems():
    assert fingerprints.shingles("The attacks on the border were attacked by militants.") == {
        "attack border",
        "border attack",
        "attack militant",
    }


def test_fingerprints_are_deterministic_and_band_keys_are_tagged_with_their_band():
    shingles = fingerprints.shingles("Pakistan and Iran agreed to share intelligence along their porous border.")
    first, second = fingerprints.fingerprint(shingles), fingerprints.fingerprint(set(shingles))
    assert first == second
    assert len(first.signature) == fingerprints.NUM_PERM and len(first.bands) == fingerprints.BAND_COUNT
    assert [key >> 32 for key in first.bands] == list(range(fingerprints.BAND_COUNT))


def test_an_empty_text_has_a_fingerprint_but_no_similarity():
    assert fingerprints.fingerprint(set()).shingle_count == 0
    assert fingerprints.jaccard(set(), {"a b"}) == 0.0 and fingerprints.containment(set(), {"a b"}) == 0.0


def test_rewritten_copies_pass_the_link_threshold_and_other_stories_do_not():
    rng = random.Random(11)
    for _ in range(20):
        story = synthetic_article_text(rng, topic=0)
        copy = rewritten_copy(story, rng, edit_rate=0.4)
        other = synthetic_article_text(rng, topic=0)  # same topic, different story
        original, rewrite, unrelated = (fingerprints.shingles(text) for text in (story, copy, other))
        assert fingerprints.jaccard(original, rewrite) >= fingerprints.LINK_JACCARD
        assert fingerprints.jaccard(original, unrelated) < fingerprints.LINK_JACCARD


def test_the_signature_estimate_tracks_the_exact_similarity():
    rng = random.Random(5)
    story = synthetic_article_text(rng)
    a, b = fingerprints.shingles(story), fingerprints.shingles(rewritten_copy(story, rng, edit_rate=0.2))
    estimate = fingerprints.estimated_jaccard(
        fingerprints.fingerprint(a).signature, fingerprints.fingerprint(b).signature
    )
    assert abs(estimate - fingerprints.jaccard(a, b)) < 0.12


def test_the_screen_keeps_the_signatures_that_agree_on_enough_values():
    signature = list(range(fingerprints.NUM_PERM))
    needed = fingerprints.SCREEN_AGREEING

    def agreeing_on(count: int) -> list[int]:
        return [value if position < count else -1 for position, value in enumerate(signature)]

    others = np.array([agreeing_on(needed), agreeing_on(needed - 1), agreeing_on(0), signature])
    assert fingerprints.passing_screen(signature, others).tolist() == [True, False, False, True]
    assert fingerprints.passing_screen(signature, np.zeros((0, fingerprints.NUM_PERM))).tolist() == []
