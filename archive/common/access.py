"""Who may read the archive: one rule for the API and the pages, and the decorators pages use.

Reading is open to everyone when settings.API_PUBLIC_READ (the default), else it takes the model's
`view` permission. Writing always takes a signed-in user holding the model permission.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

View = Callable[..., HttpResponse]


def reading_is_public() -> bool:
    return settings.API_PUBLIC_READ


def may_read(user: object, permission: str) -> bool:
    """Whether `user` may read what `permission` (an app_label.view_model codename) guards."""
    return reading_is_public() or user.has_perm(permission)


def readable(permission: str) -> Callable[[View], View]:
    """A page anyone may read when reading is public, else users holding `permission`; anonymous
    visitors are sent to the admin login, signed-in users without it are refused (403)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if may_read(request.user, permission):
                return view(request, *args, **kwargs)
            if request.user.is_authenticated:
                raise PermissionDenied(f"This page needs the permission {permission}.")
            return redirect_to_login(request.get_full_path(), login_url=reverse("admin:login"))

        return guarded

    return decorate


def requires_permission(permission: str) -> Callable[[View], View]:
    """A staff page (wrapped in admin_view) for users holding `permission`, whatever the reading
    rule: the dashboard and the review queue describe work, not published content."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise PermissionDenied(f"This page needs the permission {permission}.")
            return view(request, *args, **kwargs)

        return guarded

    return decorate
