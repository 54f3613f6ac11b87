import pytest

from tests.factories import AliasFactory, EntityFactory


@pytest.fixture
def gazetteer():
    """Four entities: Asim Munir, Iran, Tehran and Shehbaz Sharif (also spelt Shahbaz Sharif)."""
    munir = EntityFactory(name="Asim Munir", slug="asim-munir", kind="person")
    iran = EntityFactory(name="Iran", slug="iran", kind="country", country="IR")
    tehran = EntityFactory(name="Tehran", slug="tehran", kind="city", country="IR")
    sharif = EntityFactory(name="Shehbaz Sharif", slug="shehbaz-sharif", kind="person", country="PK")
    AliasFactory(entity=sharif, name="Shahbaz Sharif")
    return munir, iran, tehran, sharif
