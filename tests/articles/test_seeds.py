"""The five seed articles, imported: what the archive recovers from each, and what it leaves out."""

import datetime
import io

import pytest
from django.core.management import call_command

from articles.models import Article, Similarity

pytestmark = pytest.mark.django_db

BOILERPLATE = [
    "We use cookies",
    "Information and Settings",
    "Also Read",
    "Read also",
    "Related News",
    "Leave a Reply",
    "Your email address will not be published",
    "Whatsapp group",
    "Exit mobile version",
    "Share:",
    "Share.",
    "(Photo:",
    "Peptide YY",
]

EXPECTED = {
    "000_6979f6ea155b12aa.txt": {
        "title": "Pakistan forges cooperation with Iran",
        "outlet": "Geurasia",
        "section": "Eurasia",
        "published": (datetime.date(2023, 7, 31), "day", datetime.time(7, 0)),
        "byline": "",
        "type": "news",
    },
    "001_30597b7ee61e04dd.txt": {
        "title": "Pakistan and Iran's militaries will cooperate more against militant border attacks",
        "outlet": "NewsTrack",
        "section": "",
        "published": (None, "unknown", None),
        "byline": "",
        "type": "news",
    },
    "002_a1b0922339c60af7.txt": {
        "title": "New Era in Pak-Iran Ties: Pakistan’s Army Chief Visit To Iran",
        "outlet": None,
        "section": "",
        "published": (None, "unknown", None),
        "byline": "Asad Ali",
        "type": "opinion",
    },
    "003_11db1b685ebfa10e.txt": {
        "title": "Iran expresses worry over the deepening US-Pakistan alliance.",
        "outlet": None,
        "section": "",
        "published": (None, "unknown", None),
        "byline": "",
        "type": "news",
    },
    "004_de4bf0af528a8c21.txt": {
        "title": "Pakistan and Iran have pledged to work together to combat militants operating from Afghanistan, "
        "recognizing the threat they pose to regional and global security.",
        "outlet": None,
        "section": "",
        "published": (None, "unknown", None),
        "byline": "",
        "type": "news",
    },
}


@pytest.fixture
def seeds(seed_dir):
    call_command("load_outlets", stdout=io.StringIO())  # as ./dev up does: the outlets are known first
    call_command("import_articles", str(seed_dir), stdout=io.StringIO())
    return {article.origin_name: article for article in Article.objects.select_related("source")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_seed_gets_its_title_outlet_date_author_and_type(seeds, name):
    article, expected = seeds[name], EXPECTED[name]
    assert article.title == expected["title"]
    assert (article.source.name if article.source else None) == expected["outlet"]
    assert article.section == expected["section"]
    assert (article.published_on, article.published_precision, article.published_time) == expected["published"]
    assert article.byline == expected["byline"]
    assert article.article_type == expected["type"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_boilerplate_remains_in_any_seed_body(seeds, name):
    body = seeds[name].body
    for line in BOILERPLATE:
        assert line not in body, line
    assert body == body.strip() and "\n\n\n" not in body


def test_seed_000_keeps_its_standfirst_as_summary_and_its_caption_apart(seeds):
    article = seeds["000_6979f6ea155b12aa.txt"]
    assert article.summary.startswith("The top military leadership of Pakistan and neighboring Iran agreed")
    assert article.body.count("Pakistan forges cooperation with Iran") == 0
    caption = article.removals.get(rule="photo_caption")
    assert caption.text.startswith("Pakistan's Prime Minister Shahbaz Shari and Iran's President Ebrahim Raisi")
    assert caption.note == "AFP/Iran's presidency"
    assert list(article.removals.order_by("id").values_list("rule", flat=True)) == [
        "title_repeat", "standfirst", "title_repeat", "masthead", "photo_caption", "date_line",
        "cookie_notice", "consent_control",
    ]  # fmt: skip


def test_seed_001_is_filed_from_islamabad(seeds):
    assert seeds["001_30597b7ee61e04dd.txt"].dateline == "Islamabad"


def test_seed_002_keeps_its_author_note_out_of_the_body(seeds):
    article = seeds["002_a1b0922339c60af7.txt"]
    assert article.author_bio == "Asad Ali is an Islamabad based expert of South Asian Affairs"
    assert "Asad Ali" not in article.body


def test_seed_004_drops_its_closing_restatement_and_says_its_title_was_derived(seeds):
    article = seeds["004_de4bf0af528a8c21.txt"]
    assert article.title_derived
    assert len(article.body.split("\n\n")) == 4
    restated = article.removals.get(rule="restated_paragraph")
    assert restated.text.startswith("Pakistan and Iran have expressed a commitment to enhance efforts")
    assert restated.body_offset == len(article.body)


def test_seeds_000_and_001_are_linked_as_one_wire_story_and_nothing_else_is(seeds):
    first, second = seeds["000_6979f6ea155b12aa.txt"], seeds["001_30597b7ee61e04dd.txt"]
    assert second.duplicate_of == first
    pairs = set(Similarity.objects.values_list("article__origin_name", "similar__origin_name"))
    assert pairs == {(first.origin_name, second.origin_name), (second.origin_name, first.origin_name)}
    assert 0.06 <= Similarity.objects.get(article=first).jaccard < 0.2


def test_every_seed_keeps_its_raw_text_byte_for_byte(seeds, seed_dir):
    for name, article in seeds.items():
        assert article.raw_text == (seed_dir / name).read_text(encoding="utf-8")
