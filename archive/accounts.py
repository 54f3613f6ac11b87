"""Accounts the archive needs to be usable: the first administrator."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction


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
