"""Storing extracted mentions and candidates, re-extraction, and curators' writes."""

import pytest

from entities import linking
from entities.models import Alias, Candidate, Entity, Event, EventParticipant, Mention
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, EventFactory, mention_in, participate

pytestmark = pytest.mark.django_db

BODY = (
    "Gen. Asim Munir visited Tehran for talks with Iran. Munir met officials. "
    "Prime Minister Shahbaz Shari welcomed the visit, and the Balochistan Liberation Front objected."
)


@pytest.fixture
def gazetteer():
    munir = EntityFactory(name="Asim Munir", slug="asim-munir", kind="person")
    iran = EntityFactory(name="Iran", slug="iran", kind="country", country="IR")
    tehran = EntityFactory(name="Tehran", slug="tehran", kind="city", country="IR")
    sharif = EntityFactory(name="Shehbaz Sharif", slug="shehbaz-sharif", kind="person", country="PK")
    AliasFactory(entity=sharif, name="Shahbaz Sharif")
    return munir, iran, tehran, sharif


def extract(article):
    return linking.extract_article(article, matcher=linking.matcher_from_database())


def spans(article) -> list[tuple[str, str, str]]:
    return [
        (m.text, m.entity.slug, m.status) for m in article.mentions.select_related("entity").order_by("start_offset")
    ]


def test_extraction_stores_each_mention_with_its_offsets(gazetteer, check_deferred_constraints):
    article = ArticleFactory(body=BODY)
    result = extract(article)
    check_deferred_constraints()  # every span quotes the body exactly
    assert spans(article) == [
        ("Gen. Asim Munir", "asim-munir", "automatic"),
        ("Tehran", "tehran", "automatic"),
        ("Iran", "iran", "automatic"),
        ("Munir", "asim-munir", "automatic"),
    ]
    assert (result.created, result.deleted, result.kept) == (4, 0, 0)


def test_reextraction_changes_nothing_when_nothing_changed(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    ids = set(article.mentions.values_list("id", flat=True))
    result = extract(article)
    assert (result.created, result.deleted, result.kept) == (0, 0, 4)
    assert set(article.mentions.values_list("id", flat=True)) == ids


def test_a_new_alias_adds_mentions_and_a_removed_one_takes_them_away(gazetteer):
    *_, sharif = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    alias = AliasFactory(entity=sharif, name="Shahbaz Shari")
    result = extract(article)
    assert result.created == 1
    assert ("Prime Minister Shahbaz Shari", "shehbaz-sharif", "automatic") in spans(article)
    alias.delete()
    assert extract(article).deleted == 1
    assert "shehbaz-sharif" not in {slug for _, slug, _ in spans(article)}


def test_reextraction_never_touches_what_a_curator_confirmed_or_rejected(gazetteer):
    *_, tehran, _ = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    Mention.objects.filter(article=article, text="Iran").update(status="rejected")
    Mention.objects.filter(article=article, text="Tehran").update(status="confirmed")
    tehran.aliases.all().delete()
    Entity.objects.filter(pk=tehran.pk).update(name="Teheran")  # the gazetteer no longer finds it
    extract(article)
    assert ("Iran", "iran", "rejected") in spans(article)
    assert ("Tehran", "tehran", "confirmed") in spans(article)
    assert [m for m in spans(article) if m[0] == "Iran"] == [("Iran", "iran", "rejected")]  # not re-added


def test_nothing_automatic_is_added_over_a_curated_span(gazetteer):
    other = EntityFactory(name="Someone Else", kind="person")
    article = ArticleFactory(body=BODY)
    mention_in(article, other, "Asim Munir", status="confirmed")  # a curator says it is someone else
    extract(article)
    assert [m for m in spans(article) if "Asim Munir" in m[0]] == [("Asim Munir", other.slug, "confirmed")]


def test_unknown_names_and_near_misses_become_candidates_with_their_places(gazetteer):
    *_, sharif = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    near_miss = Candidate.objects.get(proposal="alias")
    assert (near_miss.name, near_miss.entity, near_miss.similar_alias) == ("Shahbaz Shari", sharif, "Shahbaz Sharif")
    assert near_miss.score > 90
    new = Candidate.objects.get(proposal="entity")
    assert (new.name, new.kind_guess) == ("Balochistan Liberation Front", "armed_group")
    occurrence = new.occurrences.get()
    assert article.body[occurrence.start_offset : occurrence.end_offset] == "Balochistan Liberation Front"


def test_a_candidate_is_one_row_however_many_articles_name_it(gazetteer):
    first, second = ArticleFactory(body=BODY), ArticleFactory(body=BODY + " Again.")
    extract(first)
    extract(second)
    extract(first)
    candidate = Candidate.objects.with_frequency().get(proposal="entity")
    assert (candidate.frequency, candidate.article_count) == (2, 2)


def test_accepting_a_near_miss_adds_the_alias_and_its_mentions(gazetteer, admin_user):
    *_, sharif = gazetteer
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="alias")
    assert linking.accept_candidate(candidate, user=admin_user) == sharif
    assert sharif.aliases.filter(name="Shahbaz Shari").exists()
    assert ("Prime Minister Shahbaz Shari", "shehbaz-sharif", "automatic") in spans(article)
    candidate.refresh_from_db()
    assert (candidate.status, candidate.decided_by) == ("accepted", admin_user)
    with pytest.raises(linking.CandidateDecided):
        linking.accept_candidate(candidate)


