from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_delete


class ArchiveConfig(AppConfig):
    name = "archive"

    def ready(self) -> None:
        from archive.accounts import ensure_roles
        from archive.common.history import name_cascaded_deletions

        post_migrate.connect(ensure_roles, dispatch_uid="archive.ensure_roles")
        pre_delete.connect(name_cascaded_deletions, dispatch_uid="archive.name_cascaded_deletions")
