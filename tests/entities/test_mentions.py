"""Storing extracted mentions and candidates, and extracting again."""

import pytest

from entities.models import Candidate, Entity, Mention
from tests.entities.extracting import BODY, extract, spans
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, mention_in

pytestmark = pytest.mark.django_db


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
