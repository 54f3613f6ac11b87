"""The gazetteer file: validation, idempotent loading, curators' edits and merges surviving reloads."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from entities import gazetteer, identity
from entities.gazetteer import GazetteerError, load_gazetteer, read_gazetteer
from entities.models import Entity

GAZETTEER = """
# People
- name: Asim Munir
  kind: person
  country: PK
  role: Chief of Army Staff
  description: Pakistani army officer.
  wikidata: Q7806213
  aliases: [Syed Asim Munir, Aasim Munir]
# Countries
- name: Pakistan
  kind: country
  country: PK
  wikidata: Q843
  aliases: [Islamic Republic of Pakistan, Pak]
  case_sensitive: [Pak]
- name: Tehreek-e-Taliban Pakistan
  kind: armed_group
  country: PK
  aliases: [TTP, Pakistani Taliban]
"""


@pytest.fixture
def gazetteer_file(tmp_path: Path) -> Path:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(GAZETTEER, encoding="utf-8")
    return path


def load(path: Path) -> str:
    out = StringIO()
    call_command("load_gazetteer", str(path), stdout=out)
    return out.getvalue().strip()


@pytest.mark.django_db
def test_loading_creates_entities_with_their_aliases(gazetteer_file):
    assert load(gazetteer_file) == "3 entities created, 0 updated, 0 unchanged; 6 aliases added"
    munir = Entity.objects.get(slug="asim-munir")
    assert (munir.kind, munir.country, munir.role, munir.wikidata_id) == (
        "person",
        "PK",
        "Chief of Army Staff",
        "Q7806213",
    )
    assert sorted(munir.aliases.values_list("name", flat=True)) == ["Aasim Munir", "Syed Asim Munir"]
    pakistan = Entity.objects.get(slug="pakistan")
    assert dict(pakistan.aliases.values_list("name", "case_sensitive")) == {
        "Islamic Republic of Pakistan": False,
        "Pak": True,
    }


@pytest.mark.django_db
def test_loading_again_changes_nothing(gazetteer_file):
    load(gazetteer_file)
    assert load(gazetteer_file) == "0 entities created, 0 updated, 3 unchanged; 0 aliases added"


@pytest.mark.django_db
def test_a_curators_edits_win_and_new_aliases_are_added(gazetteer_file):
    load(gazetteer_file)
    Entity.objects.filter(slug="asim-munir").update(name="Syed Asim Munir Ahmed Shah", description="Field marshal.")
    gazetteer_file.write_text(GAZETTEER.replace("Aasim Munir]", "Aasim Munir, Asim Muneer]"), encoding="utf-8")
    # The new spelling is added, and so is the file's name for it, which the curator's rename replaced.
    assert load(gazetteer_file) == "0 entities created, 1 updated, 2 unchanged; 2 aliases added"
    munir = Entity.objects.get(slug="asim-munir")
    assert (munir.name, munir.description) == ("Syed Asim Munir Ahmed Shah", "Field marshal.")
    assert munir.aliases.filter(name__in=["Asim Muneer", "Asim Munir"]).count() == 2


@pytest.mark.django_db
def test_an_entity_merged_away_is_not_brought_back_by_a_reload(gazetteer_file):
    load(gazetteer_file)
    survivor = Entity.objects.create(name="TTP (Pakistani Taliban)", slug="ttp", kind="armed_group")
    identity.merge_entities(survivor, [Entity.objects.get(slug="tehreek-e-taliban-pakistan")], acting_user=None)
    load(gazetteer_file)
    assert not Entity.objects.filter(slug="tehreek-e-taliban-pakistan").exists()
    assert Entity.objects.filter(kind="armed_group").count() == 1


@pytest.mark.django_db
def test_a_dry_run_saves_nothing(gazetteer_file):
    out = StringIO()
    call_command("load_gazetteer", str(gazetteer_file), "--dry-run", stdout=out)
    assert out.getvalue().startswith("dry run, nothing saved: 3 entities created")
    assert Entity.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("- name: X\n  kind: person\n  aliasses: [Y]\n", "entry 2 (X): unknown field 'aliasses'"),
        ("- name: X\n  kind: planet\n", "entry 2 (X): kind 'planet' is not one of"),
        ("- name: X\n  kind: city\n  country: Pakistan\n", "country 'Pakistan' is not an ISO 3166-1 alpha-2 code"),
        ("- name: X\n  kind: city\n  wikidata: 843\n", "wikidata '843' is not a Wikidata item id"),
        ("- kind: city\n", "entry 1 (no name): no name"),
        ("- name: X\n  kind: city\n- name: x\n  kind: person\n", "'x' is named twice"),
        ("- name: X\n  kind: city\n  wikidata: Q1\n- name: Y\n  kind: city\n  wikidata: Q1\n", "share Wikidata id Q1"),
        ("- name: X\n  kind: city\n  aliases: Y\n", "aliases must be a list of names"),
        ("name: X\n", "expected a list of entities"),
        ("- name: [unclosed\n", "not valid YAML"),
    ],
)
def test_a_bad_file_is_refused_whole_with_one_line_naming_it(tmp_path, text, reason, db):
    path = tmp_path / "bad.yaml"
    path.write_text("- name: Fine\n  kind: city\n" + text if text.startswith("- name: X") else text)
    with pytest.raises(CommandError) as error:
        load(path)
    message = str(error.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message
    assert Entity.objects.count() == 0


def test_a_missing_file_is_named():
    with pytest.raises(GazetteerError, match=r"nowhere\.yaml: cannot read"):
        read_gazetteer(Path("nowhere.yaml"))


def test_the_projects_gazetteer_is_valid_and_spells_names_many_ways():
    entries = read_gazetteer(gazetteer.GAZETTEER.default_path)
    assert len(entries) >= 150
    by_name = {entry.name: entry for entry in entries}
    kinds = {entry.kind for entry in entries}
    assert kinds >= {"person", "organisation", "armed_group", "country", "region", "city"}
    spellings = {name: {name, *entry.aliases} for name, entry in by_name.items()}
    assert any({"Balochistan", "Baluchistan"} <= names for names in spellings.values())
    assert any({"Shehbaz Sharif", "Shahbaz Sharif"} <= names for names in spellings.values())
    assert any({"TTP", "Pakistani Taliban"} <= names for names in spellings.values())


@pytest.mark.django_db
def test_the_projects_gazetteer_loads(db):
    report = load_gazetteer()
    assert report.created == len(read_gazetteer(gazetteer.GAZETTEER.default_path))
    assert load_gazetteer().created == 0
