"""The bundled corpus, checked against facts a reader can verify in the raw texts
(see shared/corpus/README.md)."""

from __future__ import annotations

import hashlib

import pytest

import natojp
from natojp.models import DocumentKind, PartialDate, SegmentKind
from tests.conftest import RAW

CHROME = ["print PRINT", "Back to top button", "Related Articles", "Leave a Reply", "98 views", "1080p",
          "Transcript continues", "Your email address", "| NATO News", "•", "🇯🇵", "🗣"]  # fmt: skip


def test_five_documents_with_the_kinds_a_reader_sees(corpus):
    kinds = {doc.id: doc.kind for doc in corpus}
    assert kinds == {
        "2023-02-01-keio-speech": DocumentKind.VIDEO,
        "2023-01-31-tokyo-news-release": DocumentKind.NEWS_RELEASE,
        "2022-06-30-nikkei-op-ed": DocumentKind.OP_ED,
        "2023-01-31-tokyo-joint-press-point": DocumentKind.TRANSCRIPT,
        "tokyo-visit-news-article": DocumentKind.NEWS_ARTICLE,
    }


def test_dates_and_their_provenance(corpus):
    video = corpus["2023-02-01-keio-speech"]
    assert video.date == PartialDate(2023, 9, 17)  # posted
    assert video.event_date == PartialDate(2023, 2, 1)  # delivered
    assert corpus["2023-01-31-tokyo-news-release"].date == PartialDate(2023, 1, 31)
    assert corpus["2022-06-30-nikkei-op-ed"].date == PartialDate(2022, 6, 30)
    assert corpus["2023-01-31-tokyo-joint-press-point"].date == PartialDate(2023, 1, 31)
    others = [d for d in corpus if d.id != "tokyo-visit-news-article"]
    assert all(d.date_provenance.value == "stated" for d in others)


def test_the_article_states_no_date_and_is_dated_from_the_others(corpus):
    parsed = natojp.load_document(RAW / "004_5838038e4fb06c2a.txt")
    assert parsed.date is None
    assert parsed.date_provenance.value == "unknown"
    article = corpus["tokyo-visit-news-article"]
    # It reports Stoltenberg at Iruma "on Tuesday" and a press conference "later on
    # Tuesday"; the release and the press point date both to Tuesday 31 January 2023.
    assert article.date == PartialDate(2023, 1, 31)
    assert article.date_provenance.value == "inferred"
    supporting = {e.document_id for e in article.date_evidence}
    assert "2023-01-31-tokyo-news-release" in supporting
    assert supporting <= set(corpus.ids) - {article.id}
    iruma = [e for e in article.date_evidence if "Iruma" in e.phrases]
    assert iruma
    assert all(e.phrases[0] == "Tuesday" for e in iruma)
    # Its own relative dates are then resolved against the inferred day.
    found = {m.span.of(article.text): m.value for m in article.dates}
    assert found["Monday"] == PartialDate(2023, 1, 30)
    assert found["December"] == PartialDate(2022, 12)


@pytest.mark.parametrize("needle", CHROME)
def test_no_page_chrome_left_in_any_text(corpus, needle):
    for doc in corpus:
        assert needle not in doc.text, (doc.id, needle)


def test_header_facts_become_fields_and_metadata(corpus):
    oped = corpus["2022-06-30-nikkei-op-ed"]
    assert oped.source.outlet == "Nikkei Asia"
    assert oped.source.section == "INTERNATIONAL > Europe & Eurasia"
    assert oped.metadata["edition"] == "English Press"
    assert oped.authors == ("Jens Stoltenberg",)
    assert oped.metadata["tags"] == ("Ambassador", "Ukraine", "COVID-19", "Trending Japan")
    assert "has been NATO Secretary-General since October 2014" not in oped.text
    assert oped.title == "NATO Secretary-General: Strengthening our partnership with Japan"

    point = corpus["2023-01-31-tokyo-joint-press-point"]
    assert point.metadata["last_updated"] == "2023-01-31T11:36"
    assert point.metadata["delivery"] == "as delivered"
    assert point.title.startswith("Joint press point by NATO Secretary General Jens Stoltenberg")
    assert point.source.outlet == "NATO"
    assert point.text.startswith("Prime Minister Kishida, Thank you for the warm welcome.")
    assert "(As delivered)" not in point.text

    video = corpus["2023-02-01-keio-speech"]
    assert video.title == "NATO Secretary General speech at Keio University, Tokyo"
    assert video.source.url == "https://www.nato.int/cps/en/natohq/opinions_211398.htm"
    assert video.metadata["view_count"] == 98
    assert video.metadata["resolution"] == "1080p"
    assert video.text.rstrip().endswith("and the war in Ukraine.")

    article = corpus["tokyo-visit-news-article"]
    assert article.title == "NATO chief Stoltenberg calls for stronger partnership with Japan"
    assert article.source.section == "NATO News"
    assert article.text.rstrip().endswith("an “Asian version of NATO”.")

    release = corpus["2023-01-31-tokyo-news-release"]
    assert (
        release.title
        == "Secretary General in Tokyo: No NATO partner is closer or more capable than Japan"
    )
    assert release.metadata["dateline"] == "Tuesday (31 January 2023)"


def test_speaker_turns_in_the_video_transcript(corpus):
    video = corpus["2023-02-01-keio-speech"]
    turns = [s for s in video.segments if s.kind is SegmentKind.TURN]
    assert [t.speaker for t in turns] == ["NATO Secretary General"]
    assert video.segment_text(turns[0]).startswith("Thank you, Professor Itoh, Professor Tsuruoka.")
    summary = video.segments[0]
    assert summary.speaker is None
    assert video.segment_text(summary).startswith(
        "Speech by NATO Secretary General Jens Stoltenberg"
    )


def test_paragraphs_follow_the_source(corpus):
    assert len(corpus["2023-01-31-tokyo-news-release"].segments) == 6
    assert len(corpus["2022-06-30-nikkei-op-ed"].segments) == 12
    assert len(corpus["2023-01-31-tokyo-joint-press-point"].segments) == 19
    assert len(corpus["tokyo-visit-news-article"].segments) == 14


def test_every_span_points_into_the_text(corpus):
    for doc in corpus:
        for seg in doc.segments:
            piece = seg.span.of(doc.text)
            assert piece == piece.strip() and piece
            if seg.speaker_span is not None:
                assert seg.speaker_span.of(doc.text) == seg.speaker
        assert "\n\n\n" not in doc.text
        assert "\u00a0" not in doc.text and "\r" not in doc.text


def test_origin_records_the_raw_bytes(corpus):
    for doc in corpus:
        name = doc.origin.path.rsplit("/", 1)[-1]
        assert doc.origin.sha256 == hashlib.sha256((RAW / name).read_bytes()).hexdigest()
    assert corpus["2023-02-01-keio-speech"].origin.format == "video"
    assert corpus["2023-01-31-tokyo-joint-press-point"].origin.format == "nato"


def test_corpus_is_an_immutable_sequence(corpus):
    assert corpus[0] is corpus[corpus[0].id]
    assert len(corpus[1:3]) == 2
    assert corpus.get("missing") is None
    with pytest.raises(AttributeError):
        corpus._documents = ()  # type: ignore[misc]
    assert "5 documents" in repr(corpus)
