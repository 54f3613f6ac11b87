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


def test_a_sentence_without_a_date_a_named_person_or_two_parties_proposes_nothing():
    assert propose("Iran agreed to cooperate more closely.", published=None) == []
    assert propose("Islamabad welcomed cooperating more closely.", published=None) == []
    (agreement,) = propose("Pakistan and Iran agreed to cooperate more closely.", published=None)
    assert (agreement.kind, agreement.date) == ("agreement", UNKNOWN)  # two parties anchor it, undated


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


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan would not hesitate to strike militant hideouts in Afghanistan, Asim Munir said.",
        "Iran threatened to strike Jaish al-Adl positions in Panjgur.",
        "Islamabad has repeatedly accused Tehreek-e-Taliban Pakistan of attacks from Afghanistan.",
        "Pakistan has accused Tehreek-e-Taliban Pakistan of providing sanctuary to militants.",
        "If the talks fail, Asim Munir will meet Mohammad Bagheri again.",
        "Asim Munir will meet Mohammad Bagheri, officials said.",
        "Pakistan Air Force has conducted a campaign of air strikes against Tehreek-e-Taliban Pakistan.",
        "Pakistan summoned Iran's envoy to protest against what it called air strikes by Iran on Panjgur.",
        "Pakistan received 12 visits from Iranian officials, Asim Munir said.",
        "Iranian officials have in the past blamed Jaish al-Adl for attacks.",
        "Shehbaz Sharif called on Iran to act against Jaish al-Adl.",
    ],
)
def test_what_is_only_threatened_planned_habitual_claimed_or_counted_is_no_event(sentence):
    kinds = {proposal.kind for proposal in propose(sentence)}
    assert not kinds & {"military_strike", "statement", "meeting", "visit"}, sentence


def test_an_agreement_on_trade_or_energy_is_a_trade_and_energy_project():
    (deal,) = propose("Pakistan and Iran agreed on April 22, 2024 to open three new border markets.")
    (pact,) = propose("Pakistan and Iran agreed on April 22, 2024 to share intelligence on militants.")
    assert (deal.kind, pact.kind) == ("trade_energy", "agreement")
    (both,) = propose("Pakistan and Iran agreed on April 22, 2024 to open border markets and patrol the border.")
    assert both.kind == "agreement"  # an agreement that covers security as well as trade is an agreement


def test_soldiers_killed_are_an_attack_on_the_state_whoever_the_sentence_names_first():
    sentence = "Pakistan summoned Afghanistan's envoy on April 20, 2024 over an attack that killed seven soldiers."
    assert "militant_attack" in {p.kind for p in propose(sentence)}


def test_violence_by_an_armed_group_is_a_militant_attack_and_by_a_state_a_military_strike():
    (attack,) = propose("Jaish al-Adl fired rockets at a border post in Panjgur on April 20, 2024.")
    (strike,) = propose("Pakistan killed 11 militants of Tehreek-e-Taliban Pakistan on April 20, 2024.")
    assert (attack.kind, dict(attack.participants)["Jaish al-Adl"]) == ("militant_attack", "actor")
    assert strike.kind == "military_strike"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Pakistan summoned Iran's charge d'affaires in Islamabad on April 18, 2024.", "statement"),
        ("Pakistan lodged a strong protest with Afghanistan on April 18, 2024.", "statement"),
        ("Shehbaz Sharif spoke by telephone with Ebrahim Raisi on April 18, 2024.", "meeting"),
        ("The deal came during a meeting in Tehran between Asim Munir and Mohammad Bagheri.", "meeting"),
    ],
)
def test_summons_protests_calls_and_meetings_between_are_reported(sentence, kind):
    assert kind in {proposal.kind for proposal in propose(sentence)}


def test_an_organisation_or_group_anchors_an_undated_statement_a_country_alone_does_not():
    assert [p.kind for p in propose("Pakistan Air Force condemned the attack by Jaish al-Adl.")] == ["statement"]
    assert propose("Pakistan condemned the attack in Panjgur.") == []


