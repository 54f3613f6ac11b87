"""The band index without GIN's pending list (fastupdate = off): an import screens every new article
against it, and each lookup read the pending list whole (up to 4 MB) before the index. Altered in
place, its pending entries merged into the index: no rebuild."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_search_in_each_language")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(model_name="fingerprint", name="fingerprint_bands_idx"),
                migrations.AddIndex(
                    model_name="fingerprint",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fastupdate=False, fields=["bands"], name="fingerprint_bands_idx"
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER INDEX fingerprint_bands_idx SET (fastupdate = off);"
                    " SELECT gin_clean_pending_list('fingerprint_bands_idx'::regclass);",
                    reverse_sql="ALTER INDEX fingerprint_bands_idx RESET (fastupdate);",
                )
            ],
        )
    ]
