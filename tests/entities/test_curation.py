"""A curator's writes on entities: candidates, merges, aliases and mention statuses."""

import pytest

from entities import curation, identity
from entities.models import Alias, Candidate, Entity, Event, EventParticipant, Mention
from tests.entities.extracting import BODY, extract, spans
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, EventFactory, mention_in, participate

pytestmark = pytest.mark.django_db


def test_accepting_a_near_miss_adds_the_alias_and_its_mentions(gazetteer, admin_user):
    *_, sharif = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="alias")
    assert curation.accept_candidate(candidate, acting_user=admin_user) == sharif
    assert sharif.aliases.filter(name="Shahbaz Shari").exists()
    assert ("Prime Minister Shahbaz Shari", "shehbaz-sharif", "automatic") in spans(article)
    candidate.refresh_from_db()
    assert (candidate.status, candidate.decided_by) == ("accepted", admin_user)
    with pytest.raises(curation.CandidateDecided):
        curation.accept_candidate(candidate, acting_user=None)


def test_accepting_an_unknown_name_creates_the_entity_of_the_chosen_kind(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    entity = curation.accept_candidate(
        candidate, kind="armed_group", name="Balochistan Liberation Front", acting_user=None
    )
    assert (entity.kind, entity.slug) == ("armed_group", "balochistan-liberation-front")
    assert ("Balochistan Liberation Front", entity.slug, "automatic") in spans(article)


def test_a_dismissed_candidate_stays_dismissed_when_the_name_turns_up_again(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    curation.dismiss_candidate(candidate, acting_user=None)
    extract(ArticleFactory(body="The Balochistan Liberation Front again."))
    candidate.refresh_from_db()
    assert candidate.status == "dismissed"
    assert Candidate.objects.open().filter(name=candidate.name).count() == 0


def test_merging_moves_mentions_aliases_roles_and_locations_to_the_survivor(gazetteer):
    munir, *_ = gazetteer
    duplicate = EntityFactory(name="Syed Asim Munir", kind="person", wikidata_id="Q7806213", country="PK")
    AliasFactory(entity=duplicate, name="Aasim Munir")
    article = ArticleFactory(body="Syed Asim Munir arrived. Asim Munir spoke.")
    mention_in(article, duplicate, "Syed Asim Munir", status="confirmed")
    mention_in(article, munir, "Asim Munir")
    event = EventFactory(location=duplicate)
    participate(event, duplicate, "visitor")
    participate(event, munir, "visitor")
    other_event = EventFactory()
    participate(other_event, duplicate, "actor")

    report = identity.merge_entities(munir, [duplicate], acting_user=None)

    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    assert report.merged == ["Syed Asim Munir"]
    assert set(munir.aliases.values_list("name", flat=True)) == {"Syed Asim Munir", "Aasim Munir"}
    assert set(article.mentions.values_list("entity_id", "status")) == {
        (munir.pk, "confirmed"),
        (munir.pk, "automatic"),
    }
    assert Event.objects.get(pk=event.pk).location == munir
    assert set(EventParticipant.objects.filter(entity=munir).values_list("event_id", "role")) == {
        (event.pk, "visitor"),
        (other_event.pk, "actor"),
    }
    munir.refresh_from_db()
    assert (munir.wikidata_id, munir.country) == ("Q7806213", "PK")  # gaps filled from the merged one


def test_merging_keeps_a_curators_verdict_on_the_same_span(gazetteer):
    munir, *_ = gazetteer
    twin = EntityFactory(name="A. Munir", kind="person")
    article = ArticleFactory(body="Asim Munir spoke.")
    mention_in(article, munir, "Asim Munir")
    mention_in(article, twin, "Asim Munir", status="rejected")
    identity.merge_entities(munir, [twin], acting_user=None)
    assert list(article.mentions.values_list("entity_id", "status")) == [(munir.pk, "rejected")]


def test_an_alias_from_a_mention_leaves_the_titles_out(gazetteer):
    munir, *_ = gazetteer
    article = ArticleFactory(body="Army chief Gen. Syed Asim Munir spoke.")
    mention = mention_in(article, munir, "Army chief Gen. Syed Asim Munir")
    alias, created = curation.alias_from_mention(mention, acting_user=None)
    assert (alias.name, created) == ("Syed Asim Munir", True)
    assert curation.alias_from_mention(mention, acting_user=None) == (alias, False)
    assert curation.add_alias(munir, "SYED  ASIM MUNIR", acting_user=None)[1] is False  # folds to the same alias
    assert Alias.objects.filter(entity=munir).count() == 1


def test_confirming_and_rejecting_mentions(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    mentions = article.mentions.filter(text__in=["Iran", "Tehran"])
    assert curation.set_mention_status(mentions, "confirmed", acting_user=None) == 2
    assert curation.set_mention_status(mentions, "confirmed", acting_user=None) == 0
    assert set(article.mentions.filter(status="confirmed").values_list("text", flat=True)) == {"Iran", "Tehran"}


def test_merging_tells_a_title_mention_from_a_body_mention_at_the_same_offsets(gazetteer):
    munir, *_ = gazetteer
    twin = EntityFactory(name="Syed Munir", kind="person")
    article = ArticleFactory(title="Asim Munir visits Tehran", body="Asim Munir arrived.")
    Mention.objects.create(article=article, entity=munir, field="title", text="Asim Munir", start_offset=0,
                           end_offset=10)  # fmt: skip
    Mention.objects.create(article=article, entity=twin, field="body", text="Asim Munir", start_offset=0,
                           end_offset=10, status="confirmed")  # fmt: skip
    identity.merge_entities(munir, [twin], acting_user=None)
    assert set(article.mentions.values_list("field", "status")) == {("title", "automatic"), ("body", "confirmed")}


def test_an_accepted_candidate_cannot_be_dismissed(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    curation.accept_candidate(candidate, acting_user=None)
    with pytest.raises(curation.CandidateDecided):
        curation.dismiss_candidate(candidate, acting_user=None)
