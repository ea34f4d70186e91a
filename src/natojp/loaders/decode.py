"""Bytes to clean text: the first step of every load.

:func:`decode` turns a file's bytes into a string, or raises
:class:`~natojp.errors.DecodeError` with the byte offset and line of the first
byte that is not text. :func:`normalize` then gives every parser the same kind of
text: NFC, ``\\n`` line ends, plain spaces, no trailing spaces, no invisible
characters.

>>> decode(b"\\xef\\xbb\\xbfNATO\\r\\nJapan").text
'NATO\\r\\nJapan'
>>> normalize("NATO\\u00a0and\\r\\nJapan  ")
'NATO and\\nJapan'
"""

from __future__ import annotations

import codecs
import unicodedata

import attrs

from natojp.errors import DecodeError

__all__ = ["Decoded", "decode", "normalize"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Windows-1252 is what text that is not UTF-8 almost always turns out to be in
# English-language web captures; it leaves five bytes undefined, so binary data
# rarely decodes cleanly with it.
_LEGACY = "cp1252"

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@attrs.frozen(kw_only=True)
class Decoded:
    """The text of a file and the encoding it was found in (``"utf-8"``,
    ``"utf-8-sig"``, ``"utf-16-le"``, ``"cp1252"``, ...).

    >>> decode("café".encode("cp1252"))
    Decoded(text='café', encoding='cp1252')
    """

    text: str
    encoding: str


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, *, path: str | None = None) -> Decoded:
    """Decode a file's bytes.

    UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with one, and
    Windows-1252 are read. Anything else, NUL bytes included, raises
    :class:`~natojp.errors.DecodeError` naming ``path``, the byte offset and the line.

    >>> decode("café".encode("utf-16")).encoding
    'utf-16-le'
    >>> decode(b"PK\\x03\\x04\\x00\\x00", path="x.zip")
    Traceback (most recent call last):
    ...
    natojp.errors.DecodeError: x.zip:1: NUL byte: this is not a text file ... (at byte 4)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as exc:
                offset = exc.start + len(bom)
                raise DecodeError(
                    f"invalid {encoding.upper()} although the file starts with its byte-order mark",
                    path=path,
                    offset=offset,
                    line=_line_of(data, offset),
                ) from None
            name = "utf-8-sig" if encoding == "utf-8" else encoding
            _check_controls(text, path=path, encoding=name)
            return Decoded(text=text, encoding=name)

    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(
            "NUL byte: this is not a text file (or it is UTF-16 without a byte-order mark; "
            "re-save it as UTF-8)",
            path=path,
            offset=nul,
            line=_line_of(data, nul),
        )
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
        try:
            text = data.decode(_LEGACY)
        except UnicodeDecodeError:
            raise DecodeError(
                "invalid UTF-8, and not Windows-1252 either; re-save the file as UTF-8",
                path=path,
                offset=first_bad,
                line=_line_of(data, first_bad),
            ) from None
        encoding = _LEGACY
    _check_controls(text, path=path, encoding=encoding)
    return Decoded(text=text, encoding=encoding)


def _check_controls(text: str, *, path: str | None, encoding: str) -> None:
    # A few stray control characters are noise to drop; many mean binary data.
    sample = text[:65536]
    if not sample:
        return
    controls = [i for i, ch in enumerate(sample) if ch < " " and ch not in _ALLOWED_CONTROLS]
    if len(controls) > max(2, len(sample) // 100):
        at = controls[0]
        raise DecodeError(
            f"{len(controls)} control characters in the first {len(sample)} characters: "
            "this looks like binary data, not text",
            path=path,
            offset=len(sample[:at].encode(encoding.replace("-sig", ""), errors="replace")),
            line=sample.count("\n", 0, at) + 1,
        )


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0x20):
        table[code] = None
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    table[ord("\f")] = "\n"
    table[ord("\v")] = "\n"
    for code in (0x2028, 0x2029, 0x85):
        table[code] = "\n"
    for code in range(0x7F, 0xA0):
        if code != 0x85:
            table[code] = None
    # Space separators of every width become a plain space.
    for code in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
        table[code] = " "
    # Invisible characters that only get in the way of matching.
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD):
        table[code] = None
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Give text the one shape every parser expects.

    Line ends become ``\\n``; non-breaking and other wide spaces and tabs become
    plain spaces; zero-width characters, soft hyphens and stray control characters
    go; the text is NFC-normalised; spaces at line ends are removed.

    >>> normalize("Q\\u00a0\\u00a0 Thank you.  \\r\\nCafe\\u0301")
    'Q   Thank you.\\nCafé'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text
