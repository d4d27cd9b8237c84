"""Editor Markdown never publishes raw HTML, script links or images."""

import pytest

from wegwijzer.site.safe_markdown import is_safe_href, render


def test_raw_html_is_shown_as_text():
    out = render("Hallo <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick='x'>blok</div>")
    assert "<script" not in out and "<img" not in out and "<div" not in out
    assert "&lt;script&gt;" in out and "&lt;div" in out


def test_script_links_are_dropped_but_text_stays():
    out = render("[klik](javascript:alert(1)) [ook](JaVa&Tab;Script:alert(1)) [data](data:text/html,x) "
                 "<javascript:alert(1)> [en](jav&#x61;script:x) [dit](java&#0000115;cript:x) [of](javascript&colon;x)")
    assert "href" not in out
    for text in ("klik", "ook", "data", "en", "dit", "of"):
        assert f">{text}</a>" in out


def test_safe_links_stay():
    out = render("[site](https://voorbeeld.nl) [mail](mailto:a@b.nl) [bel](tel:+31451234567) "
                 "[hier](../gezichtenkaart/)")
    assert 'href="https://voorbeeld.nl" rel="noopener nofollow"' in out
    assert '<a href="mailto:a@b.nl">' in out and '<a href="tel:+31451234567">' in out
    assert '<a href="../gezichtenkaart/">' in out  # a page of the site itself: no rel


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
    assert not is_safe_href("javascript:alert(1)")
    assert not is_safe_href(" vbscript:x")
    assert not is_safe_href("//evil.example")


def _markdown(text):
    from wegwijzer.site.safe_markdown import make_markdown, sanitise
    return sanitise(make_markdown().convert(text))


def _random_prose(rng):
    words = ["Bel", "ons", "op", "06-1234", "+31", "(gratis)", "€ 2,50", "50%", "info@x.example", "http://x.example/a",
             "Let", "op:", "helpen!", "Ja?", "'t", '"zo"', "A.", "1.", "2)", "-", "+", "o", "É", "ï", "x/y", "Wmo;"]
    paras = []
    for _ in range(rng.randint(1, 4)):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 3))]
        paras.append("\n".join(rng.choice(["Het ", "Je ", "É ", ""]) + line for line in lines))
    return rng.choice(["", "\n"]) + "\n\n".join(paras) + rng.choice(["", "\n", "\n\n"])


def test_plain_prose_shortcut_gives_exactly_what_markdown_gives():
    import random

    from wegwijzer.site.safe_markdown import plain_paragraphs, render
    rng = random.Random(7)
    alphabet = list("abcéëXYZ019 .,;:?!'\"()%€/@+-") + ["\n", "\n\n", "  "] + list("*_[]<>&#`\\|=~\t")
    texts = [_random_prose(rng) for _ in range(3000)]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    shortcut = [t for t in texts if plain_paragraphs(t) is not None]
    assert len(shortcut) > 1500  # the shortcut is really taken
    for text in shortcut:
        assert render(text, shift_headings=0) == _markdown(text), repr(text)


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "Kijk op [site](javascript:alert(1))", "- een\n- twee",
                                  "1. een", "# Kop", "Regel  \nmet harde breuk", "    code", "Tom & Jerry", "a\tb",
                                  "Lijn\n===", "*nadruk*", "![x](http://x.example/a.png)"])
def test_anything_that_is_not_plain_prose_goes_through_markdown(text):
    from wegwijzer.site.safe_markdown import plain_paragraphs
    assert plain_paragraphs(text) is None


def test_demo_descriptions_render_the_same_with_and_without_the_shortcut():
    from builders import DEMO_DATA, load
    from wegwijzer.site.safe_markdown import render
    dataset, _ = load(DEMO_DATA)
    texts = [v.beschrijving for v in dataset.voorzieningen if v.beschrijving]
    assert texts
    for text in texts:
        assert render(text, shift_headings=0) == _markdown(text)


# --- every step of the pipeline, checked on its exact output -----------------------------


def test_every_markdown_processor_is_the_safe_one(monkeypatch):
    """A fresh Markdown object, as the first page of a build makes it (render() keeps one)."""
    from wegwijzer.site import safe_markdown
    monkeypatch.setattr(safe_markdown, "_md", None)
    assert render("Een <strong>vet</strong> woord **echt**") == (
        "<p>Een &lt;strong&gt;vet&lt;/strong&gt; woord <strong>echt</strong></p>")
    assert _markdown("<div>\n<b>blok</b>\n</div>") == "<p>&lt;div&gt;\n&lt;b&gt;blok&lt;/b&gt;\n&lt;/div&gt;</p>"
    assert _markdown("Een <em>x</em> en ![a](x.png)") == "<p>Een &lt;em&gt;x&lt;/em&gt; en a</p>"


@pytest.mark.parametrize("text, expected", [
    ("Tekst ![](x.png) verder", "<p>Tekst  verder</p>"),  # no alt text: nothing in its place
    ("![a](x) tekst", "<p>a tekst</p>"),
    ("tekst ![a](x)", "<p>tekst a</p>"),
    ("*a* *b* ![c](x) d", "<p><em>a</em> <em>b</em> c d</p>"),
    ("*a*![c](x)", "<p><em>a</em>c</p>"),
    ("x ![a\\*b](x.png) y", "<p>x a*b y</p>"),
    ("[![logo](x.png)](https://a.example)", '<p><a href="https://a.example" rel="noopener nofollow">logo</a></p>'),
])
def test_an_image_becomes_its_alt_text_in_its_place(text, expected):
    assert render(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("3. a\n4. b", '<ol start="3">\n<li>a</li>\n<li>b</li>\n</ol>'),
    ("123456. a", '<ol start="123456">\n<li>a</li>\n</ol>'),
    ("1234567. a", "<ol>\n<li>a</li>\n</ol>"),  # an absurd number is dropped, the list stays
    ('[a](https://x.example "Uitleg")',
     '<p><a href="https://x.example" title="Uitleg" rel="noopener nofollow">a</a></p>'),
])
def test_list_numbers_and_link_titles(text, expected):
    assert render(text) == expected


def test_headings_shift_by_one_by_default_and_never_below_h6():
    assert render("# Kop\n\n###### Klein") == "<h2>Kop</h2>\n<h6>Klein</h6>"
    assert render("##### Vijf", shift_headings=2) == "<h6>Vijf</h6>"
    assert render("# Kop", shift_headings=0) == "<h1>Kop</h1>"


@pytest.mark.parametrize("text", ["Regel een \nRegel twee", "Twee  spaties", "Eind met spatie "])
def test_spaces_that_mean_something_in_markdown_take_the_markdown_way(text):
    from wegwijzer.site.safe_markdown import plain_paragraphs
    assert plain_paragraphs(text) is None
    assert render(text) == _markdown(text)


def test_plain_paragraphs_of_prose():
    from wegwijzer.site.safe_markdown import plain_paragraphs
    assert plain_paragraphs("Een zin.\nNog een.\n\n\nTweede alinea, met (haakjes).") == [
        "Een zin.\nNog een.", "Tweede alinea, met (haakjes)."]
    assert render("Kom langs & \"drink\" koffie.") == "<p>Kom langs &amp; \"drink\" koffie.</p>"
