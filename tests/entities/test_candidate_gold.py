"""The candidate names the extractor proposes, held to what it scores on the candidate gold.

The figures are in docs/entities.md; the held-out half is scored, never read (its misses are never printed).
"""

from pathlib import Path

import pytest

from entities.candidate_scoring import CandidateGoldError, score_candidate_gold
from entities.gazetteer import matcher_from_file

PROJECT_DIR = Path(__file__).resolve().parents[2]
GOLD = PROJECT_DIR / "tests" / "gold" / "candidates"


@pytest.fixture(scope="module")
def matcher():
    return matcher_from_file(None)[0]


@pytest.mark.parametrize(("half", "precision", "kinds"), [("dev", 0.79, 0.64), ("heldout", 0.82, 0.58)])
def test_candidates_keep_their_precision_and_kinds(matcher, half, precision, kinds):
    score = score_candidate_gold(GOLD / f"{half}.yaml", matcher=matcher, base_dir=PROJECT_DIR)
    figures = (round(score.precision, 3), round(score.recall, 3), round(score.kind_right / score.right, 3))
    del score  # a failure shows the figures only, never a held-out row
    assert figures[0] >= precision and figures[1] >= 0.95 and figures[2] >= kinds, figures


def test_a_gold_row_the_parser_no_longer_reads_is_refused_with_its_number(matcher, tmp_path):
    (tmp_path / "a.txt").write_text("Talks resume\n\nOfficials met Jawad Paul in Quetta on Monday.")
    gold = tmp_path / "gold.yaml"
    gold.write_text(f"- {{file: {tmp_path / 'a.txt'}, field: body, start: 0, end: 5, proposed: Nobody, name: ''}}\n")
    with pytest.raises(CandidateGoldError, match=r"row 1: .* no longer reads 'Nobody' there"):
        score_candidate_gold(gold, matcher=matcher, base_dir=tmp_path)
