"""The event detector: triggers, participants and roles, dates, anchors, and one event reported twice."""

import datetime

import pytest

from archive.common.dates import UNKNOWN_RANGE as UNKNOWN
from archive.common.dates import DateRange
from entities.events import MentionRef, propose_events, same_event

KINDS = {
    "Asim Munir": "person",
    "Mohammad Bagheri": "person",
    "Ebrahim Raisi": "person",
    "Shehbaz Sharif": "person",
    "Pakistan": "country",
    "Iran": "country",
    "Afghanistan": "country",
    "Israel": "country",
    "Tehran": "city",
    "Islamabad": "city",
    "Pakistan Air Force": "organisation",
    "Tehreek-e-Taliban Pakistan": "armed_group",
    "Jaish al-Adl": "armed_group",
    "Panjgur": "city",
}


def refs(text: str) -> list[MentionRef]:
    """Mentions of every known name in the text, keyed by the name itself."""
    found = []
    for name, kind in KINDS.items():
        start = text.find(name)
        while start != -1:
            found.append(MentionRef(start, start + len(name), name, kind, name))
            start = text.find(name, start + len(name))
    return sorted(found, key=lambda ref: ref.start)


def propose(text: str, published: datetime.date | None = datetime.date(2024, 4, 25)):
    return propose_events(text, refs(text), published)


def test_a_visit_names_the_visitor_and_the_place():
    (visit,) = propose("Asim Munir visited Tehran on a two-day visit on July 14, 2023.")
    assert visit.kind == "visit"
    assert visit.participants == (("Asim Munir", "visitor"),)
    assert visit.location == "Tehran"
    assert visit.date == DateRange(datetime.date(2023, 7, 14), datetime.date(2023, 7, 15), "day", visit.date.text)
    assert visit.title == "Asim Munir visits Tehran"


def test_a_meeting_names_both_sides():
    (meeting,) = propose("Munir's host, Mohammad Bagheri, met Asim Munir in Tehran.")
    assert meeting.kind == "meeting"
    assert dict(meeting.participants) == {"Mohammad Bagheri": "participant", "Asim Munir": "participant"}


def test_strikes_name_the_actor_the_target_and_the_place():
    text = (
        "In March, the Pakistan Air Force targeted multiple suspected hideouts of the Tehreek-e-Taliban Pakistan "
        "inside Afghanistan."
    )
    (strike,) = propose(text)
    assert strike.kind == "military_strike"
    assert dict(strike.participants)["Pakistan Air Force"] == "actor"
    assert dict(strike.participants)["Tehreek-e-Taliban Pakistan"] == "target"
    assert strike.location == "Afghanistan"
    assert (strike.date.start, strike.date.precision) == (datetime.date(2024, 3, 1), "month")


def test_one_sentence_may_report_two_kinds_of_event():
    text = (
        "Iran carried out direct strikes on Israel in April, and Pakistan and Iran agreed to cooperate on "
        "April 24, 2024."
    )
    assert sorted(p.kind for p in propose(text)) == ["agreement", "military_strike"]


def test_a_sentence_without_a_date_or_a_named_person_proposes_nothing():
    assert propose("Pakistan and Iran agreed to cooperate more closely.", published=None) == []
    assert propose("Militants attacked a post near Panjgur.", published=None) == []


def test_a_named_person_anchors_a_visit_without_a_date_which_stays_unknown():
    (visit,) = propose("Ebrahim Raisi visited Islamabad.", published=None)
    assert visit.date == UNKNOWN


def test_no_publication_date_means_a_proposal_with_an_unknown_date_never_a_made_up_one():
    (undated,) = propose("Pakistan and Iran agreed last week to share intelligence.", published=None)
    assert undated.date == UNKNOWN
    (agreement,) = propose("Pakistan and Iran agreed last week to share intelligence.", datetime.date(2023, 7, 31))
    assert agreement.date.start == datetime.date(2023, 7, 24)


def test_violence_is_proposed_even_without_a_date():
    (strike,) = propose("Iran carried out direct strikes on Israel.", published=None)
    assert (strike.kind, strike.date, dict(strike.participants)) == (
        "military_strike", UNKNOWN, {"Iran": "actor", "Israel": "target"},
    )  # fmt: skip


def test_a_source_the_sentence_cites_takes_no_part():
    (agreement,) = propose("Pakistan and Iran agreed on July 14, 2023 to cooperate, according to Jaish al-Adl.")
    assert "Jaish al-Adl" not in dict(agreement.participants)


def test_sentences_without_any_entity_propose_nothing():
    assert propose("They visited on July 14, 2023 and signed an agreement.") == []


def day(year: int, month: int, day_: int, end: tuple[int, int, int] | None = None) -> DateRange:
    return DateRange(datetime.date(year, month, day_), datetime.date(*end) if end else None, "day")


@pytest.mark.parametrize(
    ("other_kind", "other_date", "other_entities", "expected"),
    [
        ("visit", day(2023, 7, 15), {"Asim Munir", "Tehran"}, True),  # one day apart
        ("visit", UNKNOWN, {"Asim Munir", "Tehran"}, True),  # undated, two shared entities
        ("visit", UNKNOWN, {"Asim Munir"}, False),  # undated and only one in common
        ("visit", day(2024, 4, 22), {"Asim Munir", "Tehran"}, False),  # months apart
        ("meeting", day(2023, 7, 14), {"Asim Munir", "Tehran"}, False),  # another kind
        ("visit", day(2023, 7, 14), {"Iran", "Pakistan"}, True),  # two countries, dated
        ("visit", day(2023, 7, 14), {"Iran"}, False),  # only a country in common
    ],
)
def test_two_reports_are_one_event_when_kind_dates_and_participants_agree(
    other_kind, other_date, other_entities, expected
):
    kinds = {**KINDS}
    mine = frozenset({"Asim Munir", "Tehran", "Iran", "Pakistan"})
    assert same_event("visit", day(2023, 7, 14, (2023, 7, 15)), mine, other_kind, other_date, frozenset(other_entities),
                      kinds=kinds) is expected  # fmt: skip
