"""The commands of ``natojp``; the entry points are in :mod:`natojp.cli`."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TextIO

import natojp
from natojp.errors import NatojpError, QueryError
from natojp.loaders.registry import default_registry as default_parsers
from natojp.models import Document, Span
from natojp.people import default_registry
from natojp.serialize import converter, json_schema, to_dict

__all__ = ["main"]


# --json rows use the models' field names and JSON shapes (natojp's converter),
# so a tool reading them reads natojp's JSON documents the same way.
_ROW_FIELDS = ("id", "title", "kind", "date", "date_provenance", "event_date", "authors", "source")


def _row(doc: Document) -> dict[str, object]:
    data = to_dict(doc)
    return {name: data[name] for name in _ROW_FIELDS}


def _model(obj: object) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(obj)
    return data


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _width() -> int:
    return shutil.get_terminal_size((80, 24)).columns


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _corpus(args)
    rows = [_row(doc) for doc in corpus]
    if args.json:
        return _dump(rows, out)
    if not rows:
        out.write("no documents\n")
        return 0
    rows = [row | {"outlet": doc.source.outlet} for row, doc in zip(rows, corpus, strict=True)]
    widths = {
        key: max(len(key), *(len(str(r[key] or "—")) for r in rows))
        for key in ("id", "date", "kind", "outlet")
    }
    # An inferred date is starred, with a footnote, so no one takes it as stated.
    for r in rows:
        if r["date_provenance"] == "inferred":
            r["date"] = f"{r['date']}*"
    widths["date"] = max(widths["date"], *(len(str(r["date"] or "")) for r in rows))
    fixed = sum(widths.values()) + 2 * len(widths)
    # On a terminal, titles are cut to fit, or go on a line of their own when the
    # columns leave too little room; a pipe gets every title whole on its row.
    width = _width() if out.isatty() else None
    own_line = width is not None and width - fixed < 24
    header = "  ".join(f"{key:<{widths[key]}}" for key in widths)
    out.write(header.rstrip() + "\n" if own_line else header + "  title\n")
    for r in rows:
        cells = "  ".join(f"{r[key] or '—'!s:<{widths[key]}}" for key in widths)
        title = str(r["title"])
        if width is None:
            out.write(f"{cells}  {title}\n")
        elif own_line:
            out.write(f"{cells.rstrip()}\n    {_cut(title, width - 4)}\n")
        else:
            out.write(f"{cells}  {_cut(title, width - fixed)}\n")
    if any(r["date_provenance"] == "inferred" for r in rows):
        out.write("* inferred from other documents; `natojp show ID` gives the evidence\n")
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    doc = _corpus(args)[args.id]
    if args.json:
        return _dump(to_dict(doc), out)
    width = min(_width(), 100)
    facts = [
        ("id", doc.id),
        ("title", doc.title),
        ("kind", doc.kind.value),
        ("date", f"{doc.date or 'unknown'} ({doc.date_provenance.value})"),
    ]
    for evidence in doc.date_evidence:
        facts.append(("evidence", evidence.note or evidence.document_id))
    if doc.event_interval:
        facts.append(("event", str(doc.event_interval)))
    elif doc.event_date:
        facts.append(("event date", str(doc.event_date)))
    for label, value in (
        ("outlet", doc.source.outlet),
        ("section", doc.source.section),
        ("url", doc.source.url),
    ):
        if value:
            facts.append((label, value))
    if doc.authors:
        facts.append(("authors", ", ".join(doc.authors)))
    if doc.speakers:
        facts.append(("speakers", ", ".join(f"{s.name} ({s.role})" for s in doc.speakers)))
    mentioned = Counter(m.person_id for m in doc.mentions if m.person_id)
    if mentioned:
        facts.append(("people", ", ".join(f"{pid} ×{n}" for pid, n in mentioned.most_common())))
    if doc.quotes:
        quoted = Counter(q.speaker or "unattributed" for q in doc.quotes)
        facts.append(("quotes", ", ".join(f"{who} ×{n}" for who, n in quoted.most_common())))
    for key, value in doc.metadata.items():
        facts.append((key, ", ".join(value) if isinstance(value, tuple) else str(value)))
    if doc.origin:
        facts.append(("format", doc.origin.format))
    for label, value in facts:
        lines = textwrap.wrap(
            value, width=width - 14, break_on_hyphens=False, break_long_words=False
        ) or [""]
        out.write(f"{label + ':':<14}" + ("\n" + " " * 14).join(lines) + "\n")
    out.write("\n")
    for para in doc.text.split("\n\n"):
        out.write(textwrap.fill(para, width=width) + "\n\n")
    return 0


def _corpus(args: argparse.Namespace) -> natojp.Corpus:
    """The bundled corpus, or the JSON Lines file given with ``--corpus``."""
    source = getattr(args, "corpus", None)
    if source is None:
        return natojp.load_corpus()
    return natojp.Corpus.from_jsonl(source, progress=sys.stderr.isatty())


def _dump(data: object, out: TextIO) -> int:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def _span(span: Span | None) -> dict[str, int] | None:
    # natojp's own converter, so a span has one JSON shape everywhere.
    return None if span is None else converter.unstructure(span)


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    hits = _corpus(args).search(args.query, limit=args.limit)
    if args.json:
        return _dump([_model(hit) for hit in hits], out)
    width = _width() if out.isatty() else 10_000
    for rank, hit in enumerate(hits, start=1):
        matches = f"{len(hit.spans)} match" + ("" if len(hit.spans) == 1 else "es")
        out.write(f"{rank:>3}. {hit.document_id}  ({matches})\n")
        out.write(textwrap.indent(textwrap.fill(hit.snippet, width=max(width - 5, 30)), "     "))
        out.write("\n")
    if not hits:
        out.write("no documents match\n")
    return 0


def cmd_kwic(args: argparse.Namespace, out: TextIO) -> int:
    lines = _corpus(args).kwic(
        args.pattern, window=args.window, regex=args.regex, case_sensitive=args.case_sensitive
    )
    if args.json:
        return _dump([_model(line) for line in lines], out)
    side = max((_width() if out.isatty() else 100) - 4, 40)
    match_w = min(max((len(k.match) for k in lines), default=0), side // 3)
    context = (side - match_w) // 2
    current = None
    for line in lines:
        if line.document_id != current:
            current = line.document_id
            out.write(f"{current}\n")
        left = line.left[-context:].rjust(context)
        out.write(f"{left} {_cut(line.match, match_w):^{match_w}} {_cut(line.right, context)}\n")
    if not lines:
        out.write("no matches\n")
    return 0


def cmd_quotes(args: argparse.Namespace, out: TextIO) -> int:
    found = _corpus(args).quotes(speaker=args.speaker, containing=args.containing)
    if args.json:
        return _dump([_model(quote) for quote in found], out)
    width = min(_width(), 100) if out.isatty() else 100
    for quote in found:
        who = quote.item.speaker or "(unattributed)"
        out.write(f"{quote.document_id}  {who}\n")
        out.write(textwrap.indent(textwrap.fill(f"“{quote.text}”", width=width - 4), "    "))
        out.write("\n")
    if not found:
        out.write("no quotes match\n")
    return 0


def cmd_load(args: argparse.Namespace, out: TextIO) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", natojp.LoadWarning)
        corpus = natojp.load(
            args.paths if len(args.paths) > 1 else args.paths[0],
            strict=args.strict,
            format=args.format,
            pattern=args.pattern,
            metadata_from_path=args.metadata_from_path,
            progress=sys.stderr.isatty(),
        )
    failures = corpus.report.failures if corpus.report else ()
    empty = [str(w.message) for w in caught if issubclass(w.category, natojp.NoFilesWarning)]
    for message in empty:
        sys.stderr.write(f"natojp: {message}\n")
    if args.output:
        corpus.to_jsonl(args.output, progress=sys.stderr.isatty())
    if args.json:
        _dump(
            {
                "documents": [_row(doc) | {"origin": _model(doc.origin) if doc.origin else None}
                              for doc in corpus],
                "failures": [_model(failure) for failure in failures],
            },
            out,
        )  # fmt: skip
    else:
        for doc in corpus:
            date = doc.date.isoformat() if doc.date else "undated"
            out.write(f"ok      {doc.id}  {doc.kind.value}  {date}  {_cut(doc.title, 40)}\n")
        for failure in failures:
            where = f"{failure.path}:{failure.line}" if failure.line else failure.path
            out.write(f"FAILED  {where}: {failure.error}: {failure.message}\n")
        out.write(f"{len(corpus)} loaded, {len(failures)} failed\n")
    return 1 if failures or empty else 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _corpus(args)
    fmt = args.format
    show = bool(args.output) and sys.stderr.isatty()
    if fmt == "parquet":
        if not args.output:
            raise QueryError("Parquet is binary: give a file with -o FILE.parquet")
        corpus.to_parquet(args.output, progress=show)
    elif fmt == "jsonl":
        corpus.to_jsonl(args.output or out, progress=show)
    else:
        corpus.to_csv(args.output or out, progress=show)
    if args.output:
        sys.stderr.write(f"wrote {len(corpus)} documents to {args.output}\n")
    return 0


def cmd_dates(args: argparse.Namespace, out: TextIO) -> int:
    doc = _corpus(args)[args.id]
    rows = [_model(m) | {"text": m.span.of(doc.text)} for m in doc.dates]
    if args.json:
        return _dump(rows, out)
    happened = doc.event_interval or doc.event_date
    event = f", event {happened}" if happened else ""
    out.write(f"{doc.id}: {doc.date or 'undated'} ({doc.date_provenance.value}){event}\n")
    for row in rows:
        how = "relative to " + str(row["anchor"]) if row["relative"] else "absolute"
        flag = ", ambiguous" if row["ambiguous"] else ""
        said = _cut(" ".join(str(row["text"]).split()), 36)
        out.write(f"  {said:<36}  {row['value'] or '?':<10}  {how}{flag}\n")
    return 0


def cmd_people(args: argparse.Namespace, out: TextIO) -> int:
    corpus = _corpus(args)
    documents = [corpus[args.id]] if args.id else list(corpus)
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for doc in documents:
        for mention in doc.mentions:
            if mention.person_id:
                counts[mention.person_id] += 1
                names.setdefault(mention.person_id, mention.span.of(doc.text))
    registry = default_registry()
    rows = []
    for person_id, count in counts.most_common():
        person = registry.get(person_id)
        rows.append({"person_id": person_id, "name": person.name if person else names[person_id],
                     "count": count})  # fmt: skip
    if args.json:
        return _dump(rows, out)
    for row in rows:
        out.write(f"{row['count']:>5}  {_cut(str(row['name']), 30):<30}  {row['person_id']}\n")
    return 0


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    return _dump(json_schema(), out)


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions to the terminal, but keeps the examples' lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("examples:"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _examples(lines: Sequence[str]) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _command(
    sub: Any,
    name: str,
    func: Callable[[argparse.Namespace, TextIO], int],
    *,
    help: str,
    description: str,
    examples: Sequence[str],
    json_help: str | None = "print JSON for tools",
    corpus: bool = True,
) -> argparse.ArgumentParser:
    """Add the subcommand ``name``, with ``--json`` and ``--corpus FILE`` unless
    told otherwise, and ``examples`` (command lines) at the end of its help; the
    caller adds its own arguments."""
    parser: argparse.ArgumentParser = sub.add_parser(
        name,
        help=help,
        description=description,
        epilog=_examples(examples),
        formatter_class=_HelpFormatter,
    )
    if json_help is not None:
        parser.add_argument("--json", action="store_true", help=json_help)
    if corpus:
        parser.add_argument(
            "--corpus",
            metavar="FILE",
            help="a JSON Lines corpus (as `natojp export` or Corpus.to_jsonl writes) "
            "instead of the bundled one",
        )
    parser.set_defaults(func=func)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation tools)."""
    parser = argparse.ArgumentParser(
        prog="natojp",
        description="Read the natojp corpus of documents on the NATO–Japan partnership, "
        "or documents of your own.",
        epilog="Every command has its own --help, with examples. Exit status: 0 on "
        "success, 1 on an error in what you asked for (one line on stderr), 2 on bad "
        "usage.",
    )
    parser.add_argument("--version", action="version", version=f"natojp {natojp.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    _command(
        sub,
        "list",
        cmd_list,
        examples=["natojp list", "natojp list --json", "natojp list --corpus mine.jsonl"],
        help="list the bundled documents",
        description="List the bundled documents: id, date, kind, outlet, title.",
    )

    show = _command(
        sub,
        "show",
        cmd_show,
        examples=[
            "natojp show 2023-01-31-tokyo-news-release",
            "natojp show 2022-06-30-nikkei-op-ed --json",
        ],
        help="show one document",
        description="Show one document's metadata and clean text.",
        json_help="print the document as JSON",
    )
    show.add_argument("id", help="the document id, as `natojp list` prints it")

    search = _command(
        sub,
        "search",
        cmd_search,
        examples=[
            "natojp search Ukraine",
            "natojp search '\"watching closely\" AND (China OR Beijing)'",
            "natojp search 'partner*' --limit 3 --json",
        ],
        help="full-text search, best first",
        description='Search the documents, best first (BM25). QUERY takes words, "phrases", '
        "prefix*, AND, OR, NOT and parentheses; case and accents are ignored.",
    )
    search.add_argument("query", help="e.g. '\"watching closely\" AND (China OR Beijing)'")
    search.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")

    kwic = _command(
        sub,
        "kwic",
        cmd_kwic,
        examples=[
            "natojp kwic 'watching closely' --window 3",
            "natojp kwic 'Indo-Pac*'",
            "natojp kwic '\\b[A-Z]{3,}\\b' --regex --case-sensitive",
        ],
        help="keyword in context",
        description="Every occurrence of a word, phrase (prefix* allowed) or, with --regex, "
        "a regular expression, with the words around it.",
    )
    kwic.add_argument("pattern", help="a word, phrase or regular expression")
    kwic.add_argument("--window", type=int, default=5, help="words each side (default 5)")
    kwic.add_argument("--regex", action="store_true", help="PATTERN is a regular expression")
    kwic.add_argument("--case-sensitive", action="store_true", help="do not ignore case")

    quotes = _command(
        sub,
        "quotes",
        cmd_quotes,
        examples=[
            "natojp quotes",
            "natojp quotes --speaker Stoltenberg --containing Ukraine",
            "natojp quotes --speaker jens-stoltenberg --json",
        ],
        help="quotations, by speaker",
        description="The quotations in the documents, with who said them.",
    )
    quotes.add_argument("--speaker", help="only this person (id, name or alias)")
    quotes.add_argument("--containing", help="only quotations with this word or phrase")

    load = _command(
        sub,
        "load",
        cmd_load,
        examples=[
            "natojp load speeches/",
            "natojp load 'speeches/*.md' notes.txt --strict",
            "natojp load ungdc/ --metadata-from-path '{country}_{session}_{year}.txt'",
            "natojp load briefings/ --pattern '*.md' --format frontmatter",
            "natojp load speeches/ -o speeches.jsonl && natojp list --corpus speeches.jsonl",
        ],
        help="read your own documents and report",
        description="Read files, folders or globs of your own documents and report what "
        "loaded and what failed (exit status 1 if any failed).",
        corpus=False,
    )
    load.add_argument("paths", nargs="+", metavar="PATH", help="a file, folder or glob")
    mode = load.add_mutually_exclusive_group()
    mode.add_argument("--strict", action="store_true", help="stop at the first failure")
    mode.add_argument(
        "--lenient", action="store_false", dest="strict", help="load the rest (the default)"
    )
    load.add_argument("-o", "--output", metavar="FILE", help="also write them as JSON Lines")
    load.add_argument(
        "--pattern",
        default="*.txt",
        help="which files of a folder to read (default: *.txt; e.g. '*.md')",
    )
    load.add_argument(
        "--format",
        help="read every file with this parser instead of guessing "
        f"({', '.join(default_parsers().names)})",
    )
    load.add_argument(
        "--metadata-from-path",
        metavar="TEMPLATE",
        help="metadata from each file name, e.g. '{country}_{session}_{year}.txt'",
    )

    export = _command(
        sub,
        "export",
        cmd_export,
        examples=[
            "natojp export > natojp.jsonl",
            "natojp export --format csv -o natojp.csv",
            "natojp export --format parquet -o natojp.parquet",
        ],
        help="write the corpus as JSON Lines, CSV or Parquet",
        description="Write every document as JSON Lines (every field), CSV or Parquet "
        "(one row per document; Parquet needs the arrow extra).",
        json_help=None,
    )
    export.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="the file (default: stdout)")

    dates = _command(
        sub,
        "dates",
        cmd_dates,
        examples=[
            "natojp dates 2023-02-01-keio-speech",
            "natojp dates tokyo-visit-news-article --json",
        ],
        help="the dates a document mentions",
        description="Every date expression in one document, with its value and how it "
        "was resolved.",
    )
    dates.add_argument("id", help="the document id, as `natojp list` prints it")

    people = _command(
        sub,
        "people",
        cmd_people,
        examples=["natojp people", "natojp people 2023-01-31-tokyo-news-release --json"],
        help="who is mentioned, and how often",
        description="The people mentioned in one document (ID) or in all, most mentioned "
        "first, by registry id.",
    )
    people.add_argument("id", nargs="?", help="one document id (default: all)")

    _command(
        sub,
        "schema",
        cmd_schema,
        examples=["natojp schema > natojp-document.schema.json"],
        help="print the JSON Schema of a document",
        description="Print the JSON Schema (draft 2020-12) that every document object in "
        "natojp's JSON and JSON Lines follows.",
        json_help=None,
        corpus=False,
    )
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); returns
    the exit status.

    >>> main(["people", "2023-01-31-tokyo-news-release"])
       12  Jens Stoltenberg                jens-stoltenberg
        2  Fumio Kishida                   fumio-kishida
        1  Yoshimasa Hayashi               yoshimasa-hayashi
    0

    .. versionchanged:: 0.1
       ``--json`` rows use the models' field names and JSON shapes
       (``document_id``, not ``id``; spans as ``{"start": ..., "end": ...}``),
       and a bug in natojp is one line on stderr (exit status 2), not a traceback.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 2
    stream = out if out is not None else sys.stdout
    try:
        return int(args.func(args, stream))
    except NatojpError as exc:
        sys.stderr.write(f"natojp: error: {exc}\n")
        return 1
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # `natojp list | head` closing early is fine
            return 0
        sys.stderr.write(f"natojp: error: {exc.filename or ''}: {exc.strerror}\n")
        return 1
    except Exception as exc:  # natojp's own bug: one line to report, not a traceback
        sys.stderr.write(
            f"natojp: internal error: {type(exc).__name__}: {exc}\n"
            "natojp: this is a bug; please report it with the command that caused it\n"
        )
        return 2


def run() -> None:  # pragma: no cover - the console-script entry point
    """The ``natojp`` console script: :func:`main` with ``sys.argv``, exiting with
    its status. Call :func:`main` from Python instead, which returns it.

    >>> import subprocess, sys
    >>> done = subprocess.run([sys.executable, "-m", "natojp", "list", "--json"],
    ...                       capture_output=True, text=True)
    >>> done.returncode, done.stdout.lstrip()[:1]
    (0, '[')
    """
    sys.exit(main())
