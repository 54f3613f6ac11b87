"""The search vector is built with the text search configuration of each article's language (English
stemming for English, French for French, `simple` where PostgreSQL has none): a generated column's
expression cannot be altered, so it is dropped and added again with its GIN index.

The configuration of each language is the SQL of articles.managers.SearchConfigOf at the time this
runs; a change to that map needs a migration like this one."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

import articles.managers

CONFIG = articles.managers.SearchConfigOf("language")
SEARCH_VECTOR = models.GeneratedField(
    db_persist=True,
    expression=django.contrib.postgres.search.CombinedSearchVector(
        django.contrib.postgres.search.CombinedSearchVector(
            django.contrib.postgres.search.SearchVector("title", config=CONFIG, weight="A"),
            "||",
            django.contrib.postgres.search.SearchVector("summary", config=CONFIG, weight="B"),
            django.contrib.postgres.search.SearchConfig(CONFIG),
        ),
        "||",
        django.contrib.postgres.search.SearchVector("body", config=CONFIG, weight="C"),
        django.contrib.postgres.search.SearchConfig(CONFIG),
    ),
    output_field=django.contrib.postgres.search.SearchVectorField(),
)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_outlets_and_date_phrases"),
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
