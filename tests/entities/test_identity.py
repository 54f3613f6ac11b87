"""Who is who: a merge is a stored decision that an unmerge undoes exactly, and "not the same" is a
decision that merges and alias proposals respect."""

import pytest

from entities import curation, identity
from entities.models import (
    Alias,
    Candidate,
    CandidateOccurrence,
    Distinction,
    Entity,
    EntityMerge,
    Event,
    EventParticipant,
    Mention,
)
from tests.entities.extracting import BODY, extract
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, EventFactory, mention_in, participate

pytestmark = pytest.mark.django_db

TABLES = [Entity, Alias, Mention, EventParticipant, Event, Candidate, CandidateOccurrence, Distinction]


def archive_rows() -> dict[str, dict[int, dict]]:
    """Every row of the tables a merge touches, each with all its columns."""
    return {
        model.__name__: {
            row.pk: {f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields}
            for row in model.objects.all()
        }
        for model in TABLES
    }


@pytest.fixture
def duplicate(gazetteer):
    """A second entity for Asim Munir with a bit of everything a merge moves."""
    munir, *_ = gazetteer
    twin = EntityFactory(name="Syed Asim Munir", kind="person", wikidata_id="Q7806213", country="PK")
    AliasFactory(entity=twin, name="Aasim Munir")
    AliasFactory(entity=twin, name="Asim Munir")  # the survivor has it already
    article = ArticleFactory(body="Syed Asim Munir arrived. Asim Munir spoke. Field Marshal Munir left.")
    mention_in(article, twin, "Syed Asim Munir", status="confirmed")
    mention_in(article, munir, "Asim Munir")
    mention_in(article, twin, "Asim Munir", status="rejected")  # the same span: the survivor takes the verdict
    mention_in(article, munir, "Field Marshal Munir")
    located = EventFactory(location=twin)
    participate(located, twin, "visitor")
    participate(located, munir, "visitor")  # the same role
    participate(EventFactory(), twin, "actor")
    near_miss = Candidate.objects.create(name="Asim Muneer", proposal="alias", entity=twin, similar_alias="Asim Munir")
    CandidateOccurrence.objects.create(candidate=near_miss, article=article, start_offset=0, end_offset=5)
    twins_proposal = Candidate.objects.create(
        name="Aseem Munir", proposal="alias", entity=twin, similar_alias="Aasim Munir"
    )
    CandidateOccurrence.objects.create(candidate=twins_proposal, article=article, start_offset=9, end_offset=14)
    Candidate.objects.create(name="Aseem Munir", proposal="alias", entity=munir, similar_alias="Asim Munir")
    identity.mark_distinct(twin, EntityFactory(name="Asim Iftikhar"), reason="a spokesman", acting_user=None)
    identity.mark_name_distinct(twin, "Munir Akram", reason="the ambassador", acting_user=None)
    return twin


def test_an_unmerge_puts_every_row_back_even_after_later_curation(gazetteer, duplicate, admin_user):
    munir, *_ = gazetteer
    before = archive_rows()

    report = identity.merge_entities(munir, [duplicate], acting_user=admin_user, reason="the same general")
    assert not Entity.objects.filter(pk=duplicate.pk).exists()
    assert set(munir.aliases.values_list("name", flat=True)) >= {"Syed Asim Munir", "Aasim Munir"}
    assert Mention.objects.filter(entity=munir).count() == 3
    munir.refresh_from_db()
    assert munir.wikidata_id == "Q7806213"
    assert Distinction.objects.filter(other=None, entity=munir, name="Munir Akram").exists()

    own = Mention.objects.get(entity=munir, text="Field Marshal Munir")  # later curation of another row
    curation.set_mention_status([own], "confirmed", acting_user=admin_user)
    curation.add_alias(munir, "COAS Munir", acting_user=admin_user)

    undone = identity.unmerge(report.merges[0], acting_user=admin_user, reason="two people after all")

    assert undone.kept == []
    after = archive_rows()
    own_row = after["Mention"][own.pk]
    assert own_row.pop("status") == "confirmed"
    before["Mention"][own.pk].pop("status")
    for row in (own_row, before["Mention"][own.pk]):
        row.pop("updated_at")
    curated_alias = Alias.objects.get(name="COAS Munir")
    assert after["Alias"].pop(curated_alias.pk)["entity_id"] == munir.pk
    assert after == before
    merge = EntityMerge.objects.get()
    assert (merge.standing, merge.undone_by, merge.undo_reason) == (False, admin_user, "two people after all")


