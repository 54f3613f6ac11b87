"""Helpers for end-to-end tests: logging in through the admin's own form, and screenshots kept as artifacts."""

from __future__ import annotations

import os
import re
from pathlib import Path

from playwright.sync_api import Page, expect

PROJECT_DIR = Path(__file__).resolve().parents[2]
# The password of every account the e2e fixtures create.
E2E_PASSWORD = "an-e2e-password-for-tests-only"


def artifacts_dir() -> Path:
    """Where screenshots go: $ARCHIVE_ARTIFACTS_DIR/e2e, or .artifacts/e2e in the checkout (ignored by git),
    so a test run never dirties the tree and CI can collect the folder."""
    root = os.environ.get("ARCHIVE_ARTIFACTS_DIR") or PROJECT_DIR / ".artifacts"
    folder = Path(root) / "e2e"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as NAME.png in the artifacts folder and return its path."""
    path = artifacts_dir() / f"{re.sub(r'[^A-Za-z0-9._-]+', '-', name).strip('-')}.png"
    page.screenshot(path=path, full_page=True)
    return path


def log_in(page: Page, live_server, username: str, password: str = E2E_PASSWORD) -> None:
    """Log in through /admin/login/ as a person would, and wait until the admin index is shown."""
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_contain_text(username)
