"""From files to documents: decode, normalise, sniff, parse, build.

Public entry points are re-exported from :mod:`natojp`: :func:`load`,
:func:`parse` and :func:`load_corpus`.
"""

from __future__ import annotations

import csv
import errno
import fnmatch
import hashlib
import json
import os
import re
import stat
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Container, Generator, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from natojp._deprecated import use_old_name
from natojp._progress import Progress, ProgressOption
from natojp.dates import mention_dates, parse_interval
from natojp.errors import DateError, FormatError, NatojpError, ProcessingError
from natojp.loaders._page import event_range
from natojp.loaders._workers import OrderedPool, can_start_processes, forks, usable_cores
from natojp.loaders.decode import decode, normalize
from natojp.loaders.registry import Parser, ParserRegistry, default_registry
from natojp.models import (
    DateInterval,
    DateProvenance,
    Document,
    DocumentKind,
    Draft,
    LoadFailure,
    LoadReport,
    Origin,
    PartialDate,
    Source,
)
from natojp.people import annotate

__all__ = ["DocumentStream", "LoadWarning", "NoFilesWarning", "load_document", "parse"]

PathMetadata = str | Callable[[Path], Mapping[str, Any]]
"""What ``metadata_from_path=`` takes, a template of a file's name that names
its fields (``"{country}_{session}_{year}.txt"``) or a function from a file's
path to its metadata."""

_TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".htm.txt")
_RESERVED = ("id", "title", "kind", "date", "year", "month", "day", "outlet", "section", "url")


class LoadWarning(UserWarning):
    """Some files of a lenient load failed; ``corpus.report`` lists them.

    >>> import pathlib, tempfile, warnings, natojp
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "scan.txt").write_bytes(bytes([37, 80, 68, 70, 0]))
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = natojp.load(folder, strict=False)
    >>> caught[0].category.__name__, str(caught[0].message)
    ('LoadWarning', '1 of 1 files failed to load; see corpus.report')
    """


class NoFilesWarning(LoadWarning):
    """A folder or glob gave no file to load; the message says what it holds.

    >>> import pathlib, tempfile, warnings, natojp
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "briefing.md").write_text("Hello.")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     corpus = natojp.load(folder)
    >>> len(corpus), caught[0].category.__name__
    (0, 'NoFilesWarning')
    >>> print(caught[0].message)  # doctest: +ELLIPSIS
    no files in '...' match pattern='*.txt'; it holds 1 *.md (for those, pass pattern='*.md')

    .. versionadded:: 0.1
    """


