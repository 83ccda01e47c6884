"""`python -m scripts.check_site`: check the built site and the Markdown sources.

Exit status: 0 clean (warnings allowed), 1 findings, 2 the checker could not run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from scripts.check_site import external
from scripts.check_site.checks import SITE_CHECKS, SOURCE_CHECKS
from scripts.check_site.config import load_config
from scripts.check_site.findings import CODES, BadInputError, Finding, codes_table, sort_key
from scripts.check_site.report import FORMATS, render, summarise
from scripts.check_site.site import load_site, load_sources

DESCRIPTION = """\
Check the built site (links, anchors, assets, alt text, URLs) and the Markdown sources
(front matter, quizzes, placeholders, headings, code fences, length), offline and fast.
Every finding is printed as `path:line: CODE message` at the source line to edit."""

EPILOG = f"""\
finding codes (select or ignore them by code or prefix, e.g. --ignore C009 --select L):
{codes_table()}

exit status: 0 clean (warnings allowed), 1 findings, 2 the checker could not run.
Page kinds and their minimums are in scripts/check_site/kinds.py; see scripts/check_site/README.md.
"""


def _codes(values: Sequence[str]) -> list[str]:
    return [part.strip().upper() for value in values for part in value.split(",") if part.strip()]


def _expand(patterns: Sequence[str], parser: argparse.ArgumentParser) -> set[str]:
    chosen: set[str] = set()
    for pattern in patterns:
        matched = {code for code in CODES if code.startswith(pattern)}
        if not matched:
            parser.error(f"unknown finding code {pattern!r} (see the list below --help)")
        chosen |= matched
    return chosen


def _regex(value: str) -> re.Pattern[str]:
    try:
        return re.compile(value)
    except re.error as exc:
        raise argparse.ArgumentTypeError(f"invalid regular expression {value!r}: {exc}") from exc


def _non_negative(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value!r}")
    return number


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.check_site",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    where = parser.add_argument_group("what to check")
    where.add_argument(
        "--config-file",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="FILE",
        help="the MkDocs config (default: mkdocs.yml)",
    )
    where.add_argument(
        "--site-dir",
        type=Path,
        metavar="DIR",
        help="the built site (default: site_dir from the config, else site)",
    )
    where.add_argument(
        "--docs-dir",
        type=Path,
        metavar="DIR",
        help="the Markdown sources (default: docs_dir from the config, else docs)",
    )
    where.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (default: all L and C)",
    )
    where.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="skip these codes or prefixes, comma-separated",
    )
    where.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (default), json, or github workflow annotations",
    )

    ext = parser.add_argument_group("external links (--external)")
    ext.add_argument(
        "--external",
        action="store_true",
        help="also request every external URL (needs the network; codes X001-X004)",
    )
    ext.add_argument(
        "--timeout",
        type=_non_negative,
        default=10.0,
        metavar="S",
        help="seconds to wait for a response (default: 10)",
    )
    ext.add_argument(
        "--retries",
        type=_count,
        default=2,
        metavar="N",
        help="retries after a timeout, an error status or 429 (default: 2)",
    )
    ext.add_argument(
        "--per-host",
        type=_count,
        default=2,
        metavar="N",
        help="concurrent requests per host (default: 2)",
    )
    ext.add_argument(
        "--workers",
        type=_count,
        default=16,
        metavar="N",
        help="concurrent requests in all (default: 16)",
    )
    ext.add_argument(
        "--allow",
        type=_regex,
        action="append",
        default=[],
        metavar="REGEX",
        help="trust URLs matching REGEX: never request them (repeatable)",
    )
    ext.add_argument(
        "--deny",
        type=_regex,
        action="append",
        default=[],
        metavar="REGEX",
        help="report URLs matching REGEX as forbidden, X004 (repeatable)",
    )
    ext.add_argument(
        "--cache",
        type=Path,
        metavar="FILE",
        help="cache of successes (default: .cache/check_site/external.json)",
    )
    ext.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    ext.add_argument(
        "--cache-ttl",
        type=_non_negative,
        default=24.0,
        metavar="HOURS",
        help="trust a cached success for this long (default: 24)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checker; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    started = time.perf_counter()
    default = {c for c in CODES if not c.startswith("X") or args.external}
    selected = _expand(_codes(args.select), parser) if args.select else default
    selected -= _expand(_codes(args.ignore), parser)
    if not args.external and any(code.startswith("X") for code in selected):
        parser.error("X codes come from --external: add --external to check external links")

    try:
        config = load_config(args.config_file, docs_dir=args.docs_dir, site_dir=args.site_dir)
        sources = load_sources(config)
        findings: list[Finding] = []
        for codes, source_check in SOURCE_CHECKS:
            if codes & selected:
                findings += source_check(list(sources.values()))
        pages, links = len(sources), 0
        if any(code[0] in "LX" for code in selected):
            site = load_site(config, sources)
            pages, links = len(site.pages), site.link_count
            for codes, site_check in SITE_CHECKS:
                if codes & selected:
                    findings += site_check(site)
            if args.external and any(code.startswith("X") for code in selected):
                cache = args.cache or config.root / ".cache" / "check_site" / "external.json"
                options = external.Options(
                    timeout=args.timeout,
                    retries=args.retries,
                    per_host=args.per_host,
                    workers=args.workers,
                    allow=tuple(args.allow),
                    deny=tuple(args.deny),
                    cache_path=None if args.no_cache else cache,
                    cache_ttl=args.cache_ttl * 3600,
                )
                findings += external.check(site, options)
    except BadInputError as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"{exc.filename or 'check_site'}: error: {exc.strerror or exc}", file=sys.stderr)
        return 2

    findings = sorted((f for f in findings if f.code in selected), key=sort_key)
    summary = summarise(findings, pages, links, time.perf_counter() - started)
    print(render(findings, summary, args.format))
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