def test_the_two_countries_are_the_last_two_countries_named_before():
    text = (
        "Asim Munir met officials in Tehran on Monday. Pakistan and Iran face militants. "
        "The two countries agreed on April 22, 2024 to share intelligence."
    )
    agreement = next(p for p in propose(text) if p.kind == "agreement")
    assert dict(agreement.participants) == {"Pakistan": "signatory", "Iran": "signatory"}


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Pakistan and Iran pledged on April 22, 2024 to share intelligence.", {"agreement"}),
        ("Iran pledged on April 22, 2024 to fund Pakistan's border fence.", set()),
        ("Pakistan and Iran agreed that militants threaten both, officials said on April 22, 2024.", set()),
    ],
)
def test_a_pledge_of_two_parties_is_an_agreement_an_opinion_they_share_is_not(sentence, kinds):
    assert {proposal.kind for proposal in propose(sentence)} == kinds


def test_two_agreements_of_the_same_parties_are_one_only_on_the_same_day():
    day, next_day = (DateRange(datetime.date(2024, 4, d), None, "day") for d in (22, 23))
    parties = frozenset({"Pakistan", "Iran"})
    kinds = {"Pakistan": "country", "Iran": "country"}
    assert same_event("agreement", day, parties, "agreement", day, parties, kinds=kinds)
    assert not same_event("agreement", day, parties, "agreement", next_day, parties, kinds=kinds)
    assert not same_event("agreement", UNKNOWN, parties, "agreement", day, parties, kinds=kinds)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Security forces killed six militants in an operation in Panjgur on April 20, 2024.", "military_strike"),
        (
            "Two engineers were killed on April 20, 2024 when a suicide bomber rammed a convoy in Panjgur.",
            "militant_attack",
        ),
        ("Gunmen set fire to eleven trucks in Panjgur.", "militant_attack"),
        ("Armed men blocked a highway in Panjgur and set fire to eleven trucks.", "militant_attack"),
    ],
)
def test_violence_by_unnamed_men_is_anchored_by_the_place_it_struck(sentence, kind):
    (event,) = propose(sentence)
    assert (event.kind, event.location, event.participants) == (kind, "Panjgur", ())


def test_violence_with_neither_a_named_actor_nor_a_place_after_it_proposes_nothing():
    assert propose("A manager in Islamabad said the vessel had been struck above the waterline.") == []


def test_a_toll_of_victims_is_one_event_not_a_count_of_many():
    (strike,) = propose("Pakistan Air Force said 21 militants were killed in Panjgur on April 20, 2024.")
    assert strike.kind == "military_strike"


def test_a_comparison_long_after_the_trigger_does_not_make_the_event_habitual():
    text = "Jaish al-Adl fired rockets at Panjgur on April 20, 2024, in one of the deadliest attacks in recent months."
    assert [p.kind for p in propose(text)] == ["militant_attack"]
    assert propose("Panjgur has been repeatedly targeted by Jaish al-Adl, with strikes on markets.") == []


def test_many_attackers_are_one_attack_many_attacks_are_none():
    assert [p.kind for p in propose("Dozens of fighters of Jaish al-Adl stormed a checkpoint in Panjgur.")] == [
        "militant_attack"
    ]
    assert propose("Jaish al-Adl has carried out dozens of deadly attacks on Panjgur.") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Militants carried out coordinated attacks on police stations in Panjgur on April 20, 2024.",
            "militant_attack",
        ),
        ("Iran said on Thursday that gunmen attacked a border post near Panjgur.", "militant_attack"),
        (
            "Pakistan Air Force added Jaish al-Adl and two other groups to its sanctions list on April 20, 2024.",
            "sanctions",
        ),
        ("The agreement was reached on April 20, 2024 during talks between Iran and Pakistan.", "agreement"),
        ("Islamabad hosted secret talks between Iran and Afghanistan on April 20, 2024.", "meeting"),
        ("Sunday's missile attack on Panjgur left a crater near the airport.", "militant_attack"),
        ("Ministers of Iran and Pakistan signed a memorandum in Panjgur on April 20, 2024.", "agreement"),
        ("Iran and Pakistan inked a border trade pact on April 20, 2024.", "trade_energy"),
        ("Pakistan and Iran struck port-to-port deals with Afghanistan on April 20, 2024.", "trade_energy"),
        ("Iran and Pakistan finalised a security agreement on April 20, 2024.", "agreement"),
        ("Asim Munir landed in Tehran on April 20, 2024.", "visit"),
        ("Shehbaz Sharif received the visiting Mohammad Bagheri in Islamabad on April 20, 2024.", "meeting"),
        ("Asim Munir received a phone call from Mohammad Bagheri on April 20, 2024.", "meeting"),
        ("Pakistan Air Force slapped fresh sanctions on Jaish al-Adl on April 20, 2024.", "sanctions"),
        ("Shehbaz Sharif hailed Pakistan Air Force on April 20, 2024.", "statement"),
        ("Asim Munir slammed Jaish al-Adl on April 20, 2024.", "statement"),
        ("Jaish al-Adl's rocket attack on Panjgur on April 20, 2024 killed two.", "militant_attack"),
        ("A meeting of the joint border commission of Iran and Pakistan was held in Panjgur on Monday.", "meeting"),
    ],
)
def test_attacks_carried_out_sanctions_lists_agreements_reached_and_hosted_talks_are_reported(sentence, kind):
    assert kind in {proposal.kind for proposal in propose(sentence)}, sentence


