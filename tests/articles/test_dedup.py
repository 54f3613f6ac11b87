"""Fingerprints find rewritten copies of a story and leave other stories alone. No database."""

import random

from articles import dedup
from articles.synthetic import rewritten_copy, synthetic_article_text


def test_shingles_are_pairs_of_content_word_stems():
    assert dedup.shingles("The attacks on the border were attacked by militants.") == {
        "attack border",
        "border attack",
        "attack militant",
    }


def test_fingerprints_are_deterministic_and_band_keys_are_tagged_with_their_band():
    shingles = dedup.shingles("Pakistan and Iran agreed to share intelligence along their porous border.")
    first, second = dedup.fingerprint(shingles), dedup.fingerprint(set(shingles))
    assert first == second
    assert len(first.signature) == dedup.NUM_PERM and len(first.bands) == dedup.BAND_COUNT
    assert [key >> 32 for key in first.bands] == list(range(dedup.BAND_COUNT))


def test_an_empty_text_has_a_fingerprint_but_no_similarity():
    assert dedup.fingerprint(set()).shingle_count == 0
    assert dedup.jaccard(set(), {"a b"}) == 0.0 and dedup.containment(set(), {"a b"}) == 0.0


def test_rewritten_copies_pass_the_link_threshold_and_other_stories_do_not():
    rng = random.Random(11)
    for _ in range(20):
        story = synthetic_article_text(rng, topic=0)
        copy = rewritten_copy(story, rng, edit_rate=0.4)
        other = synthetic_article_text(rng, topic=0)  # same topic, different story
        original, rewrite, unrelated = (dedup.shingles(text) for text in (story, copy, other))
        assert dedup.jaccard(original, rewrite) >= dedup.LINK_JACCARD
        assert dedup.jaccard(original, unrelated) < dedup.LINK_JACCARD


def test_the_signature_estimate_tracks_the_exact_similarity():
    rng = random.Random(5)
    story = synthetic_article_text(rng)
    a, b = dedup.shingles(story), dedup.shingles(rewritten_copy(story, rng, edit_rate=0.2))
    estimate = dedup.estimated_jaccard(dedup.fingerprint(a).signature, dedup.fingerprint(b).signature)
    assert abs(estimate - dedup.jaccard(a, b)) < 0.12
