"""The import corpus and its scorer: the importer reads the pages of outlets nobody tuned it on, and
the score says how well. The held-out pages are scored here like the others, but their problems are
never printed: only the figures, which must not fall below what docs/importing.md reports."""

import io
from pathlib import Path

import lxml.html
import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from articles.import_scoring import FIELDS, read_gold, score_folder
from articles.models import Article
from articles.outlet_file import read_outlets
from articles.outlets import OutletIndex

CORPUS = Path(settings.BASE_DIR) / "tests" / "corpus" / "import"
# What the held-out half scored when docs/importing.md was written: a regression guard, not a target.
HELDOUT_FLOOR = {"title": 100.0, "outlet": 100.0, "date": 98.0, "author": 93.0}
# Furniture lines the held-out half keeps in bodies: the target is none, and it may not grow.
HELDOUT_FURNITURE_KEPT = 13
# The one article line of the held-out half that the reader loses (on a page written after it was tuned):
# the target is none, and it may not grow.
HELDOUT_LINES_LOST = 1


# Development pages the reader does not yet read right, each with what it misses and why it was left: the
# guard below holds every other page to every field, and this list to exactly these pages.
DEV_KNOWN_MISSES = {
    "cf-bbc-1.txt": "a BBC live page: its summary bullets, its editor's credit and a day without a year",
    "cf-irna-1.txt": "a photo story credited only to its photographer (`Photo: ...`), whom its writer made the author",
    "cn-geo-1.txt": "its one question (`Is this a crisis ...?`) read as a signpost beside a subheading",
    "cp-karachiheritagewalks-1.txt": "a Tumblr blog's name, @handle and description above an undated post",
    "cp-southasialse-1.txt": "a university blog (`South Asia @ LSE`) outvoted by its parent's name",
    "cu-tumblr-1.txt": "a Tumblr post known by its blog's handle only, its first line read as the title's deck",
    "ct-pakistantoday-1.txt": "a sister magazine's name (`Profit`) among the top bar's links, right above the masthead",
    # batches 26 to 28, each written after the reader was last tuned
    "dc-urdupoint-1.html": "an editor's name linked beside `Published`, with no byline or markup author, is missed",
    "de-pressinformationbureau-1.txt": "a government release: its ministry's name above the headline read as the title",
    "dk-ministryofexternalaffairsindia-1.html": "a ministry's name only in its Hindi-and-English masthead line",
    "dk-newstrack-1.txt": "a page in Hindi: its first paragraph read as the title's deck",
    "dl-almanar-1.html": "a site name with its country (`Al-Manar TV Lebanon`) kept whole",
    "dm-instituteforthestudyofwar-1.txt": "a report titled by its date (`... Assessment, February 27, 2024`) read as a "
    "date line, so its authors' line became the title",
    "do-irca-1.txt": "a situation report: `Download report (PDF | 1.2 MB)` under its metadata read as the title",
    "do-kirkmoorroversfc-1.txt": "a club's page: its `Words:` credit missed, and its copyright owner outvotes its "
    "masthead",
    "do-roshannews-1.html": "an unknown outlet's site name with its edition (`Roshan News English`)",
    "do-theborderlandsbrief-1.txt": "a podcast page: `Show notes` read as the title, its hosts missed",
    "do-themalabarherald-1.txt": "an unknown outlet named only in `Follow The Malabar Herald channel on WhatsApp`",
    "do-transitforward-1.html": "a Medium publication: `Published in Transit Forward` outvoted by Medium itself",
    "dq-pamedia-1.txt": "a republished PA story: the header above a `Close` button read as the page's, the caption's "
    "`(PA Wire)` as the title",
    "dq-ukrainskapravda-1.txt": "Ukrainska Pravda's `Source:` paragraphs, body on this site, read as a credit ending "
    "the article",
    "dt-courtbeat-1.txt": "an unknown outlet outvoted by its company's name (`CourtBeat Media`)",
    "dt-indusportanddockworkersunion-1.html": "a union's statement signed under `Issued by:` with no byline",
    "dt-thequaidcourier-1.txt": "a student paper's masthead with its tagline under a search box, not read as its name",
    # batch 29, written after the reader was last tuned, in the outlets the issue names
    "dw-farsnewsagency-1.txt": "a credit (`Photo: FNA`) above its caption takes the last paragraph above it for the "
    "caption",
    "eb-washingtonpost-1.txt": "a headline of two sentences over its deck: the deck is read as the headline",
    "ef-aljazeera-1.txt": "a live page's label in its title (`Sudan war live:`), which writers keep or leave out",
    "ef-tehrantimes-1.txt": "the outlet's name in capitals as the photo's credit above its caption, read as the byline",
    "eg-indusledger-1.txt": "a newsletter's sign-off (`... See you next Sunday. — Sana`) read as a caption by its "
    "`— Name` credit, and its series label (`Weekly Ledger #87:`) kept in the title",
    # batches 32 to 34
    "en-bbc-1.txt": "a day without a year (`Published 12 May`), its year only in the copyright line, which a "
    "reader does not take for the article's",
    "eq-scroll-1.txt": "an interview's question right under an `Also read:` teaser, read as a second teaser",
    "er-lemonde-1.html": "an editorial signed with the paper's own name only in its markup (an organisation as the "
    "author) and a signature line under it",
    "es-nation-1.txt": "a masthead (`Nation`) that names two papers, and a copyright line naming their group",
}