def test_a_merge_is_recorded_with_who_why_and_what_moved(gazetteer, duplicate, admin_user):
    munir, *_ = gazetteer
    [preview] = identity.preview([duplicate])
    assert (preview.mentions, preview.aliases, preview.participations, preview.locations) == (2, 2, 2, 1)
    assert (preview.candidates, preview.distinctions) == (2, 2)

    merged_id = duplicate.pk
    identity.merge_entities(munir, [duplicate], acting_user=admin_user, reason="the same general")

    merge = EntityMerge.objects.of_entity(munir.pk).for_reading().get()
    assert (merge.survivor_name, merge.merged_name, merge.merged_by, merge.reason) == (
        "Asim Munir", "Syed Asim Munir", admin_user, "the same general"
    )  # fmt: skip
    assert EntityMerge.objects.of_entity(merged_id).get() == merge  # the merged entity's id still finds it
    tables = set(merge.changes.values_list("table", flat=True))
    assert tables >= {"entities.mention", "entities.alias", "entities.eventparticipant", "entities.event",
                      "entities.candidate", "entities.candidateoccurrence", "entities.distinction",
                      "entities.entity"}  # fmt: skip


def test_an_unmerge_keeps_what_a_curator_decided_since(gazetteer, duplicate, admin_user):
    munir, *_ = gazetteer
    merged_id = duplicate.pk
    report = identity.merge_entities(munir, [duplicate], acting_user=None)
    moved = Mention.objects.get(entity=munir, text="Syed Asim Munir")
    curation.set_mention_status([moved], "rejected", acting_user=admin_user)
    Alias.objects.get(entity=munir, name="Aasim Munir").delete()

    undone = identity.unmerge(report.merges[0], acting_user=admin_user)

    assert Mention.objects.get(pk=moved.pk).entity_id == merged_id  # back where it was,
    assert Mention.objects.get(pk=moved.pk).status == "rejected"  # with the verdict given since
    assert undone.kept == [f"alias {Alias.history.filter(name='Aasim Munir').first().id} was deleted since"]


def test_an_unmerge_is_refused_twice_and_while_the_survivor_is_merged_away(gazetteer, duplicate):
    munir, iran, *_ = gazetteer
    ids = [munir.pk, duplicate.pk, iran.pk]
    first = identity.merge_entities(munir, [duplicate], acting_user=None).merges[0]
    identity.merge_entities(iran, [munir], acting_user=None)
    with pytest.raises(identity.CannotUnmerge, match="Asim Munir was merged into Iran since: undo that merge first"):
        identity.unmerge(first, acting_user=None)
    identity.unmerge(EntityMerge.objects.get(merged_id=ids[0]), acting_user=None)
    identity.unmerge(first, acting_user=None)
    assert Entity.objects.filter(pk__in=ids).count() == 3
    with pytest.raises(identity.CannotUnmerge, match="undone already"):
        identity.unmerge(first, acting_user=None)


def test_entities_said_not_to_be_the_same_are_never_merged(gazetteer):
    munir, *_ = gazetteer
    namesake = EntityFactory(name="Asim Munir Khan", kind="person")
    identity.mark_distinct(namesake, munir, reason="a cricketer from Sialkot", acting_user=None)
    with pytest.raises(identity.DistinctEntities, match="a cricketer from Sialkot"):
        identity.merge_entities(munir, [namesake], acting_user=None)
    assert EntityMerge.objects.count() == 0
    assert identity.mark_distinct(munir, namesake, reason="again", acting_user=None)[1] is False


def test_a_name_said_not_to_be_an_entity_is_never_proposed_as_its_alias_again(gazetteer):
    *_, sharif = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    proposal = Candidate.objects.get(proposal="alias", entity=sharif)

    identity.mark_name_distinct(sharif, proposal.name, reason="the opposition leader", acting_user=None)
    proposal.refresh_from_db()
    assert proposal.status == "dismissed"

    extract(ArticleFactory(body=BODY))
    assert not Candidate.objects.open().filter(entity=sharif).exists()
    assert Candidate.objects.open().filter(name=proposal.name, proposal="entity").exists()


def test_a_distinction_needs_a_reason(gazetteer):
    munir, iran, *_ = gazetteer
    with pytest.raises(ValueError, match="say why"):
        identity.mark_distinct(munir, iran, reason=" ", acting_user=None)
