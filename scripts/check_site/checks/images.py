"""L004: every image in a page's content has alt text.

Images in the theme (logo, icons) are outside the article and may be decorative (`alt=""`).
"""

from __future__ import annotations

from scripts.check_site.checks.base import Collector, link_tokens
from scripts.check_site.findings import Finding
from scripts.check_site.site import Ref, Site, resolve, url_kind


def check(site: Site) -> list[Finding]:
    """Findings for content images whose alt attribute is missing or empty."""
    out = Collector(site)
    base, site_url = site.config.base_path, site.config.site_url
    for page in site.pages.values():
        for image in page.images:
            if not image.in_article or (image.alt is not None and image.alt.strip()):
                continue
            ref = Ref("img", "src", image.src, image.line, image.in_article)
            internal = url_kind(image.src, site_url) == "internal"
            target = resolve(page.path, image.src, base, site_url) if internal else None
            problem = "no alt attribute" if image.alt is None else "an empty alt attribute"
            message = (
                f"image has {problem}: {image.src} "
                '(describe it: ![what it shows](file) or alt="what it shows")'
            )
            out.add(page, ref, "L004", message, link_tokens(site, image.src, target))
    return out.findings()
