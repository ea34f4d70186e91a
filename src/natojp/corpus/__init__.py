"""The :class:`Corpus`: an immutable sequence of documents with lookup by id.

>>> import natojp
>>> corpus = natojp.load_corpus()
>>> len(corpus)
5
>>> corpus["2023-01-31-tokyo-news-release"].kind.value
'news_release'
>>> [doc.id for doc in corpus[:2]]
['2022-06-30-nikkei-op-ed', '2023-01-31-tokyo-joint-press-point']
"""

from __future__ import annotations

from natojp._public import publish
from natojp.corpus._corpus import Corpus, DateBasis, Frequency, SentenceSplitter
from natojp.corpus._dataset import Dataset, arrow_schema, open_dataset, write_dataset
from natojp.corpus._dataset import partition_file_name as partition_file_name
from natojp.corpus._dataset import row_of as row_of
from natojp.corpus._dataset import write_batches as write_batches
from natojp.corpus._export import COLUMNS as COLUMNS
from natojp.corpus._export import pyarrow_module as pyarrow_module
from natojp.corpus._export import record as record
from natojp.corpus._io import load_jsonl, loads, read_jsonl
from natojp.corpus._load import iter_load, load, load_corpus
from natojp.models import LoadFailure, LoadReport

__all__ = [
    "Corpus",
    "Dataset",
    "DateBasis",
    "Frequency",
    "LoadFailure",
    "LoadReport",
    "SentenceSplitter",
    "arrow_schema",
    "iter_load",
    "load",
    "load_corpus",
    "load_jsonl",
    "loads",
    "open_dataset",
    "read_jsonl",
    "write_dataset",
]

publish(__name__, globals(), ["Corpus", "Dataset"])
