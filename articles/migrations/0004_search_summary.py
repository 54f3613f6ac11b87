"""The search vector takes in the summary (weight B) and weighs the body C: a generated column's
expression cannot be altered, so it is dropped and added again with its GIN index."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

SEARCH_VECTOR = models.GeneratedField(
    db_persist=True,
    expression=django.contrib.postgres.search.CombinedSearchVector(
        django.contrib.postgres.search.CombinedSearchVector(
            django.contrib.postgres.search.SearchVector("title", config="english", weight="A"),
            "||",
            django.contrib.postgres.search.SearchVector("summary", config="english", weight="B"),
            django.contrib.postgres.search.SearchConfig("english"),
        ),
        "||",
        django.contrib.postgres.search.SearchVector("body", config="english", weight="C"),
        django.contrib.postgres.search.SearchConfig("english"),
    ),
    output_field=django.contrib.postgres.search.SearchVectorField(),
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_fingerprint_date"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_search_idx"),
        migrations.RemoveField(model_name="article", name="search_vector"),
        migrations.AddField(model_name="article", name="search_vector", field=SEARCH_VECTOR),
        migrations.AddIndex(
            model_name="article",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="article_search_idx"),
        ),
    ]
