"""The API's shared policies: who may read and write, how a listing is ordered, how it is paged."""

from __future__ import annotations

import base64
import binascii
import json
from typing import TYPE_CHECKING

from django import forms
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet, Subquery
from django.forms.utils import ErrorDict, ErrorList
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from archive.common.access import reading_is_public

if TYPE_CHECKING:  # rest_framework.views reads these very settings at import time
    from rest_framework.request import Request
    from rest_framework.views import APIView

# --- Who may do what ------------------------------------------------------------------------------


class ArchiveModelPermissions(DjangoModelPermissions):
    """Reading follows the archive's reading rule (archive.common.access), else needs the `view`
    permission; writing always needs an authenticated user holding the model permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS and reading_is_public():
            return True
        return super().has_permission(request, view)


def requires(*permissions: str) -> type[BasePermission]:
    """A permission class for a write action: an authenticated user holding all `permissions`."""

    class HoldsPermissions(BasePermission):
        message = f"This needs the permission{'s' if len(permissions) > 1 else ''} {', '.join(permissions)}."

        def has_permission(self, request: Request, view: APIView) -> bool:
            user = request.user
            return bool(user and user.is_authenticated and user.has_perms(permissions))

    return HoldsPermissions


# --- Parameters -------------------------------------------------------------------------------------

FORMAT_PARAMETER = "format"  # DRF's URL format override (`?format=json`), accepted everywhere


class ExplainedParameters:
    """A viewset mixin: a read whose query names a parameter the endpoint does not take is a 400
    naming it, never silently ignored (a misspelt `published_afer` would otherwise return every
    article). The parameters an endpoint takes: its filters (a range's as `_after`/`_before`), its
    ordering and paging, and its action's own (`parameters_serializer`)."""

    parameters_serializer: type | None = None  # an action's own parameters, set by @action(...)

    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        if request.method not in SAFE_METHODS:
            return
        known = _taken_by_action.get((type(self), self.action))
        if known is None:  # the same for every request to the action: worked out once per process
            known = _taken_by_action[(type(self), self.action)] = frozenset(taken_parameters(self))
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            accepted = ", ".join(sorted(known))
            raise ValidationError({name: [f"Not a parameter of this endpoint (it takes: {accepted})."]
                                   for name in unknown})  # fmt: skip


_taken_by_action: dict[tuple[type, str | None], frozenset[str]] = {}


def taken_parameters(view: APIView) -> set[str]:
    """The query parameters an endpoint takes, as its filters, ordering, paging and action declare them."""
    taken = {FORMAT_PARAMETER}
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        for name, field in filterset_class().form.fields.items():
            suffixes = getattr(field.widget, "suffixes", None)
            taken |= {f"{name}_{suffix}" if suffix else name for suffix in suffixes} if suffixes else {name}
    if getattr(view, "ordering_fields", None) and any(
        issubclass(backend, OrderingFilter) for backend in getattr(view, "filter_backends", [])
    ):
        taken.add(OrderingFilter.ordering_param)
    paginator = getattr(view, "paginator", None)
    if paginator is not None:
        taken |= {field["name"] for field in paginator.get_schema_operation_parameters(view)}
    serializer = getattr(view, "parameters_serializer", None)
    if serializer is not None:
        taken |= set(serializer().fields)
    return taken


class ArchiveFilterSet(filters.FilterSet):
    """A filter set whose errors name the parameters the client sent: a bad `published_after` is
    reported as `published_after`, not as the filter `published`; and a flag that is neither true nor
    false is an error, not silently no filter."""

    @property
    def errors(self) -> ErrorDict:
        named: dict[str, list[str]] = {}
        for name, messages in self.form.errors.items():
            named |= self._sent_names(name, list(messages))
        for name, field in self.form.fields.items():
            raw = self.data.get(name)
            if isinstance(field, forms.NullBooleanField) and raw not in (None, "") and raw.lower() not in _FLAGS:
                named[name] = ["true or false."]
        # Messages are final text, which may quote the value sent: a `%` in it is escaped, since
        # django-filter formats each message with its (here absent) parameters.
        return ErrorDict(
            {name: ErrorList([m.replace("%", "%%") for m in messages]) for name, messages in named.items()}
        )

    def is_valid(self) -> bool:
        return super().is_valid() and not self.errors

    def _sent_names(self, name: str, messages: list[str]) -> dict[str, list[str]]:
        field = self.form.fields.get(name)
        suffixes = getattr(getattr(field, "widget", None), "suffixes", None)
        if not suffixes or not isinstance(field, forms.MultiValueField):
            return {name: messages}
        named = {}
        for suffix, part in zip(suffixes, field.fields, strict=False):
            sent = f"{name}_{suffix}" if suffix else name
            try:
                part.clean(self.data.get(sent) or None)
            except forms.ValidationError as exc:
                named[sent] = exc.messages
        return (
            named
            or {
                f"{name}_{suffix}" if suffix else name: messages
                for suffix in suffixes
                if self.data.get(f"{name}_{suffix}")
            }
            or {name: messages}
        )


_FLAGS = {"true", "false", "1", "0"}  # what django-filter's BooleanWidget reads


# --- Ordering ---------------------------------------------------------------------------------------


def searching(request: Request) -> bool:
    """Whether the request searches (a `q` with words in it), so that relevance can order it."""
    return bool(request.query_params.get("q", "").strip())


class StableOrderingFilter(OrderingFilter):
    """`?ordering=` with missing values always last and the primary key as the final tie-breaker.

    Undated articles then never crowd the top of a newest-first listing, and pages stay stable.
    `get_ordering` is the one place a listing's ordering is decided: the paginator and the views ask
    it too (see ordering_of).
    """

    def get_default_ordering(self, view: APIView) -> list[str] | None:
        """A full-text search lists the best matches first unless `ordering` says otherwise."""
        if searching(view.request) and "rank" in getattr(view, "ordering_fields", []):
            return ["-rank"]
        return super().get_default_ordering(view)

    def remove_invalid_fields(
        self, queryset: QuerySet | None, fields: list[str], view: APIView, request: Request
    ) -> list[str]:
        """The fields asked for; one the listing cannot be ordered by is a 400 naming the choices."""
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        invalid = [field for field in fields if field and field not in valid]
        if invalid:
            choices = ", ".join(name for name, _ in self.get_valid_fields(queryset, view, {"request": request}))
            raise ValidationError(
                {self.ordering_param: [f"Cannot order by {', '.join(invalid)}; fields (- for descending): {choices}."]}
            )
        return valid

    def get_ordering(self, request: Request, queryset: QuerySet | None, view: APIView) -> list[str]:
        """The fields asked for or the default; relevance (`rank`) only in a search."""
        ordering = super().get_ordering(request, queryset, view) or []
        if searching(request):
            return ordering
        without_rank = [field for field in ordering if field.lstrip("-") != "rank"]
        return without_rank or list(self.get_default_ordering(view) or [])

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        ordering = self.get_ordering(request, queryset, view)
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


def ordering_of(view: APIView) -> list[str]:
    """The ordering a listing is served in, as its ordering filter decides it."""
    return StableOrderingFilter().get_ordering(view.request, None, view) or ["-id"]


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


@extend_schema_field(OpenApiTypes.INT)
class WholeNumberFilter(filters.NumberFilter):
    """A count: a whole number (`1.5` is a 400, not a silent rounding)."""

    field_class = forms.IntegerField


# --- Paging -----------------------------------------------------------------------------------------


# From this many rows in, a numbered page finds its rows' ids first (KeysFirstPaginator).
KEYS_FIRST_FROM = 1_000


class KeysFirstPaginator(Paginator):
    """A deep page's ids are found first, in the listing's order, and only its own rows are read:
    OFFSET then skips index entries (an index-only read where the order has an index) instead of
    whole rows, 10,000 of them on page 200."""

    def page(self, number: int | str) -> object:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < KEYS_FIRST_FROM or not isinstance(self.object_list, QuerySet):
            return super().page(number)
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=Subquery(keys)), number, self)


