"""`wegwijzer serve` never freezes: broken data keeps the last good site online, with a banner
on every page that says what to fix; the banner goes away when the data is fixed."""

from __future__ import annotations

import pytest

from builders import REPO, small_dataset
from servers import Preview

pytestmark = pytest.mark.browser

BANNER = "#ww-voorbeeld-fouten"
WAIT_MS = 90_000  # a rebuild on a busy 2-core machine


@pytest.fixture
def preview(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    running = Preview(data, REPO)
    yield running, data
    running.stop()


def test_broken_data_shows_a_banner_on_every_page_and_the_last_good_site(preview, phone):
    server, data = preview
    record = data / "hoeskamer.yaml"
    good = record.read_text(encoding="utf-8")
    phone.goto(server.url + "samen-doen/hoeskamer/")
    assert phone.locator("h1").inner_text() == "Hoeskamer Amstenrade"
    assert phone.locator(BANNER).count() == 0

    # A typo that makes the file unreadable, and a wrong value in another file.
    record.write_text(good.replace("naam: Hoeskamer Amstenrade", "naam: [kapot"), encoding="utf-8")
    other = data / "schuldhulp.yaml"
    other.write_text(other.read_text(encoding="utf-8") + "contact:\n  telefoon: 12345\n", encoding="utf-8")
    banner = phone.locator(BANNER)
    banner.wait_for(timeout=WAIT_MS)  # the preview reloads the page by itself
    phone.wait_for_function(f"document.querySelector('{BANNER}').textContent.includes('schuldhulp.yaml')",
                            timeout=WAIT_MS)
    text = banner.inner_text()
    assert "hoeskamer.yaml, regel 1" in text and "niet goed afgesloten" in text
    assert "schuldhulp.yaml, regel 11, veld contact.telefoon" in text
    assert "geen geldig Nederlands telefoonnummer" in text and "Schrijf het zoals je het belt" in text
    assert "laatste versie die wel klopte" in text
    assert phone.locator("h1").inner_text() == "Hoeskamer Amstenrade"  # the last good page, still served
    assert banner.get_attribute("role") == "alert"

    # Every page, also one opened now, and the site still answers.
    phone.goto(server.url + "gezichtenkaart/")
    assert phone.locator(BANNER).count() == 1
    phone.goto(server.url + "bestaat-niet/")
    assert phone.locator(BANNER).count() == 1

    # Fixed: the banner goes away and the change is visible.
    phone.goto(server.url + "samen-doen/hoeskamer/")
    other.write_text(other.read_text(encoding="utf-8").replace("telefoon: 12345", "telefoon: 045 123 45 67"),
                     encoding="utf-8")
    record.write_text(good.replace("naam: Hoeskamer Amstenrade", "naam: Hoeskamer Hersteld"), encoding="utf-8")
    phone.locator("h1", has_text="Hoeskamer Hersteld").wait_for(timeout=WAIT_MS)
    assert phone.locator(BANNER).count() == 0


def test_data_broken_from_the_start_still_answers_with_the_banner(tmp_path, phone):
    data = small_dataset(tmp_path / "voorzieningen")
    (data / "hoeskamer.yaml").write_text("naam: [kapot\n", encoding="utf-8")
    server = Preview(data, REPO)
    try:
        phone.goto(server.url)
        assert "niet goed afgesloten" in phone.locator(BANNER).inner_text()
    finally:
        server.stop()
