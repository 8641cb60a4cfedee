"""Paragraph-level cleaning: page chrome, related-article lists, verbatim repeats, Markdown markup."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Lines that belong to the page, not the article: app promotion, comment boxes, share widgets, counters.
_CHROME = re.compile(
    r"^(正在阅读[:：]?|扫一?扫.{0,20}|.{0,12}下载.{0,12}(APP|App|app|客户端).{0,6}|(打开|下载).{0,10}(APP|App|客户端).{0,10}"
    r"|评论|暂无评论.*|.{0,6}快来(评价|评论|抢沙发).*|微信公众号|微博|微信|分享到?[:：]?.{0,20}|相关(阅读|推荐|文章|新闻)[:：]?"
    r"|热门(推荐|文章)|推荐阅读|延伸阅读|猜你喜欢|返回顶部|上一篇.*|下一篇.*|点击(查看|阅读|进入).{0,20}|阅读原文|举报|收藏"
    r"|广告|登录|注册|登录/注册|[\d.]+\s*[kKwW万]?\+?|(首页|导航)[ >»/].*|(图片|图)来源[:：].{0,30}|(网友)?评论\s*\d*\s*条?"
    r"|本文为转载内容.*|授权事宜.*|版权(所有|声明).*|免责声明.*|未经授权.{0,30}转载.*|原标题[:：].{0,40})$"
)
# Markers after which the page only holds furniture (tags, counters, related links) or a copy of the article.
_FOOTER = re.compile(r"^(本文为转载内容|授权事宜|版权(所有|声明)|免责声明|（完）|\(完\)|【完】)")
_LAST_BODY_LINE = re.compile(
    r"^[（(]?(责任编辑|责编)[:：|｜]"
)  # kept (it names the editor); only furniture follows
_RELATED = re.compile(
    r"^(相关(阅读|推荐|文章|新闻|报道)|热门(推荐|文章)|推荐阅读|延伸阅读|猜你喜欢|更多(阅读|新闻))[:：]?$"
)
_BULLET = re.compile(r"^\s*[•·●▪◦■□◆◇\-*>]\s*")
_SENTENCE_END = re.compile(r"[。！？!?；;…]")
_FULL_STOP = "。"  # a list item that ends with it is a sentence of the article, not a link


@dataclass(frozen=True)
class Paragraph:
    text: str
    source_start: int | None


# Control characters that are not line breaks (those split lines): NUL, ESC, DEL, the C1 set. They carry no text,
# break terminals and some RDF parsers, and become a space (one character for one: offsets stay the same).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def strip_controls(text: str) -> str:
    return _CONTROL.sub(" ", text)


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Non-empty lines, stripped, with their offset in ``raw`` when found verbatim (control characters count as
    blanks)."""
    raw = strip_controls(raw)
    out: list[Paragraph] = []
    pos = 0
    for line in raw.splitlines():
        text = line.strip()
        if not text:
            continue
        found = raw.find(text, pos)
        out.append(Paragraph(text, found if found >= 0 else None))
        if found >= 0:
            pos = found + len(text)
    return out


def strip_markdown(line: str) -> str:
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^>\s?", "", line)
    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
    line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|`)", "", line)
    return line.strip()


@functools.cache
def _byline_key() -> re.Pattern[str]:
    from ..words import load_words

    return re.compile(load_words().alt("byline_key"))


def is_chrome(text: str) -> bool:
    return len(text) <= 60 and bool(_CHROME.match(text))


def clean_paragraphs(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Drop chrome, bulleted link lists, everything but prose after a footer marker, and verbatim repeats."""
    kept: list[Paragraph] = []
    seen: set[str] = set()
    after_footer, prose = False, 0
    for para in paragraphs:
        text = para.text
        if _FOOTER.match(text) or _RELATED.match(text):
            after_footer = True  # a footer or a related-links heading: only prose paragraphs may follow
            continue
        if is_chrome(text):
            continue
        if (
            _BULLET.match(text)
            and len(text) <= 80
            and not _SENTENCE_END.search(text[:-1])
            and not text.rstrip().endswith(_FULL_STOP)
            and not (not kept and _byline_key().search(text))
        ):
            continue  # a related-article link (a list item that ends its sentence is prose: • 净营收增长1%。;
            # the first line may be a byline set off with a box: □经济观察报记者 张三)
        if after_footer and (len(text) < 20 or not _SENTENCE_END.search(text)):
            continue
        key = "".join(text.split())
        if key in seen:
            continue
        seen.add(key)
        kept.append(para)
        prose += bool(_SENTENCE_END.search(text))
        if _LAST_BODY_LINE.match(text) and prose >= 2:
            after_footer = True  # 责任编辑 after the body ends it; at the top it is part of the byline
    return kept
