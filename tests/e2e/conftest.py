"""End-to-end fixtures: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Playwright never downloads a browser here (the network reaches package registries only): it launches
/usr/bin/chromium, which `.ci/run` installs. Without it the e2e tests skip, except in CI, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.e2e.browser import E2E_PASSWORD, screenshot

CHROMIUM = Path("/usr/bin/chromium")
# Headless as root with no GPU; and no calls home, which on a closed network hang or flood refusals.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Fail fast: a missing element should not cost Playwright's default 30 seconds.
TIMEOUT_MS = 10_000


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """One Chromium for the e2e tests; each test gets its own context (cookies, storage) from it.

    Package-scoped, not session-scoped: Playwright's event loop and the lifted async check below end with
    the e2e tests (pytest-django runs them together, with the other transactional tests), so the tests
    that run after them see neither."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the e2e tests"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    # Playwright's sync API keeps an event loop in this thread, and Django refuses ORM calls next to a
    # running loop; the tests' own queries are plain synchronous ones, so the check is lifted meanwhile.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def plain_http_site(settings):
    """The live server speaks plain HTTP: no redirect to HTTPS, and session and CSRF cookies a browser
    sends back over HTTP (the production defaults make both secure-only)."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def live_server(plain_http_site, transactional_db) -> Iterator[LiveServer]:
    """pytest-django's live server, but one per test, started after the settings above.

    Its own is session-wide, and Django's middleware reads settings such as SECURE_SSL_REDIRECT once, when
    the server builds its handler: started before a test's overrides, it redirects every page to HTTPS.
    Starting a server takes milliseconds."""
    server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost")
    yield server
    server.stop()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer, request) -> Iterator[Page]:
    """A fresh browser tab on the live server; a screenshot of it is kept when the test fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    report = getattr(request.node, "e2e_call_report", None)
    if report is not None and report.failed:
        screenshot(page, f"{request.node.name}-failed")
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember the outcome of the test body, so the page fixture can tell a failure when it tears down."""
    report = yield
    if report.when == "call":
        item.e2e_call_report = report
    return report


@pytest.fixture
def curator(transactional_db):
    """A staff user in the Curator group, committed so the live server sees it.

    The role groups come from a post_migrate handler. A transactional test's flush empties them and Django
    re-sends post_migrate after it, but only while no test narrows available_apps: made here to be sure."""
    from django.contrib.auth.models import Group, User

    from archive.accounts import ensure_roles

    ensure_roles()
    user = User.objects.create_user("curator", password=E2E_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user
