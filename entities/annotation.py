"""A new article's annotations in two halves: what extraction and detection find in its texts, worked
out from the texts alone (`annotate`, pure, so that the import's worker processes do it), and the
rows that records, written for a whole batch of new articles at once (`store_annotations`).

Together they give exactly the mentions, candidates, proposals and evidence that `refresh_batch`
gives a just-created article: the same matcher on the same texts, the same detector on the same
mentions in the same order, and the events stored one article after another, in import order, so
that a later article of the batch joins an event an earlier one proposed.
"""

from __future__ import annotations

import datetime
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from articles.batch_saving import Saved
from entities.detection import DetectionResult, record_proposals
from entities.events import MentionRef, Proposal, propose_events
from entities.extraction import CandidateSpan, Found, Matcher
from entities.mentions import (
    ExtractionResult,
    Place,
    copy_mentions,
    mention_changes,
    places_of,
    read_places,
    store_candidates,
)
from entities.models import Entity, Mention


@dataclass(frozen=True)
class Annotations:
    """What the matcher and the detector find in one article; a caption's place is its position among
    the article's captions until the caption is stored (see `store_annotations`)."""

    found: dict[Place, list[Found]]
    names: list[tuple[str, str, list[CandidateSpan]]]  # (field, its text, the candidate names in it)
    proposals: list[Proposal]
    kinds: dict[Hashable, str]  # the kind of each entity the body mentions


def entity_labels() -> dict[Hashable, tuple[str, str]]:
    """Each entity's kind and name, as the detector reads them with a mention."""
    return {pk: (kind, name) for pk, kind, name in Entity.objects.order_by().values_list("id", "kind", "name")}


def annotate(
    *,
    title: str,
    summary: str,
    body: str,
    captions: Sequence[str],
    published_day: datetime.date | None,
    matcher: Matcher,
    labels: dict[Hashable, tuple[str, str]],
) -> Annotations:
    """Mentions, candidate names and event proposals of a new article, from its texts alone."""
    texts = places_of(title=title, summary=summary, body=body, captions=list(enumerate(captions)))
    found, names = read_places(texts, matcher)
    # The detector reads the body's mentions as stored: each once, in the order they are written.
    unique = {(item.entity, item.start, item.end): item for item in found[(Mention.Field.BODY, None)]}
    refs = [MentionRef(item.start, item.end, item.entity, *labels[item.entity]) for item in unique.values()]
    proposals = propose_events(body, refs, published_day) if refs else []
    return Annotations(found, names, proposals, {ref.entity: ref.kind for ref in refs})


def store_annotations(created: list[Saved]) -> tuple[ExtractionResult, DetectionResult]:
    """Write the annotations of a batch's just-created articles: mentions by COPY and candidates in
    one go for the batch, then each article's event proposals, in import order."""
    extraction = ExtractionResult(articles=len(created))
    new: list[Mention] = []
    names = []
    for saved in created:
        found_in = saved.prepared.annotations.found
        found = {
            (field, None if index is None else saved.caption_ids[index]): items
            for (field, index), items in found_in.items()
        }
        _, added, _ = mention_changes(saved.article, found, [])
        new += added
        names += [(saved.article, field, text, spans) for field, text, spans in saved.prepared.annotations.names]
    copy_mentions(new)
    extraction.created = len(new)
    extraction.candidates = store_candidates([saved.article.pk for saved in created], names, replacing=False)
    detection = DetectionResult()
    for saved in created:
        annotations = saved.prepared.annotations
        detection += record_proposals(saved.article, annotations.proposals, kinds=annotations.kinds)
    return extraction, detection
