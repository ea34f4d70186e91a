"""The whole of the real archives in ../shared/data (UN General Debate, White
House, State of the Union): every file reads without an error and keeps every
word, and a sample of each loads through ``natojp.load`` as a user would.

The full load of every file (with dates, people and quotes) is
``benchmarks/archives.py``; reading every file up to its draft is quick enough
to test here.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

import natojp
from tests import archives

pytestmark = pytest.mark.skipif(
    not archives.available(), reason=f"the archives are not beside the project ({archives.DATA})"
)


@pytest.mark.parametrize("name", sorted(archives.ARCHIVES))
def test_every_file_of_the_archive_reads_and_keeps_every_word(name):
    results = archives.audit(name)
    assert len(results) > 200
    errors = [(member, error) for member, error, _ in results if error]
    lost = [(member, dict(words.most_common(5))) for member, _, words in results if words]
    assert not errors, f"{len(errors)} files failed, e.g. {errors[:5]}"
    assert not lost, f"{len(lost)} of {len(results)} files lost words, e.g. {lost[:5]}"


@pytest.mark.parametrize("name", sorted(archives.ARCHIVES))
def test_a_sample_of_the_archive_loads_leniently_with_exact_spans(name, tmp_path):
    sample = archives.unpack_sample(name, tmp_path)
    suffix = archives.ARCHIVES[name][1]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = natojp.load(tmp_path, strict=False, pattern=f"*{suffix}")
    assert corpus.report.ok, str(corpus.report)
    assert len(corpus) == len(sample)
    assert len(set(corpus.ids)) == len(corpus)
    for doc in corpus:
        spans = [s.span for s in doc.segments] + [m.span for m in doc.mentions]
        spans += [q.span for q in doc.quotes] + [d.span for d in doc.dates]
        assert all(0 <= s.start <= s.end <= len(doc.text) for s in spans), doc.id
        source = (tmp_path / doc.origin.path).read_bytes()
        lost = archives.lost_words(
            natojp.loaders.decode.normalize(natojp.loaders.decode.decode(source).text),
            doc,
            markdown=suffix == ".md",
        )
        assert not lost, (doc.origin.path, lost)


_DIGESTS = json.loads((Path(__file__).parent / "data" / "output_digests.json").read_text())


@pytest.mark.parametrize("name", sorted(archives.ARCHIVES))
def test_the_sample_loads_in_workers_to_the_output_recorded_before_any_speed_up(name, tmp_path):
    """tests/data/output_digests.json was made by tools/output_digests.py with
    the serial, unoptimised code: faster code and worker processes must give the
    same documents, field for field."""
    archives.unpack_sample(name, tmp_path)
    suffix = archives.ARCHIVES[name][1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = natojp.load(tmp_path, strict=False, pattern=f"*{suffix}", workers=2)
    got = archives.sample_digests(corpus, tmp_path)
    recorded = _DIGESTS[name]
    assert got.keys() == recorded.keys()
    changed = sorted(member for member in got if got[member] != recorded[member])
    assert not changed, f"{len(changed)} of {len(got)} documents differ, e.g. {changed[:3]}"
