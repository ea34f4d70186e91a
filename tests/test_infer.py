"""Corpus.infer_dates on documents written for these tests, with other names,
places and days than the bundled corpus, so no rule keyed to one file passes."""

from __future__ import annotations

import natojp
from natojp import Corpus
from natojp.models import DateProvenance, Document, PartialDate

RELEASE = """Minister visits Sapporo

On Thursday (9 March 2023), Foreign Minister Ana Reyes visited the Okadama air
field near Sapporo and met the crews of the relief flights to Türkiye.
"""

REPORT = """Reyes praises relief crews in Sapporo

Foreign Minister Ana Reyes said on Thursday, during a visit to the Okadama air
field, that the relief flights would continue.

Reyes will brief parliament about the flights later on Friday.
"""

OTHER = """Ministers discuss fisheries

On Thursday (16 March 2023), ministers met in Reykjavik to discuss fisheries.
"""


def _doc(text: str, doc_id: str) -> Document:
    return natojp.parse(text, id=doc_id, format="plain")


def test_an_undated_report_is_dated_by_the_event_it_shares_with_a_dated_one():
    corpus = Corpus([_doc(RELEASE, "release"), _doc(REPORT, "report"), _doc(OTHER, "other")])
    assert corpus["report"].date is None
    inferred = corpus.infer_dates()
    report = inferred["report"]
    # "said on Thursday" (past) at the Okadama air field is Thursday 9 March, so the
    # report was written 9 to 15 March: the earliest, marked approximate.
    assert report.date == PartialDate(2023, 3, 9, approximate=True)
    assert report.date_provenance is DateProvenance.INFERRED
    (evidence,) = report.date_evidence
    assert evidence.document_id == "release"
    assert "Okadama" in evidence.phrases
    assert "Thursday" in evidence.phrases
    # The dated documents are untouched, and so is the corpus it came from.
    assert inferred["release"] == corpus["release"]
    assert corpus["report"].date is None
    # The report's own dates are resolved against its new date.
    found = {m.span.of(report.text): m.value for m in report.dates}
    assert found["Thursday"] == PartialDate(2023, 3, 9, approximate=True)


def test_nothing_shared_leaves_a_document_undated():
    corpus = Corpus([_doc(OTHER, "other"), _doc(REPORT, "report")]).infer_dates()
    assert corpus["report"].date is None
    assert corpus["report"].date_provenance is DateProvenance.UNKNOWN


def test_matches_that_disagree_leave_a_document_undated():
    later = RELEASE.replace("9 March 2023", "16 March 2023").replace("Okadama", "Chitose")
    report = REPORT + "\nOn Thursday, Reyes had also toured the Chitose base.\n"
    corpus = Corpus(
        [_doc(RELEASE, "release"), _doc(later, "later"), _doc(report, "report")]
    ).infer_dates()
    assert corpus["report"].date is None


def test_a_weekday_that_disagrees_with_the_dated_event_is_not_evidence():
    report = REPORT.replace("Thursday", "Monday")
    corpus = Corpus([_doc(RELEASE, "release"), _doc(report, "report")]).infer_dates()
    assert corpus["report"].date is None


def test_dates_at_the_end_of_the_calendar_do_not_overflow():
    text = "On Tuesday, Stoltenberg met Kishida in Tokyo to discuss Ukraine."
    dated = natojp.parse(f"Talks in Tokyo\n\n{text}", metadata={"date": "9999-12-31"}, id="a")
    undated = natojp.parse(f"A visit to Tokyo\n\n{text}", id="b")
    corpus = natojp.Corpus([dated, undated]).infer_dates()
    assert corpus["a"].date == natojp.PartialDate(9999, 12, 31)
