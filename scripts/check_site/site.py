"""Load the built site and the Markdown sources, and map a built page back to its source lines."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal
from urllib.parse import unquote, urlsplit

from scripts.check_site.config import Config, display_path
from scripts.check_site.findings import BadInputError, InputError
from scripts.check_site.markdown import SourceError, SourcePage, read_source

# The attributes that hold a URL, per element. `a` and `area` link to pages; the rest load assets.
URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
}
ARTICLE_CLASS = "md-content__inner"  # Material wraps the page's own content in this article
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\"]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Ref:
    """One URL in a built page."""

    tag: str
    attr: str
    url: str
    line: int  # line in the built HTML
    in_article: bool  # inside the page's content, rather than the theme's nav, header or footer
    component: str | None = None  # Material's data-md-component, if any


@dataclass(frozen=True)
class Image:
    """One `<img>` element."""

    src: str
    alt: str | None
    line: int
    in_article: bool


@dataclass(frozen=True)
class HtmlPage:
    """A built HTML page: the URLs it references and the anchors it defines."""

    path: str  # relative to site_dir, POSIX style: "mathematics/index.html"
    refs: tuple[Ref, ...]
    ids: frozenset[str]
    images: tuple[Image, ...]


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []
        self.ids: set[str] = set()
        self.images: list[Image] = []
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        present = {name for name, _ in attrs}
        line = self.getpos()[0]
        if tag == "article":
            if self._article_depth:
                self._article_depth += 1
            elif ARTICLE_CLASS in values.get("class", "").split():
                self._article_depth = 1
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        inside = self._article_depth > 0
        component = values.get("data-md-component")
        for attr in URL_ATTRIBUTES.get(tag, ()):
            if attr not in present:
                continue
            value = values.get(attr, "")
            urls = srcset_urls(value) if attr == "srcset" else [value]
            self.refs.extend(Ref(tag, attr, url, line, inside, component) for url in urls)
        refresh = tag == "meta" and values.get("http-equiv", "").lower() == "refresh"
        if refresh and (match := REFRESH_URL.search(values.get("content", ""))):
            self.refs.append(Ref("meta", "content", match[1].strip(), line, inside))
        if tag == "img":
            alt = values.get("alt") if "alt" in present else None
            self.images.append(Image(values.get("src", ""), alt, line, inside))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "article":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._article_depth:
            self._article_depth -= 1


def srcset_urls(srcset: str) -> list[str]:
    """The URLs of a srcset attribute: "a.png 1x, b.png 2x" -> ["a.png", "b.png"]."""
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def parse_html(path: str, text: str) -> HtmlPage:
    """Parse one built page."""
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    return HtmlPage(path, tuple(parser.refs), frozenset(parser.ids), tuple(parser.images))


def built_path(rel: str, use_directory_urls: bool = True) -> str:
    """Where MkDocs writes a page: a/b.md -> a/b/index.html, a/index.md -> a/index.html."""
    directory, name = posixpath.split(rel)
    stem = name.rsplit(".", 1)[0]
    if stem in ("index", "README"):
        return posixpath.join(directory, "index.html")
    if use_directory_urls:
        return posixpath.join(directory, stem, "index.html")
    return posixpath.join(directory, stem + ".html")


def _is_excluded(rel: str) -> bool:
    """MkDocs' default exclusions: dot files and folders, and a top-level templates/ folder."""
    parts = rel.split("/")
    return any(part.startswith(".") for part in parts) or parts[0] == "templates"


def load_sources(config: Config) -> dict[str, SourcePage]:
    """Every Markdown page under docs_dir, keyed by its path relative to docs_dir."""
    docs = config.docs_dir
    if not docs.is_dir():
        shown = display_path(docs, config.root)
        raise BadInputError([InputError(shown, None, "docs folder does not exist")])
    sources: dict[str, SourcePage] = {}
    errors: list[InputError] = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if _is_excluded(rel) or not path.is_file():
            continue
        try:
            sources[rel] = read_source(path, rel, display_path(path, config.root))
        except SourceError as exc:
            errors.append(exc.error)
        except OSError as exc:
            errors.append(InputError(display_path(path, config.root), None, exc.strerror or ""))
    if errors:
        raise BadInputError(errors)
    return sources


