"""The OpenAPI schema says what the API does: anonymous reading where reading is public, and the
error answers every operation can give (with the one JSON shape they share)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS

from archive.common.access import reading_is_public
from archive.common.api import ArchiveModelPermissions

ERROR = {
    "type": "object",
    "description": "`detail` says what went wrong; a request that fails validation names each field "
    "with its messages instead",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
ERRORS = {
    "400": "The parameters or the body are not valid; the answer names what is wrong",
    "401": "Credentials were sent but are not valid, or the operation needs a signed-in user",
    "403": "The user may not do this",
    "404": "Nothing has this id, or the page asked for does not exist",
    "429": "Too many requests (anonymous clients), or too many failed logins from this address",
}


class ArchiveAutoSchema(AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        """Anonymous clients may read when reading is public, and anyone may ask for a token."""
        auths = super().get_auth()
        permissions = [permission.__class__ for permission in self.view.get_permissions()]
        public_read = self.method in SAFE_METHODS and reading_is_public() and ArchiveModelPermissions in permissions
        if (public_read or not permissions) and {} not in auths:
            auths.append({})
        return auths


def document_errors(result: dict[str, Any], generator: object, request: object, public: bool) -> dict[str, Any]:
    """Postprocessing hook: the error answers of every operation, which share one schema."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for status, description in ERRORS.items():
                operation["responses"].setdefault(status, {
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                })  # fmt: skip
    return result
