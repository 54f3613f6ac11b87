"""Accounts the archive needs to be usable: the first administrator, and the roles users take."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse


@dataclass(frozen=True)
class SuperuserResult:
    username: str
    created: bool
    generated_password: str | None = None


@transaction.atomic
def ensure_superuser(*, username: str, email: str = "", password: str | None = None) -> SuperuserResult:
    """Create the superuser once; an existing account is left exactly as it is.

    Without a password, a random one is generated and returned so it can be shown once.
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        return SuperuserResult(username=username, created=False)
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    user_model.objects.create_superuser(username=username, email=email, password=password)
    return SuperuserResult(username=username, created=True, generated_password=generated)


# Who may do what, as groups a user is put in. Readers read; curators edit the content (never
# users, never deleting sources or articles); administrators may do everything, users included.
CONTENT_APPS = ("articles", "entities")
CURATOR_WRITES = {
    "articles": {"source": ("add", "change"), "article": ("change",), "removal": ("change",)},
    "entities": {
        "entity": ("add", "change", "delete"),  # a merge deletes the merged entity
        "alias": ("add", "change", "delete"),
        "mention": ("add", "change", "delete"),
        "event": ("add", "change", "delete"),
        "eventparticipant": ("add", "change", "delete"),
        "eventevidence": ("add", "change", "delete"),
        "evidencerejection": ("change", "delete"),  # deleting a rejection undoes it
        "candidate": ("change",),
        "entitymerge": ("change",),  # an unmerge marks the merge undone
        "distinction": ("add", "change", "delete"),
    },
}
ROLES = ("Reader", "Curator", "Administrator")


def role_permissions() -> dict[str, list[Permission]]:
    """The permissions of each role, from the permissions the apps' models have now."""
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS).select_related("content_type")
    readable = [p for p in content if p.codename.startswith("view_")]
    writes = [
        p
        for p in content
        if p.codename.split("_", 1)[0] in CURATOR_WRITES.get(p.content_type.app_label, {}).get(p.content_type.model, ())
    ]
    administrative = Permission.objects.filter(
        content_type__app_label__in=(*CONTENT_APPS, "auth", "authtoken", "admin")
    )
    return {"Reader": readable, "Curator": readable + writes, "Administrator": list(administrative)}


def ensure_roles(**kwargs: object) -> None:
    """Create the groups Reader, Curator and Administrator, or bring their permissions up to date;
    runs after every migrate, so new models' permissions join the roles at once."""
    for name, permissions in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' lock-out check, for the admin's login and for the API's (token endpoint, HTTP
    basic) alike: DRF hands authenticate() its own Request, so the lock-out is marked on the Django
    request beneath it, where AxesMiddleware turns it into a 429."""

    def authenticate(self, request: object, username: str | None = None, password: str | None = None,
                     **kwargs: object) -> None:  # fmt: skip
        django_request = getattr(request, "_request", request)
        try:
            return super().authenticate(django_request, username, password, **kwargs)
        except AxesBackendPermissionDenied:
            django_request.axes_locked_out = True
            raise


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """What a locked-out client is told (AXES_LOCKOUT_CALLABLE): JSON under /api/, text elsewhere."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = f"Too many failed logins from this address: locked out for {minutes} minutes."
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=429)
    return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
