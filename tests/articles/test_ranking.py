"""A search too common to rank in full: its hits with a searched word in the title or summary are
ranked first, and a page scoring above what a body-only hit can is exactly the true top."""

import datetime
import random

import pytest

from articles.managers import search_configs_in_use, search_query, tsquery_text
from articles.models import Article, TitleWord
from articles.ranking import BODY_ONLY_BELOW, averaged_words, sole_word
from tests.factories import ArticleFactory, SourceFactory


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


@pytest.mark.parametrize(
    ("printed", "word"),
    [
        ("'armi'", "armi"),
        ("'armi' | 'armi'", "armi"),
        ("( 'armi' | 'armi' )", "armi"),
        ("'rock''n''rol'", "rock'n'rol"),
    ],
)
def test_a_search_of_one_word_gives_the_word(printed, word):
    assert sole_word(printed) == word


@pytest.mark.parametrize("printed", ["'armi' | 'chief'", "!'armi'", "'armi' <-> 'armi'", "'armi':*", "'armi':A", ""])
def test_any_other_search_gives_no_word(printed):
    assert sole_word(printed) is None


@pytest.mark.django_db
def test_a_search_is_read_as_postgresql_prints_it_whether_or_not_the_archive_holds_articles():
    assert not Article.objects.exists()
    assert tsquery_text(search_query("Security", configs=["english", "simple"])) == "'secur' | 'security'"


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
    # names among the words, the estimate of the hits, the query's words, whether enough hits have the
    # word in their title, the estimate of the headline hits, the newest hits' ids (fewer headline hits
    # than the newest window), the cursor page, its snippets
    with django_assert_num_queries(8):
        assert len(api_client.get("/api/v1/articles/?q=army").json()["results"]) == 6
    for number in range(10):
        ArticleFactory(title=f"Army story {number}")
    with django_assert_num_queries(8):
        assert len(api_client.get("/api/v1/articles/?q=army").json()["results"]) == 16


@pytest.mark.django_db
def test_with_enough_headline_hits_only_they_are_ranked(api_client, common_word, monkeypatch):
    monkeypatch.setattr("articles.managers.HEADLINES_ENOUGH", 0)
    page = api_client.get("/api/v1/articles/?q=army").json()
    assert [row["title"] for row in page["results"]] == ["Army chief visits", "Budget"]
    assert page["ranking"]["page_exact"] is True and page["ranking"]["which"] == "headlines"


def _stored_and_searched_ranks(word):
    """For every article with `word` in its title: (title, the stored rank, the search's own rank)."""
    searched = dict(Article.objects.search(word).values_list("pk", "rank"))
    stored = TitleWord.objects.filter(lexeme=word).values_list("article_id", "article__title", "rank")
    return {title: (rank, searched.get(pk)) for pk, title, rank in stored}


@pytest.mark.django_db
def test_each_title_word_is_stored_with_the_rank_a_search_of_it_gives():
    ArticleFactory(title="Tractor fair", summary="Tractors.", body="A tractor. " * 30)
    ArticleFactory(title="Tractor", body="Nothing else.")
    ArticleFactory(title="Fair", body="A tractor in the body only.")
    ranks = _stored_and_searched_ranks("tractor")
    assert set(ranks) == {"Tractor fair", "Tractor"}  # the body-only hit has no title word
    for stored, searched in ranks.values():
        assert stored == searched and stored >= 0.6
    assert set(TitleWord.objects.filter(article__title="Tractor fair").values_list("lexeme", flat=True)) == {
        "tractor",
        "fair",
    }


@pytest.mark.django_db
def test_title_words_follow_edits_and_deletes_whatever_writes_them():
    article = ArticleFactory(title="Tractor fair", body="Quiet.")
    other = ArticleFactory(title="Tractor", body="Quiet.")
    Article.objects.filter(pk=article.pk).update(title="Harvest fair", body="A tractor. " * 5)
    assert set(TitleWord.objects.filter(article=article).values_list("lexeme", flat=True)) == {"harvest", "fair"}
    Article.objects.filter(pk=other.pk).update(body="A tractor. " * 5)  # the body counts in the title word's rank
    stored, searched = _stored_and_searched_ranks("tractor")["Tractor"]
    assert stored == searched
    Article.objects.filter(pk=other.pk).update(status=Article.Status.REVIEWED)  # no word changed: the words stay
    article.delete()
    assert not TitleWord.objects.filter(article_id=article.pk).exists()
    assert TitleWord.objects.filter(article=other).count() == 1


