"""Exports of the tools analysts use, imported with their metadata whatever each tool calls it."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from articles.models import Article, Source
from articles.records import parse_json_document, parse_record

BODY = (
    "Pakistan and Iran agreed on Thursday to open three more border markets by March, officials said. "
    "The markets will let residents trade local goods outside the formal customs regime."
)


def test_a_newsapi_record_gives_source_date_author_and_records_its_truncation():
    parsed = parse_record(
        {
            "source": {"id": None, "name": "Dawn"},
            "author": "Baqir Sajjad Syed",
            "title": "Pakistan, Iran agree to expand border trade",
            "description": "Three more border markets to open by March.",
            "url": "https://www.dawn.com/news/1805123",
            "urlToImage": "https://i.dawn.com/large/2024/01/65a8.jpg",
            "publishedAt": "2024-01-18T05:32:00Z",
            "content": "ISLAMABAD: Pakistan and Iran on Wednesday agreed to open three more border sustenance "
            "markets by the end of March and to revive a joint trade… [+3412 chars]",
        },
        what="record",
    )
    assert (parsed.title, parsed.outlet, parsed.byline) == (
        "Pakistan, Iran agree to expand border trade",
        "Dawn",
        "Baqir Sajjad Syed",
    )
    assert (parsed.published.date, parsed.published_text) == (datetime.date(2024, 1, 18), "2024-01-18T05:32:00Z")
    assert parsed.summary == "Three more border markets to open by March."
    assert parsed.body.endswith("revive a joint trade") and "[+3412 chars]" not in parsed.body
    assert parsed.truncated
    truncation = next(removal for removal in parsed.removals if removal.rule == "truncated")
    assert truncation.text.startswith("… [+3412 chars]") and "3,412 more characters" in truncation.text


def test_a_gdelt_record_gives_its_compact_seen_date_domain_and_language_name():
    parsed = parse_record(
        {
            "url": "https://tribune.com.pk/story/2453011/imf-asks-pakistan",
            "title": "IMF asks Pakistan to broaden tax base",
            "seendate": "20240118T103200Z",
            "domain": "tribune.com.pk",
            "language": "English",
            "sourcecountry": "Pakistan",
            "text": BODY,
        },
        what="record",
    )
    assert (parsed.published.date, parsed.published.precision) == (datetime.date(2024, 1, 18), "day")
    assert parsed.language == "en"
    assert parsed.outlet_clues[-1].text == "tribune.com.pk"


def test_a_gdelt_link_list_without_text_says_why_it_cannot_be_an_article():
    with pytest.raises(Exception, match="GDELT lists give links, not text"):
        parse_record({"url": "https://example.org/a", "title": "A", "seendate": "20240118T103200Z"}, what="record")


def test_a_media_cloud_record_gives_its_media_name_and_publish_date():
    parsed = parse_record(
        {
            "id": 2245113,
            "media_name": "Business Recorder",
            "media_url": "brecorder.com",
            "publish_date": "2024-01-18 17:48:00",
            "title": "SBP-held reserves rise $54mn",
            "url": "https://www.brecorder.com/news/40284512",
            "language": "en",
            "text": BODY,
        },
        what="record",
    )
    assert (parsed.outlet, parsed.published.date) == ("Business Recorder", datetime.date(2024, 1, 18))


def test_an_event_registry_record_gives_its_source_title_date_time_and_author_names():
    parsed = parse_record(
        {
            "uri": "7981234567",
            "lang": "eng",
            "isDuplicate": False,
            "date": "2024-02-05",
            "time": "11:05:00",
            "dateTime": "2024-02-05T11:05:00Z",
            "url": "https://www.arabnews.com/node/2455001",
            "title": "Pakistan extends Hajj application deadline",
            "body": BODY,
            "source": {"uri": "arabnews.com", "dataType": "news", "title": "Arab News"},
            "authors": [{"uri": "zulfiqar_ahmed@arabnews.com", "name": "Zulfiqar Ahmed", "type": "author"}],
        },
        what="record",
    )
    assert (parsed.outlet, parsed.byline, parsed.language) == ("Arab News", "Zulfiqar Ahmed", "en")
    assert parsed.published.date == datetime.date(2024, 2, 5)


def test_a_news_please_record_gives_its_maintext_date_and_source_domain():
    parsed = parse_record(
        {
            "authors": ["Asma Zaidi", "Kamran Haider"],
            "date_download": "2024-01-19 08:00:00",
            "date_modify": None,
            "date_publish": "2024-01-18 16:32:00",
            "description": "Deportations to resume after winter lull.",
            "language": "en",
            "maintext": BODY,
            "source_domain": "www.reuters.com",
            "text": None,
            "title": "Pakistan to resume deportations of undocumented Afghans",
            "title_page": "Pakistan to resume deportations of undocumented Afghans | Reuters",
            "url": "https://www.reuters.com/world/asia-pacific/pakistan-resume-deportations-2024-01-18/",
        },
        what="record",
    )
    assert parsed.title == "Pakistan to resume deportations of undocumented Afghans"
    assert (parsed.byline, parsed.published.date) == ("Asma Zaidi, Kamran Haider", datetime.date(2024, 1, 18))
    assert any(clue.text == "reuters.com" for clue in parsed.outlet_clues)


def test_the_envelopes_of_the_tools_hold_their_records():
    assert parse_json_document(json.dumps({"status": "ok", "articles": [{"title": "a"}]}), what="JSON") == [
        {"title": "a"}
    ]
    assert parse_json_document(json.dumps({"articles": {"results": [{"title": "b"}]}}), what="JSON") == [{"title": "b"}]


@pytest.mark.django_db
def test_a_bad_record_fails_alone_as_file_hash_number_and_the_rest_of_the_file_imports(tmp_path):
    export = tmp_path / "newsapi.json"
    good = {"source": {"name": "Dawn"}, "title": "Trade", "publishedAt": "2024-01-18T05:32:00Z", "content": BODY}
    export.write_text(json.dumps({"status": "ok", "articles": [good, {"title": "No text"}, {**good, "title": "x2",
                                  "content": BODY + " More."}]}))  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception):  # noqa: B017 - the command exits non-zero after reporting the failure
        call_command("import_articles", str(export), stdout=out, stderr=err)
    assert f"{export}#2: failed: record: no text" in err.getvalue()
    assert sorted(Article.objects.values_list("origin_name", flat=True)) == ["newsapi.json#1", "newsapi.json#3"]
    assert Article.objects.get(origin_name="newsapi.json#1").published_text == "2024-01-18T05:32:00Z"
    dawn = Source.objects.get(name="Dawn")
    assert (dawn.origin, dawn.confirmed) == ("importer", False)  # not in this archive's sources yet
