"""Curating in the admin: the article page to read and judge mentions on, and the bulk actions."""

import csv
import io

import pytest
from django.urls import reverse

from archive.reading import marked_body
from articles.models import Article, Removal, Similarity, Source
from entities.models import Entity, Mention
from tests.factories import ArticleFactory, EntityFactory, mention_in, staff_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator_client(client):
    client.force_login(staff_member("Curator"))
    return client


@pytest.fixture
def reader_client(client):
    client.force_login(staff_member("Reader"))
    return client


def change_page(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def test_the_body_is_escaped_and_each_mention_marked_with_its_kind_status_and_actions():
    gang = EntityFactory(name="A & B <gang>", kind=Entity.Kind.ARMED_GROUP)
    article = ArticleFactory(body="Police said <b>A&B</b> struck; A&B denied it.")
    first = mention_in(article, gang, "A&B")
    overlapping = Mention(  # "B</b>", starting inside the first one
        article=article, entity=gang, text="B</b>", start_offset=first.start_offset + 2, end_offset=first.end_offset + 4
    )

    html = marked_body(article.body, [first, overlapping])

    assert html.startswith("Police said &lt;b&gt;<mark ")
    assert html.count("<mark") == 1  # the overlapping span is left unmarked
    assert 'class="mention kind-armed_group status-automatic"' in html
    assert 'data-entity="A &amp; B &lt;gang&gt;"' in html
    assert f'data-status-url="/admin/entities/mention/{first.pk}/status/"' in html
    assert ">A&amp;B</mark>&lt;/b&gt; struck; A&amp;B denied it." in html


def test_the_article_page_opens_on_the_marked_text_with_removals_and_the_raw_text_a_click_away(curator_client, corpus):
    Removal.objects.create(article=corpus.visit, rule="photo_caption", text="A caption.", body_offset=0)
    content = curator_client.get(change_page(corpus.visit)).content.decode()
    assert 'data-entity="Asim Munir"' in content and "kind-person" in content and "kind-armed_group" in content
    assert "Removed on import (1)" in content and "photo_caption" in content
    assert reverse("admin:articles_removal_restore", args=[Removal.objects.get().pk]) in content

    raw = curator_client.get(reverse("admin:articles_article_raw", args=[corpus.visit.pk]))
    assert raw["Content-Type"].startswith("text/plain") and raw.content.decode() == corpus.visit.raw_text


def test_the_article_page_takes_the_same_queries_whatever_the_number_of_mentions(
    curator_client, django_assert_max_num_queries
):
    entity = EntityFactory(name="Quetta", kind=Entity.Kind.CITY)
    article = ArticleFactory(body="Quetta. " * 60)
    for start in range(0, 24, 8):
        Mention.objects.create(article=article, entity=entity, text="Quetta", start_offset=start, end_offset=start + 6)
    with django_assert_max_num_queries(40) as few:
        assert curator_client.get(change_page(article)).status_code == 200
    for start in range(24, 480, 8):
        Mention.objects.create(article=article, entity=entity, text="Quetta", start_offset=start, end_offset=start + 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert curator_client.get(change_page(article)).content.decode().count("<mark") == 60


def test_a_click_confirms_or_rejects_a_mention_for_curators_only(curator_client, corpus):
    from django.test import Client

    mention = Mention.objects.filter(article=corpus.visit, status="automatic").first()
    url = reverse("admin:entities_mention_set_status", args=[mention.pk])

    assert curator_client.post(url, {"status": "rejected"}).json() == {"id": mention.pk, "status": "rejected"}
    mention.refresh_from_db()
    assert mention.status == "rejected"
    assert curator_client.post(url, {"status": "deleted"}).status_code == 400
    assert curator_client.get(url).status_code == 405

    reader_client = Client()
    reader_client.force_login(staff_member("Reader"))
    assert reader_client.post(url, {"status": "confirmed"}).status_code == 403
    mention.refresh_from_db()
    assert mention.status == "rejected"


def test_a_removal_is_restored_from_the_article_page(curator_client, seed_dir):
    from django.core.management import call_command

    call_command("import_articles", str(seed_dir / "000_6979f6ea155b12aa.txt"), stdout=io.StringIO())
    caption = Removal.objects.get(rule="photo_caption")
    response = curator_client.post(reverse("admin:articles_removal_restore", args=[caption.pk]), follow=True)
    assert response.redirect_chain[-1][0] == change_page(caption.article)
    assert caption.text in Article.objects.get().body


def test_the_article_list_shows_entity_and_copy_counts_and_filters_by_copies(curator_client, corpus):
    Similarity.objects.create(article=corpus.visit, similar=corpus.opinion, jaccard=0.9, containment=0.95)
    url = reverse("admin:articles_article_changelist")
    rows = {article.pk: article for article in curator_client.get(url).context["cl"].result_list}
    assert rows[corpus.visit.pk].entity_count == 3 and rows[corpus.visit.pk].copy_count == 1
    assert rows[corpus.opinion.pk].copy_count == 0
    with_copies = curator_client.get(url, {"copies": "yes"}).context["cl"].result_list
    assert [article.pk for article in with_copies] == [corpus.visit.pk]


def test_bulk_actions_mark_reviewed_or_rejected_extract_again_and_export(curator_client, corpus):
    url = reverse("admin:articles_article_changelist")
    chosen = [corpus.visit.pk, corpus.undated.pk]

    curator_client.post(url, {"action": "mark_reviewed", "_selected_action": chosen})
    assert set(Article.objects.filter(status="reviewed").values_list("pk", flat=True)) >= set(chosen)
    curator_client.post(url, {"action": "mark_rejected", "_selected_action": [corpus.undated.pk]})
    assert Article.objects.get(pk=corpus.undated.pk).status == "rejected"

    Mention.objects.filter(article=corpus.visit).delete()
    response = curator_client.post(url, {"action": "extract_again", "_selected_action": chosen}, follow=True)
    assert "Extracted 2 articles again" in response.content.decode()
    assert Mention.objects.filter(article=corpus.visit).exists()

    export = curator_client.post(url, {"action": "export_csv", "_selected_action": chosen})
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert sorted(int(row["id"]) for row in rows) == sorted(chosen)


def test_readers_see_no_curating_actions(reader_client, corpus):
    actions = reader_client.get(reverse("admin:articles_article_changelist")).context["cl"].model_admin
    request_actions = actions.get_actions(reader_client.get("/admin/").wsgi_request)
    assert set(request_actions) <= {"export_csv"}


@pytest.mark.parametrize(
    ("role", "users", "delete_source", "delete_entity", "edit_article"),
    [
        ("Reader", 403, 403, 403, 403),
        ("Curator", 403, 403, 200, 200),
        ("Administrator", 200, 200, 200, 200),
    ],
)
def test_what_each_role_may_do_in_the_admin(client, corpus, role, users, delete_source, delete_entity, edit_article):
    user = staff_member(role)
    client.force_login(user)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == users
    assert client.get(reverse("admin:articles_source_delete", args=[corpus.dawn.pk])).status_code == delete_source
    assert client.get(reverse("admin:entities_entity_delete", args=[corpus.jaish.pk])).status_code == delete_entity
    page = client.get(change_page(corpus.visit))
    assert page.status_code == 200
    can_save = page.context["has_change_permission"]
    assert (200 if can_save else 403) == edit_article


def test_marking_articles_reviewed_is_recorded_in_their_history_as_the_curators(curator_client, corpus):
    url = reverse("admin:articles_article_changelist")
    curator_client.post(url, {"action": "mark_reviewed", "_selected_action": [corpus.visit.pk]})
    latest = corpus.visit.history.latest()
    assert (latest.status, latest.history_user.username, latest.history_change_reason) == (
        "reviewed",
        "Curator-staff",
        "marked reviewed",
    )


def test_a_curator_confirms_outlets_the_importer_found_and_the_history_says_who(curator_client):
    found = Source.objects.create(name="The Makran Observer", slug="makran-observer", origin="importer",
                                  confirmed=False, found_from="© 2024 The Makran Observer")  # fmt: skip
    url = reverse("admin:articles_source_changelist")
    assert "The Makran Observer" in curator_client.get(url, {"confirmed__exact": "0"}).content.decode()
    curator_client.post(url, {"action": "confirm", "_selected_action": [found.pk]})
    found.refresh_from_db()
    assert found.confirmed
    latest = found.history.latest()
    assert (latest.history_user.username, latest.history_change_reason) == ("Curator-staff", "confirmed")
    assert "The Makran Observer" not in curator_client.get(url, {"confirmed__exact": "0"}).content.decode()


def test_merging_in_the_admin_asks_first_and_lets_the_curator_pick_the_survivor(curator_client):
    from entities.models import EntityMerge

    munir, twin = EntityFactory(name="Asim Munir", kind="person"), EntityFactory(name="Syed Asim Munir", kind="person")
    mention_in(ArticleFactory(body="Syed Asim Munir spoke."), twin, "Syed Asim Munir")
    url = reverse("admin:entities_entity_changelist")
    selected = {"action": "merge_selected", "_selected_action": [munir.pk, twin.pk]}

    asked = curator_client.post(url, selected)
    assert asked.status_code == 200 and Entity.objects.count() == 2  # nothing merged yet
    assert [(row.entity, row.mentions) for row in asked.context["previews"]] == [(twin, 1), (munir, 0)]

    done = curator_client.post(url, {**selected, "confirmed": "yes", "survivor": munir.pk, "reason": "one man"})
    assert done.status_code == 302
    assert list(Entity.objects.values_list("name", flat=True)) == ["Asim Munir"]
    merge = EntityMerge.objects.get()
    assert (merge.survivor_name, merge.reason) == ("Asim Munir", "one man")
    page = curator_client.get(reverse("admin:entities_entity_change", args=[munir.pk])).content.decode()
    assert "Syed Asim Munir merged into Asim Munir" in page


def test_a_pair_marked_not_the_same_in_the_admin_is_refused_a_merge_with_the_reason(curator_client):
    from entities.models import Distinction

    munir, namesake = EntityFactory(name="Asim Munir"), EntityFactory(name="Asim Munir Khan")
    url = reverse("admin:entities_entity_changelist")
    pair = {"_selected_action": [munir.pk, namesake.pk]}
    asked = curator_client.post(url, {**pair, "action": "mark_not_the_same"})
    assert "Why?" in asked.content.decode() and not Distinction.objects.exists()
    curator_client.post(url, {**pair, "action": "mark_not_the_same", "confirmed": "yes", "reason": "a cricketer"})
    assert Distinction.objects.get().reason == "a cricketer"

    refused = curator_client.post(url, {**pair, "action": "merge_selected", "confirmed": "yes"})
    assert "These cannot be merged. Asim Munir and Asim Munir Khan are not the same: a cricketer." in (
        refused.content.decode()
    )
    assert Entity.objects.count() == 2


def test_a_merge_is_undone_from_its_record_in_the_admin(curator_client):
    from entities import identity
    from entities.models import EntityMerge

    munir, twin = EntityFactory(name="Asim Munir"), EntityFactory(name="Syed Asim Munir")
    twin_id = twin.pk
    identity.merge_entities(munir, [twin], acting_user=None)
    merge = EntityMerge.objects.get()
    record = curator_client.get(reverse("admin:entities_entitymerge_change", args=[merge.pk])).content.decode()
    assert "removed 1 entity" in record and "added 1 alias" in record
    curator_client.post(
        reverse("admin:entities_entitymerge_changelist"),
        {"action": "unmerge_selected", "_selected_action": [merge.pk]},
    )
    assert Entity.objects.filter(pk=twin_id, name="Syed Asim Munir").exists()
    merge.refresh_from_db()
    assert not merge.standing


def test_an_entitys_page_lists_its_articles_events_and_companions_in_a_fixed_number_of_queries(
    curator_client, django_assert_max_num_queries
):
    from tests.factories import EventFactory, participate

    munir, tehran = EntityFactory(name="Asim Munir"), EntityFactory(name="Tehran", kind="city")
    for number in range(30):
        article = ArticleFactory(title=f"Visit {number}", body="Asim Munir in Tehran. Munir left.")
        mention_in(article, munir, "Asim Munir")
        mention_in(article, tehran, "Tehran")
    participate(EventFactory(title="Munir visits Tehran", location=tehran), munir, "visitor")
    url = reverse("admin:entities_entity_change", args=[munir.pk])

    page = curator_client.get(url).content.decode()

    assert page.count("1 mention</li>") == 25 and "All its articles" in page  # the newest 25, then a link
    assert "Munir visits Tehran" in page and "Tehran</a> (30)" in page
    with django_assert_max_num_queries(30):
        curator_client.get(url)


def test_the_article_list_search_finds_an_article_by_another_spelling_of_a_name_it_mentions(curator_client):
    from tests.factories import AliasFactory

    province = EntityFactory(name="Balochistan", kind="region")
    AliasFactory(entity=province, name="Baluchistan")
    article = ArticleFactory(title="Convoy attacked", body="Gunmen attacked a convoy in Balochistan.")
    mention_in(article, province, "Balochistan")
    ArticleFactory(title="Elsewhere", body="Nothing about the province.")

    response = curator_client.get(reverse("admin:articles_article_changelist"), {"q": "Baluchistan"})

    assert [row.title for row in response.context["cl"].result_list] == ["Convoy attacked"]


def test_a_not_the_same_decision_added_in_the_admin_is_recorded_as_the_api_records_it(curator_client):
    from entities.models import Candidate, Distinction

    munir, namesake = EntityFactory(name="Asim Munir"), EntityFactory(name="Asim Munir Khan")
    proposal = Candidate.objects.create(name="Munir Akram", proposal="alias", entity=munir, similar_alias="Munir")
    url = reverse("admin:entities_distinction_add")

    curator_client.post(url, {"entity": namesake.pk, "other": munir.pk, "name": "", "reason": "a cricketer"})
    curator_client.post(url, {"entity": munir.pk, "other": "", "name": "Munir Akram", "reason": "the ambassador"})
    itself = curator_client.post(url, {"entity": munir.pk, "other": munir.pk, "name": "", "reason": "x"})

    pair = Distinction.objects.get(other__isnull=False)
    assert (pair.entity, pair.other, pair.decided_by.username) == (munir, namesake, "Curator-staff")  # id order
    proposal.refresh_from_db()
    assert proposal.status == "dismissed"  # the name is never proposed as his alias again
    assert "an entity is always the same as itself" in itself.content.decode()
    assert Distinction.objects.count() == 2
