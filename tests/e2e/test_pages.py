"""Browser test: serve the real app with `streamlit run` and open every registered page in
headless Chromium (Debian's /usr/bin/chromium driven by Playwright), checking that no
exception or error box shows, and saving a full-page screenshot of each page to
artifacts/screenshots/<url_path>.png for a person to look at.

Skipped only when /usr/bin/chromium is absent (`make test` installs it).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ui.nav import PAGES, page_spec

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
ERROR_SELECTORS = ('[data-testid="stException"]', '[data-testid="stAlertContentError"]')
# A French sales export: cp1252, ';', decimal comma, one impossible date, one credit note.
SAMPLE_CSV = (
    "N° client;Date facture;Montant HT;Marge;Famille\r\n"
    "C001;05/01/2024;1 234,56;300,00;Outils\r\n"
    "C002;06/01/2024;-100,00;-20,00;Outils\r\n"
    "C003;31/02/2024;50,00;10,00;Peinture\r\n"
    "C001;10/02/2024;80,00;20,00;Visserie\r\n"
).encode("cp1252")

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium package to run the browser "
                "tests (`sudo apt-get install chromium`, or `make test` does it)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve_app(tmp_dir: Path):
    """Start `streamlit run app.py` on a free port with a private store; yield its URL."""
    port = _free_port()
    env = {**os.environ,
           "CAPITAL_CLIENT_DB": str(tmp_dir / "e2e.duckdb"),
           "STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log_path = tmp_dir / f"streamlit-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"streamlit exited early:\n{log_path.read_text()[-3000:]}")
                with contextlib.suppress(OSError):
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                if time.monotonic() > deadline:
                    pytest.fail(f"streamlit not healthy after 90 s:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve_app(tmp_path_factory.mktemp("e2e")) as url:
        yield url


def wait_idle(page, timeout_s: float = 120) -> None:
    """Wait until the app is connected, its script is not running, and stays so 1 s."""
    deadline = time.monotonic() + timeout_s
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
    quiet_since = None
    while time.monotonic() < deadline:
        state = page.evaluate(
            """() => {
                const app = document.querySelector('[data-testid="stApp"]');
                const running = document.querySelector(
                    '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stSpinner"],'
                    + ' [data-testid="stSkeleton"]');
                return {script: app && app.getAttribute('data-test-script-state'),
                        conn: app && app.getAttribute('data-test-connection-state'),
                        busy: !!running,
                        main: document.querySelectorAll('[data-testid="stMain"] h1').length};
            }"""
        )
        idle = (state["script"] == "notRunning" and state["conn"] == "CONNECTED"
                and not state["busy"] and state["main"] > 0)
        if idle:
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since >= 1.0:
                return
        else:
            quiet_since = None
        page.wait_for_timeout(200)
    raise AssertionError(f"the app did not become idle in {timeout_s:g} s (last: {state})")


def assert_no_error(page, name: str) -> None:
    for selector in ERROR_SELECTORS:
        boxes = page.locator(selector)
        if boxes.count():
            text = boxes.first.inner_text()[:2000]
            page.screenshot(path=str(SHOTS / f"{name}-error.png"), full_page=True)
            raise AssertionError(f"{name}: {selector} on the page:\n{text}")


def full_screenshot(page, path: Path) -> None:
    """Screenshot of the whole page. Streamlit scrolls inside its main container, not the
    document, so the viewport is first made as tall as the content."""
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(max(int(height), 600), 8000)})
    wait_idle(page)
    page.wait_for_timeout(800)
    page.screenshot(path=str(path), full_page=True)


def open_page(browser, url: str, name: str):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    wait_idle(page)
    page.wait_for_timeout(800)  # let charts finish drawing before the screenshot
    return context, page


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_page_opens_without_error(browser, app_url, spec):
    url = app_url + ("/" if spec.default else f"/{spec.url_path}")
    context, page = open_page(browser, url, spec.url_path)
    try:
        assert_no_error(page, spec.url_path)
        title = page.locator('[data-testid="stMain"] h1').first.inner_text()
        assert title.strip() == spec.fr  # French by default
        # the shell is there: the navigation and the sidebar controls
        assert page.locator('[data-testid="stSidebarNav"]').count() == 1
        assert page.get_by_text("Date de référence").count() >= 1
        full_screenshot(page, SHOTS / f"{spec.url_path}.png")
    finally:
        context.close()


def choose_language(page, name: str) -> None:
    """Pick a language in the sidebar (scrolled into view first: the sidebar lists every
    page above its controls, and the dropdown closes if the sidebar scrolls under it)."""
    box = page.get_by_role("combobox", name="Langue")
    box.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    box.click()
    page.get_by_role("option", name=name).click()
    wait_idle(page)


def test_switch_to_english(browser, app_url):
    context, page = open_page(browser, app_url + "/", "overview-en")
    try:
        choose_language(page, "English")
        assert page.locator('[data-testid="stMain"] h1').first.inner_text().strip() == "Overview"
        assert_no_error(page, "overview-en")
    finally:
        context.close()


def test_every_page_in_english(browser, app_url):
    """Switch to English once, then walk every page through the navigation (the language
    is kept by the session): each title is the English one, no error box, and an English
    screenshot <url_path>-en.png is saved for a person to look at."""
    context, page = open_page(browser, app_url + "/", "walk-en")
    try:
        choose_language(page, "English")
        for spec in PAGES:
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.get_by_role("link", name=spec.en, exact=True).click()
            wait_idle(page)
            assert_no_error(page, f"{spec.url_path}-en")
            title = page.locator('[data-testid="stMain"] h1').first.inner_text().strip()
            assert title == spec.en, f"{spec.url_path}: title {title!r} in English mode"
            assert page.get_by_text("Reference date").count() >= 1
            full_screenshot(page, SHOTS / f"{spec.url_path}-en.png")
            page.set_viewport_size({"width": 1400, "height": 900})
    finally:
        context.close()


def test_choices_follow_a_language_switch(browser, app_url):
    """Switching language on a page redraws its selectboxes and radios in the new
    language (Streamlit kept the French label in a selectbox and dropped a radio's
    selection before ui.state.refresh_widget_labels)."""
    context, page = open_page(browser, app_url + "/structure", "structure-switch")
    try:
        main = page.locator('[data-testid="stMain"]')
        assert main.get_by_role("combobox", name="Critère").input_value() == "Chiffre d'affaires HT"
        choose_language(page, "English")
        assert_no_error(page, "structure-switch")
        assert main.get_by_role("combobox", name="Criterion").input_value() == "Net revenue"
        assert main.locator('[data-testid="stRadio"] input:checked').count() >= 1
    finally:
        context.close()


def test_direct_page_url_on_a_fresh_server(browser, tmp_path_factory, tmp_path):
    """A fresh server's first request is a page URL (not /): Streamlit then runs the page
    script alone (pages/ folder mode); the page must still get the app's shell, and the
    user's first interaction must not be lost (see ui.state.ensure_app_shell)."""
    spec = page_spec("data")
    csv_path = tmp_path / "ventes.csv"
    csv_path.write_bytes(SAMPLE_CSV)
    with serve_app(tmp_path_factory.mktemp("fresh")) as url:
        context, page = open_page(browser, f"{url}/{spec.url_path}", "fresh")
        try:
            assert_no_error(page, f"fresh-{spec.url_path}")
            title = page.locator('[data-testid="stMain"] h1').first.inner_text()
            assert title.strip() == spec.fr
            assert page.get_by_text("Date de référence").count() >= 1
            # the app's own navigation, not Streamlit's pages/ folder listing
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert all(p.fr in nav for p in PAGES), nav
            assert "app" not in nav.split()
            # the first interaction of the session works
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                str(csv_path))
            page.get_by_text("3. Rapport de validation").wait_for(timeout=60_000)
            wait_idle(page)
            assert_no_error(page, f"fresh-{spec.url_path}-upload")
        finally:
            context.close()




def test_data_page_import_flow(browser, app_url, tmp_path):
    """Upload a French CSV (cp1252, ';', decimal comma) and get the mapping and report."""
    csv_path = tmp_path / "ventes.csv"
    csv_path.write_bytes(SAMPLE_CSV)
    context, page = open_page(browser, app_url + "/data", "data-import")
    try:
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            str(csv_path))
        page.get_by_text("3. Rapport de validation").wait_for(timeout=60_000)
        wait_idle(page)
        assert_no_error(page, "data-import")
        assert page.get_by_text("Lignes lues", exact=True).count() == 1
        assert page.get_by_text("4. Enregistrer", exact=True).count() == 1
        full_screenshot(page, SHOTS / "data-import.png")
    finally:
        context.close()