def slugify(text: str, *, max_words: int | None = None) -> str:
    """A lowercase ASCII slug: ``"Keio Speech, Tokyo"`` -> ``"keio-speech-tokyo"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+(?:[._][a-z0-9]+)*", ascii_text.lower())
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words)


def _id_for(draft: Draft, path: Path | None) -> str:
    if path is not None:
        slug = slugify(_stem(path))
        if slug:
            return slug
    date = draft.event_date or draft.date
    slug = slugify(draft.title, max_words=8) or "document"
    return f"{date.isoformat().rstrip('~')}-{slug}" if date else slug


def _parser_for(text: str, fmt: str | Parser | None, registry: ParserRegistry) -> Parser:
    if fmt is None:
        return registry.sniff(text)
    if isinstance(fmt, str):
        return registry.get(fmt)
    return fmt


def _apply_metadata(
    draft: Draft, given: Mapping[str, Any], *, path: str | None
) -> tuple[Draft, str | None]:
    """Merge user-supplied metadata (from a path template, a callable or a CSV)."""
    values = {k: v for k, v in given.items() if v is not None and v != ""}
    changes: dict[str, Any] = {}
    doc_id = str(values.pop("id")) if "id" in values else None
    if "title" in values:
        changes["title"] = str(values.pop("title"))
    if "kind" in values:
        raw_kind = str(values.pop("kind"))
        try:
            changes["kind"] = DocumentKind(raw_kind)
        except ValueError:
            kinds = ", ".join(k.value for k in DocumentKind)
            raise FormatError(
                f"unknown kind {raw_kind!r} in metadata; use one of {kinds}", path=path
            ) from None
    date: PartialDate | None = None
    interval: DateInterval | None = None
    try:
        if "date" in values:
            interval = parse_interval(str(values.pop("date")))
            date = interval.start or interval.end
        elif "year" in values:
            year = int(values.pop("year"))
            month = int(values.pop("month")) if "month" in values else None
            day = int(values.pop("day")) if month is not None and "day" in values else None
            date = PartialDate(year, month, day)
    except (DateError, ValueError) as exc:
        raise FormatError(f"bad date in metadata: {exc}", path=path) from None
    if date is not None:
        changes["date"] = date
        if draft.event_date is None:
            # the event is the dated one: its range is the one given, if any
            changes["event_interval"] = event_range(interval)
    source = draft.source
    if any(k in values for k in ("outlet", "section", "url")):
        source = Source(
            outlet=str(values.pop("outlet", source.outlet) or "") or None,
            section=str(values.pop("section", source.section) or "") or None,
            url=str(values.pop("url", source.url) or "") or None,
        )
        changes["source"] = source
    for key in ("author", "authors", "speaker"):
        if key in values:
            raw = values.pop(key)
            changes["authors"] = (raw,) if isinstance(raw, str) else tuple(raw)
    extra = {k: _meta(v) for k, v in values.items()}
    changes["metadata"] = draft.metadata.set(**extra)
    return attrs.evolve(draft, **changes), doc_id


def _meta(value: Any) -> Any:
    # ASCII digits only ("²" is a digit to str.isdigit, not to int), and no more
    # than a number needs: a longer run of digits is an identifier, kept as text.
    if (
        isinstance(value, str)
        and value.isascii()
        and value.isdecimal()
        and not value.startswith("0")
        and len(value) <= 18
    ):
        return int(value)
    return value


def _build(
    text: str,
    *,
    raw: bytes | None,
    encoding: str,
    path: Path | None,
    fmt: str | Parser | None,
    registry: ParserRegistry,
    metadata: Mapping[str, Any] | None,
    doc_id: str | None,
    default_id: str | None = None,
) -> Document:
    where = str(path) if path is not None else None
    clean = normalize(text)
    if not clean.strip():
        raise FormatError("no text, only white space: this cannot be a document", path=where)
    parser = _parser_for(clean, fmt, registry)
    try:
        draft = parser.parse(clean)
    except NatojpError as exc:
        if exc.path is None:
            exc.path = where
            exc.args = (exc._format(),)
        raise
    except Exception as exc:  # a plug-in's bug must still name the file and the parser
        raise FormatError(
            f"parser {parser.name!r} failed: {type(exc).__name__}: {exc}", path=where
        ) from exc
    if not isinstance(draft, Draft):
        raise FormatError(
            f"parser {parser.name!r} returned {type(draft).__name__}, not a Draft", path=where
        )
    given_id = None
    if metadata:
        draft, given_id = _apply_metadata(draft, metadata, path=where)
    data = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    date = draft.date
    event_date = draft.event_date if draft.event_date != date else None
    if not isinstance(draft.text, str):
        raise FormatError(
            f"parser {parser.name!r} made a draft whose text is {type(draft.text).__name__}, "
            "not str",
            path=where,
        )
    dates = mention_dates(draft.text, date, event_date, draft.source.url)
    try:
        document = Document(
            id=doc_id or given_id or default_id or _id_for(draft, path),
            title=draft.title,
            kind=draft.kind,
            text=draft.text,
            date=date,
            date_provenance=DateProvenance.STATED if date else DateProvenance.UNKNOWN,
            event_date=event_date,
            event_interval=draft.event_interval,
            source=draft.source,
            authors=draft.authors,
            segments=draft.segments,
            dates=dates,
            origin=Origin(
                path=where,
                sha256=hashlib.sha256(data).hexdigest(),
                format=parser.name,
                encoding=encoding,
            ),
            metadata=draft.metadata,
        )
    except (TypeError, ValueError) as exc:  # spans past the text, wrong field types
        raise FormatError(f"parser {parser.name!r} made a bad draft: {exc}", path=where) from exc
    return annotate(document)


def parse(
    text: str,
    *,
    id: str | None = None,
    format: str | Parser | None = None,
    metadata: Mapping[str, Any] | None = None,
    parsers: ParserRegistry | None = None,
    registry: ParserRegistry | None = None,
) -> Document:
    """Parse a document from a string.

    ``format`` names a parser (``"nato"``, ``"video"``, ``"web-article"``,
    ``"frontmatter"``, ``"transcript"``, ``"plain"``) instead of letting natojp
    sniff one; ``metadata`` adds or overrides facts (``title``, ``date``,
    ``kind``, ``outlet``, ...); ``parsers`` is the
    :class:`~natojp.loaders.registry.ParserRegistry` to choose from.

    >>> import natojp
    >>> doc = natojp.parse("Budget talks\\n\\nThe ministers met on Friday (3 May 2024) in Oslo.")
    >>> doc.id, doc.date, doc.kind.value
    ('2024-05-03-budget-talks', PartialDate('2024-05-03'), 'news_release')

    .. versionchanged:: 0.1
       ``registry=`` is now ``parsers=`` (``registry`` means people elsewhere);
       the old name warns.
    """
    if use_old_name(
        "parse",
        "registry",
        "parsers",
        old_given=registry is not None,
        new_given=parsers is not None,
    ):
        parsers = registry
    if not isinstance(text, str):
        hint = (
            " (to read a file, use natojp.load_document(path))"
            if isinstance(text, (os.PathLike, bytes))
            else ""
        )
        raise TypeError(f"parse() takes the text, a str, not {type(text).__name__}{hint}")
    return _build(
        text,
        raw=None,
        encoding="utf-8",
        path=None,
        fmt=format,
        registry=parsers or default_registry(),
        metadata=metadata,
        doc_id=id,
    )


def read_document(
    path: Path,
    *,
    format: str | Parser | None = None,
    registry: ParserRegistry | None = None,
    metadata: Mapping[str, Any] | None = None,
    doc_id: str | None = None,
    default_id: str | None = None,
) -> Document:
    """Load one file (see :func:`load`)."""
    _check_file(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormatError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from None
    decoded = decode(raw, path=str(path))
    return _build(
        decoded.text,
        raw=raw,
        encoding=decoded.encoding,
        path=path,
        fmt=format,
        registry=registry or default_registry(),
        metadata=metadata,
        doc_id=doc_id,
        default_id=default_id,
    )


def load_document(
    path: str | os.PathLike[str],
    *,
    format: str | Parser | None = None,
    metadata: Mapping[str, Any] | None = None,
    parsers: ParserRegistry | None = None,
) -> Document:
    """Load one file as a :class:`~natojp.models.Document`.

    ``format`` names a parser instead of letting natojp sniff one; ``metadata``
    adds or overrides facts as in :func:`parse`; ``parsers`` is the
    :class:`~natojp.loaders.registry.ParserRegistry` to choose from. A file that
    cannot be read or parsed raises a :class:`~natojp.errors.NatojpError` naming
    it. :func:`natojp.load` reads many files into a corpus.

    >>> import natojp, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> _ = path.write_text("Budget talks\\n\\nThe ministers met on Friday (3 May 2024) in Oslo.")
    >>> doc = natojp.load_document(path)
    >>> doc.id, doc.date
    ('note', PartialDate('2024-05-03'))

    .. versionadded:: 0.1
    """
    file = Path(path)
    if file.is_dir():
        raise FormatError("is a folder; natojp.load() reads a folder into a corpus", path=str(file))
    return read_document(file, format=format, registry=parsers, metadata=metadata)


def _template_matcher(template: str) -> Callable[[Path], dict[str, str]]:
    parts = re.split(r"\{(\w+)\}", template)
    names = parts[1::2]
    if not names:
        raise FormatError(
            f"the template {template!r} names no field; write fields in braces, "
            "e.g. '{country}_{session}_{year}.txt'"
        )
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise FormatError(f"the template {template!r} names the field {repeated[0]!r} twice")
    if any(not name.isidentifier() for name in names):
        raise FormatError(f"the template {template!r} has a field that is not a name")
    pattern = ""
    for i, part in enumerate(parts):
        pattern += f"(?P<{part}>.+?)" if i % 2 else re.escape(part)
    regex = re.compile(f"^{pattern}$")
    by_path = "/" in template

    def match(path: Path) -> dict[str, str]:
        subject = path.as_posix() if by_path else path.name
        found = regex.search(subject) if by_path else regex.match(subject)
        if not found:
            raise FormatError(
                f"the file name does not match the template {template!r}", path=str(path)
            )
        return found.groupdict()

    return match


def _csv_metadata(csv_path: Path, key: str | None) -> dict[str, dict[str, str]]:
    try:
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            column = key or (fields[0] if fields else None)
            if column is None or column not in fields:
                raise FormatError(
                    f"no column {column!r} in the metadata CSV (it has {', '.join(fields)})",
                    path=str(csv_path),
                )
            rows: dict[str, dict[str, str]] = {}
            for row in reader:
                name = row.get(column) or ""
                rows[name] = {k: v for k, v in row.items() if k != column and k is not None}
            return rows
    except OSError as exc:
        raise FormatError(
            f"cannot read the metadata CSV: {exc.strerror or exc}", path=str(csv_path)
        ) from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise FormatError(f"bad metadata CSV: {exc}", path=str(csv_path)) from None


def _not_a_file(path: Path) -> str | None:
    """Why natojp cannot read ``path`` as a file, or ``None`` if it is a regular
    file (or a link to one). Only ``stat``: a FIFO is never opened, so never waited on."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: following it leads back to it without end"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if path.is_symlink():
                try:
                    target = os.readlink(path)
                except OSError:  # pragma: no cover - it was a link a moment ago
                    target = "?"
                return f"a dangling symbolic link: its target {target!r} does not exist"
            return "no such file or directory"
        return f"cannot read the file: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    kind = (
        "a FIFO (named pipe)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a file"
    )
    return f"not a regular file: {kind}; natojp reads only regular files"


