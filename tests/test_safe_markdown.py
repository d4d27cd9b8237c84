"""Editor Markdown never publishes raw HTML, script links or images."""

from wegwijzer.safe_markdown import is_safe_href, render


def test_raw_html_is_shown_as_text():
    out = render("Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick='x'>blok</div>")
    assert "<script" not in out and "<img" not in out and "<div" not in out
    assert "&lt;script&gt;" in out and "&lt;div" in out


def test_script_links_are_dropped_but_text_stays():
    out = render("[klik](javascript:alert(1)) [ook](JaVa\tScript:alert(1)) [data](data:text/html,x) <javascript:alert(1)>")
    assert "href" not in out
    assert "klik" in out and "ook" in out


def test_safe_links_stay():
    out = render("[site](https://voorbeeld.nl) [mail](mailto:a@b.nl) [bel](tel:+31451234567)")
    assert 'href="https://voorbeeld.nl"' in out and 'href="mailto:a@b.nl"' in out and 'href="tel:+31451234567"' in out


def test_images_are_dropped_keeping_alt():
    out = render("![Een kaart](https://tracker.example/x.png)")
    assert "<img" not in out and "tracker" not in out and "Een kaart" in out


def test_attr_list_and_templates_stay_text():
    out = render("Tekst\n{: onclick=alert(1) }\n\n{{ config }} {% raw %}")
    assert "onclick=" not in out.replace("{: onclick=alert(1) }", "")
    assert "{{ config }}" in out


def test_headings_shift_down():
    assert render("# Kop", shift_headings=2).startswith("<h3>")


def test_is_safe_href():
    assert is_safe_href("https://a.nl") and is_safe_href("../x/") and is_safe_href("mailto:a@b.nl")
    assert not is_safe_href("javascript:alert(1)") and not is_safe_href(" vbscript:x") and not is_safe_href("//evil.example")