class NumberedPages(PageNumberPagination):
    """Page numbers, with the total `count`, and a client-chosen page size capped so one request
    stays cheap."""

    django_paginator_class = KeysFirstPaginator
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request: Request) -> int:
        """The size asked for; one out of range or not a number is a 400, never silently replaced."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]})
        return int(raw)

    def get_page_number(self, request: Request, paginator: object) -> str:
        number = super().get_page_number(request, paginator)
        if str(number) not in self.last_page_strings and not str(number).isdigit():
            raise ValidationError({self.page_query_param: ["A whole number from 1 (or `last`)."]})
        return number


class CursorPages(BasePagination):
    """Keyset pages: the rows after the last one seen in (ordering field, id) order, found through
    the index the listing sorts by however deep the page, stable while rows are added, and never a
    COUNT(*). The cursor is the last row's value and id; rows missing a value come last."""

    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> list:
        fields = [field for field in ordering_of(view) if field.lstrip("-") not in {"id", "pk"}]
        if len(fields) > 1:
            raise ValidationError({"cursor": ["Cursor pages follow one ordering field (and the id)."]})
        self.request = request
        self.field = fields[0].lstrip("-") if fields else None
        self.descending = (fields or ordering_of(view))[0].startswith("-")
        self.next_cursor: str | None = None
        size = NumberedPages().get_page_size(request)
        cursor = request.query_params.get(self.cursor_query_param, "")
        if cursor:
            queryset = queryset.filter(self._after(self._decode(cursor)))
        rows = list(queryset[: size + 1])
        if len(rows) > size:
            rows = rows[:size]
            last = rows[-1]
            self.next_cursor = self._encode(getattr(last, self.field) if self.field else None, last.pk)
        return rows

    def get_paginated_response(self, data: list) -> Response:
        next_url = None
        if self.next_cursor:
            next_url = replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, self.next_cursor)
        return Response({"next": next_url, "previous": None, "results": data})

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

    @staticmethod
    def _decode(cursor: str) -> tuple[object, int]:
        try:
            value, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
            if not isinstance(pk, int):
                raise ValueError(pk)
        except (ValueError, TypeError, binascii.Error) as exc:
            raise ValidationError({"cursor": ["Not a cursor this listing gave out."]}) from exc
        return value, pk


