"""The gezichtenkaart prints on A4 without navigation; vCards download; open-now shows."""

import pytest

pytestmark = pytest.mark.browser


def test_print_hides_navigation_and_shows_date_and_address(phone, demo_site):
    phone.goto(demo_site + "gezichtenkaart/")
    phone.emulate_media(media="print")
    assert not phone.locator(".md-header").is_visible()
    assert not phone.locator(".md-sidebar--primary").is_visible()
    assert not phone.locator("a[href$='alle-gezichten.vcf']").is_visible()  # buttons are for screens
    meta = phone.locator(".ww-print-only")
    assert meta.is_visible()
    text = meta.inner_text()
    assert "stand van" in text and "/gezichtenkaart/" in text
    columns = phone.evaluate(
        "getComputedStyle(document.querySelector('.ww-faces')).gridTemplateColumns.split(' ').length")
    assert columns == 2
    pdf = phone.context.browser.new_context().new_page()
    pdf.goto(demo_site + "gezichtenkaart/")
    assert len(pdf.pdf(format="A4")) > 10_000
    pdf.context.close()


def test_face_cards_have_tap_to_call_and_vcard(phone, demo_site):
    phone.goto(demo_site + "gezichtenkaart/")
    first = phone.locator(".ww-face").first
    assert first.locator("a[href^='tel:+31']").count() == 1
    href = phone.get_attribute("a[href$='alle-gezichten.vcf']", "href")
    response = phone.request.get(demo_site + "gezichtenkaart/" + href)
    assert response.ok and response.text().startswith("BEGIN:VCARD\r\n")


def test_open_now_indication(phone, demo_site):
    phone.goto(demo_site + "samen-doen/hoeskamer-heukelrade/")
    assert phone.inner_text(".ww-open-now") in ("Nu open", "Nu gesloten")
