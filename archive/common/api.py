"""API-wide policies shared by every viewset: who may do what, how pages and ordering work."""

from __future__ import annotations

import base64
import binascii
import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

if TYPE_CHECKING:  # rest_framework.views reads these very settings at import time
    from rest_framework.request import Request
    from rest_framework.views import APIView


class ArchiveModelPermissions(DjangoModelPermissions):
    """Reading is open when settings.API_PUBLIC_READ, else needs the `view` permission; writing
    always needs an authenticated user holding the model permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS and settings.API_PUBLIC_READ:
            return True
        return super().has_permission(request, view)


class PageNumberWithSizePagination(PageNumberPagination):
    """Page numbers with a client-chosen page size, capped so one request stays cheap; or, with
    `?cursor=` (empty for the first page), keyset pages that need no COUNT(*) and stay stable
    while articles are added (see KeysetPage)."""

    page_size_query_param = "page_size"
    max_page_size = 200
    cursor_query_param = "cursor"
    cursor_by_default = False

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> list | None:
        self.keyset = None
        params = request.query_params
        ordering = StableOrderingFilter().get_ordering(request, queryset, view) or ["-id"]
        wants_cursor = self.cursor_query_param in params or (
            self.cursor_by_default and self.page_query_param not in params and KeysetPage.can_follow(ordering)
        )
        if not wants_cursor:
            return super().paginate_queryset(queryset, request, view)
        self.keyset = KeysetPage(ordering, self.get_page_size(request) or self.page_size)
        self.request = request
        return self.keyset.page(queryset, params.get(self.cursor_query_param, ""))

    def get_paginated_response(self, data: list) -> Response:
        if self.keyset is None:
            return super().get_paginated_response(data)
        next_url = None
        if self.keyset.next_cursor:
            next_url = replace_query_param(
                self.request.build_absolute_uri(), self.cursor_query_param, self.keyset.next_cursor
            )
        return Response({"next": next_url, "previous": None, "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        paginated["required"] = ["results"]  # no `count` in cursor mode
        return paginated

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        return [
            *super().get_schema_operation_parameters(view),
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Keyset paging: empty for the first page, then the `next` link's value (no count)",
                "schema": {"type": "string"},
            },
        ]


class CursorFirstPagination(PageNumberWithSizePagination):
    """For listings that grow without bound (articles): keyset pages unless the client asks for a
    page number (`?page=1`), which adds the total, or orders by several fields, which keyset pages
    cannot follow. A COUNT(*) over a million rows costs more than the page itself."""

    cursor_by_default = True

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["description"] = "A page number: pages by number, with the total `count`"
            if parameter["name"] == self.cursor_query_param:
                parameter["description"] = "Keyset paging (the default): the `next` link's value; no count"
        return parameters


class KeysetPage:
    """One page after a cursor: rows after the last one seen in (ordering field, id) order, found
    through the index the listing sorts by, however deep the page. Missing values sort last."""

    def __init__(self, ordering: list[str], size: int) -> None:
        fields = self._fields(ordering)
        if len(fields) > 1:
            raise ValidationError({"cursor": ["Cursor pages follow one ordering field (and the id)."]})
        self.field = fields[0].lstrip("-") if fields else None
        self.descending = (fields or ordering or ["-id"])[0].startswith("-")
        self.size = size
        self.next_cursor: str | None = None

    @staticmethod
    def _fields(ordering: list[str]) -> list[str]:
        return [field for field in ordering if field.lstrip("-") not in {"id", "pk"}]

    @classmethod
    def can_follow(cls, ordering: list[str]) -> bool:
        return len(cls._fields(ordering)) <= 1

    def page(self, queryset: QuerySet, cursor: str) -> list:
        if cursor:
            queryset = queryset.filter(self._after(self._decode(cursor)))
        rows = list(queryset[: self.size + 1])
        if len(rows) > self.size:
            rows = rows[: self.size]
            last = rows[-1]
            value = getattr(last, self.field) if self.field else None
            self.next_cursor = self._encode(value, last.pk)
        return rows

    def _after(self, position: tuple[object, int]) -> Q:
        value, pk = position
        later_id = Q(pk__lt=pk) if self.descending else Q(pk__gt=pk)
        if self.field is None:
            return later_id
        if value is None:  # among the rows missing a value, which come last
            return Q(**{f"{self.field}__isnull": True}) & later_id
        beyond = f"{self.field}__lt" if self.descending else f"{self.field}__gt"
        return Q(**{beyond: value}) | (Q(**{self.field: value}) & later_id) | Q(**{f"{self.field}__isnull": True})

    @staticmethod
    def _encode(value: object, pk: int) -> str:
        raw = json.dumps([value.isoformat() if hasattr(value, "isoformat") else value, pk])
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def _decode(self, cursor: str) -> tuple[object, int]:
        try:
            value, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            if not isinstance(pk, int):
                raise ValueError(pk)
        except (ValueError, TypeError, binascii.Error) as exc:
            raise ValidationError({"cursor": ["Not a cursor this listing gave out."]}) from exc
        return value, pk


class StableOrderingFilter(OrderingFilter):
    """`?ordering=` with missing values always last and the primary key as the final tie-breaker.

    Undated articles then never crowd the top of a newest-first listing, and pages stay stable.
    """

    def get_default_ordering(self, view: APIView) -> list[str] | None:
        """A full-text search lists the best matches first unless `ordering` says otherwise."""
        query = getattr(view, "request", None) and view.request.query_params.get("q")
        if query and "rank" in getattr(view, "ordering_fields", []):
            return ["-rank"]
        return super().get_default_ordering(view)

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        ordering = self.get_ordering(request, queryset, view)
        if "rank" not in queryset.query.annotations:  # no search, no rank to order by
            ordering = [field for field in ordering or [] if field.lstrip("-") != "rank"]
        if not ordering:
            return queryset
        expressions = []
        for field in ordering:
            descending = field.startswith("-")
            name = field.lstrip("-")
            expressions.append(F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True))
        if not any(field.lstrip("-") in {"id", "pk"} for field in ordering):
            expressions.append(F("id").desc() if ordering[-1].startswith("-") else F("id").asc())
        return queryset.order_by(*expressions)


def requires(*permissions: str) -> type[BasePermission]:
    """A permission class for a write action: an authenticated user holding all `permissions`."""

    class HoldsPermissions(BasePermission):
        message = f"This needs the permission{'s' if len(permissions) > 1 else ''} {', '.join(permissions)}."

        def has_permission(self, request: Request, view: APIView) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and user.has_perms(permissions))

    return HoldsPermissions


@extend_schema_field(OpenApiTypes.STR)
class SlugsFilter(filters.ModelMultipleChoiceFilter):
    """Several objects named by slug (`?entity=a&entity=b`); documented as a repeated string.

    No DISTINCT unless asked: it would stop the listing from reading rows in index order."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("distinct", False)
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v: object) -> dict[str, object]:
        """Filter by the object itself (its primary key) rather than its slug: no join needed."""
        return {self.field_name: v}
