"""Real archive formats, on small files made for each case: Markdown and HTML
bodies, time stamps, and whose words a statement, a readout or a speech is."""

from __future__ import annotations

import pytest

import natojp
from natojp.models import DocumentKind


def _md(tmp_path, body: str, title: str = "Remarks", **header: str):
    fields = {"title": title, "date": "'2024-04-10'", **header}
    front = "\n".join(f"{key}: {value}" for key, value in fields.items())
    path = tmp_path / "doc.md"
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return natojp.load_document(path)


def test_markdown_links_emphasis_headings_and_escapes_become_plain_text(tmp_path):
    doc = _md(
        tmp_path,
        "## Background\n\nRead the [**fact sheet**](https://example.org/f.pdf) on "
        "*supply chains*, and the \\[senior official\\]'s note.\n\n"
        "![NATO logo](logo.png) Allies &amp; partners met.",
    )
    assert doc.text == (
        "Background\n\nRead the fact sheet on supply chains, and the [senior official]'s "
        "note.\n\nNATO logo Allies & partners met."
    )


def test_tables_become_rows_of_cells(tmp_path):
    markdown_table = "| Name | City |\n|---|---|\n| Ann Lee | Oslo |\n| Bo Kim | Seoul |"
    html_table = (
        '<table style="width:100%"><tr><td style="width: 10%">Cy Ono</td>'
        '<td class="c">Tokyo</td></tr></table>'
    )
    doc = _md(tmp_path, f"Pardons:\n\n{markdown_table}\n\n{html_table}\n\nEnd of list.")
    paragraphs = [doc.segment_text(s) for s in doc.segments]
    assert paragraphs == [
        "Pardons:", "Name | City", "Ann Lee | Oslo", "Bo Kim | Seoul", "Cy Ono | Tokyo",
        "End of list.",
    ]  # fmt: skip
    assert "style" not in doc.text and '"' not in doc.text


def test_inline_html_tags_go_and_their_words_stay(tmp_path):
    doc = _md(tmp_path, "The 21<sup>st</sup> century <span class='x'>needs</span> allies.<br>Yes.")
    assert doc.text == "The 21st century needs allies.\n\nYes."


def test_time_stamps_between_sessions_are_metadata(tmp_path):
    body = (
        "East Room\n\n1:21 P.M. EDT\n\nTHE PRESIDENT:  Good afternoon.\n\n"
        "Q    Why now?\n\nTHE PRESIDENT:  Because.\n\nEND 1:40 P.M. EDT\n\n2:05 P.M. EDT\n\n"
        "THE PRESIDENT:  We are back.\n\nQ    Thanks.\n\nEND 2:30 P.M. EDT"
    )
    doc = _md(tmp_path, body, title="Remarks by President Biden")
    assert "P.M." not in doc.text
    assert doc.metadata["start_time"] == "1:21 P.M. EDT"
    assert doc.metadata["end_time"] == "2:30 P.M. EDT"
    assert doc.metadata["time_stamps"] == (
        "1:21 P.M. EDT", "END 1:40 P.M. EDT", "2:05 P.M. EDT", "END 2:30 P.M. EDT",
    )  # fmt: skip
    assert doc.metadata["location"] == "East Room"


def test_the_day_a_transcript_opens_with_is_its_event_date(tmp_path):
    # filed on the 10th, spoken on the 9th: "today" is the 9th, "tomorrow" the 10th
    body = (
        "Dobbins Air Reserve Base\nMarietta, Georgia\n(April 9, 2024)\n\n7:43 P.M. EDT\n\n"
        "Q    How was your visit today, sir?\n\n"
        "THE PRESIDENT:  It was great. We fly home tomorrow.\n\nEND 7:49 P.M. EDT"
    )
    doc = _md(tmp_path, body, title="Remarks by President Biden")
    assert (str(doc.date), str(doc.event_date)) == ("2024-04-10", "2024-04-09")
    assert doc.metadata["location"] == "Dobbins Air Reserve Base, Marietta, Georgia"
    assert doc.metadata["dateline"] == "(April 9, 2024)"  # as written
    days = {m.span.of(doc.text): str(m.value) for m in doc.dates if m.relative}
    assert days == {"today": "2024-04-09", "tomorrow": "2024-04-10"}


def test_a_transcript_opening_with_its_own_day_keeps_one_date(tmp_path):
    body = "East Room\n(April 10, 2024)\n\n1:21 P.M. EDT\n\nTHE PRESIDENT:  Good afternoon.\n"
    doc = _md(tmp_path, body, title="Remarks by President Biden")
    assert doc.event_date is None and doc.metadata["location"] == "East Room"


def test_a_speech_with_one_label_gets_that_speaker(tmp_path):
    body = (
        "Rose Garden\n\n11:02 A.M. EST\n\nTHE PRESIDENT:  Good morning. Today I sign a law.\n\n"
        "It helps families.\n\nEND 11:10 A.M. EST"
    )
    doc = _md(tmp_path, body, title="Remarks by President Biden at a Bill Signing")
    assert doc.kind is DocumentKind.SPEECH
    assert [s.speaker for s in doc.segments] == ["THE PRESIDENT"]
    assert doc.text.startswith("THE PRESIDENT: Good morning.")
    assert len(doc.speakers) == 1


