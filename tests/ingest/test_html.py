"""HTML ingest: main text without page chrome, and the page's own metadata."""

from __future__ import annotations

from docketflow.pipeline.ingest import read_document
from docketflow.pipeline.ingest.html import read_html

NEWS = b"""<!doctype html><html><head>
<meta charset="utf-8"><title>Site title | Example Wire</title>
<meta property="og:title" content="County clerk ordered to stop sharing voter rolls">
<meta property="og:url" content="https://wire.example/2025/06/02/voter-rolls">
<meta property="article:published_time" content="2025-06-02T21:15:00-07:00">
<script>var tracking = "do not show";</script><style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> Sections</nav>
<header>Example Wire masthead</header>
<article><h1>County clerk ordered to stop sharing voter rolls</h1>
<p>A state judge on Monday ordered the county clerk to stop sending
   voter rolls to a private contractor.</p>
<p>The order takes effect at once.<br>The clerk may appeal.</p>
<ul><li>First point</li><li>Second point</li></ul>
<table><tr><td>Cell A</td><td>Cell B</td></tr></table>
</article>
<aside>Related stories</aside><noscript>Enable JavaScript</noscript>
<footer>Copyright Example Wire</footer>
</body></html>"""


def test_main_text_keeps_paragraphs_and_drops_chrome() -> None:
    page = read_html(NEWS)
    assert page.text == (
        "County clerk ordered to stop sharing voter rolls\n\n"
        "A state judge on Monday ordered the county clerk to stop sending voter rolls to a private contractor.\n\n"
        "The order takes effect at once.\nThe clerk may appeal.\n\n"
        "First point\nSecond point\n\n"
        "Cell A Cell B"
    )
    for chrome in ("tracking", "color", "Home", "masthead", "Related", "JavaScript", "Copyright"):
        assert chrome not in page.text


def test_meta_tags_give_title_date_and_url() -> None:
    page = read_html(NEWS)
    assert page.title == "County clerk ordered to stop sharing voter rolls"
    assert page.published == "2025-06-02"
    assert page.url == "https://wire.example/2025/06/02/voter-rolls"


def test_fallbacks_title_tag_json_ld_and_canonical() -> None:
    html = b"""<html><head><title> Fallback   title </title>
    <link rel="canonical" href="https://example.test/a">
    <script type="application/ld+json">{"@graph": [{"@type": "WebPage"},
      {"@type": "NewsArticle", "datePublished": "2024-11-05T08:00:00Z"}]}</script>
    </head><body><p>Body.</p></body></html>"""
    page = read_html(html)
    assert (page.title, page.published, page.url) == ("Fallback title", "2024-11-05", "https://example.test/a")


def test_date_from_name_meta_and_time_element() -> None:
    assert read_html(b'<meta name="dc.date" content="2023-02-01"><p>x</p>').published == "2023-02-01"
    assert read_html(b'<p>Posted <time datetime="2022-03-04T10:00">March 4</time></p>').published == "2022-03-04"
    assert read_html(b"<p>No date here.</p>").published is None


def test_courtlistener_style_opinion_is_readable() -> None:
    html = b"""<p class="case_cite">999 F.3d 1</p>
    <p class="parties">Ana RUIZ, Petitioner,<br>v.<br>ATTORNEY GENERAL, Respondent.</p>
    <p class="docket">No. 24-0001</p><p class="date">May 5, 2024</p>
    <div class="num" id="p1"><span class="num">1</span>
    <p class="indent">We deny the petition.<a class="footnote" href="#fn1">1</a></p></div>
    <pre>  preformatted   text
  kept</pre>"""
    page = read_html(html)
    assert "Ana RUIZ, Petitioner,\nv.\nATTORNEY GENERAL, Respondent." in page.text
    assert "We deny the petition.1" in page.text
    assert "  preformatted   text\n  kept" in page.text
    assert page.published == "2024-05-05"


def test_declared_legacy_charset_is_honoured() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>Café “quoted”</p></body></html>'
    assert read_html(html.encode("cp1252")).text == "Café “quoted”"


def test_read_document_dispatches_html_by_extension_and_content() -> None:
    assert read_document(NEWS, "news/a.html").media_type == "text/html"
    doc = read_document(NEWS, "news/a-without-extension")
    assert doc.media_type == "text/html" and doc.title.startswith("County clerk")