def _check_file(path: Path) -> None:
    """A :class:`FormatError` naming ``path`` unless it is a regular file."""
    reason = _not_a_file(path)
    if reason is not None:
        raise FormatError(reason, path=str(path))


def _hidden(name: str) -> bool:
    return name.startswith((".", "._"))


def _expand(
    target: str | os.PathLike[str], pattern: str
) -> tuple[list[Path], Path | None, dict[Path, FormatError]]:
    """The regular files a target names, in load order; the folder their ids are
    relative to (``None`` for a file named as such); and the entries that match
    but cannot be read, each with its error: FIFOs, sockets, devices, dangling
    links, link loops, folders named like files, folders that cannot be listed.
    Hidden entries (``.x``, ``._x``) in a folder are skipped without a word."""
    text = os.fspath(target)
    problems: dict[Path, FormatError] = {}
    if any(ch in text for ch in "*?["):
        base = Path(text.split("*")[0].split("?")[0].split("[")[0] or ".")
        base = base if base.is_dir() else base.parent
        rel = os.path.relpath(text, base)
        names_files = bool(Path(rel).name.strip("*"))  # "*.md", not "*"
        files = []
        for p in base.glob(rel):
            reason = _not_a_file(p)
            if reason is None:
                files.append(p)
            elif not _hidden(p.name) and (names_files or not p.is_dir()):
                problems[p] = FormatError(reason, path=str(p))
        return sorted(files), base, problems
    path = Path(text)
    if path.is_dir():
        files = []
        names_files = bool(pattern.strip("*"))  # "*.txt", not "*"

        def unlisted(exc: OSError) -> None:
            where = Path(exc.filename) if exc.filename else path
            problems[where] = FormatError(
                f"cannot list the folder: {exc.strerror or exc}; none of its files were loaded",
                path=str(where),
            )

        # os.walk, like the Path.rglob it replaces, does not follow links to folders.
        for top, folders, names in os.walk(path, onerror=unlisted):
            for name in folders:
                if names_files and not _hidden(name) and fnmatch.fnmatch(name, pattern):
                    where = Path(top, name)
                    problems[where] = FormatError(
                        f"a folder, not a file, though its name matches pattern={pattern!r} "
                        "(the files in it that match are loaded)",
                        path=str(where),
                    )
            for name in names:
                if _hidden(name) or not fnmatch.fnmatch(name, pattern):
                    continue
                p = Path(top, name)
                reason = _not_a_file(p)
                if reason is None:
                    files.append(p)
                else:
                    problems[p] = FormatError(reason, path=str(p))
        return sorted(files), path, problems
    return [path], None, problems


