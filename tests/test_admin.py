"""Every model is in the admin, and each page loads with a bounded number of queries."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article
from entities.models import Mention
from tests.factories import ArticleFactory, EntityFactory, mention_in

pytestmark = pytest.mark.django_db

ALL_MODELS = [
    "articles.source",
    "articles.article",
    "articles.removal",
    "articles.similarity",
    "articles.fingerprint",
    "entities.entity",
    "entities.alias",
    "entities.mention",
    "entities.event",
    "entities.eventparticipant",
    "entities.eventevidence",
    "entities.evidencerejection",
]


@pytest.fixture
def admin_client_logged_in(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client


def test_every_model_is_registered_in_the_admin():
    registered = {f"{model._meta.app_label}.{model._meta.model_name}" for model in admin.site._registry}
    assert set(ALL_MODELS) <= registered


@pytest.mark.parametrize("model", ALL_MODELS)
def test_every_changelist_and_add_page_renders(admin_client_logged_in, corpus, model):
    app_label, model_name = model.split(".")
    assert admin_client_logged_in.get(reverse(f"admin:{app_label}_{model_name}_changelist")).status_code == 200
    computed = {"articles.removal", "articles.similarity", "articles.fingerprint", "entities.evidencerejection"}
    expected = 403 if model in computed else 200  # made by the importer or by a decision, never by hand
    assert admin_client_logged_in.get(reverse(f"admin:{app_label}_{model_name}_add")).status_code == expected


def test_the_article_page_shows_its_mentions_and_evidence(admin_client_logged_in, corpus):
    page = admin_client_logged_in.get(reverse("admin:articles_article_change", args=[corpus.visit.id]))
    content = page.content.decode()
    assert page.status_code == 200
    assert "Jaish al-Adl" in content and "Asim Munir arrived in Iran for a two-day visit." in content


def test_admin_article_search_uses_the_full_text_index(admin_client_logged_in, corpus):
    page = admin_client_logged_in.get(reverse("admin:articles_article_changelist"), {"q": "discussed attacks"})
    content = page.content.decode()
    assert "Army chief visits Tehran" in content  # found by words of the body, stemmed
    assert "Border markets planned" not in content


def test_the_article_list_takes_the_same_queries_whatever_the_number_of_rows(
    admin_client_logged_in, django_assert_max_num_queries
):
    ArticleFactory.create_batch(5)
    url = reverse("admin:articles_article_changelist")
    with django_assert_max_num_queries(20) as few:
        admin_client_logged_in.get(url)
    ArticleFactory.create_batch(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client_logged_in.get(url)


def test_the_mention_list_takes_the_same_queries_whatever_the_number_of_rows(
    admin_client_logged_in, django_assert_max_num_queries
):
    entity = EntityFactory(name="Tehran")
    for article in ArticleFactory.create_batch(3, body="Talks in Tehran."):
        mention_in(article, entity, "Tehran")
    url = reverse("admin:entities_mention_changelist")
    with django_assert_max_num_queries(20) as few:
        admin_client_logged_in.get(url)
    for article in ArticleFactory.create_batch(40, body="Talks in Tehran."):
        mention_in(article, entity, "Tehran")
    with django_assert_max_num_queries(len(few.captured_queries)):
        admin_client_logged_in.get(url)
    assert Mention.objects.count() == 43 and Article.objects.count() == 43


def test_a_curator_restores_removed_text_from_the_admin(admin_client_logged_in, seed_dir):
    import io

    from django.core.management import call_command

    from articles.models import Removal

    call_command("import_articles", str(seed_dir / "000_6979f6ea155b12aa.txt"), stdout=io.StringIO())
    caption = Removal.objects.get(rule="photo_caption")
    response = admin_client_logged_in.post(
        reverse("admin:articles_removal_changelist"),
        {"action": "restore_selected", "_selected_action": [caption.pk]},
        follow=True,
    )
    assert "Restored 1 removed passages" in response.content.decode()
    article = Article.objects.get()
    assert caption.text in article.body and "body" in article.curated_fields


def test_fields_a_curator_edits_in_the_admin_are_remembered(admin_client_logged_in, corpus):
    url = reverse("admin:articles_article_change", args=[corpus.visit.id])
    form = admin_client_logged_in.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
    data.update({"title": "Army chief in Tehran", "source": corpus.visit.source_id, "status": "reviewed"})
    for prefix in ["removals", "similarities", "mentions", "event_evidence"]:
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    corpus.visit.refresh_from_db()
    assert corpus.visit.title == "Army chief in Tehran"
    assert corpus.visit.curated_fields == ["title"]


def grow(corpus, times: int) -> None:
    """More of everything the admin pages list: articles with mentions, evidence, roles, candidates."""
    from entities.models import Candidate, CandidateOccurrence, EventEvidence
    from tests.factories import participate

    for _ in range(times):
        article = ArticleFactory(source=corpus.dawn, body=f"Asim Munir met Iran's envoy, meeting {article_ids()}.")
        number = article.pk
        mention_in(article, corpus.munir, "Asim Munir")
        mention_in(article, corpus.iran, "Iran")
        EventEvidence.objects.create(event=corpus.trip, article=article, sentence="Asim Munir", start_offset=0,
                                     end_offset=10, origin="detector")  # fmt: skip
        candidate = Candidate.objects.create(name=f"Envoy {number}", proposal="entity")
        CandidateOccurrence.objects.create(candidate=candidate, article=article, start_offset=0, end_offset=5)
        participate(corpus.talks, EntityFactory(), "participant")


def article_ids() -> int:
    return Article.objects.count()


def admin_pages(corpus) -> list[str]:
    from entities.models import Candidate

    candidate = Candidate.objects.order_by("id").first()
    pages = [reverse(f"admin:{model.replace('.', '_')}_changelist") for model in ALL_MODELS]
    pages += [
        reverse("admin:index"),
        reverse("review-queue"),
        reverse("admin:articles_article_change", args=[corpus.visit.pk]),
        reverse("admin:entities_entity_change", args=[corpus.munir.pk]),
        reverse("admin:entities_event_change", args=[corpus.trip.pk]),
        reverse("admin:entities_event_change", args=[corpus.talks.pk]),
        reverse("admin:entities_mention_change", args=[Mention.objects.order_by("id").first().pk]),
        reverse("admin:articles_source_change", args=[corpus.dawn.pk]),
    ]
    return pages + ([reverse("admin:entities_candidate_change", args=[candidate.pk])] if candidate else [])


def test_every_admin_page_takes_the_same_queries_whatever_the_number_of_rows(
    admin_client_logged_in, corpus, django_assert_max_num_queries
):
    grow(corpus, 2)
    before = {}
    for url in admin_pages(corpus):
        with django_assert_max_num_queries(40) as queries:
            assert admin_client_logged_in.get(url).status_code == 200, url
        before[url] = len(queries.captured_queries)
    grow(corpus, 25)
    after = {}
    for url in admin_pages(corpus):
        with django_assert_max_num_queries(40) as queries:
            admin_client_logged_in.get(url)
        after[url] = len(queries.captured_queries)
    grown = {url: (before[url], after[url]) for url in before if after[url] > before[url]}
    assert not grown  # (queries before, after) of any page whose count grew with the rows


def test_participants_are_added_to_an_event_beside_those_it_has(admin_client_logged_in, corpus):
    url = reverse("admin:entities_event_change", args=[corpus.talks.pk])
    page = admin_client_logged_in.get(url)
    data = {name: value for name, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update({"title": corpus.talks.title, "kind": corpus.talks.kind, "status": corpus.talks.status})
    existing = corpus.talks.participations.get()
    data.update({
        "participations-TOTAL_FORMS": 1, "participations-INITIAL_FORMS": 1, "participations-0-id": existing.pk,
        "participations-0-event": corpus.talks.pk, "participations-0-role": "actor",
        "new_participations-TOTAL_FORMS": 1, "new_participations-INITIAL_FORMS": 0,
        "new_participations-0-entity": corpus.iran.pk, "new_participations-0-role": "host",
        "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0,
    })  # fmt: skip
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    roles = set(corpus.talks.participations.values_list("entity__slug", "role"))
    assert roles == {("jaish-al-adl", "actor"), ("iran", "host")}


def test_an_event_saved_in_the_admin_takes_its_kinds_codes_unless_a_finer_one_was_chosen(
    admin_client_logged_in, corpus
):
    url = reverse("admin:entities_event_change", args=[corpus.talks.pk])
    page = admin_client_logged_in.get(url)
    data = {name: value for name, value in page.context["adminform"].form.initial.items() if value is not None}
    data.update({
        "title": corpus.talks.title, "kind": "military_strike", "status": corpus.talks.status, "cameo_code": "040",
        "participations-TOTAL_FORMS": 0, "participations-INITIAL_FORMS": 0,
        "new_participations-TOTAL_FORMS": 0, "new_participations-INITIAL_FORMS": 0,
        "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0,
    })  # fmt: skip
    assert admin_client_logged_in.post(url, data).status_code == 302
    corpus.talks.refresh_from_db()
    assert (corpus.talks.cameo_code, corpus.talks.plover_type) == ("195", "ASSAULT")  # 040 was the old kind's
    data.update({"kind": "militant_attack", "cameo_code": "183"})
    assert admin_client_logged_in.post(url, data).status_code == 302
    corpus.talks.refresh_from_db()
    assert (corpus.talks.cameo_code, corpus.talks.plover_type) == ("183", "ASSAULT")
