from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArchiveConfig(AppConfig):
    name = "archive"

    def ready(self) -> None:
        from archive.accounts import ensure_roles

        post_migrate.connect(ensure_roles, dispatch_uid="archive.ensure_roles")
