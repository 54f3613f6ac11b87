"""The matcher: which names it finds, where, and which unknown names it proposes."""

import pytest

from entities.extraction import AliasSpec, Matcher, fold

GAZETTEER = [
    AliasSpec("munir", "Asim Munir", "person"),
    AliasSpec("munir", "Syed Asim Munir", "person"),
    AliasSpec("sharif", "Shehbaz Sharif", "person"),
    AliasSpec("sharif", "Shahbaz Sharif", "person"),
    AliasSpec("nawaz", "Nawaz Sharif", "person"),
    AliasSpec("raisi", "Ebrahim Raisi", "person"),
    AliasSpec("pakistan", "Pakistan", "country"),
    AliasSpec("pakistan", "Pak", "country", case_sensitive=True),
    AliasSpec("iran", "Iran", "country"),
    AliasSpec("ttp", "Tehreek-e-Taliban Pakistan", "armed_group"),
    AliasSpec("ttp", "TTP", "armed_group"),
    AliasSpec("ttp", "Pakistani Taliban", "armed_group"),
    AliasSpec("bla", "Balochistan Liberation Army", "armed_group"),
    AliasSpec("bla", "BLA", "armed_group"),
    AliasSpec("balochistan", "Balochistan", "region"),
    AliasSpec("balochistan", "Baluchistan", "region"),
    AliasSpec("sistan", "Sistan and Baluchestan", "region"),
    AliasSpec("sistan", "Sistan-Baluchestan", "region"),
    AliasSpec("jaish", "Jaish al-Adl", "armed_group"),
    AliasSpec("us", "US", "country"),
    AliasSpec("us", "United States", "country"),
    AliasSpec("georgia-country", "Georgia", "country"),
    AliasSpec("georgia-state", "Georgia", "region"),
    AliasSpec("tbilisi", "Tbilisi", "city"),
    AliasSpec("pipeline", "Iran-Pakistan Gas Pipeline", "other"),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(GAZETTEER)


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(item.text, item.entity) for item in matcher.find(text)]


def test_each_mention_quotes_the_text_at_its_offsets(matcher):
    text = "In Quetta, Baluchistan’s capital, the BLA and Jaish al-Adl were discussed by Iran and Pakistan."
    for item in matcher.find(text):
        assert text[item.start : item.end] == item.text
    assert found(matcher, text) == [
        ("Baluchistan", "balochistan"),
        ("BLA", "bla"),
        ("Jaish al-Adl", "jaish"),
        ("Iran", "iran"),
        ("Pakistan", "pakistan"),
    ]


def test_names_match_whole_words_only(matcher):
    assert found(matcher, "Iranian officials met Pakistanis in Irandokht.") == []
    assert found(matcher, "Irans") == []


@pytest.mark.parametrize("possessive", ["Pakistan's", "Pakistan’s", "Pakistanʼs"])
def test_a_possessive_is_not_part_of_the_name(matcher, possessive):
    assert found(matcher, f"{possessive} army chief") == [("Pakistan", "pakistan")]


def test_acronyms_match_only_in_capitals(matcher):
    assert found(matcher, "The TTP and BLA claimed it") == [("TTP", "ttp"), ("BLA", "bla")]
    assert found(matcher, "the ttp and bla; let us go") == []
    assert found(matcher, "Pak-Iran ties, a pak of cards") == [("Pak", "pakistan"), ("Iran", "iran")]


def test_names_match_in_any_case_when_written_with_a_capital(matcher):
    assert found(matcher, "IRAN and PAKISTAN") == [("IRAN", "iran"), ("PAKISTAN", "pakistan")]
    assert found(matcher, "the united states") == []


def test_the_longest_name_wins_when_matches_overlap(matcher):
    assert found(matcher, "the Balochistan Liberation Army struck") == [("Balochistan Liberation Army", "bla")]
    assert found(matcher, "the Pakistani Taliban and Tehreek-e-Taliban Pakistan") == [
        ("Pakistani Taliban", "ttp"),
        ("Tehreek-e-Taliban Pakistan", "ttp"),
    ]
    assert found(matcher, "the Iran-Pakistan Gas Pipeline") == [("Iran-Pakistan Gas Pipeline", "pipeline")]