@pytest.fixture(scope="module")
def scores():
    outlets = OutletIndex(read_outlets())
    return {
        "dev": score_folder("dev", CORPUS / "dev", read_gold(sorted((CORPUS / "dev").glob("gold*.yaml"))), outlets),
        "heldout": score_folder(
            "heldout", CORPUS / "heldout", read_gold(sorted((CORPUS / "heldout").glob("gold*.yaml"))), outlets
        ),
        "seeds": score_folder("seeds", Path(settings.BASE_DIR) / "seeds", read_gold([CORPUS / "seeds.yaml"]), outlets),
    }


@pytest.mark.parametrize("group", ["dev", "heldout"])
def test_each_half_has_forty_pages_or_more_from_fifteen_outlets_or_more(group):
    gold = read_gold(sorted((CORPUS / group).glob("gold*.yaml")))
    assert len(gold) >= 40 and len({page.outlet for page in gold}) >= 15
    assert sorted(page.file for page in gold) == sorted(
        path.name for path in (CORPUS / group).iterdir() if not path.name.startswith("gold")
    )


@pytest.mark.parametrize("group", ["dev", "heldout"])
def test_every_line_of_the_gold_stands_in_its_page(group):
    missing = []
    for page in read_gold(sorted((CORPUS / group).glob("gold*.yaml"))):
        text = (CORPUS / group / page.file).read_text(encoding="utf-8")
        texts = [text]
        if page.file.endswith(".html"):
            root = lxml.html.document_fromstring(text)
            # as a reader sees it: elements run together, or a table's cells and a date's parts set apart
            texts = [root.text_content(), " ".join(root.itertext())]
        texts = [" ".join(text.split()) for text in texts]
        missing += [
            page.file
            for line in (*page.body, *page.furniture)
            if not any(" ".join(line.split()) in text for text in texts)
        ]
    assert missing == [] if group == "dev" else len(missing) == 0  # held-out lines are never printed


def test_the_seeds_and_the_development_half_are_read_right_on_every_field_that_counts(scores):
    for name in ("title", "outlet", "date", "precision", "author"):
        assert scores["seeds"].percent(name) == 100.0, name
    assert scores["seeds"].lines_lost == 0
    missed = {
        page.file
        for page in scores["dev"].pages
        if page.lines_lost or not all(page.right[name] for name in ("title", "outlet", "date", "precision", "author"))
    }
    assert missed == set(DEV_KNOWN_MISSES)  # a page fixed leaves the list; a page broken fails here


def test_the_held_out_half_loses_no_more_article_lines_and_keeps_its_scores(scores):
    heldout = scores["heldout"]
    assert heldout.lines_lost <= HELDOUT_LINES_LOST
    assert heldout.furniture_kept <= HELDOUT_FURNITURE_KEPT
    for name, floor in HELDOUT_FLOOR.items():
        assert heldout.percent(name) >= floor, name  # its problems are not shown: nobody tunes on them


def test_score_import_prints_each_group_and_lists_problems_of_the_development_half_only():
    out = io.StringIO()
    call_command("score_import", stdout=out)
    lines = out.getvalue().splitlines()
    header = lines[1].split()
    assert header[:2] == ["group", "pages"] and all(name in header for name in FIELDS)
    assert [line.split()[0] for line in lines[2:5]] == ["dev", "heldout", "seeds"]
    assert not any(line.startswith("heldout/") for line in lines)


@pytest.mark.django_db
def test_an_agency_story_republished_with_another_headline_and_first_line_is_linked_as_a_copy(tmp_path):
    gold = {page.file: page for page in read_gold(sorted((CORPUS / "dev").glob("gold*.yaml")))}
    original, copy = gold["reuters-1.html"], gold["brecorder-2.txt"]
    assert original.title != copy.title and original.body[0] != copy.body[0]
    for name in (original.file, copy.file):
        (tmp_path / name).write_bytes((CORPUS / "dev" / name).read_bytes())
    call_command("load_outlets", stdout=io.StringIO())
    call_command("import_articles", str(tmp_path), stdout=io.StringIO())
    first = Article.objects.get(origin_name=original.file)
    second = Article.objects.get(origin_name=copy.file)
    assert (first.source.name, second.source.name) == ("Reuters", "Business Recorder")
    assert {first.duplicate_of_id, second.duplicate_of_id} - {None} in ({first.pk}, {second.pk})


def test_the_corpus_readme_describes_the_gold_keys():
    readme = (CORPUS / "README.md").read_text()
    example = yaml.safe_load(readme.split("```yaml", 1)[1].split("```", 1)[0])
    assert set(example[0]) == {"file", "title", "outlet", "published", "precision", "author", "type", "summary",
                               "body", "furniture"}  # fmt: skip


def test_authors_are_compared_with_or_without_a_title():
    from articles.import_scoring import _authors

    assert _authors("Dr Saima Rehman") == _authors("Saima Rehman")
    assert _authors("Prof. A Khan and B Shah") == _authors("B Shah, A Khan")
    assert _authors("Saima Rehman") != _authors("Saima Rahman")
