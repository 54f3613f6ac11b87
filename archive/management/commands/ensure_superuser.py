import os

from django.core.management.base import BaseCommand

from archive.accounts import ensure_superuser


class Command(BaseCommand):
    help = (
        "Create the administrator from DJANGO_SUPERUSER_USERNAME (default admin), DJANGO_SUPERUSER_EMAIL "
        "and DJANGO_SUPERUSER_PASSWORD, unless that user exists. Without a password, one is generated "
        "and printed once."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = ensure_superuser(
            username=os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin",
            email=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""),
            password=os.environ.get("DJANGO_SUPERUSER_PASSWORD") or None,
        )
        if not result.created:
            self.stdout.write(f"Superuser {result.username} already exists; left unchanged.")
        elif result.generated_password:
            self.stdout.write(
                f"Created superuser {result.username} with password {result.generated_password} "
                "(shown only now; change it in the admin)."
            )
        else:
            self.stdout.write(f"Created superuser {result.username}.")
