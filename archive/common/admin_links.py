"""Pieces the archive's admin classes and pages share: links to an object's page and to a filtered list."""

from urllib.parse import urlencode

from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString


def admin_link(obj: models.Model) -> SafeString:
    """A link to the object's admin page, named by the object."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj)


def changelist(app_label: str, model_name: str, **filters: object) -> str:
    """The admin list of a model, filtered: `status="open"` becomes `?status__exact=open`."""
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    lookups = {key if "__" in key else f"{key}__exact": value for key, value in filters.items()}
    return f"{url}?{urlencode(lookups)}" if lookups else url
