"""The gezichtenkaart prints on A4 without navigation; vCards download; open-now shows."""

import re
from datetime import date

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
    columns = phone.evaluate("getComputedStyle(document.querySelector('.ww-gezichtenkaart')).columnCount")
    assert columns == "2"  # the cards flow in two columns, organisation after organisation


def pdf_pages(pdf: bytes, folder) -> list:
    """The text of each page of a PDF (poppler's pdftotext; scripts/test.sh installs poppler-utils)."""
    import subprocess
    path = folder / "kaart.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, count + 1)]


def last_lines_of_columns(pdf: bytes, folder) -> list:
    """Per page, the lowest line of text in each of its two columns (left, then right), read from
    the positions poppler's pdftotext gives each line and word."""
    import html
    import subprocess
    path = folder / "kaart.pdf"
    path.write_bytes(pdf)
    boxes = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    pages = []
    for width, body in re.findall(r'<page width="([\d.]+)"[^>]*>(.*?)</page>', boxes, re.S):
        lowest = {}
        for attrs, words in re.findall(r"<line ([^>]*)>(.*?)</line>", body, re.S):
            column = float(re.search(r'xMin="([\d.]+)"', attrs).group(1)) >= float(width) / 2
            bottom = float(re.search(r'yMax="([\d.]+)"', attrs).group(1))
            text = " ".join(html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", words))
            if column not in lowest or bottom > lowest[column][0]:
                lowest[column] = (bottom, text)
        pages.append([lowest[column][1] for column in sorted(lowest)])
    return pages


def test_the_printed_card_has_every_face_once_whole_on_few_pages(chromium, demo_site, tmp_path):
    """What a GP's practice prints: every face, each card whole on one page (name and number
    together), the date and address on top, no navigation or screen buttons, no empty page, and
    no organisation's heading left at the foot of a column without its people."""
    from builders import DEMO_DATA, load
    from wegwijzer.site.render_parts import dutch_date
    dataset, _ = load(DEMO_DATA)
    faces = dataset.gezichten
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(demo_site + "gezichtenkaart/")
        pdf = page.pdf(format="A4")
    finally:
        context.close()
    pages = pdf_pages(pdf, tmp_path)
    flat = [" ".join(text.split()) for text in pages]
    assert 1 <= len(pages) <= -(-len(faces) // 4), len(pages)  # at least four cards a page
    # A card ends with its number: a column that ends with anything else ends with a heading
    # (or half a card), printed apart from the people it names.
    numbers = {face.telefoon.display for face in faces}
    ends = last_lines_of_columns(pdf, tmp_path)
    assert all(len(page_ends) == 2 for page_ends in ends[:-1]), ends  # both columns filled before the last page
    assert all(end in numbers for page_ends in ends for end in page_ends), ends
    for face in faces:
        holding = [n for n, text in enumerate(flat) if face.naam in text]
        assert len(holding) == 1, (face.naam, holding)  # printed once
        assert face.telefoon.display in flat[holding[0]], face.naam  # with its number, on the same page
    assert all(any(face.naam in text for face in faces) for text in flat), "an empty page"
    assert f"Gezichtenkaart {dataset.gemeente.naam} · stand van {dutch_date(date.today())}" in flat[0]
    assert demo_site + "gezichtenkaart/" in flat[0]
    everything = " ".join(flat)
    for screen_only in ("Zet alle", "Afdrukken", "Zet in je telefoon", "Zoeken", "Samen doen"):
        assert screen_only not in everything, screen_only


def test_face_cards_have_tap_to_call_and_vcard(phone, demo_site):
    phone.goto(demo_site + "gezichtenkaart/")
    first = phone.locator(".ww-face").first
    assert first.locator("a[href^='tel:+31']").count() == 1
    href = phone.get_attribute("a[href$='alle-gezichten.vcf']", "href")
    response = phone.request.get(demo_site + "gezichtenkaart/" + href)
    assert response.ok and response.text().startswith("BEGIN:VCARD\r\n")


DAY_CODES = ["ma", "di", "wo", "do", "vr", "za", "zo"]  # date.weekday() order


def _open_now_at(chromium, url, moment) -> str:
    """What the record page says at ``moment`` (Dutch time), on a phone set to another time zone."""
    context = chromium.new_context(timezone_id="America/New_York")
    try:
        page = context.new_page()
        page.clock.set_fixed_time(moment)
        page.goto(url)
        page.wait_for_selector(".ww-open-now:not([hidden])")
        return page.inner_text(".ww-open-now")
    finally:
        context.close()


def test_open_now_at_fixed_times_inside_and_outside_the_opening_hours(chromium, demo_site):
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from builders import DEMO_DATA, load
    dataset, _ = load(DEMO_DATA)
    record = next(v for v in dataset.voorzieningen if v.openingstijden and v.route == "samen")
    slot = record.openingstijden[0]
    amsterdam = ZoneInfo("Europe/Amsterdam")
    day = date(2026, 12, 7)  # a Monday in winter time; the slot's first day that week:
    day += timedelta(days=DAY_CODES.index(slot.dagen[0]))
    opens = datetime.combine(day, datetime.strptime(slot.van, "%H:%M").time(), amsterdam)
    closes = datetime.combine(day, datetime.strptime(slot.tot, "%H:%M").time(), amsterdam)
    minute = timedelta(minutes=1)
    closed_days = [code for code in DAY_CODES if not any(code in o.dagen for o in record.openingstijden)]
    assert closed_days, "the record is open every day: pick another"
    other = date(2026, 12, 7) + timedelta(days=DAY_CODES.index(closed_days[0]))
    url = f"{demo_site}samen-doen/{record.id}/"
    cases = [(opens, "Nu open"), (opens - minute, "Nu gesloten"), (closes - minute, "Nu open"),
             (closes, "Nu gesloten"), (datetime.combine(other, opens.timetz()), "Nu gesloten")]
    seen = [(moment.isoformat(), _open_now_at(chromium, url, moment)) for moment, _ in cases]
    assert seen == [(moment.isoformat(), expected) for moment, expected in cases]
    # Summer time too: the page reads the clock in Dutch time, whatever the phone's zone.
    summer = datetime.combine(date(2026, 7, 6) + timedelta(days=DAY_CODES.index(slot.dagen[0])), opens.timetz())
    assert _open_now_at(chromium, url, summer) == "Nu open"