def test_hyphenated_pairs_of_names_are_two_mentions(matcher):
    assert found(matcher, "Pakistan-Iran relations") == [("Pakistan", "pakistan"), ("Iran", "iran")]
    assert found(matcher, "in Sistan-Baluchestan") == [("Sistan-Baluchestan", "sistan")]


def test_accents_dashes_and_spacing_variants_match():
    matcher = Matcher(
        [AliasSpec("sistan", "Sistan-Baluchestan", "region"), AliasSpec("q", "Qasem Soleimani", "person")]
    )
    assert found(matcher, "Sīstān–Baluchestān and Qasem Soleimani") == [
        ("Sīstān–Baluchestān", "sistan"),
        ("Qasem Soleimani", "q"),
    ]


def test_titles_in_front_of_a_persons_name_belong_to_the_mention(matcher):
    text = (
        "Pakistan’s powerful army chief Gen. Asim Munir met President Ebrahim Raisi and Prime Minister Shahbaz Sharif."
    )
    assert found(matcher, text) == [
        ("Pakistan", "pakistan"),
        ("army chief Gen. Asim Munir", "munir"),
        ("President Ebrahim Raisi", "raisi"),
        ("Prime Minister Shahbaz Sharif", "sharif"),
    ]
    assert found(matcher, "the general manager met Iran") == [("Iran", "iran")]


def test_a_bare_surname_counts_once_the_full_name_appeared(matcher):
    assert found(matcher, "Munir spoke.") == []
    assert found(matcher, "Gen. Asim Munir arrived. Munir met officials. Munir's visit ended.") == [
        ("Gen. Asim Munir", "munir"),
        ("Munir", "munir"),
        ("Munir", "munir"),
    ]


def test_a_surname_inside_another_full_name_is_not_the_known_person(matcher):
    text = "Shehbaz Sharif said his brother Nawaz Sharif agreed; Mian Sharif did not."
    assert found(matcher, text) == [("Shehbaz Sharif", "sharif"), ("Nawaz Sharif", "nawaz")]


def test_a_shared_alias_goes_to_the_entity_the_text_names_elsewhere(matcher):
    # Georgia is a country and a US state; with no other clue it is left out rather than guessed.
    assert found(matcher, "Tbilisi is the capital. Georgia joined.") == [("Tbilisi", "tbilisi")]
    clue = Matcher([*GAZETTEER, AliasSpec("georgia-country", "Sakartvelo", "country")])
    assert found(clue, "Sakartvelo, or Georgia, voted.") == [
        ("Sakartvelo", "georgia-country"),
        ("Georgia", "georgia-country"),
    ]


def test_folding_keeps_every_offset():
    for text in ["Sīstān–Baluchestān", "İstanbul ǅemal", "Straße ’s"]:
        assert len(fold(text)) == len(text)
    assert fold("Sīstān–Baluchestān’s") == "sistan-baluchestan's"


def test_an_empty_gazetteer_finds_nothing():
    assert Matcher([]).find("Iran and Pakistan") == []


def test_near_misses_of_known_aliases_are_proposed_as_aliases(matcher):
    text = "Prime Minister Shahbaz Shari met the Balochistan Liberation Front."
    candidates = matcher.candidates(text, matcher.find(text))
    near = [c for c in candidates if c.entity is not None]
    assert [(c.text, c.entity, c.alias) for c in near] == [("Shahbaz Shari", "sharif", "Shahbaz Sharif")]
    assert near[0].score > 90
    assert text[near[0].start : near[0].end] == "Shahbaz Shari"


def test_unknown_names_are_proposed_as_new_entities_with_a_guessed_kind(matcher):
    text = (
        "The Balochistan Liberation Front and the Pakistan Army met trade lawyer Malik. Foreign Minister Abbas "
        "Araghchi arrived in Kech District. However, Tuesday came."
    )
    candidates = {c.text: c.kind_guess for c in matcher.candidates(text, matcher.find(text)) if c.entity is None}
    assert candidates == {
        "Balochistan Liberation Front": "armed_group",
        "Pakistan Army": "organisation",
        "Malik": "person",
        "Abbas Araghchi": "person",
        "Kech": "region",  # the generic word left out, as in a mention
    }


