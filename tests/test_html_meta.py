"""An HTML page's title, date and URL come from what the page says about itself; the <title> loses the site's
name after it."""

import json

import pytest

from kg.ingest.html import html_to_text

BODY = "<body><p>快手宣布与京东达成战略合作，双方将在直播电商领域展开合作。</p></body>"


def meta_of(head: str, body: str = BODY) -> dict:
    return html_to_text(f"<html><head>{head}</head>{body}</html>")[1]


@pytest.mark.parametrize(
    "head,title",
    [
        ("<title>快手与京东达成合作 - 36氪</title>", "快手与京东达成合作"),
        ("<title>快手与京东达成合作_新浪财经_新浪网</title>", "快手与京东达成合作"),
        ("<title>快手与京东达成合作|界面新闻</title>", "快手与京东达成合作"),
        ("<title>快手与京东达成合作 - 科技 - 36氪</title>", "快手与京东达成合作"),
        (
            '<meta property="og:site_name" content="虎嗅网"><title>虎嗅网 | 快手与京东达成合作</title>',
            "快手与京东达成合作",
        ),
        (
            '<title>快手与京东 - 36氪</title><meta property="og:title" content="快手与京东达成战略合作">',
            "快手与京东达成战略合作",
        ),
        (
            '<meta property="og:site_name" content="36氪"><meta property="og:title" content="快手与京东达成合作 - 36氪">',
            "快手与京东达成合作",
        ),
        (
            "<title>快手 - 一家短视频公司的崛起之路与它的下一个十年</title>",
            "快手 - 一家短视频公司的崛起之路与它的下一个十年",
        ),
    ],
)
def test_the_title_is_the_headline_without_the_site_name(head, title):
    assert meta_of(head)["title"] == title


@pytest.mark.parametrize(
    "head,body,date",
    [
        (
            '<meta property="article:published_time" content="2024-06-05T08:00:00+08:00">',
            BODY,
            "2024-06-05T08:00:00+08:00",
        ),
        ('<meta name="publishdate" content="2024-06-05">', BODY, "2024-06-05"),
        ('<meta itemprop="datePublished" content="2024-06-05">', BODY, "2024-06-05"),
        ('<meta name="dc.date.issued" content="2024-06-05">', BODY, "2024-06-05"),
        (
            '<script type="application/ld+json">'
            + json.dumps(
                {
                    "@type": "NewsArticle",
                    "datePublished": "2024-06-05",
                    "headline": "快手与京东达成合作",
                    "publisher": {"name": "36氪"},
                }
            )
            + "</script>",
            BODY,
            "2024-06-05",
        ),
        ("", '<body><time datetime="2024-06-05">6月5日</time>' + BODY[6:], "2024-06-05"),
    ],
)
def test_the_date_comes_from_the_pages_own_metadata(head, body, date):
    assert meta_of(head, body)["date"] == date


def test_json_ld_gives_the_headline_and_is_not_text():
    ld = json.dumps(
        {"@graph": [{"@type": "NewsArticle", "headline": "快手与京东达成合作", "url": "https://e.x/1"}]}
    )
    text, meta = html_to_text(
        f'<html><head><script type="application/ld+json">{ld}</script></head>{BODY}</html>'
    )
    assert meta["title"] == "快手与京东达成合作" and meta["url"] == "https://e.x/1" and "@graph" not in text


def test_broken_json_ld_is_ignored():
    assert "date" not in meta_of('<script type="application/ld+json">{"datePublished": </script>')
    assert meta_of(
        '<script type="application/ld+json">' + "[" * 5000 + "</script><title>标题内容 - 36氪</title>"
    )
