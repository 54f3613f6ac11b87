"""Factories that build valid rows: bodies contain the text their mentions and evidence quote."""

import factory
from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from archive.common.dates import DatePrecision
from articles.cleaning import content_hash, text_hash
from articles.models import Article, Source
from entities.models import Alias, Entity, Event, EventEvidence, EventParticipant, Mention
from entities.taxonomy import codes_for


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.LazyAttribute(lambda source: slugify(source.name))
    kind = Source.Kind.NEWS_SITE


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Article number {n}")
    body = factory.LazyAttribute(lambda article: f"Body of {article.title}.")
    raw_text = factory.LazyAttribute(lambda article: f"{article.title}\n\n{article.body}")
    content_hash = factory.LazyAttribute(lambda article: content_hash(article.raw_text))
    text_hash = factory.LazyAttribute(lambda article: text_hash(article.title, article.body))
    origin_name = factory.Sequence(lambda n: f"article-{n}.txt")
    published_on = None
    published_precision = factory.LazyAttribute(
        lambda article: DatePrecision.DAY if article.published_on else DatePrecision.UNKNOWN
    )


class EntityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entity

    name = factory.Sequence(lambda n: f"Entity {n}")
    slug = factory.LazyAttribute(lambda entity: slugify(entity.name))
    kind = Entity.Kind.PERSON


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alias

    entity = factory.SubFactory(EntityFactory)
    name = factory.LazyAttribute(lambda alias: alias.entity.name)
    origin = "data_file"


def mention_in(article: Article, entity: Entity, text: str, **fields: object) -> Mention:
    """A mention of `entity` at the first place `text` occurs in the article body."""
    start = article.body.index(text)
    return Mention.objects.create(
        article=article, entity=entity, text=text, start_offset=start, end_offset=start + len(text), **fields
    )


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    kind = Event.Kind.VISIT
    cameo_code = factory.LazyAttribute(lambda event: codes_for(event.kind)[0])
    plover_type = factory.LazyAttribute(lambda event: codes_for(event.kind)[1])
    start_date = None
    start_precision = factory.LazyAttribute(
        lambda event: DatePrecision.DAY if event.start_date else DatePrecision.UNKNOWN
    )


def participate(
    event: Event, entity: Entity, role: str = EventParticipant.Role.PARTICIPANT, origin: str = "data_file"
) -> EventParticipant:
    return EventParticipant.objects.create(event=event, entity=entity, role=role, origin=origin)


def evidence_in(event: Event, article: Article, sentence: str, origin: str = "data_file") -> EventEvidence:
    start = article.body.index(sentence)
    return EventEvidence.objects.create(
        event=event, article=article, sentence=sentence, start_offset=start, end_offset=start + len(sentence),
        origin=origin,
    )  # fmt: skip


def staff_member(role: str | None) -> User:
    """A staff account (it may log in to the admin) in the role group `role`, or in none."""
    user = User.objects.create_user(f"{role or 'nobody'}-staff", password="a-long-password-1", is_staff=True)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
