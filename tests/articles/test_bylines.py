"""What a byline line says: the authors, without their roles, cities, agencies and outlets."""

import pytest

from articles.bylines import BYLINE, clean_byline, is_affiliation, is_name_like, joined_names, with_author
from articles.outlets import Outlet, OutletIndex
from articles.parsing import parse_text, with_outlet


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Amber Whitlock | Pakistan correspondent", "Amber Whitlock"),
        ("Lim Jia Hui Tech Correspondent", "Lim Jia Hui"),
        ("Sana Jamal in Karachi and Tom Hale in London", "Sana Jamal and Tom Hale"),
        ("Farah Naz | Tariq Butt with AFP", "Farah Naz and Tariq Butt"),
        ("Ravi Menon, Edited by Anita Rao", "Ravi Menon"),
        ("Harriet Calloway Follow and Daniel Kessler Follow", "Harriet Calloway and Daniel Kessler"),
        ("Priya Nair, New Delhi", "Priya Nair"),
        ("IANS New Delhi", "IANS"),
        ("AFP, Beirut", "AFP"),
        ("Aamir Khan LAHORE", "Aamir Khan"),
        (
            "Xinhua writer Zhao Lanxi",
            "Zhao Lanxi",
        ),  # the agency's role before the name  # a dateline's city in capitals after the name
        ("Mark Paris", "Mark Paris"),  # a surname, not a city
        ("Tom Pyman and Rory Tingle For Dailymail.Com", "Tom Pyman and Rory Tingle"),
        ("Asma Zaidi (Islamabad)", "Asma Zaidi"),
        ("Asma Zaidi @asmazaidi", "Asma Zaidi"),
        ("Lena Whitcomb, ProPublica, and Tess Moreland, The Texas Tribune", "Lena Whitcomb and Tess Moreland"),
        (
            "Lydia Morrow, Pavel Hrycak, Sofia Brennan, and Thomas Aldridge",
            "Lydia Morrow, Pavel Hrycak, Sofia Brennan and Thomas Aldridge",
        ),
        ("Nadia Hassan Bakri, Ph.D.; Thomas Whitcomb", "Nadia Hassan Bakri and Thomas Whitcomb"),
        ("Aarti Raghavan, Research Associate, VIF", "Aarti Raghavan"),
        ("The Editorial Board", "The Editorial Board"),
        ("JOSHUA R. BELLEZA, GMA Integrated News", "JOSHUA R. BELLEZA"),
        ("KAZUKI TSUJI/ Staff Writer", "KAZUKI TSUJI"),
        ("Commentary By Thomas W. Brandt", "Thomas W. Brandt"),
        ("dpa - @", "dpa"),
        ("Danielle Keller , Aaron Whitfield Fox News", "Danielle Keller and Aaron Whitfield Fox News"),  # no name lost
    ],
)
def test_a_byline_keeps_the_names_and_drops_what_surrounds_them(line: str, authors: str) -> None:
    assert clean_byline(line) == authors


def test_a_name_then_who_the_person_is_is_a_byline_but_roles_alone_and_two_people_with_roles_are_not() -> None:
    assert is_name_like("Aarti Raghavan, Research Associate, VIF")
    assert not is_name_like("Senior Fellow and Director, Southeast Asia Program")
    assert not is_name_like("Issue Brief, China-Pakistan Study Centre")
    assert not is_name_like("KOJI MORIOKA, Nikkei staff writer, and DIMAS PRAKOSO, Contributing writer")


@pytest.mark.parametrize("name", ["Murat Özdemir", "Émile Laurent", "Łukasz Nowak", "Ömer Çelik"])
def test_a_name_may_open_with_a_capital_of_any_latin_alphabet(name: str) -> None:
    assert is_name_like(name)


def test_a_heading_of_tags_is_no_name() -> None:
    assert not is_name_like("Related Tags") and not is_name_like("Related Topics")


def test_a_name_and_its_role_is_no_place() -> None:
    from articles.bylines import is_place_line

    assert not is_place_line("Ahmad Nasri, Reporter")
    assert is_place_line("Teknaf, Cox's Bazar")