class PagesOrCursor(BasePagination):
    """Each listing pages by number (NumberedPages) or by cursor (CursorPages), as the request asks:
    by cursor when it gives `?cursor=` (empty for the first page)."""

    page_description = "A page number within the paginated result set."
    cursor_description = "Keyset paging: empty for the first page, then the `next` link's value (no count)"

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> list | None:
        self.chosen = CursorPages() if self.wants_cursor(request, view) else NumberedPages()
        return self.chosen.paginate_queryset(queryset, request, view)

    def wants_cursor(self, request: Request, view: APIView | None) -> bool:
        return CursorPages.cursor_query_param in request.query_params

    def get_paginated_response(self, data: list) -> Response:
        return self.chosen.get_paginated_response(data)

    @property
    def display_page_controls(self) -> bool:  # the browsable API's page links, for numbered pages
        return getattr(getattr(self, "chosen", None), "display_page_controls", False)

    def to_html(self) -> str:
        return self.chosen.to_html()

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = NumberedPages().get_paginated_response_schema(schema)
        paginated["required"] = ["results"]  # no `count` in cursor pages
        return paginated

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        parameters = NumberedPages().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == NumberedPages.page_query_param:
                parameter["description"] = self.page_description
        cursor = {"type": "string"}
        return [
            *parameters,
            {
                "name": "cursor",
                "required": False,
                "in": "query",
                "description": self.cursor_description,
                "schema": cursor,
            },
        ]


class CursorFirstPagination(PagesOrCursor):
    """For listings that grow without bound (articles): cursor pages unless the client asks for a
    page number (`?page=1`), which adds the total, or orders by several fields, which cursor pages
    cannot follow. A COUNT(*) over a million rows costs more than the page itself."""

    page_description = "A page number: pages by number, with the total `count`"
    cursor_description = "Keyset paging (the default): the `next` link's value; no count"

    def wants_cursor(self, request: Request, view: APIView | None) -> bool:
        if super().wants_cursor(request, view):
            return True
        one_field = len([field for field in ordering_of(view) if field.lstrip("-") not in {"id", "pk"}]) <= 1
        return NumberedPages.page_query_param not in request.query_params and one_field
