"""Full-text search of articles, its snippets, ordering, and the facet counts of any filtered set."""

import datetime

import pytest

from archive.facets import article_facets
from articles.managers import search_configs_in_use
from articles.models import Article
from entities.selectors import NamesInSearch, names_in_search
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    EntityFactory,
    EventFactory,
    SourceFactory,
    evidence_in,
    mention_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    dawn, tribune = SourceFactory(name="Dawn", slug="dawn"), SourceFactory(name="Tribune", slug="tribune")
    munir = EntityFactory(name="Asim Munir", slug="asim-munir")
    visit = ArticleFactory(
        source=dawn,
        title="Army chief visits Tehran",
        body="The army chief arrived in Tehran for talks on border security. Asim Munir met officials.",
        published_on=datetime.date(2023, 7, 31),
    )
    pipeline = ArticleFactory(
        source=tribune,
        title="Gas pipeline stalls",
        summary="Sanctions keep the army of lawyers busy.",
        body="The gas pipeline to Pakistan remains frozen because of sanctions on Iran.",
        published_on=datetime.date(2024, 4, 25),
        article_type="opinion",
    )
    border = ArticleFactory(source=dawn, title="Border markets", body="New border markets will open near Taftan.")
    mention_in(visit, munir, "Asim Munir")
    event = EventFactory(title="Visit", kind="visit", status="confirmed")
    evidence_in(event, visit, "Asim Munir met officials.")
    return locals()


def titles(api_client, query: str) -> list[str]:
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=tehran", ["Army chief visits Tehran"]),
        ("q=visiting", ["Army chief visits Tehran"]),  # English stemming
        ('q="border security"', ["Army chief visits Tehran"]),  # a phrase
        ("q=border -markets", ["Army chief visits Tehran"]),  # exclusion
        ("q=pipeline or markets&ordering=title", ["Border markets", "Gas pipeline stalls"]),
        ("q=lawyers", ["Gas pipeline stalls"]),  # the summary is searched too
        ("q=army", ["Army chief visits Tehran", "Gas pipeline stalls"]),  # the title weighs most
        ("q=army&ordering=-published_on", ["Gas pipeline stalls", "Army chief visits Tehran"]),
        ("q=nothing-like-this", []),
    ],
)
def test_full_text_search_with_web_search_syntax_ranks_the_best_first(api_client, library, query, expected):
    assert titles(api_client, query) == expected


def test_a_search_with_few_hits_is_ranked_in_full_and_says_so(api_client, library):
    page = api_client.get("/api/v1/articles/?q=army").json()
    assert [row["title"] for row in page["results"]] == ["Army chief visits Tehran", "Gas pipeline stalls"]
    assert page["ranking"] == {"complete": True}
    assert "ranking" not in api_client.get("/api/v1/articles/?q=army&ordering=-published_on").json()
    assert "ranking" not in api_client.get("/api/v1/articles/").json()


def test_a_search_with_too_many_hits_ranks_the_newest_and_says_what_it_ranked(api_client, library, monkeypatch):
    monkeypatch.setattr("articles.views.FULL_RANKING_LIMIT", 0)
    monkeypatch.setattr("articles.views.HEADLINE_HITS_LIMIT", 0)  # too many in headlines too (test_ranking.py)
    monkeypatch.setattr("articles.views.RANKED_HITS", 1)
    # "army" is in the titles of 2023's visit (the best match) and in 2024's pipeline summary
    page = api_client.get("/api/v1/articles/?q=army").json()
    assert [row["title"] for row in page["results"]] == ["Gas pipeline stalls"]
    assert page["ranking"]["complete"] is False and page["ranking"]["ranked"] == 1
    assert page["ranking"]["which"] == "newest" and page["ranking"]["page_exact"] is False
    assert page["ranking"]["estimated"] is True and page["ranking"]["of"] >= 1
    assert titles(api_client, "q=army&ordering=-published_on") == ["Gas pipeline stalls", "Army chief visits Tehran"]


def test_each_hit_carries_a_highlighted_snippet(api_client, library):
    rows = api_client.get("/api/v1/articles/?q=frozen sanctions").json()["results"]
    assert "<mark>frozen</mark>" in rows[0]["snippet"] and "<mark>sanctions</mark>" in rows[0]["snippet"]
    assert api_client.get("/api/v1/articles/").json()["results"][0]["snippet"] is None


def test_search_takes_a_fixed_number_of_queries(api_client, library, django_assert_num_queries):
    for number in range(10):
        ArticleFactory(title=f"Tehran story {number}", body="Tehran again.")
    search_configs_in_use()  # the archive's languages, read at most every few minutes
    # names among the words + the planner's estimate of the hits + the cursor page + its snippets
    with django_assert_num_queries(4):
        assert len(api_client.get("/api/v1/articles/?q=tehran").json()["results"]) == 11


