"""HTML → paragraphs of text, skipping scripts, navigation and other page furniture."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .meta import page_metadata

_SKIP = {
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "template",
    "head",
}
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "td",
    "th",
    "pre",
    "figcaption",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "hr",
    "main",
}
# class/id words of page furniture: related links, recommendations, comments, sharing, navigation, ads, footers
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:related|recommend\w*|comment\w*|share|sharing|social|nav\w*|menu|sidebar|footer"
    r"|breadcrumb|advert\w*|ads?|hot|rank\w*|toolbar|copyright|tags?)(?:$|[\s_-])"
)
_VOID = {
    "br",
    "hr",
    "img",
    "meta",
    "link",
    "input",
    "source",
    "wbr",
    "area",
    "base",
    "col",
    "embed",
    "param",
    "track",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, whether it hides its content)
        self.open: dict[str, int] = {}  # tag → how many are on the stack: a stray end tag costs O(1)
        self.title: str | None = None
        self.meta: dict[str, str] = {}
        self._in_title = False
        self._title_parts: list[str] = []
        self.times: list[str] = []  # <time datetime="…"> values
        self.json_ld: list[str] = []  # <script type="application/ld+json"> contents
        self._ld: list[str] | None = None  # the JSON-LD script being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = attr.get("property") or attr.get("name") or attr.get("itemprop") or ""
            if key and attr.get("content"):
                self.meta.setdefault(key.lower(), attr["content"])  # the first one said counts
            return
        if tag == "title":
            self._in_title = True
        if tag == "time" and attr.get("datetime"):
            self.times.append(attr["datetime"])
        if tag == "script" and attr.get("type", "").lower() == "application/ld+json":
            self._ld = []
        if tag in _VOID:
            if tag in _BLOCK:
                self.parts.append("\n")
            return
        marker = (attr.get("class", "") + " " + attr.get("id", "")).lower()
        skip = bool(
            tag in _SKIP
            or "display:none" in attr.get("style", "").replace(" ", "")
            or _CHROME_CLASS.search(marker)
        )
        self.stack.append((tag, skip))
        self.open[tag] = self.open.get(tag, 0) + 1
        if skip:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![name[ … ]]>`` with a name the standard parser does not know raises AssertionError there; here the
        section is skipped like a comment."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld is not None:
            self.json_ld.append("".join(self._ld))
            self._ld = None
        if tag == "title":
            self._in_title = False
            self.title = "".join(self._title_parts).strip() or None
        if tag in _VOID:
            return
        # pop to the matching tag (tolerates unclosed children); each pop pays for itself, a stray end tag is O(1)
        if self.open.get(tag):
            while True:
                name, skip = self.stack.pop()
                self.open[name] -= 1
                self.skip_depth -= skip
                if name == tag:
                    break
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._ld is not None:
            self._ld.append(data)
            return
        if self._in_title:
            self._title_parts.append(data)
            return
        if self.skip_depth == 0:
            self.parts.append(data.replace("\n", " "))


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Return the visible text (one block per line) and metadata (title, url, date) found in the page."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text, page_metadata(parser.meta, parser.title, parser.json_ld, parser.times)