def test_a_desk_is_an_author_and_keeps_its_words() -> None:
    assert clean_byline("Our Staff Reporter") == "Our Staff Reporter"
    assert is_name_like("Web Desk")
    assert is_name_like("Our Correspondent, Kurigram")  # a desk and its town
    assert clean_byline("Our Correspondent, Kurigram") == "Our Correspondent"
    assert not is_name_like("Our Correspondent, who has covered the floods for years")


@pytest.mark.parametrize(
    "line", ["West Asia", "Top Stories", "Read more", "Senior Political Journalist", "Senior Research Analyst",
             "Research Fellow", "Key Takeaways", "Quick Read"],
)  # fmt: skip
def test_sections_buttons_and_roles_are_not_names(line: str) -> None:
    assert not is_name_like(line)


def test_a_role_under_a_name_is_an_affiliation_not_an_author() -> None:
    assert is_affiliation("Senior Fellow - Global Economy and Development")
    assert not is_affiliation("Baqir Sajjad Syed")


def test_authors_are_listed_as_a_byline_writes_them() -> None:
    assert joined_names(["A"]) == "A"
    assert joined_names(["A", "B", "C"]) == "A, B and C"
    assert with_author("", "A") == "A"
    assert with_author("A", "B") == "A and B"
    assert with_author("A and B", "C") == "A, B and C"


def test_a_note_on_who_the_author_is_starts_with_their_name_and_what_they_do() -> None:
    from articles.bylines import BIO_START

    assert BIO_START.match("Connor Mak joined the Post in 2021 and covers transport in Hong Kong.")
    assert BIO_START.match("Nandini Sen translates from Bengali and Odia into English.")
    assert not BIO_START.match("Foreign Minister Ishaq Dar joined the talks later, officials said.")
    assert BIO_START.match("The Web Desk team covers breaking news and digital updates for ARY News.")


def test_a_title_before_a_name_is_not_part_of_it() -> None:
    assert clean_byline("Dr Ayesha Rauf") == "Ayesha Rauf"
    assert clean_byline("Dr. Ali Khan and Prof Sara Shah") == "Ali Khan and Sara Shah"
    assert clean_byline("Drew Carey") == "Drew Carey"


def test_places_under_names_and_agencies_beside_them() -> None:
    from articles.bylines import is_place_line

    assert all(is_place_line(line) for line in ("Dhaka", "Teknaf, Cox's Bazar", "Belgrade, Pristina", "New Delhi"))
    assert not any(is_place_line(line) for line in ("Shahnaz Parvin", "BIRN", "Arben Krasniqi"))
    assert clean_byline("Tobi Ajayi, Casablanca and Chiamaka Eze") == "Tobi Ajayi and Chiamaka Eze"
    assert clean_byline("Reuters, AFP and AP") == "Reuters, AFP and AP"
    assert clean_byline("Ella Bradshaw and PA") == "Ella Bradshaw"
    assert clean_byline("Rohan Mehta • 2d • 3 min read") == "Rohan Mehta"
    assert clean_byline("Shabnam Rahimi 3 days ago") == "Shabnam Rahimi"
    assert clean_byline("Selin Aydın in Ankara, Omar Haddad in Dubai and Harriet Cole in London") == (
        "Selin Aydın, Omar Haddad and Harriet Cole"
    )


def test_an_account_or_a_guest_role_is_no_author() -> None:
    assert clean_byline("admin") == ""
    assert clean_byline("Guest Blogger for Asia Unbound") == ""


@pytest.mark.parametrize("label", ["Guest post by", "Opinion by", "Analysis by", "Commentary by", "A column by"])
def test_a_by_line_under_the_pieces_kind_names_its_author(label: str) -> None:
    assert clean_byline(BYLINE.match(f"{label} Asma Zaidi")["name"]) == "Asma Zaidi"


def test_a_writer_for_the_outlet_is_the_author_without_it() -> None:
    outlets = OutletIndex([Outlet("The Diplomat", (), ("thediplomat.com",), "US", "magazine")])
    lead = "ISLAMABAD: Pakistan and Iran agreed on Thursday to open three more border markets, officials said."
    for line in ["By Asma Zaidi For The Diplomat", "Asma Zaidi for The Diplomat"]:
        text = "\n".join(["Border trade to expand", line, "January 18, 2024", "", lead, lead[11:], lead[:60] + "."])
        assert with_outlet(parse_text(text, outlets=outlets), outlets).byline == "Asma Zaidi"
