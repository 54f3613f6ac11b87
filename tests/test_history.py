"""History: a person's change to an article, entity, mention or event is recorded with who, when,
which fields and why, shown on the object's admin history page and revertible from there; the
machine's own bulk writes are not recorded."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import models
from django.urls import reverse
from rest_framework.authtoken.models import Token

from archive.pipeline import import_paths
from articles.importing import ImportOptions
from articles.models import Article, Removal, Source
from entities.mentions import extract_article, matcher_from_database
from entities.models import Alias, Candidate, Entity, Event, EventEvidence, EventParticipant, Mention
from tests.factories import ArticleFactory, EntityFactory, EventFactory, evidence_in, mention_in

pytestmark = pytest.mark.django_db

RECORDED = [Source, Article, Entity, Alias, Mention, Event, EventParticipant, EventEvidence]


@pytest.fixture
def curator() -> User:
    user = User.objects.create_user("carla", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


def history_rows() -> int:
    return sum(model.history.count() for model in RECORDED)


def latest(instance: models.Model):
    return type(instance).history.filter(id=instance.pk).first()


def changed_fields(record) -> list[str]:
    return record.diff_against(record.prev_record).changed_fields


def form_data(page) -> dict[str, object]:
    """What a browser sends back from an admin form page when nothing is changed."""
    forms = [page.context["adminform"].form]
    for inline in page.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    return {
        form.add_prefix(name): form[name].value()
        for form in forms
        for name in form.fields
        if form[name].value() is not None
    }


def test_an_admin_edit_records_who_changed_which_fields(curator_client, curator, corpus):
    url = reverse("admin:articles_article_change", args=[corpus.visit.pk])
    data = {**form_data(curator_client.get(url)), "title": "Army chief in Tehran", "status": "reviewed"}

    assert curator_client.post(url, data).status_code == 302

    record = latest(corpus.visit)
    assert (record.history_type, record.history_user) == ("~", curator)
    assert sorted(changed_fields(record)) == ["status", "title"]


def test_the_history_page_shows_who_and_what_changed(curator_client, curator, corpus):
    url = reverse("admin:articles_article_change", args=[corpus.visit.pk])
    curator_client.post(url, {**form_data(curator_client.get(url)), "title": "Army chief in Tehran"})

    page = curator_client.get(reverse("admin:articles_article_history", args=[corpus.visit.pk]))

    content = page.content.decode()
    assert page.status_code == 200
    assert "carla" in content
    assert "Army chief visits Tehran" in content and "Army chief in Tehran" in content


@pytest.mark.parametrize("model", RECORDED, ids=lambda model: model._meta.model_name)
def test_every_recorded_model_has_a_history_page(curator_client, corpus, model):
    url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}_history"
    page = curator_client.get(reverse(url_name, args=[model.objects.first().pk]))
    assert page.status_code == 200


def test_reverting_an_article_in_the_admin_restores_the_old_title(curator_client, curator):
    article = ArticleFactory(title="Border markets planned")
    original = latest(article)
    article.title = "Border markets plnaned"
    article.save()

    url = reverse("admin:articles_article_simple_history", args=[article.pk, original.history_id])
    assert curator_client.post(url, form_data(curator_client.get(url))).status_code == 302

    article.refresh_from_db()
    assert article.title == "Border markets planned"
    revert = latest(article)
    assert revert.history_user == curator and changed_fields(revert) == ["title"]


def test_confirming_a_mention_through_the_api_records_the_curator(api_client, curator, corpus):
    mention = Mention.objects.get(article=corpus.visit, text="Iran")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=curator).key}")

    assert api_client.post(f"/api/v1/mentions/{mention.pk}/confirm/").status_code == 200

    record = latest(mention)
    assert (record.status, record.history_user, record.history_change_reason) == ("confirmed", curator, "confirmed")
    assert changed_fields(record) == ["status"]


def test_confirming_mentions_with_an_admin_action_records_the_curator(curator_client, curator, corpus):
    automatic = list(Mention.objects.filter(status="automatic"))
    curator_client.post(
        reverse("admin:entities_mention_changelist"),
        {"action": "confirm_selected", "_selected_action": [mention.pk for mention in automatic]},
    )
    assert {(latest(m).status, latest(m).history_user) for m in automatic} == {("confirmed", curator)}


def test_rejecting_an_event_with_an_admin_action_records_the_curator(curator_client, curator, corpus):
    curator_client.post(
        reverse("admin:entities_event_changelist"),
        {"action": "reject_selected", "_selected_action": [corpus.talks.pk]},
    )
    record = latest(corpus.talks)
    assert (record.status, record.history_user, record.history_change_reason) == ("rejected", curator, "rejected")


def test_merging_events_in_the_admin_records_the_evidence_moved(curator_client, curator, corpus):
    duplicate = EventFactory(title="Munir in Tehran", kind="visit")
    evidence_in(duplicate, corpus.visit, "Jaish al-Adl attacks were discussed.")

    curator_client.post(
        reverse("admin:entities_event_changelist"),
        {"action": "merge_selected", "_selected_action": [corpus.trip.pk, duplicate.pk]},
    )

    moved = EventEvidence.objects.get(event=corpus.trip, sentence="Jaish al-Adl attacks were discussed.")
    assert (latest(moved).history_type, latest(moved).history_user) == ("+", curator)
    gone = Event.history.filter(id=duplicate.pk).first()
    assert (gone.history_type, gone.history_user) == ("-", curator)
    assert gone.history_change_reason == f"merged event {duplicate.pk} (Munir in Tehran) into event {corpus.trip.pk}"


def test_merging_entities_records_who_merged_what_into_what(api_client, curator, corpus):
    article = ArticleFactory(body="S. A. Munir spoke in Quetta.")
    duplicate = EntityFactory(name="S. A. Munir", slug="s-a-munir")
    mention = mention_in(article, duplicate, "S. A. Munir")
    api_client.force_authenticate(curator)

    response = api_client.post(f"/api/v1/entities/{corpus.munir.pk}/merge/", {"entities": ["s-a-munir"]}, format="json")

    assert response.status_code == 200, response.content
    reason = "merged S. A. Munir into Asim Munir"
    moved = latest(mention)
    assert (moved.entity_id, moved.history_user, moved.history_change_reason) == (corpus.munir.pk, curator, reason)
    gone = Entity.history.filter(id=duplicate.pk).first()
    assert (gone.history_type, gone.history_user, gone.history_change_reason) == ("-", curator, reason)
    alias = Alias.objects.get(entity=corpus.munir, name="S. A. Munir")
    assert (latest(alias).history_user, latest(alias).history_change_reason) == (curator, reason)


def test_accepting_a_candidate_records_the_new_entity_as_the_curators(api_client, curator):
    candidate = Candidate.objects.create(name="Kech", proposal="entity", kind_guess="region")
    api_client.force_authenticate(curator)

    response = api_client.post(f"/api/v1/candidates/{candidate.pk}/accept/", {}, format="json")

    assert response.status_code == 200, response.content
    created = Entity.history.get(name="Kech")
    assert (created.history_type, created.history_user) == ("+", curator)
    assert created.history_change_reason == "accepted the candidate Kech"


def test_restoring_removed_text_records_the_curator(curator_client, curator):
    article = ArticleFactory(body="Talks resumed in Tehran.")
    removal = Removal.objects.create(article=article, rule="share_prompt", text="Share.", body_offset=len(article.body))

    curator_client.post(
        reverse("admin:articles_removal_changelist"), {"action": "restore_selected", "_selected_action": [removal.pk]}
    )

    record = latest(article)
    assert record.body.endswith("Share.") and record.history_user == curator
    assert record.history_change_reason == "restored the text removed by share_prompt"


def test_the_mentions_a_restored_passage_moves_are_recorded_as_the_curators(curator_client, curator):
    article = ArticleFactory(body="Talks resumed.\n\nOfficials met in Tehran.")
    tehran = mention_in(article, EntityFactory(name="Tehran", kind="city"), "Tehran")
    removal = Removal.objects.create(article=article, rule="site_chrome", text="Advertisement", body_offset=16)

    curator_client.post(
        reverse("admin:articles_removal_changelist"), {"action": "restore_selected", "_selected_action": [removal.pk]}
    )

    record = latest(tehran)
    assert (record.start_offset, record.history_user) == (tehran.start_offset + len("Advertisement\n\n"), curator)
    assert record.history_change_reason == "restored the text removed by site_chrome"


def test_extraction_records_no_mention_history():
    EntityFactory(name="Quetta", kind=Entity.Kind.CITY)
    article = ArticleFactory(body="Traders in Quetta protested.")
    extract_article(article, matcher=matcher_from_database())
    assert Mention.objects.filter(article=article).exists()

    Entity.objects.update(name="Gwadar")  # the mention goes stale: the next extraction drops it
    extract_article(article, matcher=matcher_from_database())

    assert not Mention.objects.filter(article=article).exists()
    assert Mention.history.count() == 0


def test_an_import_records_each_article_it_creates_and_a_reimport_records_nothing(seed_dir):
    import_paths([seed_dir])
    assert Article.history.filter(history_type="+").count() == Article.objects.count() == 5
    before = history_rows()

    import_paths([seed_dir])
    import_paths([seed_dir], options=ImportOptions(update=True))

    assert history_rows() == before


def test_generated_and_bulky_columns_stay_out_of_history():
    def columns(model: type[models.Model]) -> set[str]:
        return {field.name for field in model.history.model._meta.fields}

    assert not {"raw_text", "search_vector", "curated_fields"} & columns(Article)
    assert "folded" not in columns(Alias)
    assert not any(isinstance(f, models.GeneratedField) for m in RECORDED for f in m.history.model._meta.fields)


def test_every_curation_write_names_its_acting_user():
    import inspect

    from articles import curation as article_curation
    from entities import curation, event_curation, identity

    writes = [
        article_curation.set_status, article_curation.restore_removal, curation.set_mention_status,
        curation.add_alias, curation.alias_from_mention, identity.merge_entities, curation.accept_candidate,
        curation.dismiss_candidate, event_curation.set_event_status, event_curation.absorb_proposals,
        identity.unmerge, identity.mark_distinct, identity.mark_name_distinct,
        event_curation.merge_events,
    ]  # fmt: skip
    for write in writes:
        parameter = inspect.signature(write).parameters["acting_user"]
        assert parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty, write.__name__


def test_marking_articles_reviewed_in_the_admin_records_the_curator(curator_client, curator, corpus):
    curator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_reviewed", "_selected_action": [corpus.visit.pk]},
    )
    record = latest(corpus.visit)
    assert (record.status, record.history_user, record.history_change_reason) == (
        "reviewed",
        curator,
        "marked reviewed",
    )


def test_merging_entities_with_the_admin_action_records_the_curator(curator_client, curator, corpus):
    duplicate = EntityFactory(name="S. A. Munir", slug="s-a-munir", kind="person")
    curator_client.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "merge_selected", "_selected_action": [corpus.munir.pk, duplicate.pk], "confirmed": "yes",
         "survivor": corpus.munir.pk},
    )  # fmt: skip
    gone = Entity.history.filter(id=duplicate.pk).first()
    assert (gone.history_type, gone.history_user) == ("-", curator)
    alias = Alias.objects.get(entity=corpus.munir, name="S. A. Munir")
    assert latest(alias).history_user == curator


def test_accepting_a_candidate_and_adding_an_alias_in_the_admin_record_the_curator(curator_client, curator, corpus):
    candidate = Candidate.objects.create(name="Kech", proposal="entity", kind_guess="region")
    curator_client.post(
        reverse("admin:entities_candidate_changelist"),
        {"action": "accept_selected", "_selected_action": [candidate.pk]},
    )
    assert Entity.history.get(name="Kech").history_user == curator
    candidate.refresh_from_db()
    assert candidate.decided_by == curator
    mention = mention_in(ArticleFactory(body="Gen. S. Munir spoke."), corpus.munir, "Gen. S. Munir")
    curator_client.post(
        reverse("admin:entities_mention_changelist"),
        {"action": "add_alias_from_selected", "_selected_action": [mention.pk]},
    )
    assert latest(Alias.objects.get(entity=corpus.munir, name="S. Munir")).history_user == curator


def test_a_click_on_a_marked_mention_records_the_curator(curator_client, curator, corpus):
    mention = Mention.objects.get(article=corpus.visit, text="Iran")
    url = reverse("admin:entities_mention_set_status", args=[mention.pk])
    assert curator_client.post(url, {"status": "rejected"}).status_code == 200
    assert (latest(mention).status, latest(mention).history_user) == ("rejected", curator)


def test_rows_an_inline_form_saves_are_recorded_as_the_editors(curator_client, curator, corpus):
    url = reverse("admin:entities_entity_change", args=[corpus.iran.pk])
    data = form_data(curator_client.get(url))
    data.update({"aliases-TOTAL_FORMS": int(data["aliases-TOTAL_FORMS"]) + 1, "aliases-1-name": "Persia"})
    data["aliases-1-entity"] = corpus.iran.pk
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    alias = Alias.objects.get(entity=corpus.iran, name="Persia")
    assert (latest(alias).history_type, latest(alias).history_user) == ("+", curator)


def test_a_deletion_in_the_admin_records_the_editor_on_what_it_takes_with_it(curator_client, curator, corpus):
    alias = Alias.objects.get(entity=corpus.jaish, name="Jaïsh ul-Adl")
    url = reverse("admin:entities_entity_delete", args=[corpus.jaish.pk])
    assert curator_client.post(url, {"post": "yes"}).status_code == 302
    assert Entity.history.filter(id=corpus.jaish.pk).first().history_user == curator
    gone = Alias.history.filter(id=alias.pk).first()
    assert (gone.history_type, gone.history_user) == ("-", curator)


def test_what_the_machine_does_during_a_curators_request_is_not_the_curators(api_client, curator):
    EntityFactory(name="Asim Munir", slug="asim-munir", kind="person")
    article = ArticleFactory(body="Asim Munir visited Kech District on July 14, 2023.")
    extract_article(article, matcher=matcher_from_database())
    candidate = Candidate.objects.get(name="Kech")  # the generic "District" left out
    api_client.force_authenticate(curator)

    response = api_client.post(f"/api/v1/candidates/{candidate.pk}/accept/", {"kind": "region"}, format="json")

    assert response.status_code == 200, response.content
    assert Entity.history.get(name="Kech").history_user == curator  # the curator's decision
    proposal = Event.objects.get(kind="visit")  # proposed by the detector once Kech is known
    assert Event.history.filter(id=proposal.pk).first().history_user is None


def test_bulk_actions_are_listed_in_recent_actions_with_the_curator(curator_client, curator, corpus):
    from django.contrib.admin.models import LogEntry

    curator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_reviewed", "_selected_action": [corpus.visit.pk]},
    )
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_id, entry.get_change_message()) == (
        curator, str(corpus.visit.pk), "Ran “Mark the selected articles reviewed”"
    )  # fmt: skip
    index = curator_client.get(reverse("admin:index")).content.decode()
    assert "Recent actions" in index and str(corpus.visit)[:20] in index


def test_an_action_that_stops_at_its_confirmation_page_logs_nothing(curator_client, corpus):
    from django.contrib.admin.models import LogEntry

    duplicate = EntityFactory(name="S. A. Munir", slug="s-a-munir", kind="person")
    curator_client.post(
        reverse("admin:entities_entity_changelist"),
        {"action": "merge_selected", "_selected_action": [corpus.munir.pk, duplicate.pk]},
    )
    assert not LogEntry.objects.exists()


def test_an_action_on_more_objects_than_are_logged_logs_a_bounded_number_and_says_so(
    curator_client, corpus, monkeypatch
):
    from django.contrib.admin.models import LogEntry

    from archive.common import admin as common_admin

    monkeypatch.setattr(common_admin, "LOGGED_AT_MOST", 2)
    curator_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "mark_reviewed", "select_across": "1", "_selected_action": [corpus.visit.pk]},
    )
    messages = [entry.get_change_message() for entry in LogEntry.objects.all()]
    assert messages == ["Ran “Mark the selected articles reviewed”, and on more objects than the 2 logged"] * 2
