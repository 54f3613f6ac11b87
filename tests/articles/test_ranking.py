"""A search too common to rank in full: its hits with a searched word in the title or summary are
ranked first, and a page scoring above what a body-only hit can is exactly the true top."""

import datetime
import random

import pytest

from articles.managers import search_configs_in_use
from articles.models import Article
from articles.ranking import BODY_ONLY_BELOW, averaged_words
from tests.factories import ArticleFactory


@pytest.mark.parametrize(
    ("printed", "words"),
    [
        ("'armi'", ("'armi'",)),
        ("'armi' | 'pipelin'", ("'armi'", "'pipelin'")),
        ("'border' <-> 'secur'", ("'border'", "'secur'")),  # a phrase is scored as its words' mean
        ("'armi' & 'armi'", ("'armi'",)),  # one distinct word: its own score
        ("'armi' & 'chief' | 'armi' & 'chief'", ("'armi'", "'chief'")),  # two languages' readings
        ("'it''s'", ("'it''s'",)),
    ],
)
def test_queries_scored_as_the_mean_of_their_words_give_their_words(printed, words):
    assert averaged_words(printed) == words


@pytest.mark.parametrize(
    "printed",
    ["'armi' & 'chief'", "'border' & !'market'", "( 'a' | 'b' ) & 'c'", "'armi':A", "'arm':*", "", "'a' ~ 'b'"],
)
def test_queries_scored_by_proximity_or_not_understood_give_nothing(printed):
    assert averaged_words(printed) is None


@pytest.mark.django_db
def test_a_hit_with_the_words_only_in_its_body_scores_below_the_bound_and_a_headline_hit_above():
    rng = random.Random(5)
    filler = "quiet river stone lamp field market garden window"
    for number in range(40):
        words = [rng.choice(filler.split()) for _ in range(rng.randint(5, 400))]
        for _ in range(rng.randint(1, 300)):
            words.insert(rng.randrange(len(words) + 1), "tractor")
        in_title, in_summary = number % 4 == 0, number % 4 == 1
        ArticleFactory(
            title=f"Story {number}" + (" tractor" if in_title else ""),
            summary="A summary." + (" A tractor." if in_summary else ""),
            body=" ".join(words),
        )
    ranks = dict(Article.objects.search("tractor").values_list("title", "rank"))
    assert len(ranks) == 40
    for title, rank in ranks.items():
        number = int(title.split()[1])
        if number % 4 >= 2:
            assert rank < BODY_ONLY_BELOW, (title, rank)
        else:
            assert rank >= (0.6 if number % 4 == 0 else 0.24), (title, rank)


@pytest.fixture
def common_word(monkeypatch):
    """'army' in the title of the oldest article, the summary of the next, and only in the body of
    the newest ones; the search is made to count as too common to rank in full."""
    monkeypatch.setattr("articles.views.FULL_RANKING_LIMIT", 0)
    ArticleFactory(title="Army chief visits", body="The army chief.", published_on=datetime.date(2020, 1, 1))
    ArticleFactory(title="Budget", summary="The army's share.", body="Money.", published_on=datetime.date(2021, 1, 1))
    for year in range(2022, 2026):
        ArticleFactory(title=f"Report {year}", body="The army " * 50, published_on=datetime.date(year, 1, 1))
    ArticleFactory(title="Weather", body="Rain.", published_on=datetime.date(2026, 1, 1))


@pytest.mark.django_db
def test_a_common_word_ranks_its_headline_hits_and_the_newest_and_its_top_is_exact(api_client, common_word):
    page = api_client.get("/api/v1/articles/?q=army&page_size=2").json()
    naive = list(Article.objects.search("army").values_list("title", flat=True))
    assert [row["title"] for row in page["results"]] == naive[:2] == ["Army chief visits", "Budget"]
    ranking = page["ranking"]
    assert ranking["complete"] is False and ranking["which"] == "headlines"
    assert ranking["page_exact"] is True and ranking["estimated"] is True and ranking["ranked"] >= 2

    following = api_client.get(page["next"]).json()
    assert [row["title"] for row in following["results"]] == ["Report 2025", "Report 2024"]  # the newest
    assert following["ranking"]["page_exact"] is False  # body-only hits: some might not have been ranked


@pytest.mark.django_db
def test_a_common_search_of_several_words_together_ranks_the_newest_only(api_client, common_word, monkeypatch):
    monkeypatch.setattr("articles.views.RANKED_HITS", 2)
    page = api_client.get("/api/v1/articles/?q=army chief").json()
    assert page["ranking"]["which"] == "newest" and page["ranking"]["page_exact"] is False
    assert page["ranking"]["ranked"] == 2 and [row["title"] for row in page["results"]] == ["Army chief visits"]


@pytest.mark.django_db
def test_a_common_search_takes_a_fixed_number_of_queries(api_client, common_word, django_assert_num_queries):
    search_configs_in_use()
    # names among the words, the estimate of the hits, the query's words, the estimate of the headline
    # hits, the newest hits' ids (fewer headline hits than the newest window), the cursor page, its snippets
    with django_assert_num_queries(7):
        assert len(api_client.get("/api/v1/articles/?q=army").json()["results"]) == 6
    for number in range(10):
        ArticleFactory(title=f"Army story {number}")
    with django_assert_num_queries(7):
        assert len(api_client.get("/api/v1/articles/?q=army").json()["results"]) == 16


@pytest.mark.django_db
def test_with_enough_headline_hits_only_they_are_ranked(api_client, common_word, monkeypatch):
    monkeypatch.setattr("articles.managers.HEADLINES_ENOUGH", 0)
    page = api_client.get("/api/v1/articles/?q=army").json()
    assert [row["title"] for row in page["results"]] == ["Army chief visits", "Budget"]
    assert page["ranking"]["page_exact"] is True and page["ranking"]["which"] == "headlines"
