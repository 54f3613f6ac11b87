"""Pure: fingerprints and similarity for near-duplicate and syndicated copies. No Django.

Shingles are pairs of consecutive content-word stems ("porous border", "intelligence shar"):
function words and inflections are dropped, so a rewritten copy of a wire story still shares
the story's phrases while two different stories on the same topic share few. Each article gets
a 128-value MinHash signature; its first BAND_COUNT values, tagged with their position, are the
LSH keys stored in a GIN-indexed array, so the archive finds candidates sharing any key with one
index lookup. Candidates are then screened by the estimated Jaccard similarity of the full
signatures and confirmed by the exact Jaccard similarity of their shingle sets. Copies of a news
story appear within days of it, so a dated article is compared only with articles dated within
WINDOW_DAYS of it and with undated ones; an undated article is compared with the whole archive.

Thresholds: see docs/importing.md "Near-duplicates and syndicated copies"; `manage.py tune_dedup`
measures them on generated data.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from articles.cleaning import content_stems

NUM_PERM = 128
BAND_COUNT = 32
SEED = 20240401
# 32-bit values: a band key packs its band number above the value in one bigint.
SCHEME = "affine32"
# Screening on estimated Jaccard (5 of 128 values agree) drops candidates that are clearly
# unrelated: a pair at the link threshold agrees on 7.7 values on average.
SCREEN_JACCARD = 0.04
SCREEN_AGREEING = round(SCREEN_JACCARD * NUM_PERM)
# Copies of a dated story are looked for among articles dated this close to it, and undated ones.
WINDOW_DAYS = 30
# A pair is one story when the exact Jaccard similarity of its shingle sets reaches this.
LINK_JACCARD = 0.06


@dataclass(frozen=True)
class Fingerprint:
    signature: list[int]
    bands: list[int]
    shingle_count: int


def shingles(text: str) -> set[str]:
    """Consecutive pairs of content-word stems."""
    stems = content_stems(text)
    return {f"{a} {b}" for a, b in itertools.pairwise(stems)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def _sha1_32(data: bytes) -> int:
    """datasketch's default hash (sha1_hash32), the same values at two-thirds of its cost."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def fingerprint(shingle_set: set[str]) -> Fingerprint:
    """MinHash signature and band keys; band i's key is (i << 32) | value, unique per band."""
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=_sha1_32, permutations=_template().permutations
    )
    if shingle_set:
        minhash.update_batch([shingle.encode("utf-8") for shingle in sorted(shingle_set)])
    signature = [int(value) for value in minhash.hashvalues]
    bands = [(band << 32) | signature[band] for band in range(BAND_COUNT)]
    return Fingerprint(signature=signature, bands=bands, shingle_count=len(shingle_set))


def estimated_jaccard(signature: Sequence[int], other: Sequence[int]) -> float:
    return float(np.mean(np.asarray(signature) == np.asarray(other)))


def shares_band(bands: Sequence[int], other: Sequence[int]) -> bool:
    return not set(bands).isdisjoint(other)


def passing_screen(signature: Sequence[int], others: np.ndarray) -> np.ndarray:
    """Which of the other signatures (one per row) agree with this one on enough values to be worth
    comparing shingle by shingle: the screen between the band lookup and the exact Jaccard."""
    if not len(others):
        return np.zeros(0, dtype=bool)
    return (others == np.asarray(signature, dtype=np.int64)).sum(axis=1) >= SCREEN_AGREEING


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: set[str], b: set[str]) -> float:
    """How much of the shorter text the longer one contains."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
