import re

import pytest

from tests.factories import ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_articles_are_listed_newest_first_with_undated_ones_last(api_client, corpus):
    response = api_client.get("/api/v1/articles/")
    assert titles(response) == ["A new era in ties", "Army chief visits Tehran", "Border markets planned"]
    first = response.json()["results"][0]
    assert first["source"] == {"id": corpus.tehran_times.id, "name": "Tehran Times", "slug": "tehran-times"}
    assert first["published_on"] == "2024-01-01" and first["published_precision"] == "month"
    assert "body" not in first and "raw_text" not in first


def test_article_detail_includes_the_body_but_not_the_raw_text(api_client, corpus):
    body = api_client.get(f"/api/v1/articles/{corpus.visit.id}/").json()
    assert body["body"].startswith("Asim Munir arrived in Iran")
    assert body["content_hash"] == corpus.visit.content_hash
    assert "raw_text" not in body


def test_article_detail_shows_what_was_removed_and_the_copies_of_the_story(api_client, seed_dir):
    import io

    from django.core.management import call_command

    call_command("import_articles", str(seed_dir), stdout=io.StringIO())
    from articles.models import Article

    original = Article.objects.get(origin_name="000_6979f6ea155b12aa.txt")
    copy = Article.objects.get(origin_name="001_30597b7ee61e04dd.txt")
    detail = api_client.get(f"/api/v1/articles/{original.id}/").json()
    assert [copy_["id"] for copy_ in detail["copies"]] == [copy.id]
    assert detail["copies"][0]["jaccard"] > 0.06
    assert {"rule": "photo_caption", "note": "AFP/Iran's presidency"}.items() <= next(
        removal for removal in detail["removals"] if removal["rule"] == "photo_caption"
    ).items()
    assert detail["summary"].startswith("The top military leadership")
    listed = api_client.get("/api/v1/articles/?page_size=10").json()["results"]
    assert next(row for row in listed if row["id"] == copy.id)["duplicate_of"] == original.id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=dawn", ["Army chief visits Tehran", "Border markets planned"]),
        (
            "source=dawn&source=tehran-times",
            ["A new era in ties", "Army chief visits Tehran", "Border markets planned"],
        ),
        ("published_after=2023-08-01", ["A new era in ties"]),
        ("published_before=2023-12-31", ["Army chief visits Tehran"]),
        ("published_after=2023-07-31&published_before=2023-07-31", ["Army chief visits Tehran"]),
        ("precision=unknown", ["Border markets planned"]),
        ("precision=day&precision=month", ["A new era in ties", "Army chief visits Tehran"]),
        ("type=opinion", ["A new era in ties"]),
        ("status=reviewed", ["A new era in ties"]),
        ("status=imported&status=rejected", ["Army chief visits Tehran", "Border markets planned"]),
        ("language=ur", ["Border markets planned"]),
        ("entity=iran", ["A new era in ties", "Army chief visits Tehran"]),
        ("entity=iran&entity=jaish-al-adl", ["Army chief visits Tehran"]),
        (
            "entity=iran&entity=jaish-al-adl&entity_match=any",
            ["A new era in ties", "Army chief visits Tehran"],
        ),
        ("entity=asim-munir", ["Army chief visits Tehran"]),  # the undated article's mention was rejected
        ("ordering=title", ["A new era in ties", "Army chief visits Tehran", "Border markets planned"]),
        ("ordering=-title", ["Border markets planned", "Army chief visits Tehran", "A new era in ties"]),
        (
            "ordering=published_on",
            ["Army chief visits Tehran", "A new era in ties", "Border markets planned"],
        ),
    ],
)
def test_article_filters_and_ordering(api_client, corpus, query, expected):
    assert titles(api_client.get(f"/api/v1/articles/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("source=no-such-outlet", "source"),
        ("entity=no-such-entity", "entity"),
        ("published_after=31/07/2023", "published_after"),
        ("type=rumour", "type"),
        ("status=lost", "status"),
        ("entity_match=some", "entity_match"),
    ],
)
def test_invalid_filter_values_are_a_400_naming_the_parameter(api_client, corpus, query, parameter):
    response = api_client.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


def test_article_pages_are_cursor_pages_without_a_count_unless_a_page_number_is_asked(api_client, corpus):
    first = api_client.get("/api/v1/articles/?page_size=2").json()
    assert "count" not in first and len(first["results"]) == 2 and "cursor=" in first["next"]
    rest = api_client.get(first["next"]).json()
    assert len(rest["results"]) == 1 and rest["next"] is None
    several_fields = api_client.get("/api/v1/articles/?ordering=title,-published_on").json()
    assert several_fields["count"] == 3  # keyset pages follow one field: page numbers then