def _nothing_matched(target: str | os.PathLike[str], pattern: str) -> str:
    """Why a folder or glob gave no files, and what it does hold."""
    text = os.fspath(target)
    if any(ch in text for ch in "*?["):
        return f"no files match the glob {text!r}"
    folder = Path(text)
    suffixes = Counter(
        p.suffix.lower() or p.name
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith((".", "._"))
    )
    if not suffixes:
        return f"the folder {text!r} holds no files"
    held = ", ".join(f"{n:,} *{suffix}" for suffix, n in suffixes.most_common(3))
    common = suffixes.most_common(1)[0][0]
    return (
        f"no files in {text!r} match pattern={pattern!r}; it holds {held} "
        f"(for those, pass pattern='*{common}')"
    )


def _stem(path: Path) -> str:
    name = path.name
    for suffix in _TEXT_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _path_ids(files: Sequence[tuple[Path, Path]]) -> dict[Path, str]:
    """An id for each file that is unique among them by construction.

    The id is the file name's slug; where two files share it, each of them takes
    the slug of its path below the folder it was loaded from (``a/x.txt`` ->
    ``a-x``; for several folders, below the folder they share), and where even
    that is shared, a short hash of the path is added.
    """
    if not files:
        return {}
    root = Path(os.path.commonpath([os.path.abspath(base) for _, base in files]))

    def below_root(file: Path) -> Path:
        return Path(os.path.abspath(file)).relative_to(root)

    first = {file: slugify(_stem(file)) for file, _ in files}
    counts = Counter(slug for slug in first.values() if slug)
    ids: dict[Path, str] = {}
    for file, slug in first.items():
        if slug and counts[slug] > 1:
            rel = below_root(file)
            slug = slugify("/".join((*rel.parent.parts, _stem(file)))) or slug
        ids[file] = slug
    counts = Counter(slug for slug in ids.values() if slug)
    for file, slug in ids.items():
        if slug and counts[slug] > 1:
            where = below_root(file).as_posix().encode("utf-8", "surrogatepass")
            ids[file] = f"{slug}-{hashlib.sha1(where).hexdigest()[:8]}"
    return ids