def test_known_names_and_sentence_openers_are_not_candidates(matcher):
    text = "However, Iran and Pakistan met. The United States. Also In March, Iranian President Ebrahim Raisi came."
    assert matcher.candidates(text, matcher.find(text)) == []


def test_every_capitalised_word_of_a_name_must_be_capitalised_in_the_text():
    matcher = Matcher([AliasSpec("artesh", "Iranian Army", "organisation"), AliasSpec("iran", "Iran", "country")])
    assert found(matcher, "the Iranian Army and the Iranian army") == [("Iranian Army", "artesh")]


def test_titles_never_reach_back_into_the_previous_sentence_or_line(matcher):
    text = "Iran welcomed the minister. General Asim Munir visited. The minister\n\nAsim Munir spoke."
    assert [item.text for item in matcher.find(text) if item.entity == "munir"] == ["General Asim Munir", "Asim Munir"]


def test_a_dotted_capital_i_folds_like_any_other():
    matcher = Matcher([AliasSpec("istanbul", "İstanbul", "city")])
    assert found(matcher, "From Istanbul and İSTANBUL") == [("Istanbul", "istanbul"), ("İSTANBUL", "istanbul")]


def test_matching_a_long_text_takes_time_in_proportion_to_it(matcher):
    text = "Gen. Asim Munir met Munir in Tehran. " * 5000
    assert len(matcher.find(text)) == 10000


@pytest.mark.parametrize(
    ("text", "name", "kind", "role"),
    [
        ("Commerce Secretary Jawad Paul said talks went well.", "Jawad Paul", "person", "Commerce Secretary"),
        ("Residents of Kiryat Shmona fled south.", "Kiryat Shmona", "other", ""),
        ("The Asian Development Bank lent more.", "Asian Development Bank", "organisation", ""),
        ("Officials of the Saudi Stock Exchange met.", "Saudi Stock Exchange", "organisation", ""),
        ("A World War II-era bunker was found.", "World War II", "other", ""),
        ("Floods hit Baghlan Province again.", "Baghlan", "region", ""),
        ("The plan will cut costs, said Davoud Amirzadeh on Monday.", "Davoud Amirzadeh", "person", ""),
        ("Farmers in Torbat Heydarieh lost their crops.", "Torbat Heydarieh", "city", ""),
        ("Zahra Ghaffari, 71, writes poems.", "Zahra Ghaffari", "person", ""),
    ],
)
def test_a_candidate_is_the_name_alone_with_its_kind_read_from_its_words_and_context(matcher, text, name, kind, role):
    [candidate] = [c for c in matcher.candidates(text, matcher.find(text)) if c.entity is None]
    assert (candidate.text, candidate.kind_guess, candidate.role) == (name, kind, role)


def test_a_sentence_opener_joined_to_a_name_is_left_out_but_an_institution_keeps_its_head():
    matcher = Matcher([AliasSpec("iran", "Iran", "country")])
    text = "Ministry of Ports officials met. Whether the Hague Court agrees is unclear."
    names = [c.text for c in matcher.candidates(text, matcher.find(text))]
    assert names == ["Ministry of Ports", "Hague Court"]


def test_a_person_whose_given_name_the_gazetteer_knows_is_guessed_a_person(matcher):
    text = "Ebrahim Khalili met the delegation."
    [candidate] = matcher.candidates(text, matcher.find(text))
    assert (candidate.text, candidate.kind_guess) == ("Ebrahim Khalili", "person")


def test_a_share_bar_and_a_fragment_cut_out_of_a_known_name_are_not_candidates(matcher):
    text = (
        "Share on Facebook Twitter WhatsApp LinkedIn\n\n"
        "Militants of Jaish al-Adl attacked. Its Fighters Of Jaish al-Adl fled."
    )
    assert [c.text for c in matcher.candidates(text, matcher.find(text))] == []
