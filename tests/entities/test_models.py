import datetime

import pytest
from django.db import IntegrityError, transaction

from entities.models import Alias, Entity, Mention
from entities.taxonomy import codes_for
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    EntityFactory,
    EventFactory,
    evidence_in,
    mention_in,
    participate,
)

pytestmark = pytest.mark.django_db


def test_aliases_are_folded_for_case_and_accent_insensitive_lookup():
    alias = AliasFactory(name="  Sīstān  and   BALŪCHESTĀN ")
    alias.refresh_from_db()
    assert alias.folded == "sistan and baluchestan"


def test_an_entity_cannot_have_two_aliases_that_fold_alike():
    entity = EntityFactory(name="Balochistan")
    AliasFactory(entity=entity, name="Baluchestan")
    with pytest.raises(IntegrityError, match="alias_unique_per_entity"):
        AliasFactory(entity=entity, name="BALUCHESTĀN")


def test_two_entities_may_share_an_alias():
    AliasFactory(entity=EntityFactory(name="Balochistan (Pakistan)"), name="Balochistan")
    AliasFactory(entity=EntityFactory(name="Sistan and Baluchestan"), name="Balochistan")
    assert Alias.objects.filter(folded="balochistan").count() == 2


def test_wikidata_ids_are_q_numbers_and_unique():
    EntityFactory(wikidata_id="Q843")
    EntityFactory(wikidata_id="")
    EntityFactory(wikidata_id="")
    with pytest.raises(IntegrityError, match="entity_unique_wikidata_id"), transaction.atomic():
        EntityFactory(wikidata_id="Q843")
    with pytest.raises(IntegrityError, match="entity_wikidata_qid"):
        EntityFactory(wikidata_id="843")


def test_a_mention_quotes_the_body_at_its_offsets(check_deferred_constraints):
    article = ArticleFactory(body="Gen. Asim Munir visited Tehran.")
    mention = mention_in(article, EntityFactory(name="Asim Munir"), "Asim Munir")
    check_deferred_constraints()
    assert article.body[mention.start_offset : mention.end_offset] == "Asim Munir"


def test_a_new_mention_whose_text_differs_from_the_body_is_refused():
    article = ArticleFactory(body="Gen. Asim Munir visited Tehran.")
    with pytest.raises(IntegrityError, match="is not the body of article"):
        Mention.objects.create(article=article, entity=EntityFactory(), text="Tehran", start_offset=0, end_offset=6)


def test_a_new_mention_past_the_end_of_the_body_is_refused():
    article = ArticleFactory(body="Short body.")
    with pytest.raises(IntegrityError, match="is not the body of article"):
        Mention.objects.create(article=article, entity=EntityFactory(), text="x", start_offset=40, end_offset=41)


def test_a_mention_moved_off_its_text_is_refused_at_commit(check_deferred_constraints):
    article = ArticleFactory(body="Gen. Asim Munir visited Tehran.")
    mention = mention_in(article, EntityFactory(), "Tehran")
    Mention.objects.filter(pk=mention.pk).update(start_offset=0, end_offset=6)
    with pytest.raises(IntegrityError, match="is not the body of article"):
        check_deferred_constraints()


def test_a_title_mention_must_quote_the_title():
    article = ArticleFactory(title="Munir in Tehran", body="He arrived.")
    Mention.objects.create(article=article, entity=EntityFactory(), field="title", text="Tehran", start_offset=9,
                           end_offset=15)  # fmt: skip
    with pytest.raises(IntegrityError, match="is not the title of article"):
        Mention.objects.create(article=article, entity=EntityFactory(), field="title", text="He", start_offset=0,
                               end_offset=2)  # fmt: skip


def test_a_mention_must_end_after_it_starts():
    article = ArticleFactory(body="Tehran")
    with pytest.raises(IntegrityError, match="mention_end_after_start"):
        Mention.objects.create(article=article, entity=EntityFactory(), text="", start_offset=3, end_offset=3)


def test_changing_a_body_under_its_mentions_is_refused_unless_they_move_too(check_deferred_constraints):
    article = ArticleFactory(body="Asim Munir visited Tehran.")
    mention_in(article, EntityFactory(), "Tehran")
    check_deferred_constraints()

    article.body = "On Monday, Asim Munir visited Tehran."
    article.save()
    with pytest.raises(IntegrityError, match="no longer holds the text"):
        check_deferred_constraints()


def test_a_body_change_with_its_mentions_moved_in_the_same_transaction_is_accepted(
    check_deferred_constraints,
):
    article = ArticleFactory(body="Asim Munir visited Tehran.")
    mention = mention_in(article, EntityFactory(), "Tehran")

    article.body = "On Monday, Asim Munir visited Tehran."
    article.save()
    mention.start_offset = article.body.index("Tehran")
    mention.end_offset = mention.start_offset + len("Tehran")
    mention.save()
    check_deferred_constraints()


def test_event_evidence_quotes_the_body_at_its_offsets(check_deferred_constraints):
    article = ArticleFactory(body="Raisi arrived in Islamabad. Talks followed.")
    event = EventFactory()
    evidence_in(event, article, "Raisi arrived in Islamabad.")
    check_deferred_constraints()

    evidence = event.evidence.get()
    evidence.sentence = "Raisi left Islamabad."
    evidence.save()
    with pytest.raises(IntegrityError, match="sentence is not the text of article"):
        check_deferred_constraints()


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError, match="event_end_not_before_start"):
        EventFactory(start_date=datetime.date(2024, 4, 24), end_date=datetime.date(2024, 4, 22), end_precision="day")


def test_an_end_date_needs_a_start_date():
    with pytest.raises(IntegrityError, match="event_end_not_before_start"):
        EventFactory(start_date=None, end_date=datetime.date(2024, 4, 22), end_precision="day")


def test_an_entity_takes_each_role_in_an_event_once():
    event, entity = EventFactory(), EntityFactory(kind=Entity.Kind.PERSON)
    participate(event, entity, "visitor")
    participate(event, entity, "signatory")
    with pytest.raises(IntegrityError, match="participant_unique_role"):
        participate(event, entity, "visitor")


def test_an_events_ontology_codes_follow_its_kind_unless_a_curator_chose_a_finer_one():
    assert codes_for("visit") == ("042", "CONSULT")
    assert codes_for("military_strike", cameo="042", plover="CONSULT") == ("195", "ASSAULT")  # the kind changed
    assert codes_for("militant_attack", cameo="183", plover="ASSAULT")[0] == "183"  # a finer code stays
