"""The text of an input file, checked before it is parsed: a size limit on what is read or
unpacked (counted while unpacking, never trusting the zip's own figures), strict decoding that
names the line of a byte it cannot decode, and rows cut short or quotes never closed."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

MIB = 1024 * 1024
# COW's igo_year_formatv3.csv unpacks to 12.8 MB; twenty times that still fits in memory
MAX_MIB = 256
CHUNK = MIB


class CowError(Exception):
    """Input the importer cannot use; the message names the file and says what is wrong."""


def check_encoding(encoding: str) -> str:
    """The codec's canonical name; CowError for one Python does not know."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise CowError(f"'{encoding}' is not a known text encoding (--encoding)") from None


def read_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes; CowError when it is missing, unreadable or larger than `limit`."""
    if not path.is_file():
        raise CowError(f"{path}: file not found")
    try:
        size = path.stat().st_size
        if size > limit:
            raise CowError(
                f"{path}: {size / MIB:,.1f} MiB, more than the limit of {limit / MIB:,.0f} MiB "
                "(--max-size)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise CowError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None


def looks_like_zip(data: bytes) -> bool:
    """A zip archive by its signature (a damaged one too) or by its central directory."""
    return data[:4] == b"PK\x03\x04" or zipfile.is_zipfile(io.BytesIO(data))


def unzip_member(path: Path, data: bytes, member_name: str, limit: int) -> tuple[str, bytes]:
    """The member of the zip whose file name is `member_name`, unpacked a chunk at a time and
    refused as soon as it passes `limit`; returns its name for messages and its bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if Path(m.filename).name == member_name]
            if not members:
                held = ", ".join(archive.namelist()[:5]) or "nothing"
                raise CowError(f"{path}: the zip holds no {member_name} (it holds {held})")
            name = f"{path}:{members[0].filename}"
            too_big = CowError(
                f"{name}: unpacks to more than the limit of {limit / MIB:,.0f} MiB (--max-size); "
                "COW's own file unpacks to about 13 MB"
            )
            if members[0].file_size > limit:
                raise too_big
            chunks, total = [], 0
            with archive.open(members[0]) as member:
                while chunk := member.read(CHUNK):
                    total += len(chunk)
                    if total > limit:  # the header may understate the size: count what comes
                        raise too_big
                    chunks.append(chunk)
            return name, b"".join(chunks)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise CowError(f"{path}: damaged or incomplete zip ({exc})") from None
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encryption
        raise CowError(f"{path}: the zip cannot be unpacked ({exc})") from None


def decode(data: bytes, name: str, encoding: str) -> str:
    """The text of `data`; CowError naming the line of the first byte that does not decode."""
    codec = codecs.lookup(encoding).name
    try:
        return data.decode("utf-8-sig" if codec == "utf-8" else codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        raise CowError(
            f"{name}: line {line}: byte 0x{byte:02x} is not {codec} text; save the file as "
            "UTF-8, or name its encoding with --encoding"
        ) from None


def _records(text: str, name: str) -> Iterator[tuple[int, int]]:
    """(line the record starts on, its number of fields) for each non-blank record. A record
    goes on over the next line while it has an odd number of quotes (RFC 4180 doubles a quote
    inside a quoted field); the csv module parses only the records that have quotes."""
    pending: list[str] = []
    quotes = start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not pending:
            start = number
        pending.append(line)
        quotes += line.count('"')
        if quotes % 2:
            continue
        record, pending, quotes = "\n".join(pending), [], 0
        if not record.strip("\r"):
            continue
        if '"' not in record:
            yield start, record.count(",") + 1
            continue
        try:
            yield start, len(next(csv.reader(io.StringIO(record, newline=""), strict=True)))
        except csv.Error as exc:
            raise CowError(f"{name}: cannot be read as CSV (line {start}: {exc})") from None
    if pending:
        raise CowError(
            f"{name}: cannot be read as CSV (line {start}: a quote is never closed; the file "
            "may have been cut short)"
        )


def check_rows(text: str, name: str) -> None:
    """CowError for a quote never closed, a row cut short at the end of the file, or a row
    whose number of fields is not the header's."""
    width, last, odd = 0, 0, None
    for line, fields in _records(text, name):
        if not width:
            width = fields
        elif fields != width and odd is None:
            odd = (line, fields)
        last = line
    if odd is None:
        return
    line, fields = odd
    if line == last and fields < width and not text.endswith(("\n", "\r")):
        raise CowError(
            f"{name}: line {line}: the file ends in the middle of a row ({fields} of {width} "
            "fields): it was cut short; download or unpack it again"
        )
    raise CowError(f"{name}: line {line}: the header has {width} fields, this row {fields}")
