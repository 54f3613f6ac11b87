"""Slugs for new rows: readable, and unique among the model's rows."""

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], name: str, *, max_length: int, fallback: str) -> str:
    """The slug of `name` (or `fallback`), numbered -2, -3, ... when a row of `model` has it already."""
    base = slugify(name)[: max_length - 10] or fallback
    slug, number = base, 1
    while model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
