"""API-wide policies shared by every viewset: who may do what, how pages and ordering work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import F, QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions

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
    """Page numbers with a client-chosen page size, capped so one request stays cheap."""

    page_size_query_param = "page_size"
    max_page_size = 200


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
    """Several objects named by slug (`?entity=a&entity=b`); documented as a repeated string."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)
