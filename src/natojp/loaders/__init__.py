"""Reading files into documents: decoding, sniffing the format, the parsers, and
the pipeline that turns a folder of files into documents and a report.

The parsers a user can extend are in :mod:`natojp.loaders.registry`; decoding
is :mod:`natojp.loaders.decode`. :func:`natojp.load` is the entry point.
"""

from __future__ import annotations

from natojp._public import publish

# ``name as name`` imports are shared with natojp's other packages but are not
# in __all__: they are not a promise to users.
from natojp.loaders._pipeline import (
    DocumentStream,
    LoadWarning,
    NoFilesWarning,
    PathMetadata,
    load_document,
    parse,
)
from natojp.loaders._pipeline import (
    FileTask as FileTask,
)
from natojp.loaders._pipeline import (
    bundled_documents as bundled_documents,
)
from natojp.loaders._pipeline import (
    file_tasks as file_tasks,
)

__all__ = [
    "DocumentStream",
    "LoadWarning",
    "NoFilesWarning",
    "PathMetadata",
    "load_document",
    "parse",
]

publish(__name__, globals(), ["DocumentStream", "LoadWarning", "NoFilesWarning"])