def test_pages_have_a_client_chosen_size_up_to_a_cap(api_client, corpus):
    page = api_client.get("/api/v1/articles/?page=1&page_size=2").json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]
    second = api_client.get(page["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    assert api_client.get("/api/v1/articles/?page_size=200").status_code == 200
    assert api_client.get("/api/v1/articles/?page_size=201").json() == {"page_size": ["A whole number from 1 to 200."]}


def test_listing_articles_takes_the_same_queries_whatever_their_number(api_client, django_assert_num_queries):
    sources = SourceFactory.create_batch(5)
    ArticleFactory.create_batch(40, source=factory_cycle(sources))
    with django_assert_num_queries(1):  # the cursor page, sources joined
        assert len(api_client.get("/api/v1/articles/?page_size=40").json()["results"]) == 40
    with django_assert_num_queries(2):  # count + page
        assert len(api_client.get("/api/v1/articles/?page=1&page_size=40").json()["results"]) == 40
    with django_assert_num_queries(2):  # + resolving the slug filter
        api_client.get(f"/api/v1/articles/?page_size=40&source={sources[0].slug}")


def test_a_listing_reads_of_each_source_only_what_it_shows(api_client, corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        rows = api_client.get("/api/v1/articles/").json()["results"]
    assert {row["source"]["slug"] for row in rows} == {"dawn", "tehran-times"}
    assert set(rows[0]["source"]) == {"id", "name", "slug"}
    (page,) = queries.captured_queries  # no source read again, row by row
    source_columns = re.findall(r'"articles_source"\."(\w+)"', page["sql"].split(" FROM ")[0])
    assert sorted(source_columns) == ["id", "name", "slug"]


def factory_cycle(items):
    import factory

    return factory.Iterator(items)


def test_sources_are_listed_and_filtered(api_client, corpus, django_assert_num_queries):
    with django_assert_num_queries(2):
        names = [row["name"] for row in api_client.get("/api/v1/sources/").json()["results"]]
    assert names == ["Dawn", "Tehran Times"]
    assert [row["slug"] for row in api_client.get("/api/v1/sources/?country=IR").json()["results"]] == ["tehran-times"]
    assert [row["slug"] for row in api_client.get("/api/v1/sources/?kind=newspaper").json()["results"]] == [
        "tehran-times"
    ]
    assert [row["slug"] for row in api_client.get("/api/v1/sources/?name=daw").json()["results"]] == ["dawn"]
    detail = api_client.get(f"/api/v1/sources/{corpus.dawn.id}/").json()
    assert detail["domain"] == "dawn.com" and detail["country"] == "PK"


def test_the_api_is_read_only(api_client, corpus):
    assert api_client.post("/api/v1/articles/", {"title": "x"}).status_code in {401, 403, 405}
    assert api_client.delete(f"/api/v1/articles/{corpus.visit.id}/").status_code in {401, 403, 405}
    assert api_client.get(f"/api/v1/articles/{corpus.visit.id}/").status_code == 200


def test_a_private_archive_needs_the_view_permission_to_read(api_client, corpus, settings, django_user_model):
    from django.contrib.auth.models import Permission

    settings.API_PUBLIC_READ = False
    assert api_client.get("/api/v1/articles/").status_code in {401, 403}

    reader = django_user_model.objects.create_user("reader", password="pw-for-tests-only")
    api_client.force_authenticate(reader)
    assert api_client.get("/api/v1/articles/").status_code == 403
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))
    reader = django_user_model.objects.get(pk=reader.pk)  # drop the cached permissions
    api_client.force_authenticate(reader)
    assert api_client.get("/api/v1/articles/").status_code == 200


def test_filters_on_an_articles_own_columns_keep_the_listing_in_index_order(api_client, corpus):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        page = api_client.get("/api/v1/articles/?source=dawn&source=tehran-times&type=news&status=imported").json()
    assert [article["title"] for article in page["results"]] == ["Army chief visits Tehran"]
    listing = queries.captured_queries[-1]["sql"]
    assert "DISTINCT" not in listing  # a DISTINCT would sort every match before the first page
    assert '"articles_article"."source_id" IN' in listing or '"articles_article"."source_id" =' in listing
