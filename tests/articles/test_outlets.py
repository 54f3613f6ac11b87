"""Outlets as data: the curated file, recognising an outlet from a page's clues, and the sources the
importer creates for outlets the archive does not know yet."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.layout import copyright_owner
from articles.models import Article, Source
from articles.outlet_file import OUTLETS, OutletFileError, read_outlets
from articles.outlets import Clue, Outlet, OutletClue, OutletIndex, identify
from articles.parsing import parse_text
from tests.factories import SourceFactory

DAWN = Outlet("Dawn", ("DAWN.COM",), ("dawn.com",), "PK", "newspaper")
TRIBUNE = Outlet("The Express Tribune", ("Express Tribune",), ("tribune.com.pk",), "PK", "newspaper")
APP = Outlet("Associated Press of Pakistan", ("APP",), ("app.com.pk",), "PK", "agency")
NATION = Outlet("The Nation", (), ("nation.com.pk",), "PK", "newspaper")
REUTERS = Outlet("Reuters", (), ("reuters.com",), "GB", "agency")
INDEX = OutletIndex([DAWN, TRIBUNE, APP, NATION, REUTERS])


def test_an_outlet_is_known_by_any_of_its_names_however_written_and_by_its_domains():
    assert INDEX.named("DAWN") is DAWN and INDEX.named("dawn.com") is DAWN
    assert INDEX.named("Express Tribune") is TRIBUNE and INDEX.named("THE EXPRESS TRIBUNE") is TRIBUNE
    assert INDEX.at_domain("https://epaper.dawn.com/DetailImage.php?StoryImage=18_01_2024") is DAWN


def test_an_acronym_is_a_name_only_in_capitals_and_the_never_stands_alone_for_the_nation():
    assert INDEX.named("APP") is APP and INDEX.named("App") is None
    assert INDEX.named("Nation") is None and INDEX.named("The Nation") is NATION
    assert INDEX.mentioned_in("© 2024 Nation Media Group") is None


@pytest.mark.parametrize(
    ("line", "owner"),
    [
        ("Copyright © 2024 The Frontier Ledger. All rights reserved.", "The Frontier Ledger"),
        ("Copyright ©2024. All rights reserved. Geo Television Network", "Geo Television Network"),
        ("All rights reserved for Islamic Republic News Agency", "Islamic Republic News Agency"),
        ("© Tehran Times 2024", "Tehran Times"),
        ("© 2024 Slow Variables · Powered by Hugo & PaperMod", "Slow Variables"),
        ("All rights reserved.", ""),
        ("Copyright © 2024. All Rights Reserved", ""),
        (
            "Copyright © 2025 Ministry of Lands, Water and Rural Resettlement. All Rights Reserved.",
            "Ministry of Lands, Water and Rural Resettlement",
        ),
        ("© 2024 Dawn, Karachi", "Dawn"),
        ("© 2024 • Privacy Policy • FLEX Pro WordPress Theme by SNO • Log in", ""),
    ],
)
def test_a_copyright_line_names_its_owner_and_never_its_boilerplate(line, owner):
    assert copyright_owner(line) == owner


def test_a_name_the_archive_does_not_know_is_believed_only_from_a_clue_that_names_a_publisher():
    menu = [OutletClue(Clue.MASTHEAD, "Pakistan"), OutletClue(Clue.TITLE_SUFFIX, "World")]
    assert identify(menu, INDEX) is None
    footer = identify([*menu, OutletClue(Clue.COPYRIGHT, "The Makran Observer")], INDEX)
    assert (footer.name, footer.known, footer.clue) == ("The Makran Observer", False, Clue.COPYRIGHT)


def test_the_known_outlet_most_clues_name_wins_and_an_agency_credit_only_when_nothing_else_names_one():
    clues = [
        OutletClue(Clue.COPYRIGHT, "Reuters"),
        OutletClue(Clue.AGENCY_CREDIT, "Reuters"),
        OutletClue(Clue.MASTHEAD, "DAWN"),
        OutletClue(Clue.COPYRIGHT, "Dawn"),
    ]
    assert identify(clues, INDEX).outlet is DAWN
    assert identify([OutletClue(Clue.AGENCY_CREDIT, "Reuters")], INDEX).outlet is REUTERS


def test_an_outlets_english_edition_is_the_outlet_and_a_copyright_owners_legal_form_comes_off():
    assert INDEX.named("DAWN English") is DAWN and INDEX.named("Dawn Online") is DAWN
    assert INDEX.named("English") is None
    assert INDEX.named("The Express Tribune.pk") is TRIBUNE  # a site's name with its domain's ending
    assert INDEX.named("Tribune.pk") is None
    assert copyright_owner("© 2025 CourtBeat Media Pvt. All rights reserved.") == "CourtBeat Media"
    assert copyright_owner("Copyright © 2025 PT Tempo Inti Media Tbk. All rights reserved.") == "PT Tempo Inti Media"


def test_what_a_publisher_is_never_names_it_and_a_sites_name_beside_its_description_names_its_outlet():
    assert identify([OutletClue(Clue.COPYRIGHT, "a Reach plc subsidiary")], INDEX) is None
    assert identify([OutletClue(Clue.SITE_NAME, "Dawn | Today's paper")], INDEX).outlet is DAWN
    assert identify([OutletClue(Clue.SITE_NAME, "DAWN.COM – Pakistan's oldest English daily")], INDEX).outlet is DAWN
    assert identify([OutletClue(Clue.SITE_NAME, "Politics - Pakistan")], INDEX).outlet is None  # no part is known


def test_an_unknown_outlets_masthead_is_believed_with_its_follow_box_under_a_cookie_banner():
    body = "PRESTON: A man was jailed on Thursday for six years for a string of burglaries, the court heard on Friday."
    page = parse_text(
        "Skip to main content\nWe value your privacy\nI Accept\nShow Purposes\nLancashire Evening Mercury\nSign in\n"
        "News\nSport\nCrime\n\nBurglar jailed for six years\n\nBy\nRebecca Thornley\n06:00, 14 MAR 2026\n\n"
        f"{body}\n\n{body.replace('six', 'seven')}\n\nFollow Lancashire Evening Mercury\nFacebook\nX\n\n"
        "©2026 a Reach plc subsidiary",
        outlets=INDEX,
    )
    assert page.outlet == "Lancashire Evening Mercury"


def test_metadata_decides_but_a_known_domain_beats_a_curators_other_spelling():
    assert identify([OutletClue(Clue.METADATA, "Regional Review")], INDEX).name == "Regional Review"
    spelled = [OutletClue(Clue.METADATA, "Dawn News Online"), OutletClue(Clue.DOMAIN, "https://www.dawn.com/x")]
    assert identify(spelled, INDEX).outlet is DAWN


def test_pages_name_their_outlet_in_a_footer_a_masthead_or_an_app_share_and_never_in_a_menu():
    body = "ISLAMABAD: Pakistan and Iran agreed on Thursday to expand border trade, officials said on Friday."
    footer = parse_text(f"Trade deal\n\n{body}\n\nPublished in Dawn, January 18th, 2024", outlets=INDEX)
    assert (footer.outlet, str(footer.published.date)) == ("Dawn", "2024-01-18")
    assert footer.published_text == "Published in Dawn, January 18th, 2024"
    shared = parse_text(f"Trade deal\nJanuary 20, 2024 07:45am\n\n{body}\n\nShared from the Dawn app", outlets=INDEX)
    assert shared.outlet == "Dawn"
    menu = parse_text(f"Home\nPakistan\nWorld\nBusiness\n\nTrade deal\n\n{body}", outlets=INDEX)
    assert menu.outlet == "" and menu.title == "Trade deal"
    boilerplate = parse_text(f"Trade deal\n\n{body}\n\nAll rights reserved.", outlets=INDEX)
    assert boilerplate.outlet == ""


def test_the_outlets_file_is_valid_and_lists_a_few_hundred_outlets():
    outlets = read_outlets()
    assert len(outlets) >= 300
    assert {outlet.kind for outlet in outlets} >= {"newspaper", "agency", "broadcaster", "think_tank", "blog"}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("- name: A\n  kind: tabloid", "kind 'tabloid' is not one of"),
        ("- name: A\n  kind: blog\n  domains: [www.a.com]", "is not a host name without www."),
        ("- name: A\n  kind: blog\n  country: Pakistan", "is not an ISO 3166-1 alpha-2 code"),
        ("- name: A\n  kind: blog\n  aliases: [B]\n- name: B\n  kind: blog", "the name 'b' is both A's and B's"),
    ],
)
def test_a_bad_outlets_file_is_refused_in_one_line_naming_the_entry(tmp_path: Path, entry, message):
    path = tmp_path / "outlets.yaml"
    path.write_text(entry)
    with pytest.raises(OutletFileError, match=message):
        OUTLETS.read(path)


@pytest.mark.django_db
def test_loading_the_outlets_twice_changes_nothing_the_second_time():
    first, second = io.StringIO(), io.StringIO()
    call_command("load_outlets", stdout=first)
    count = Source.objects.count()
    call_command("load_outlets", stdout=second)
    assert Source.objects.count() == count >= 300
    assert f"outlets: 0 created, 0 updated (0 found by the importer now confirmed), {count} unchanged" in (
        second.getvalue()
    )
    dawn = Source.objects.get(name="Dawn")
    assert (dawn.domain, dawn.origin, dawn.confirmed, dawn.country) == ("dawn.com", "outlets_file", True, "PK")


@pytest.mark.django_db
def test_the_file_fills_gaps_and_confirms_what_the_importer_found_but_a_curators_edits_win(tmp_path: Path):
    curated = SourceFactory(name="Daily Dawn", slug="daily-dawn", domain="", country="GB", kind="news_site")
    found = Source.objects.create(name="Tehran Times", slug="tehran-times", origin="importer", confirmed=False)
    path = tmp_path / "outlets.yaml"
    path.write_text(
        "- name: Dawn\n  aliases: [Daily Dawn]\n  domains: [dawn.com]\n  country: PK\n  kind: newspaper\n"
        "- name: Tehran Times\n  aliases: []\n  domains: [tehrantimes.com]\n  country: IR\n  kind: newspaper\n"
    )
    call_command("load_outlets", str(path), stdout=io.StringIO())
    curated.refresh_from_db()
    found.refresh_from_db()
    assert (curated.name, curated.country, curated.kind, curated.domain) == (
        "Daily Dawn",
        "GB",
        "news_site",
        "dawn.com",
    )
    assert "Dawn" in curated.aliases
    assert (found.confirmed, found.country, found.kind, found.domain) == (True, "IR", "newspaper", "tehrantimes.com")


@pytest.mark.django_db
def test_an_outlet_the_archive_does_not_know_becomes_a_source_found_by_the_importer(tmp_path: Path):
    page = tmp_path / "observer.txt"
    page.write_text(
        "Fishermen protest trawler ban\n\nGWADAR: Hundreds of fishermen protested on Monday against a ban on "
        "small trawlers, saying the rule would cost them their livelihoods this season.\n\nThe protest ended "
        "peacefully in the afternoon after talks with the district administration.\n\n"
        "© 2024 The Makran Observer. All rights reserved."
    )
    call_command("import_articles", str(page), stdout=io.StringIO())
    source = Article.objects.get().source
    assert (source.name, source.origin, source.confirmed) == ("The Makran Observer", "importer", False)
    assert source.found_from == "© 2024 The Makran Observer. All rights reserved."
