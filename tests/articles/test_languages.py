"""Each article's language, detected from its words, and searched with PostgreSQL's configuration for it."""

import io

import pytest
from django.core.management import call_command

from articles.languages import UNDETERMINED, article_language, detect_language, search_config
from articles.models import Article

FRENCH = (
    "Les élections\n\nLe Pakistan et l'Iran ont convenu jeudi d'élargir le commerce frontalier et d'ouvrir trois "
    "nouveaux marchés avant les élections de février, ont indiqué des responsables à Islamabad.\n\nLes deux pays "
    "veulent aussi relancer leur commission commerciale, qui ne s'est pas réunie depuis deux ans."
)
ENGLISH = (
    "Election day\n\nPakistan and Iran agreed on Thursday to expand border trade and to open three new markets "
    "before the February election, officials said in Islamabad.\n\nThe two countries also want to revive "
    "their joint trade committee, which has not met for two years."
)
URDU = (
    "سرحدی تجارت\n\nپاکستان اور ایران نے جمعرات کو سرحدی تجارت بڑھانے اور فروری کے انتخابات سے پہلے تین نئی منڈیاں "
    "کھولنے پر اتفاق کیا، حکام نے اسلام آباد میں بتایا۔\n\nدونوں ممالک اپنی مشترکہ تجارتی کمیٹی کو بھی بحال کرنا "
    "چاہتے ہیں جس کا اجلاس دو سال سے نہیں ہوا۔"
)


@pytest.mark.parametrize(("text", "language"), [(ENGLISH, "en"), (FRENCH, "fr"), (URDU, "ur")])
def test_the_language_is_read_from_the_words(text, language):
    assert detect_language(text) == language


def test_too_few_letters_tell_no_language_and_a_declared_tag_is_kept_only_where_the_words_agree():
    assert detect_language("12 / 2024 — 3:45") == UNDETERMINED
    assert article_language("Election day", ENGLISH, declared="en-GB") == "en-GB"
    assert article_language("سرحدی تجارت", URDU, declared="en-US") == "ur"  # a template's lang attribute


def test_each_language_is_searched_with_its_own_configuration_or_word_for_word():
    assert (search_config("en-GB"), search_config("fr"), search_config("ur"), search_config("und")) == (
        "english",
        "french",
        "simple",
        "simple",
    )


@pytest.mark.django_db
def test_imported_articles_are_found_in_their_own_language(tmp_path, api_client):
    for name, text in {"fr.txt": FRENCH, "en.txt": ENGLISH, "ur.txt": URDU}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    call_command("import_articles", str(tmp_path), stdout=io.StringIO())
    assert dict(Article.objects.values_list("origin_name", "language")) == {
        "fr.txt": "fr",
        "en.txt": "en",
        "ur.txt": "ur",
    }

    def found(query: str) -> set[str]:
        return {row["origin_name"] for row in Article.objects.search(query).values("origin_name")}

    assert found("élection") == {"fr.txt"}  # French stemming: élections -> élect
    assert found("elections") == {"en.txt"}  # English stemming: election -> elect
    assert found("تجارت") == {"ur.txt"}  # no Urdu configuration: word for word