def test_accepting_an_unknown_name_creates_the_entity_of_the_chosen_kind(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    entity = linking.accept_candidate(candidate, kind="armed_group", name="Balochistan Liberation Front")
    assert (entity.kind, entity.slug) == ("armed_group", "balochistan-liberation-front")
    assert ("Balochistan Liberation Front", entity.slug, "automatic") in spans(article)


def test_a_dismissed_candidate_stays_dismissed_when_the_name_turns_up_again(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    linking.dismiss_candidate(candidate)
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

    report = linking.merge_entities(munir, [duplicate])

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
    linking.merge_entities(munir, [twin])
    assert list(article.mentions.values_list("entity_id", "status")) == [(munir.pk, "rejected")]


def test_an_alias_from_a_mention_leaves_the_titles_out(gazetteer):
    munir, *_ = gazetteer
    article = ArticleFactory(body="Army chief Gen. Syed Asim Munir spoke.")
    mention = mention_in(article, munir, "Army chief Gen. Syed Asim Munir")
    alias, created = linking.alias_from_mention(mention)
    assert (alias.name, created) == ("Syed Asim Munir", True)
    assert linking.alias_from_mention(mention) == (alias, False)
    assert linking.add_alias(munir, "SYED  ASIM MUNIR")[1] is False  # folds to the same alias
    assert Alias.objects.filter(entity=munir).count() == 1


def test_confirming_and_rejecting_mentions(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    mentions = article.mentions.filter(text__in=["Iran", "Tehran"])
    assert linking.set_mention_status(mentions, "confirmed") == 2
    assert linking.set_mention_status(mentions, "confirmed") == 0
    assert set(article.mentions.filter(status="confirmed").values_list("text", flat=True)) == {"Iran", "Tehran"}


def test_names_in_the_title_are_mentions_of_the_title(gazetteer, check_deferred_constraints):
    article = ArticleFactory(title="Asim Munir in Tehran", body="The army chief arrived.")
    extract(article)
    check_deferred_constraints()
    assert list(article.mentions.values_list("field", "text", "start_offset")) == [
        ("title", "Asim Munir", 0),
        ("title", "Tehran", 14),
    ]


def test_names_in_the_summary_and_photo_captions_become_candidates(gazetteer):
    article = ArticleFactory(body="Talks went on.", summary="The Frontier Corps Balochistan said so.")
    article.removals.create(rule="photo_caption", text="Prime Minister Shahbaz Shari (Photo: AFP)", body_offset=0)
    extract(article)
    occurrences = {
        (o.field, o.candidate.name, o.context) for o in article.candidate_occurrences.select_related("candidate")
    }
    assert occurrences == {
        ("summary", "Frontier Corps Balochistan", "The Frontier Corps Balochistan said so."),
        ("caption", "Shahbaz Shari", "Prime Minister Shahbaz Shari (Photo: AFP)"),
    }


def test_the_extract_command_needs_articles_named_and_names_missing_ones(gazetteer):
    from io import StringIO

    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--article ID"):
        call_command("extract_entities", stdout=StringIO())
    with pytest.raises(CommandError, match="no article with id 999999"):
        call_command("extract_entities", "--article", "999999", stdout=StringIO())
    article = ArticleFactory(body=BODY)
    out = StringIO()
    call_command("extract_entities", "--article", str(article.pk), stdout=out)
    assert out.getvalue().startswith("1 articles: 4 mentions added, 0 removed, 0 kept; 2 candidate names")


def test_a_dry_run_import_saves_no_mention(gazetteer, seed_dir):
    from io import StringIO

    from django.core.management import call_command

    call_command("import_articles", str(seed_dir), "--dry-run", stdout=StringIO())
    assert Mention.objects.count() == 0 and Candidate.objects.count() == 0


def test_merging_tells_a_title_mention_from_a_body_mention_at_the_same_offsets(gazetteer):
    munir, *_ = gazetteer
    twin = EntityFactory(name="Syed Munir", kind="person")
    article = ArticleFactory(title="Asim Munir visits Tehran", body="Asim Munir arrived.")
    Mention.objects.create(article=article, entity=munir, field="title", text="Asim Munir", start_offset=0,
                           end_offset=10)  # fmt: skip
    Mention.objects.create(article=article, entity=twin, field="body", text="Asim Munir", start_offset=0,
                           end_offset=10, status="confirmed")  # fmt: skip
    linking.merge_entities(munir, [twin])
    assert set(article.mentions.values_list("field", "status")) == {("title", "automatic"), ("body", "confirmed")}


def test_an_accepted_candidate_cannot_be_dismissed(gazetteer):
    article = ArticleFactory(body=BODY)
    extract(article)
    candidate = Candidate.objects.get(proposal="entity")
    linking.accept_candidate(candidate)
    with pytest.raises(linking.CandidateDecided):
        linking.dismiss_candidate(candidate)


def test_reanchoring_puts_two_curated_mentions_of_one_name_in_two_places(gazetteer):
    munir, *_ = gazetteer
    article = ArticleFactory(body="Munir met Munir.")
    first = mention_in(article, munir, "Munir", status="confirmed")
    second = Mention.objects.create(article=article, entity=munir, text="Munir", start_offset=10, end_offset=15,
                                    status="confirmed")  # fmt: skip
    article.body = "Then Munir met Munir, and Munirabad."
    article.save()
    linking.reanchor_spans(article, changed=["body"])
    first.refresh_from_db()
    second.refresh_from_db()
    assert {first.start_offset, second.start_offset} == {5, 15}
    article.body = "Munir left for Munirabad."
    article.save()
    with pytest.raises(linking.SpanConflict):
        linking.reanchor_spans(article, changed=["body"])