@dataclass
class Site:
    """The built site, its sources, and how to find the source line behind a built link."""

    config: Config
    pages: dict[str, HtmlPage]
    files: frozenset[str]
    sources: dict[str, SourcePage] = field(default_factory=dict)
    page_source: dict[str, str] = field(default_factory=dict)  # built page -> source rel
    _templates: list[tuple[str, list[str]]] | None = field(default=None, init=False, repr=False)

    @property
    def link_count(self) -> int:
        """How many URL references the pages hold."""
        return sum(len(page.refs) for page in self.pages.values())

    def display(self, page_path: str) -> str:
        """How findings name a built file."""
        return display_path(self.config.site_dir / page_path, self.config.root)

    def source_of(self, page_path: str) -> SourcePage | None:
        """The Markdown page a built page was made from, if any."""
        rel = self.page_source.get(page_path)
        return self.sources.get(rel) if rel is not None else None

    def lookup(self, path: str, directory: bool = False) -> str | None:
        """The file a site path serves: itself, or its index.html if it is a folder."""
        path = path.strip("/")
        if path in ("", "."):
            return "index.html" if "index.html" in self.files else None
        if not directory and path in self.files:
            return path
        index = f"{path}/index.html"
        return index if index in self.files else None

    def templates(self) -> list[tuple[str, list[str]]]:
        """mkdocs.yml and the theme override templates, as (display path, lines)."""
        if self._templates is None:
            paths = [self.config.config_file]
            if self.config.custom_dir is not None and self.config.custom_dir.is_dir():
                paths += sorted(p for p in self.config.custom_dir.rglob("*.html") if p.is_file())
            self._templates = []
            for path in paths:
                try:
                    lines = path.read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    lines = []
                self._templates.append((display_path(path, self.config.root), lines))
        return self._templates

    def locate(
        self, page_path: str, ref: Ref, groups: Iterable[Sequence[str]], occurrence: int = 0
    ) -> Where:
        """The file and line to report a problem with `ref` on a built page at.

        `groups` are strings to look for, most specific group first; the lines matching any
        string of a group are that group's hits, and the `occurrence`-th hit is the line (the
        same URL twice on a page is two lines). Content is looked up in the page's source;
        theme markup in mkdocs.yml and the override templates.
        """
        wanted = [[t for t in group if t] for group in groups]
        source = self.source_of(page_path)
        if ref.in_article and source is not None:
            numbered = list(enumerate(source.lines, 1))
            line = _search(numbered, wanted, occurrence, source.code_lines)
            return Where(source.display, line or 1, "source")
        if ref.in_article:
            return Where(self.display(page_path), ref.line, "built")
        for shown, lines in self.templates():
            line = _search(list(enumerate(lines, 1)), wanted, 0, frozenset())
            if line:
                return Where(shown, line, "template")
        return Where(self.templates()[0][0], 1, "template")


@dataclass(frozen=True)
class Where:
    """A finding's location, and whether it comes from a source page, a built file or the theme."""

    path: str
    line: int
    origin: Literal["source", "built", "template"]


def _search(
    lines: list[tuple[int, str]], groups: list[list[str]], occurrence: int, skip: frozenset[int]
) -> int | None:
    fallback: list[int] = []
    for group in groups:
        hits = [n for n, text in lines if n not in skip and any(t in text for t in group)]
        if len(hits) > occurrence:
            return hits[occurrence]
        fallback = fallback or hits
    return fallback[-1] if fallback else None


def load_site(config: Config, sources: dict[str, SourcePage]) -> Site:
    """Parse every HTML page of the built site; raise BadInputError if there is nothing to check."""
    site_dir = config.site_dir
    shown = display_path(site_dir, config.root)
    if not site_dir.is_dir():
        message = "site folder does not exist: build the site first (make build)"
        raise BadInputError([InputError(shown, None, message)])
    files = frozenset(
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()
    )
    html = sorted(f for f in files if f.endswith(".html"))
    if not html:
        message = "site folder has no HTML pages: build the site first (make build)"
        raise BadInputError([InputError(shown, None, message)])
    pages: dict[str, HtmlPage] = {}
    errors: list[InputError] = []
    for rel in html:
        path = site_dir / rel
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            errors.append(InputError(display_path(path, config.root), line, "not valid UTF-8"))
            continue
        try:
            pages[rel] = parse_html(rel, text)
        except (AssertionError, ValueError) as exc:  # html.parser's few hard failures
            errors.append(InputError(display_path(path, config.root), None, f"bad HTML: {exc}"))
    if errors:
        raise BadInputError(errors)
    page_source: dict[str, str] = {}
    for rel in sorted(sources, key=lambda r: r.endswith("README.md")):  # index.md wins
        page_source.setdefault(built_path(rel, config.use_directory_urls), rel)
    return Site(config, pages, files, sources, page_source)


UrlKind = Literal["empty", "javascript", "skip", "external", "internal", "scheme"]
SKIPPED_SCHEMES = frozenset({"mailto", "tel", "data", "sms"})


def url_kind(url: str, site_url: str = "") -> UrlKind:
    """What kind of URL this is, for the checks to decide what applies to it."""
    url = url.strip()
    if not url:
        return "empty"
    if match := SCHEME.match(url):
        scheme = match[1].lower()
        if scheme == "javascript":
            return "javascript"
        if scheme in SKIPPED_SCHEMES:
            return "skip"
        if scheme in ("http", "https"):
            return "internal" if site_url and url.startswith(site_url) else "external"
        return "scheme"
    if url.startswith("//"):
        return "external"
    return "internal"


@dataclass(frozen=True)
class Target:
    """An internal URL resolved against the page it is on."""

    path: str  # relative to site_dir, without a leading slash; "" is the site root
    directory: bool  # the URL ended in "/": only the folder's index.html will do
    fragment: str | None  # percent-decoded; None when the URL has no "#"
    outside: bool  # above the site root, or an absolute path outside the site's base path


def resolve(page_path: str, url: str, base_path: str = "/", site_url: str = "") -> Target:
    """Resolve an internal URL (relative, root-absolute or under site_url) against a page."""
    url = url.strip()
    if site_url and url.startswith(site_url):
        url = base_path + url[len(site_url) :]
    parts = urlsplit(url)
    fragment = unquote(parts.fragment) if "#" in url else None
    path = unquote(parts.path)
    directory = path.endswith("/")
    if not path:
        return Target(page_path, False, fragment, False)
    if path.startswith("/"):
        if not (path + "/").startswith(base_path):
            return Target(path, directory, fragment, True)
        path = path[len(base_path) :] if len(path) >= len(base_path) else ""
        joined = posixpath.normpath(path) if path else ""
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if joined == ".":
        joined = ""
    outside = joined == ".." or joined.startswith("../")
    return Target(joined, directory, fragment, outside)