def test_an_attackers_record_in_a_relative_clause_is_no_attack():
    sentence = "Iran struck Jaish al-Adl, a group that has carried out attacks on Iran, on April 16, 2024."
    assert [p.kind for p in propose(sentence)] == ["military_strike"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran said on April 20, 2024 that it had met its obligations to Pakistan.",
        "A joint committee of Iran and Pakistan has not met for more than two years.",
        "Islamabad hasn't signed the pipeline agreement with Iran.",
        "Visitors signed a petition in Tehran on April 20, 2024 calling on Israel to stop the war.",
        "Iran welcomed 6.2 million visitors in 2024, Pakistan Air Force said.",
        "Pakistan has publicly accused Afghanistan of sheltering Tehreek-e-Taliban Pakistan.",
        "The gas bill that arrived in the winter of 2022 from Iran was five times higher.",
        "It struck at 2:47 p.m. and was felt as far away as Islamabad.",
        "Such questions can be discussed by Iran and Pakistan.",
        "Garment workers clashed with police in Islamabad on April 20, 2024.",
        "Afghanistan has been accused by Pakistan of sheltering Tehreek-e-Taliban Pakistan.",
        "Iran sent aid after the earthquake that struck eastern Afghanistan on April 20, 2024.",
        "Pakistan's Supreme Court struck down an amendment in Islamabad on April 20, 2024.",
        "According to a statement by the Met Office in Islamabad, Shehbaz Sharif will be briefed.",
        "Shehbaz Sharif said Pakistan was in talks with Iran on a pilot scheme.",
        "Iran's relationship with Afghanistan has been discussed through the prism of security.",
        "The day after the summit, Shehbaz Sharif signed an executive order in Islamabad on April 20, 2024.",
        "Afghanistan responded the way it always does: it condemned Pakistan Air Force.",
        "Iran said the repayments due to Pakistan on April 20, 2024 will be met.",
        "Shehbaz Sharif struck a six off the final ball in Islamabad on April 20, 2024.",
        "A tanker of Iran that has been sanctioned by Pakistan disappeared from view.",
        "Traders in Panjgur announced a token strike on Saturday against taxes from Islamabad.",
        "The deliveries from Iran were cancelled and the window slammed shut in 2024.",
        "Militant attacks have risen sharply in Panjgur since 2021.",
        "Shehbaz Sharif received a cheque from traders in Islamabad on April 20, 2024.",
        "Shehbaz Sharif promised in Islamabad on April 20, 2024 to reopen talks with Iran.",
        "Asim Munir discussed what the membership means for Iran and Pakistan on April 20, 2024.",
        "Mechanisms with Iran and Pakistan, which have met only sporadically, need attention.",
        "Afghanistan welcomed tens of billions of dollars from Iran in 2024.",
        "The coalition in Islamabad is used to being blamed by Pakistan Air Force.",
    ],
)
def test_negations_idioms_and_things_that_are_no_event_are_not_proposed(sentence):
    assert propose(sentence) == [], sentence


def test_a_visit_by_someone_names_them_the_visitor():
    (visit,) = propose("During a visit by Ebrahim Raisi to Islamabad on April 22, 2024, trade was on the agenda.")
    assert (visit.participants, visit.location) == ((("Ebrahim Raisi", "visitor"),), "Islamabad")


def test_a_deal_struck_is_an_agreement_not_a_strike():
    assert [p.kind for p in propose("Pakistan and Iran struck port deals with Afghanistan on April 20, 2024.")] == [
        "trade_energy"
    ]