def test_facets_count_the_filtered_articles(api_client, library):
    facets = api_client.get("/api/v1/articles/facets/").json()
    assert facets["source"] == [
        {"source": "dawn", "name": "Dawn", "count": 2},
        {"source": "tribune", "name": "Tribune", "count": 1},
    ]
    assert facets["month"] == [{"month": "2023-07", "count": 1}, {"month": "2024-04", "count": 1},
                               {"month": None, "count": 1}]  # fmt: skip
    assert facets["type"] == [{"type": "news", "count": 2}, {"type": "opinion", "count": 1}]
    assert facets["status"] == [{"status": "imported", "count": 3}]
    assert facets["entity"] == [{"entity": "asim-munir", "name": "Asim Munir", "kind": "person", "count": 1}]
    assert facets["event_kind"] == [{"kind": "visit", "count": 1}]
    filtered = api_client.get("/api/v1/articles/facets/?source=tribune&q=pipeline").json()
    assert filtered["source"] == [{"source": "tribune", "name": "Tribune", "count": 1}]
    assert filtered["entity"] == [] and filtered["event_kind"] == []


def test_facets_of_the_whole_archive_read_stored_totals_that_agree_with_counting(library, django_assert_num_queries):
    from articles.models import Article
    from entities.models import Mention

    rejected = EntityFactory(name="Tehran", slug="tehran")
    mention_in(Article.objects.get(title="Army chief visits Tehran"), rejected, "Tehran", status="rejected")
    counted = article_facets(Article.objects.filter(pk__gt=0))  # a filter: every count is computed from the rows
    with django_assert_num_queries(4):  # one scan for four facets, sources, entities, event kinds
        stored = article_facets(Article.objects.all())
    assert stored == counted
    assert [row["entity"] for row in stored["entity"]] == ["asim-munir"]
    assert Mention.objects.filter(entity=rejected).exists()


def test_facets_of_a_large_set_are_estimated_from_an_even_sample_unless_exact(api_client, library, monkeypatch):
    monkeypatch.setattr("articles.facets.FACET_SAMPLE", 2)
    estimated = api_client.get("/api/v1/articles/facets/?source=dawn&source=tribune").json()
    assert (estimated["articles"], estimated["sample"]) == (3, 2)
    assert sum(row["count"] for row in estimated["status"]) == 3  # two counted, scaled by 3/2 each
    exact = api_client.get("/api/v1/articles/facets/?source=dawn&source=tribune&exact=true").json()
    assert (exact["articles"], exact["sample"]) == (3, None)
    assert exact["source"] == [
        {"source": "dawn", "name": "Dawn", "count": 2},
        {"source": "tribune", "name": "Tribune", "count": 1},
    ]
    assert api_client.get("/api/v1/articles/facets/?exact=maybe").status_code == 400


def test_a_samples_entity_facet_counts_the_sampled_articles_mentions_scaled(api_client, library, monkeypatch):
    monkeypatch.setattr("articles.facets.FACET_SAMPLE", 2)  # of three articles by id, the second and third
    iran = EntityFactory(name="Iran", slug="iran")
    mention_in(library["pipeline"], iran, "Iran")
    mention_in(library["border"], EntityFactory(name="Taftan", slug="taftan"), "Taftan")
    mention_in(library["visit"], iran, "Tehran")  # the visit is not sampled, nor is its mention of Asim Munir
    facets = api_client.get("/api/v1/articles/facets/?source=dawn&source=tribune").json()
    assert facets["sample"] == 2
    assert {row["entity"]: row["count"] for row in facets["entity"]} == {"iran": 2, "taftan": 2}  # 1 * 3/2


def test_an_even_sample_is_spread_over_the_whole_set_in_id_order():
    from articles.facets import _even_sample

    ids = sorted(article.pk for article in ArticleFactory.create_batch(7))
    assert _even_sample(Article.objects.filter(pk__in=ids), 3) == (f"{{{ids[2]},{ids[4]},{ids[6]}}}", 3, 7)
    assert _even_sample(Article.objects.filter(pk__in=ids[:2]), 3) == ("", 2, 2)  # no sample: all are counted
    assert _even_sample(Article.objects.filter(pk__lt=0), 3) == ("", 0, 0)


def test_articles_without_a_source_are_a_facet_value_of_their_own(api_client, library):
    ArticleFactory(source=None, title="Unattributed", body="Who wrote this?")
    for query in ["", "?type=news", "?type=news&exact=true"]:
        sources = api_client.get(f"/api/v1/articles/facets/{query}").json()["source"]
        assert {"source": None, "name": None, "count": 1} in sources