def _unused(wanted: str, used: Container[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``... whichever is not yet used."""
    candidate, n = wanted, 1
    while candidate in used:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


# A load of fewer files than this per worker is not worth starting processes for.
_FILES_PER_WORKER = 8


class DocumentStream(Iterator[Document]):
    """The documents of a file, folder, glob or list of them, one at a time in
    file-name order, as :func:`natojp.iter_load` gives them: each file is read
    and parsed only when the loop reaches it (in ``workers`` processes, a few
    chunks of files ahead), so memory stays flat however many files there are.
    ``report`` counts what has loaded and lists each file that failed so far; it
    is complete once the loop ends. The options are those of :func:`natojp.load`.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Hello there.")
    >>> stream = DocumentStream(folder)
    >>> stream
    <DocumentStream of 1 file, 0 loaded>
    >>> [doc.id for doc in stream], stream.report.ok
    (['a'], True)

    .. versionadded:: 0.1
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        strict: bool = True,
        format: str | Parser | None = None,
        pattern: str = "*.txt",
        metadata_from_path: PathMetadata | None = None,
        metadata_csv: str | os.PathLike[str] | None = None,
        csv_key: str | None = None,
        registry: ParserRegistry | None = None,
        progress: ProgressOption = False,
        workers: int | None = None,
        stacklevel: int = 2,
        warn: bool = True,
    ) -> None:
        registry = registry or default_registry()
        if isinstance(format, str):
            format = registry.get(format)  # an unknown name is one error, not one per file
        if workers is not None and (
            isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
        ):
            raise ValueError(f"workers= is a whole number, 1 or more, or None; not {workers!r}")
        targets = [path] if isinstance(path, (str, os.PathLike)) else list(path)
        pairs: list[tuple[Path, Path | None]] = []
        unreadable: dict[Path, FormatError] = {}
        for target in targets:
            found, base, problems = _expand(target, pattern)
            if base is None and len(targets) == 1:
                _check_file(found[0])  # a lone path that is not a file fails in any mode
            elif not found and not problems:
                warnings.warn(
                    _nothing_matched(target, pattern), NoFilesWarning, stacklevel=stacklevel + 1
                )
            # Entries that cannot be read take their place in path order among the files.
            entries = sorted([*found, *problems])
            pairs.extend((file, base if base is not None or len(targets) == 1 else file.parent)
                         for file in entries)  # fmt: skip
            unreadable.update(problems)
        if isinstance(metadata_from_path, str):
            _template_matcher(metadata_from_path)  # a bad template is one error, not one per file
        rows = _csv_metadata(Path(metadata_csv), csv_key) if metadata_csv is not None else None
        readable = [(file, base) for file, base in pairs if file not in unreadable]
        ids = _path_ids([(f, b) for f, b in readable if b is not None])
        self._entries = [(file, base, ids.get(file, "")) for file, base in pairs]
        self._unreadable = unreadable
        self._options = (format, registry, metadata_from_path, rows)
        self._strict = strict
        self._progress = progress
        # Where workers would be spawned (macOS, Windows), a script without a
        # ``__main__`` guard, a lambda or a notebook's class would break them:
        # there, processes are only used when asked for.
        default = usable_cores() if forks() else 1
        self._workers = default if workers is None else workers
        self._warn = warn
        self._loaded = 0
        self._failures: list[LoadFailure] = []
        self._documents = self._load()

    @property
    def report(self) -> LoadReport:
        """What has loaded so far and each file that failed, with why."""
        return LoadReport(loaded=self._loaded, failures=tuple(self._failures))

    def __len__(self) -> int:
        """How many files the stream reads (loaded or failed)."""
        return len(self._entries)

    def __repr__(self) -> str:
        files = len(self._entries)
        failed = f", {len(self._failures)} failed" if self._failures else ""
        return (
            f"<DocumentStream of {files:,} file{'s' if files != 1 else ''}, "
            f"{self._loaded:,} loaded{failed}>"
        )

    def __next__(self) -> Document:
        return next(self._documents)

    def close(self) -> None:
        """Stop early: the worker processes end and no more files are read.
        Leaving a ``with`` block does this too."""
        self._documents.close()

    def __enter__(self) -> DocumentStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _outcomes(self) -> Generator[tuple[Document, bool] | NatojpError, None, None]:
        """Each file's document (and whether its metadata chose its id) or
        failure, in order; parsed in worker processes when there are enough files."""
        todo = [entry for entry in self._entries if entry[0] not in self._unreadable]
        workers = min(self._workers, len(todo) // _FILES_PER_WORKER)
        parsed: Generator[tuple[Document, bool] | NatojpError, None, None]
        if workers > 1 and can_start_processes():
            chunk = max(1, min(32, len(todo) // (workers * 16)))
            pool: OrderedPool[tuple[Path, Path | None, str], tuple[Document, bool] | NatojpError]
            pool = OrderedPool(
                _parse_entry, self._options, workers=workers, chunk=chunk,
                where=lambda entry: str(entry[0]),
            )  # fmt: skip
            parsed = pool.map(todo)
        else:
            parsed = (_parse_entry(entry, *self._options) for entry in todo)
        try:
            for file, _, _ in self._entries:
                if file in self._unreadable:
                    yield self._unreadable[file]
                else:
                    yield next(parsed)
        finally:
            parsed.close()  # a stream stopped early ends its workers now, not at collection

    def _load(self) -> Generator[Document, None, None]:
        used: dict[str, str] = {}
        total = len(self._entries)
        meter = Progress(self._progress, label="Loading", total=total, unit="files")
        outcomes = self._outcomes()
        try:
            yield from self._checked(outcomes, used, meter)
        finally:
            outcomes.close()
        meter.close(total)
        if self._warn and self._failures:
            warnings.warn(
                f"{len(self._failures)} of {total} files failed to load; see the report",
                LoadWarning,
                stacklevel=3,  # the generator, __next__, then the loop that reads the stream
            )

    def _checked(
        self,
        outcomes: Iterator[tuple[Document, bool] | NatojpError],
        used: dict[str, str],
        meter: Progress,
    ) -> Iterator[Document]:
        """The documents of ``outcomes`` with ids made unique, failures recorded
        (or raised, if strict), and progress counted."""
        for n, ((file, _, _), outcome) in enumerate(
            zip(self._entries, outcomes, strict=True), start=1
        ):
            try:
                if isinstance(outcome, NatojpError):
                    raise outcome
                doc, id_from_metadata = outcome
                if doc.id in used:
                    if id_from_metadata:
                        raise FormatError(
                            f"the id {doc.id!r} from the metadata is already the id of "
                            f"{used[doc.id]}",
                            path=str(file),
                        )
                    doc = attrs.evolve(doc, id=_unused(doc.id, used))
            except NatojpError as exc:
                if self._strict:
                    meter.close(n - 1)
                    raise
                self._failures.append(_failure(file, exc))
                meter.update(n)
                continue
            used[doc.id] = str(file)
            self._loaded += 1
            meter.update(n)
            yield doc


@attrs.frozen
class FileTask:
    """One file of a planned load, with what parsing it needs, to be run
    anywhere (a Dask worker): :meth:`run` gives its document (and whether its
    metadata set its id) or the :class:`NatojpError` naming it."""

    file: Path
    base: Path | None
    path_id: str
    error: FormatError | None
    options: tuple[Any, ...]

    def run(self) -> tuple[Document, bool] | NatojpError:
        if self.error is not None:
            return self.error
        return _parse_entry((self.file, self.base, self.path_id), *self.options)


def file_tasks(stream: DocumentStream) -> list[FileTask]:
    """The files ``stream`` would read, in order, as tasks to run elsewhere."""
    return [
        FileTask(file, base, path_id, stream._unreadable.get(file), stream._options)
        for file, base, path_id in stream._entries
    ]


def _failure(file: Path, exc: NatojpError) -> LoadFailure:
    return LoadFailure(path=str(file), error=type(exc).__name__, message=exc.reason, line=exc.line)


def _parse_entry(
    entry: tuple[Path, Path | None, str],
    format: str | Parser | None,
    registry: ParserRegistry,
    metadata_from_path: PathMetadata | None,
    rows: dict[str, dict[str, str]] | None,
) -> tuple[Document, bool] | NatojpError:
    """One file of a load as its document (and whether its metadata set its id),
    or the :class:`NatojpError` naming it: returned, not raised, so that one bad
    file does not end a run of files in a worker process."""
    file, base, path_id = entry
    where = str(file)
    try:
        _check_file(file)
        meta = _metadata_for(file, base, metadata_from_path, rows)
        doc = read_document(
            file, format=format, registry=registry, metadata=meta, default_id=path_id or None
        )
        return doc, bool(meta and "id" in meta)
    except NatojpError as exc:
        if exc.path is None:
            exc.path = where
            exc.args = (exc._format(),)
        return exc
    except RecursionError as exc:
        error = ProcessingError(f"too deeply nested to process: {exc}", path=where)
        error.__cause__ = exc
        return error
    except Exception as exc:  # natojp's own bug: name the file, keep the rest of the load
        error = ProcessingError(
            f"natojp failed on this file ({type(exc).__name__}: {exc}); "
            "this is a bug, please report it with the file",
            path=where,
        )
        error.__cause__ = exc
        return error


def _metadata_for(
    file: Path,
    base: Path | None,
    from_path: PathMetadata | None,
    rows: dict[str, dict[str, str]] | None,
) -> dict[str, Any] | None:
    meta: dict[str, Any] = {}
    if from_path is not None:
        rel = file.relative_to(base) if base is not None else Path(file.name)
        if isinstance(from_path, str):
            meta.update(_template_matcher(from_path)(rel))
        else:
            try:
                got = from_path(file)
            except NatojpError:
                raise
            except Exception as exc:
                raise FormatError(
                    f"metadata_from_path failed: {type(exc).__name__}: {exc}", path=str(file)
                ) from exc
            meta.update(got)
    if rows is not None:
        row = rows.get(file.name) or rows.get(file.stem)
        if row is None:
            raise FormatError("no row for this file in the metadata CSV", path=str(file))
        meta.update(row)
    return meta or None


@lru_cache(maxsize=1)
def _manifest() -> tuple[tuple[str, str], ...]:
    data = resources.files("natojp") / "data" / "manifest.json"
    entries = json.loads(data.read_text(encoding="utf-8"))["documents"]
    return tuple((entry["file"], entry["id"]) for entry in entries)


def bundled_documents() -> list[Document]:
    """The bundled corpus's documents as loaded, in manifest order (undated ones not yet dated)."""
    root = resources.files("natojp") / "data" / "raw"
    documents = []
    for file, doc_id in _manifest():
        resource = root / file
        raw = resource.read_bytes()
        decoded = decode(raw, path=f"natojp/data/raw/{file}")
        documents.append(
            _build(
                decoded.text,
                raw=raw,
                encoding=decoded.encoding,
                path=Path("natojp/data/raw") / file,
                fmt=None,
                registry=default_registry(),
                metadata=None,
                doc_id=doc_id,
            )
        )
    return documents
