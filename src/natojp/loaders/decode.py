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
import re
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
_CP1252_UNDEFINED = "\x81\x8d\x8f\x90\x9d"

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")

# ISO-2022-JP is 7-bit, so valid UTF-8 too: its escape sequences give it away.
_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(O", b"\x1b$(Q", b"\x1b(I")
_ISO2022_CODECS = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004")
# Each family of Japanese codecs charset-normalizer may name, and the codecs natojp
# reads it with, in order: cp932 (Windows, the usual source of Shift_JIS files)
# before its JIS X 0213 relatives, plain EUC-JP before its extensions.
_JAPANESE_FAMILIES = (
    ("cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213"),
    ("euc_jp", "euc_jis_2004", "euc_jisx0213"),
    (*_ISO2022_CODECS, "iso2022_jp_1", "iso2022_jp_3"),
)
# The everyday name of a codec, recorded when it reads the bytes the same.
_PLAIN_NAME = {"cp932": "shift_jis"}
# A detection needs this many non-ASCII characters before natojp believes it.
_MIN_EVIDENCE = 8
# Readings no messier (charset-normalizer's "chaos") than the best one plus this
# are ties: among them a Japanese reading is preferred (EUC-JP over an equally
# clean EUC-KR), then a Windows code page (cp1251 over mac_cyrillic).
_TIE = 0.02
_ESCAPED = re.compile("[\udc80-\udcff]")
_NOT_DETECTED = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]

# UTF-8 read as Windows-1252: a lead byte (Â..ô) then 1-3 continuation bytes
# (€..¿, the five bytes cp1252 leaves undefined passed through as C1 controls).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178\u00a0-\u00bf\x81\x8d\x8f\x90\x9d]"
)


@attrs.frozen(kw_only=True)
class Decoded:
    """The text of a file and how it was read.

    ``encoding`` is what :attr:`natojp.models.Origin.encoding` records: the
    encoding found (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16-le"``, ``"cp1252"``,
    ``"shift_jis"``, ``"euc_jp"``, ``"iso2022_jp"``, ...), followed by what was
    done to the text, if anything: ``"utf-8 (2 bad bytes replaced, the first at
    byte 120)"``, ``"utf-8 (repaired from cp1252 mojibake)"``. ``codec`` is the
    encoding alone. ``replaced`` counts the bytes that were not UTF-8 in a file
    that otherwise is, each run of them now U+FFFD; ``first_replaced`` is the
    offset of the first. ``repaired`` says that the text was UTF-8 read as
    Windows-1252 ("Ã©" for "é") and has been put right.

    >>> decode("café".encode("cp1252"))
    Decoded(text='café', encoding='cp1252', codec='cp1252', replaced=0, first_replaced=None,
            repaired=False)

    .. versionchanged:: 0.1
       ``codec``, ``replaced``, ``first_replaced`` and ``repaired`` are new.
    """

    text: str
    encoding: str
    codec: str = attrs.field(default=attrs.Factory(lambda self: self.encoding, takes_self=True))
    replaced: int = 0
    first_replaced: int | None = None
    repaired: bool = False


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, *, path: str | None = None) -> Decoded:
    """Decode a file's bytes.

    UTF-8 with or without a byte-order mark, and UTF-16 and UTF-32 with one, are
    read as such: a file that is valid UTF-8 is UTF-8 (7-bit ISO-2022-JP, with its
    escape sequences, excepted). A file that is UTF-8 but for a few bad bytes is
    read as UTF-8 with each run of bad bytes replaced by U+FFFD, and ``replaced``
    and ``first_replaced`` say how many and where. Other bytes go to
    charset-normalizer, which finds legacy Japanese (Shift_JIS/cp932, EUC-JP) and
    other encodings; when it is not sure, or finds only a Latin-alphabet code
    page, the file is read as Windows-1252. Text that is UTF-8 misread as
    Windows-1252 ("Ã©", "â€™") is repaired when the whole of it reads back as
    UTF-8. Anything else, NUL bytes included, raises
    :class:`~natojp.errors.DecodeError` naming ``path``, the byte offset and the line.

    >>> decode("café".encode("utf-16")).encoding
    'utf-16-le'
    >>> decoded = decode("日米同盟とNATOの協力について".encode("shift_jis"))
    >>> decoded.text, decoded.encoding
    ('日米同盟とNATOの協力について', 'shift_jis')
    >>> decode("Japan’s café".encode("utf-8").decode("cp1252").encode("utf-8"))
    Decoded(text='Japan’s café', encoding='utf-8 (repaired from cp1252 mojibake)', codec='utf-8',
            replaced=0, first_replaced=None, repaired=True)
    >>> decode("NATO–Japan".encode("utf-8") + b"\\xff").encoding
    'utf-8 (1 bad byte replaced, at byte 12)'
    >>> decode(b"PK\\x03\\x04\\x00\\x00", path="x.zip")
    Traceback (most recent call last):
    ...
    natojp.errors.DecodeError: x.zip:1: NUL byte: this is not a text file ... (at byte 4)

    .. versionchanged:: 0.1
       Legacy encodings (Shift_JIS/cp932, EUC-JP, ISO-2022-JP and others) are
       found with charset-normalizer, UTF-8 with a few bad bytes stays UTF-8, and
       mojibake is repaired; anything not UTF-8 was read as Windows-1252.
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
            return _finish(text, name, path=path)

    if data.startswith(b"%PDF-"):  # a PDF whose first bytes happen to have no NUL
        raise DecodeError(
            "a PDF file, not text: extract its text first (e.g. with pdftotext)",
            path=path,
            offset=0,
            line=1,
        )
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
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if b"\x1b" in data and any(escape in data for escape in _ISO2022_ESCAPES):
            for codec in _ISO2022_CODECS:
                try:
                    return _finish(data.decode(codec), codec, path=path)
                except UnicodeDecodeError:
                    continue
        return _finish(text, "utf-8", path=path)

    replaced, first = _utf8_damage(data)
    if replaced:
        text = data.decode("utf-8", errors="replace")
        _check_controls(text, path=path, encoding="utf-8")
        plural = "s" if replaced > 1 else ""
        where = f"the first at byte {first}" if replaced > 1 else f"at byte {first}"
        return Decoded(
            text=text,
            encoding=f"utf-8 ({replaced} bad byte{plural} replaced, {where})",
            codec="utf-8",
            replaced=replaced,
            first_replaced=first,
        )
    detected = _detect(data)
    if detected is not None:
        return _finish(data.decode(detected), detected, path=path)
    try:
        text = data.decode(_LEGACY)
    except UnicodeDecodeError:
        raise DecodeError(
            "invalid UTF-8, and no other encoding reads it either; re-save the file as UTF-8",
            path=path,
            offset=first_bad,
            line=_line_of(data, first_bad),
        ) from None
    return _finish(text, _LEGACY, path=path)


def _finish(text: str, codec: str, *, path: str | None) -> Decoded:
    _check_controls(text, path=path, encoding=codec)
    repaired = _repair_mojibake(text)
    if repaired is None:
        return Decoded(text=text, encoding=codec)
    return Decoded(
        text=repaired,
        encoding=f"{codec} (repaired from cp1252 mojibake)",
        codec=codec,
        repaired=True,
    )


def _utf8_damage(data: bytes) -> tuple[int, int | None]:
    """The number of bytes that are not UTF-8 and the offset of the first, when
    the file is UTF-8 apart from them: at least as many of its non-ASCII bytes
    form valid multi-byte sequences as do not. ``(0, None)`` when it is not UTF-8
    at all (Windows-1252 text has no valid sequences, Shift_JIS text few)."""
    high = len(data.translate(None, bytes(range(128))))  # the bytes that are not ASCII
    # Each byte that is not UTF-8 becomes one lone surrogate, U+DC80..U+DCFF.
    escaped = data.decode("utf-8", errors="surrogateescape")
    first = _ESCAPED.search(escaped)
    bad = len(_ESCAPED.findall(escaped))
    if first is None or 2 * bad > high:
        return 0, None
    return bad, len(escaped[: first.start()].encode("utf-8"))


def _codec_name(name: str) -> str:
    return codecs.lookup(name).name


def _is_kana(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\uff66" <= ch <= "\uff9f"


def _is_japanese(ch: str) -> bool:
    # Kana, CJK punctuation, kanji, full-width forms.
    return "\u3000" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _reads_as_japanese(text: str) -> bool:
    foreign = [ch for ch in text if ch > "\x7f"]
    japanese = sum(1 for ch in foreign if _is_japanese(ch))
    return any(_is_kana(ch) for ch in foreign) and 2 * japanese >= len(foreign)


def _is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch > "\x7f" and ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return 2 * latin >= len(letters)


def _detect(data: bytes) -> str | None:
    """The encoding charset-normalizer is sure of, or ``None`` (then Windows-1252)."""
    import charset_normalizer  # only for files that are not UTF-8; it takes a while to import

    matches = list(charset_normalizer.from_bytes(data, cp_exclusion=_NOT_DETECTED))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.chaos > best.chaos + _TIE:
            break
        family = next((f for f in _JAPANESE_FAMILIES if _codec_name(match.encoding) in f), None)
        if family is not None and _reads_as_japanese(str(match)):
            return _japanese_codec(data, family)
    # Between equally clean readings, a Windows code page is the likelier one.
    tied = [m for m in matches if m.chaos <= best.chaos + _TIE]
    best = next((m for m in tied if _codec_name(m.encoding).startswith("cp125")), best)
    text = str(best)
    if sum(1 for ch in text if ch > "\x7f") < _MIN_EVIDENCE:
        return None
    if _is_latin(text) and _decodes_as(data, _LEGACY, None):
        return None  # Latin-alphabet code pages look alike; Windows-1252 is the likely one
    return _codec_name(best.encoding)


def _japanese_codec(data: bytes, family: tuple[str, ...]) -> str | None:
    for codec in family:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = _PLAIN_NAME.get(codec)
        return plain if plain is not None and _decodes_as(data, plain, text) else codec
    return None  # pragma: no cover - charset-normalizer read it with one of them


def _decodes_as(data: bytes, codec: str, expected: str | None) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return expected is None or text == expected


def _repair_mojibake(text: str) -> str | None:
    """``text`` with UTF-8 that was read as Windows-1252 put right, or ``None``
    when it shows none or does not read back as UTF-8 as a whole."""
    if not _MOJIBAKE.search(text):
        return None
    parts = re.split(f"([{_CP1252_UNDEFINED}])", text)
    try:
        raw = b"".join(
            part.encode("latin-1") if i % 2 else part.encode(_LEGACY)
            for i, part in enumerate(parts)
        )
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


_CONTROL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x20) if chr(c) not in _ALLOWED_CONTROLS) + "]"
)


def _check_controls(text: str, *, path: str | None, encoding: str) -> None:
    # A few stray control characters are noise to drop; many mean binary data.
    sample = text[:65536]
    if not sample:
        return
    controls = [m.start() for m in _CONTROL.finditer(sample)]
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
    # U+FFFC stands where an object (an image) was: a space between words.
    for code in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFFFC, *range(0x2000, 0x200B)):
        table[code] = " "
    # Invisible characters that only get in the way of matching.
    for code in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD):
        table[code] = None
    return table


_TABLE = _build_table()
# Most texts have few characters to change, or none: translating only the runs
# of them is several times quicker than translating the whole text.
_CHANGED = re.compile(
    "[" + "".join(re.escape(chr(code)) for code, to in _TABLE.items() if to != chr(code)) + "]+"
)


def _changed(run: re.Match[str]) -> str:
    return run[0].translate(_TABLE)


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalize(text: str) -> str:
    """Give text the one shape every parser expects.

    Line ends become ``\\n``; non-breaking and other wide spaces and tabs become
    plain spaces; zero-width characters, soft hyphens and stray control characters
    go; a lone surrogate becomes U+FFFD; the text is NFC-normalised; spaces at
    line ends are removed.

    >>> normalize("Q\\u00a0\\u00a0 Thank you.  \\r\\nCafe\\u0301")
    'Q   Thank you.\\nCafé'
    >>> normalize("met \\udfff in Oslo")
    'met \\ufffd in Oslo'
    """
    text = _CHANGED.sub(_changed, text.replace("\r\n", "\n").replace("\r", "\n"))
    if _SURROGATE.search(text):
        # A string (not bytes) can hold halves of UTF-16 pairs: a pair becomes its
        # character, a lone half U+FFFD, as a decoder would have made it.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if " \n" in text or text.endswith(" "):
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text
