"""Each kind of document, rewritten the ways real captures differ (line ends,
byte-order marks, wrapping, more or less chrome, other titles and dates): the
same structure must come out."""

from __future__ import annotations

import codecs
import re
import textwrap

import natojp
from natojp.models import DocumentKind, PartialDate, SegmentKind
from tests.conftest import raw_text


def load_bytes(tmp_path, data: bytes, name: str = "doc.txt") -> natojp.Document:
    path = tmp_path / name
    path.write_bytes(data)
    doc = natojp.load_document(path)
    assert isinstance(doc, natojp.Document)
    return doc


def crlf_bom(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8")


def rewrap(text: str, width: int = 72) -> str:
    """Hard-wrap every long line, as a mail client or a Markdown export would."""
    out = []
    for line in text.split("\n"):
        if len(line) > width and not line.lstrip().startswith("•"):
            out.extend(textwrap.wrap(line, width))
        else:
            out.append(line)
    return "\n".join(out)


def paragraph_texts(doc: natojp.Document) -> list[str]:
    return [doc.segment_text(s) for s in doc.segments]


# --- the press-point transcript (nato.int) -----------------------------------------


def test_press_point_with_crlf_and_bom(tmp_path, corpus):
    seed = corpus["2023-01-31-tokyo-joint-press-point"]
    doc = load_bytes(tmp_path, crlf_bom(raw_text("003_0cec569e75575a6e.txt")))
    assert doc.origin.encoding == "utf-8-sig"
    assert (doc.kind, doc.date, doc.title, doc.text) == (
        seed.kind,
        seed.date,
        seed.title,
        seed.text,
    )


def test_press_point_with_another_title_date_and_no_kind_line(tmp_path):
    text = raw_text("003_0cec569e75575a6e.txt")
    text = text.replace("Joint press point\n\n", "Press conference\n\n")
    text = text.replace("31 Jan. 2023 -", "12 Jul. 2023 -").replace(
        "Last updated: 31 Jan. 2023 11:36", "Last updated: 20 Jul. 2023 09:23"
    )
    doc = load_bytes(tmp_path, rewrap(text).encode())
    assert doc.kind is DocumentKind.TRANSCRIPT
    assert doc.date == PartialDate(2023, 7, 12)
    assert doc.metadata["last_updated"] == "2023-07-20T09:23"
    assert doc.title.startswith("Press conference by NATO Secretary General")
    assert doc.text.startswith("Prime Minister Kishida, Thank you for the warm welcome.")
    assert len(doc.segments) == 19  # rewrapping did not split or merge paragraphs


def test_nato_speech_without_bullets(tmp_path):
    text = (
        "Speech\n\nby NATO Secretary General Mark Rutte at the Keio University, in Tokyo.\n\n"
        "(As delivered)\n\nThank you so much, it is an honour to be here.\n\n"
        "We live in a more dangerous world. Security is not regional, it is global.\n"
    )
    doc = load_bytes(tmp_path, text.encode())
    assert doc.kind is DocumentKind.SPEECH
    assert doc.date is None and doc.date_provenance.value == "unknown"
    assert doc.authors == ("Mark Rutte",)
    assert doc.source.outlet == "NATO"
    assert paragraph_texts(doc)[0] == "Thank you so much, it is an honour to be here."


# --- the NATO news release ---------------------------------------------------------


def test_news_release_variant_with_other_headline_and_date(tmp_path):
    text = raw_text("001_2985046df5e0f5ab.txt")
    text = text.replace(
        "Secretary General in Tokyo: No NATO partner is closer or more capable than Japan",
        "NATO Secretary General: no partner is closer than Japan",
    )
    text = text.replace(
        "in Tokyo on Tuesday (31 January 2023)", "to the NATO Summit on Wednesday (12 July 2023)"
    )
    doc = load_bytes(tmp_path, crlf_bom(text))
    assert doc.kind is DocumentKind.NEWS_RELEASE
    assert doc.title == "NATO Secretary General: no partner is closer than Japan"
    assert doc.date == PartialDate(2023, 7, 12)
    assert len(doc.segments) == 6


def test_news_release_with_blank_lines_and_wrapping(tmp_path, corpus):
    seed = corpus["2023-01-31-tokyo-news-release"]
    text = raw_text("001_2985046df5e0f5ab.txt").replace("\n", "\n\n")
    doc = load_bytes(tmp_path, rewrap(text, 60).encode())
    assert paragraph_texts(doc) == paragraph_texts(seed)
    assert (doc.title, doc.date, doc.kind) == (seed.title, seed.date, seed.kind)


def test_a_weekday_that_does_not_match_its_date_is_not_a_dateline(tmp_path):
    text = (
        "Ministers meet in Oslo\nThe ministers met on Monday (31 January 2023) in Oslo for talks."
    )
    doc = load_bytes(tmp_path, text.encode())
    assert doc.date is None  # 31 January 2023 was a Tuesday


# --- the op-ed (newspaper print view) ----------------------------------------------


def test_op_ed_without_print_chrome_and_with_an_author_in_the_bullets(tmp_path):
    text = raw_text("002_83a8ebd8b9880d6a.txt")
    text = text.replace("print PRINT\n\n", "")
    text = text.replace("  • , Nikkei Asia", "  • Jens Stoltenberg, Nikkei Asia").replace(
        "June 30, 2022", "July 4, 2023"
    )
    doc = load_bytes(tmp_path, crlf_bom(text))
    assert doc.kind is DocumentKind.OP_ED
    assert doc.date == PartialDate(2023, 7, 4)
    assert doc.authors == ("Jens Stoltenberg",)
    assert doc.source.outlet == "Nikkei Asia"
    assert len(doc.segments) == 12


def test_op_ed_rewrapped_without_tags_or_section(tmp_path, corpus):
    seed = corpus["2022-06-30-nikkei-op-ed"]
    text = raw_text("002_83a8ebd8b9880d6a.txt")
    text = text.split("\n\n\n  • Ambassador")[0]
    text = text.replace("INTERNATIONAL > Europe & Eurasia\n\n", "")
    doc = load_bytes(tmp_path, rewrap(text).encode())
    assert doc.kind is DocumentKind.OP_ED
    assert paragraph_texts(doc) == paragraph_texts(seed)
    assert doc.source.section is None and "tags" not in doc.metadata
    assert doc.authors == ("Jens Stoltenberg",)


# --- the news-site article ---------------------------------------------------------


def test_news_article_with_more_chrome_and_another_site_suffix(tmp_path, corpus):
    seed = corpus["tokyo-visit-news-article"]
    text = raw_text("004_5838038e4fb06c2a.txt")
    text = text.replace("| NATO News", "| Asia Pacific")
    text = "Skip to content\n\n" + text.replace(
        "Related Articles", "Share this:\n\nRelated Articles\n\nYou may also like"
    )
    doc = load_bytes(tmp_path, crlf_bom(text))
    assert doc.kind is DocumentKind.NEWS_ARTICLE
    assert doc.source.section == "Asia Pacific"
    assert doc.title == seed.title
    assert doc.text == seed.text
    assert doc.date is None


def test_news_article_without_any_chrome_keeps_its_structure(tmp_path, corpus):
    seed = corpus["tokyo-visit-news-article"]
    text = raw_text("004_5838038e4fb06c2a.txt")
    text = text.replace("World News\n\n", "").split("\n\nRelated Articles")[0]
    doc = load_bytes(tmp_path, rewrap(text).encode())
    assert doc.title == seed.title
    assert paragraph_texts(doc) == paragraph_texts(seed)
    assert doc.kind in (DocumentKind.NEWS_ARTICLE, DocumentKind.OTHER)


# --- the video page ----------------------------------------------------------------


def test_video_page_with_other_dates_and_title(tmp_path):
    text = raw_text("000_0c2aea68f8ce18db.txt")
    text = text.replace(
        "Keio University, Tokyo 🇯🇵, 01 FEB 2023", "Waseda University, Tokyo, 09 APR 2025"
    )
    text = text.replace("17.09.2023 • 1080p", "02.05.2025 • 720p").replace(
        "98 views", "1,204 views"
    )
    doc = load_bytes(tmp_path, crlf_bom(text))
    assert doc.kind is DocumentKind.VIDEO
    assert doc.title == "NATO Secretary General speech at Waseda University, Tokyo"
    assert doc.date == PartialDate(2025, 5, 2)
    assert doc.event_date == PartialDate(2025, 4, 9)
    assert doc.metadata["view_count"] == 1204
    assert doc.metadata["resolution"] == "720p"
    assert [s.speaker for s in doc.segments] == [None, "NATO Secretary General"]


def test_video_page_without_view_count_or_transcript_link(tmp_path, corpus):
    seed = corpus["2023-02-01-keio-speech"]
    text = raw_text("000_0c2aea68f8ce18db.txt").replace("98 views\n", "")
    text = re.sub(r" Transcript continues: \S+$", "", text)
    doc = load_bytes(tmp_path, text.encode())
    assert doc.kind is DocumentKind.VIDEO
    assert doc.source.url is None
    assert doc.text == seed.text
    assert doc.segments[1].kind is SegmentKind.TURN


# --- blank and empty input ---------------------------------------------------------


def test_blank_files_are_format_errors(tmp_path):
    import pytest

    for data in (b"", b"   \n\t\n", codecs.BOM_UTF8):
        with pytest.raises(natojp.FormatError, match="white space"):
            load_bytes(tmp_path, data)