def test_facets_refuse_a_bad_top(api_client, library):
    response = api_client.get("/api/v1/articles/facets/?top=0")
    assert response.status_code == 400 and "top" in response.json()


def test_a_filtered_listing_exports_as_csv(api_client, library):
    import csv
    import io

    response = api_client.get("/api/v1/articles/export/?source=dawn&ordering=title")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert 'filename="articles.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["title"], row["source"], row["published_on"]) for row in rows] == [
        ("Army chief visits Tehran", "dawn", "2023-07-31"),
        ("Border markets", "dawn", ""),
    ]


def test_a_search_exports_as_json_lines_with_the_texts(api_client, library):
    import json

    response = api_client.get("/api/v1/articles/export/?as=jsonl&q=pipeline")
    assert response["Content-Type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [(row["title"], row["article_type"]) for row in rows] == [("Gas pipeline stalls", "opinion")]
    assert "frozen" in rows[0]["body"]
    assert api_client.get("/api/v1/articles/export/?as=xml").status_code == 400


@pytest.fixture
def spellings():
    """One province spelt three ways, each by one article that mentions it; an article on another
    province whose name holds one of those spellings; and a surname two people share."""
    province = EntityFactory(name="Balochistan", slug="balochistan", kind="region")
    for alias in ("Baluchistan", "Baluchestan"):
        AliasFactory(entity=province, name=alias)
    iranian = EntityFactory(name="Sistan-Baluchestan", kind="region")
    for name in ("Nawaz Sharif", "Shehbaz Sharif"):
        AliasFactory(entity=EntityFactory(name=name, kind="person"), name="Sharif")
    articles = {}
    for number, spelling in enumerate(["Balochistan", "Baluchistan", "Baluchestan"]):
        article = ArticleFactory(title=f"Report {number}", body=f"Gunmen attacked a convoy in {spelling} on Monday.")
        mention_in(article, province, spelling)
        articles[spelling] = article
    across = ArticleFactory(title="Across the border", body="Gunmen attacked a convoy in Sistan-Baluchestan.")
    mention_in(across, iranian, "Sistan-Baluchestan")
    return articles


@pytest.mark.parametrize("spelling", ["Balochistan", "Baluchistan", "baluchistan"])
def test_a_name_finds_every_article_that_mentions_its_entity_in_another_spelling(api_client, spellings, spelling):
    assert sorted(titles(api_client, f"q={spelling}")) == ["Report 0", "Report 1", "Report 2"]


def test_a_spelling_found_inside_another_name_finds_only_the_articles_that_use_it(api_client, spellings):
    assert sorted(titles(api_client, "q=Baluchestan")) == ["Across the border", "Report 0", "Report 1", "Report 2"]
    assert "Across the border" not in titles(api_client, "q=Balochistan")  # it mentions another province


def test_each_article_is_ranked_and_highlighted_by_the_spelling_it_uses(api_client, spellings):
    rows = api_client.get("/api/v1/articles/?q=Baluchistan+convoy").json()["results"]
    assert {row["title"]: row["snippet"].count("<mark>") for row in rows} == {f"Report {n}": 2 for n in range(3)}
    by_title = {row["title"]: row["snippet"] for row in rows}
    assert "<mark>Baluchestan</mark>" in by_title["Report 2"] and "<mark>Balochistan</mark>" in by_title["Report 0"]
    names = names_in_search("Baluchistan")
    found = Article.objects.search("Baluchistan", names.spellings, names.mentioned())
    assert len(set(found.values_list("rank", flat=True))) == 1  # as if each article used the name searched


def test_names_in_a_search_leave_out_a_shared_alias_and_web_search_syntax(spellings):
    province = spellings["Balochistan"].mentions.get().entity_id
    assert names_in_search("attacks in Baluchistan") == (
        NamesInSearch(spellings=(("Baluchistan", ("Balochistan", "Baluchestan")),), entities=(province,))
    )
    assert names_in_search("Sharif") == NamesInSearch()  # two people's surname: no entity to read it as
    assert names_in_search('"Baluchistan" attack') == names_in_search("Baluchistan -attack") == NamesInSearch()


def test_a_search_for_a_name_takes_a_fixed_number_of_queries(api_client, spellings, django_assert_num_queries):
    for number in range(10):
        ArticleFactory(title=f"Quetta story {number}", body="Quetta, Balochistan.")
    search_configs_in_use()
    with django_assert_num_queries(5):  # names, their spellings, the estimate of the hits, the cursor page, snippets
        assert len(api_client.get("/api/v1/articles/?q=Balochistan").json()["results"]) == 13
