"""Loading the built site, resolving URLs, and mapping a built page back to its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check_site.config import load_config
from scripts.check_site.findings import BadInputError, InputError
from scripts.check_site.site import (
    Ref,
    Target,
    Where,
    built_path,
    load_site,
    parse_html,
    resolve,
    srcset_urls,
    url_kind,
)
from tests.check_site.helpers import fixture_site


@pytest.mark.parametrize(
    ("rel", "directory_urls", "built"),
    [
        ("index.md", True, "index.html"),
        ("a/index.md", True, "a/index.html"),
        ("a/README.md", True, "a/index.html"),
        ("a/b.md", True, "a/b/index.html"),
        ("a/b.md", False, "a/b.html"),
    ],
)
def test_built_path(rel: str, directory_urls: bool, built: str) -> None:
    assert built_path(rel, directory_urls) == built


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("JavaScript:void(0)", "javascript"),
        ("mailto:a@example.org", "skip"),
        ("tel:+1555", "skip"),
        ("data:image/png;base64,AAAA", "skip"),
        ("https://example.com/", "external"),
        ("//cdn.example.com/x.js", "external"),
        ("https://example.org/guide/page/", "internal"),
        ("ftp://example.com/", "scheme"),
        ("../page/#x", "internal"),
        ("#x", "internal"),
    ],
)
def test_url_kind(url: str, kind: str) -> None:
    assert url_kind(url, "https://example.org/guide/") == kind


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("../b/", Target("b", True, None, False)),
        ("../b/index.html#x", Target("b/index.html", False, "x", False)),
        ("#caf%C3%A9", Target("a/index.html", False, "café", False)),
        ("?q=1", Target("a/index.html", False, None, False)),
        ("img.png?v=2", Target("a/img.png", False, None, False)),
        ("my%20file.pdf", Target("a/my file.pdf", False, None, False)),
        ("/guide/b/", Target("b", True, None, False)),
        ("/guide", Target("", False, None, False)),
        ("https://example.org/guide/b/#y", Target("b", True, "y", False)),
        ("/other/", Target("/other/", True, None, True)),
        ("../../up.html", Target("../up.html", False, None, True)),
    ],
)
def test_resolve(url: str, target: Target) -> None:
    assert resolve("a/index.html", url, "/guide/", "https://example.org/guide/") == target


def test_srcset_urls() -> None:
    assert srcset_urls("a.png 1x, b.png 2x,c.png") == ["a.png", "b.png", "c.png"]


def test_parse_html_collects_refs_ids_images_and_the_article() -> None:
    page = parse_html(
        "p/index.html",
        '<a href="#x">t</a>\n<article class="md-content__inner md-typeset">\n'
        '<img src="i.png" alt="I"><a name="n"></a><p id="x"></p>\n'
        '<meta http-equiv="refresh" content="0; url=../new/">\n</article>\n<a href="y">',
    )
    assert page.refs == (
        Ref("a", "href", "#x", 1, False),
        Ref("img", "src", "i.png", 3, True),
        Ref("meta", "content", "../new/", 4, True),
        Ref("a", "href", "y", 6, False),
    )
    assert page.ids == frozenset({"n", "x"})


def test_locate_maps_content_to_the_source_and_theme_to_the_config() -> None:
    site = fixture_site("links")
    content = Ref("a", "href", "nowhere-twice.md", 11, True)
    theme = Ref("a", "href", "../retired.md", 5, False)
    groups = [["nowhere-twice.md"]]
    page = "missing-page/index.html"
    assert site.locate(page, content, groups, 0) == Where("docs/missing-page.md", 12, "source")
    assert site.locate(page, content, groups, 1) == Where("docs/missing-page.md", 14, "source")
    assert site.locate(page, content, [["not in the source"]]) == Where(
        "docs/missing-page.md", 1, "source"
    )
    assert site.locate(page, theme, [["retired.md"]]) == Where("mkdocs.yml", 6, "template")
    assert site.locate(page, theme, [["nothing"]]) == Where("mkdocs.yml", 1, "template")
    assert site.locate("404.html", content, groups) == Where("site/404.html", 11, "built")


def test_missing_site_folder(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = load_config(tmp_path / "mkdocs.yml")
    with pytest.raises(BadInputError) as caught:
        load_site(config, {})
    message = "site folder does not exist: build the site first (make build)"
    assert caught.value.errors == [InputError("site", None, message)]


def test_empty_site_folder(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
    config = load_config(tmp_path / "mkdocs.yml")
    with pytest.raises(BadInputError) as caught:
        load_site(config, {})
    message = "site folder has no HTML pages: build the site first (make build)"
    assert caught.value.errors == [InputError("site", None, message)]


def test_non_utf8_built_page(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_bytes(b"<p>ok</p>\n<p>\xff</p>\n")
    config = load_config(tmp_path / "mkdocs.yml")
    with pytest.raises(BadInputError) as caught:
        load_site(config, {})
    assert caught.value.errors == [InputError("site/index.html", 2, "not valid UTF-8")]