@pytest.mark.django_db
def test_a_title_word_with_a_quote_or_a_backslash_is_ranked_as_its_search():
    ArticleFactory(title=r"Rock'n'roll back\slash", body="Rock'n'roll.", language="und")
    lexemes = set(TitleWord.objects.values_list("lexeme", flat=True))
    assert lexemes and all(rank > 0.6 for rank in TitleWord.objects.values_list("rank", flat=True)), lexemes


@pytest.fixture
def title_word(monkeypatch, common_word):
    """Besides the common word's articles, 'army' in the titles of five more, with 1–5 more in their
    bodies (the more, the higher), and a one-word search of it lists its title hits from two on."""
    monkeypatch.setattr("articles.views.TITLES_ENOUGH", 2)
    source = SourceFactory(slug="wire")
    for count in range(1, 6):
        ArticleFactory(
            title=f"Army brief {count}", body="The army. " * count, source=source if count % 2 else None,
            published_on=datetime.date(2019, 1, count),
        )  # fmt: skip


@pytest.mark.django_db
def test_a_common_word_in_enough_titles_lists_its_title_hits_in_their_true_order(api_client, title_word):
    page = api_client.get("/api/v1/articles/?q=army&page_size=4").json()
    naive = list(Article.objects.search("army").values_list("title", flat=True))
    titles = [row["title"] for row in page["results"]]
    assert titles == naive[:4] == ["Army brief 5", "Army brief 4", "Army brief 3", "Army brief 2"]
    assert page["ranking"]["which"] == "titles" and page["ranking"]["page_exact"] is True
    following = api_client.get(page["next"]).json()
    assert [row["title"] for row in following["results"]] == naive[4:6] == ["Army brief 1", "Army chief visits"]
    assert following["next"] is None  # the title hits only: the summary and body hits were not ranked
    numbered = api_client.get("/api/v1/articles/?q=army&page_size=4&page=2").json()
    assert numbered["count"] == 6 and [row["title"] for row in numbered["results"]] == naive[4:6]


@pytest.mark.django_db
def test_the_title_hits_keep_the_other_filters(api_client, title_word):
    page = api_client.get("/api/v1/articles/?q=army&source=wire").json()
    assert [row["title"] for row in page["results"]] == ["Army brief 5", "Army brief 3", "Army brief 1"]
    assert page["ranking"]["which"] == "titles"
    fewer = api_client.get("/api/v1/articles/?q=army&published_after=2019-01-05&published_before=2019-12-31").json()
    assert fewer["ranking"]["which"] == "headlines"  # one title hit is not enough: the headline hits are ranked
    assert [row["title"] for row in fewer["results"]] == ["Army brief 5"]


@pytest.mark.django_db
def test_only_a_search_of_one_word_lists_its_title_hits(api_client, title_word):
    for query in ("army -budget", "army or chief", '"army chief"'):
        page = api_client.get("/api/v1/articles/", {"q": query}).json()
        assert page["ranking"]["which"] != "titles", query


@pytest.mark.django_db
def test_a_search_of_a_word_in_enough_titles_takes_a_fixed_number_of_queries(
    api_client, title_word, django_assert_num_queries
):
    search_configs_in_use()
    # names among the words, the estimate of the hits, the query's words, whether enough hits have the
    # word in their title, the estimate of them, the cursor page, its snippets
    with django_assert_num_queries(7):
        assert len(api_client.get("/api/v1/articles/?q=army").json()["results"]) == 6


@pytest.mark.django_db
def test_title_hits_are_only_taken_from_one_plain_search(title_word):
    assert Article.objects.all().by_title_word("armi", 1) is None  # no search to stand in for
    assert Article.objects.search("army").search("brief").by_title_word("armi", 1) is None  # which one?
    listed, expected = Article.objects.search("army").by_title_word("armi", 1)
    assert expected >= 1 and listed.count() == 6 and all(article.rank > 0.6 for article in listed)