@pytest.mark.parametrize(
    ("title", "authors"),
    [
        ("Statement from President Joe Biden on Medicare Open Enrollment", ["President Joe Biden"]),
        (
            "Statement by President Biden and Vice President Harris on the Anniversary",
            ["President Biden", "Vice President Harris"],
        ),
        ("Statement by NSC Spokesperson Emily Horne on Ukraine", ["NSC Spokesperson Emily Horne"]),
        ("Statement on the Anniversary of the Invasion", []),
        ("Statement of Administration Policy on H.R. 1", []),
    ],
)
def test_a_signed_statement_gets_its_author(tmp_path, title, authors):
    doc = _md(tmp_path, "We mourn today. Our thoughts are with them.", title=title)
    assert doc.kind is DocumentKind.NEWS_RELEASE
    assert list(doc.authors) == authors
    assert all(s.role == "author" for s in doc.speakers)


@pytest.mark.parametrize(
    ("title", "issuers"),
    [
        (
            "Joint Statement of Japan, the Republic of Korea, and the United States",
            ["Japan", "Republic of Korea", "United States"],
        ),
        ("United States-Japan Joint Leaders' Statement", ["United States", "Japan"]),
        ("U.S.-Mexico Joint Declaration", ["U.S.", "Mexico"]),
        (
            "United States-Republic of Korea Leaders' Joint Statement",
            ["United States", "Republic of Korea"],
        ),
        (
            "Joint Statement by President Biden and Taoiseach Martin",
            ["President Biden", "Taoiseach Martin"],
        ),
    ],
)
def test_a_joint_statement_gets_its_issuers_from_its_title(tmp_path, title, issuers):
    doc = _md(tmp_path, "We, the leaders, affirm our partnership.", title=title)
    assert doc.kind is DocumentKind.JOINT_STATEMENT
    assert list(doc.authors) == issuers


@pytest.mark.parametrize(
    ("title", "body", "speakers"),
    [
        (
            "Readout of President Biden's Call with Prime Minister Kishida of Japan",
            "President Biden spoke today with Prime Minister Kishida Fumio of Japan.",
            ["Joe Biden", "Fumio Kishida"],
        ),
        (
            "Statement by NSC Spokesperson Emily Horne on National Security Advisor Jake "
            "Sullivan's Call with National Security Advisor Suh Hoon of the Republic of Korea",
            "National Security Advisor Jake Sullivan spoke today with Suh Hoon.",
            ["Jake Sullivan", "National Security Advisor Suh Hoon"],
        ),
        (
            "Meeting between Prime Minister Kishida and Secretary General Stoltenberg (Summary)",
            "Prime Minister Kishida stated that Japan stands with Ukraine. Secretary General "
            "Stoltenberg stated that NATO values Japan.",
            ["Fumio Kishida", "Jens Stoltenberg"],
        ),
        (
            "Japan-NATO Summit Meeting (Summary)",
            "Prime Minister Kishida stated that Japan stands with Ukraine. In response, "
            "Secretary General Stoltenberg said that NATO values Japan.",
            ["Fumio Kishida", "Jens Stoltenberg"],
        ),
        (
            "Readout of President Joseph R. Biden Jr. Call with President Emmanuel Macron of France",
            "The leaders spoke.",
            ["Joe Biden", "Emmanuel Macron"],
        ),
        (
            "Statement by Press Secretary Jen Psaki on President Joseph R. Biden, Jr. Call with "
            "President Zelenskyy of Ukraine",
            "The leaders spoke.",
            ["Joe Biden", "Volodymyr Zelenskyy"],
        ),
        (
            "Readout from NSC Spokesperson Emily Horne on National Security Advisor Jake Sullivan's "
            "Meeting with Minister of Defense Benny Gantz of Israel",
            "They met.",
            ["Jake Sullivan", "Minister of Defense Benny Gantz"],
        ),
        (
            "Readout of National Security Advisor Jake Sullivan's Meeting with the National "
            "Security Advisors of Japan and the Republic of Korea",
            "They met.",
            ["Jake Sullivan"],
        ),
        (
            "Readout of the White House's Meeting on Supply Chains",
            "Officials met with business leaders today.",
            [],
        ),
    ],
)
def test_a_readout_is_its_own_kind_with_the_people_it_reports(tmp_path, title, body, speakers):
    doc = _md(tmp_path, body, title=title)
    assert doc.kind is DocumentKind.READOUT
    assert [s.name for s in doc.speakers] == speakers
    assert all(s.role == "speaker" for s in doc.speakers)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.com/opinion/2023/01/31/why-japan-matters/",
        "https://www.example.jp/commentary/nato-and-japan",
    ],
)
def test_an_op_ed_on_a_news_site_is_an_op_ed(tmp_path, url):
    doc = _md(
        tmp_path,
        "Japan and NATO need each other. I have argued this for years, and I will again.",
        title="Why Japan Matters to NATO",
        source_url=url,
    )
    assert doc.kind is DocumentKind.OP_ED


def test_a_news_report_is_not_an_op_ed(tmp_path):
    doc = _md(
        tmp_path,
        "Japan and NATO agreed on Tuesday to deepen ties, officials said.",
        title="Japan and NATO deepen ties",
        source_url="https://news.example.com/world/asia/japan-nato",
    )
    assert doc.kind is not DocumentKind.OP_ED


def test_markup_in_plain_text_is_taken_out(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text(
        "**Mr President of the General Assembly,**\n\n**Excellencies,**\n\n"
        "We read the <b>Charter</b> &amp; the [report](https://un.org/r) again.<br>"
        "Article 2 * 3 of __init__ stays.",
        encoding="utf-8",
    )
    doc = natojp.load_document(path)
    assert doc.text == (
        "Mr President of the General Assembly,\n\nExcellencies,\n\n"
        "We read the Charter & the report again. Article 2 * 3 of __init__ stays."
    )
