"""An input file checked before it is parsed: a zip that unpacks past the limit, a CSV cut
short, text in another encoding; each refused by `import-cow` with one line naming the file."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.cow.files import MAX_MIB, MIB, CowError, check_rows, unzip_member
from dashboard.cow.importer import import_cow
from dashboard.cow.reading import COW_CSV
from tests import layered
from tests.cow.test_importer import YEARS, org, write_cow


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    """`import-cow` with `args`; its exit code and the last line on stderr (no traceback)."""
    code = main(["import-cow", *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip().splitlines()[-1] if err.strip() else ""


def zip_of(path: Path, data: bytes, member: str = f"IGO_csv/{COW_CSV}") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return path


def bomb(folder: Path, size: int) -> Path:
    """A zip of a few kB whose CSV unpacks to `size` bytes: a valid header, then one long row."""
    folder.mkdir(parents=True, exist_ok=True)
    header = b"ioname,orgname,year,sdate,usa\n"
    return zip_of(folder / "IGO_csv.zip", header + b"0" * (size - len(header)))


def test_a_zip_that_unpacks_past_the_limit_is_refused_naming_member_and_limit(tmp_path, capsys):
    archive = bomb(tmp_path, 3 * MIB)
    assert archive.stat().st_size < 20_000
    _, states = write_cow(tmp_path / "in", org("TST", YEARS))
    out = tmp_path / "out"
    code, last = run([str(archive), str(states), str(out), "--max-size", "2"], capsys)
    assert code == 2
    assert last == (
        f"error: {archive}:IGO_csv/{COW_CSV}: unpacks to more than the limit of 2 MiB "
        "(--max-size); COW's own file unpacks to about 13 MB"
    )
    assert not out.exists()


def test_the_limit_is_counted_while_unpacking_not_taken_from_the_header(tmp_path):
    """A zip whose headers claim 100 bytes for 3 MiB: never unpacked past what it claims."""
    archive = bomb(tmp_path, 3 * MIB)
    data = bytearray(archive.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, 100)  # uncompressed size, central directory
    with pytest.raises(CowError, match=f"{archive.name}: damaged or incomplete zip"):
        unzip_member(archive, bytes(data), COW_CSV, MIB)


def test_the_limit_applies_to_a_plain_csv_and_to_the_state_list(tmp_path):
    igo, states = write_cow(tmp_path, org("TST", YEARS))
    small = states.read_bytes()
    states.write_bytes(small + b"#" * (MIB + MIB // 2))
    with pytest.raises(CowError, match=rf"{states.name}: 1\.5 MiB, more than the limit of 1 MiB"):
        import_cow(igo, states, limit=MIB)
    states.write_bytes(small)
    igo.write_bytes(igo.read_bytes() + b"\n" * 2 * MIB)
    with pytest.raises(CowError, match=rf"{igo.name}: 2\.0 MiB, more than the limit of 1 MiB"):
        import_cow(igo, states, limit=MIB)


def test_the_default_limit_leaves_room_above_cow_s_own_file():
    igo, _ = layered.cow_files()
    with zipfile.ZipFile(igo) as archive:
        unpacked = archive.getinfo(COW_CSV).file_size
    assert 12 * MIB < unpacked < 13 * MIB
    assert 15 * unpacked <= MAX_MIB * MIB  # and far below the machine's 24 GiB


def halves(folder: Path) -> tuple[Path, Path, int]:
    """The IGO file cut in the middle of a row, its state list, and the line it ends on."""
    igo, states = write_cow(folder, org("TST", YEARS, usa=[1] * 5))
    data = igo.read_bytes()
    cut = data[: len(data) // 2]
    igo.write_bytes(cut)
    return igo, states, cut.count(b"\n") + 1


def test_a_csv_cut_in_the_middle_of_a_row_is_named_with_its_line(tmp_path, capsys):
    igo, states, line = halves(tmp_path)
    code, last = run([str(igo), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert last.startswith(f"error: {igo}: line {line}: the file ends in the middle of a row (")
    assert last.endswith("it was cut short; download or unpack it again")
    assert not (tmp_path / "out").exists()


def test_a_csv_cut_short_inside_the_zip_is_named(tmp_path, capsys):
    igo, states, line = halves(tmp_path)
    archive = zip_of(tmp_path / "IGO_csv.zip", igo.read_bytes())
    code, last = run([str(archive), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert f"error: {archive}:IGO_csv/{COW_CSV}: line {line}: the file ends in the middle" in last


def test_cow_s_own_file_cut_in_half_is_refused(tmp_path, capsys):
    """The real file, cut in a temporary folder (never kept): a message, not a smaller package."""
    igo, states = layered.cow_files()
    with zipfile.ZipFile(igo) as archive:
        data = archive.read(COW_CSV)
    cut = tmp_path / COW_CSV
    cut.write_bytes(data[: len(data) // 2])
    line = data[: len(data) // 2].count(b"\n") + 1
    code, last = run([str(cut), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert f"{cut}: line {line}: the file ends in the middle of a row" in last


def test_a_damaged_zip_is_named(tmp_path, capsys):
    igo, states = write_cow(tmp_path, org("TST", YEARS))
    archive = zip_of(tmp_path / "IGO_csv.zip", igo.read_bytes())
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])  # a download cut short
    code, last = run([str(archive), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert last.startswith(f"error: {archive}: damaged or incomplete zip")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a,b\n1,"x\n', "line 2: a quote is never closed"),
        ("a,b\n1,2\n3\n4,5\n", "line 3: the header has 2 fields, this row 1"),
        ("a,b\n1,2\n3,4,5\n", "line 3: the header has 2 fields, this row 3"),
        ("a,b\r\n1,2\r\n3", "line 3: the file ends in the middle of a row (1 of 2 fields)"),
        ('a,b\n1,"x"y\n', "line 2: ',' expected after '\"'"),
    ],
    ids=["open-quote", "short-row", "long-row", "cut-crlf", "stray-quote"],
)
def test_rows_are_checked_against_the_header(text, message):
    with pytest.raises(CowError, match="^f: ") as raised:
        check_rows(text, "f")
    assert message in str(raised.value)


@pytest.mark.parametrize(
    "text",
    ['a,b\n1,"x\ny"\n2,3\n', "a,b\n1,2", 'a,b\n1,"say ""hi"", twice"\n', "a,b\n\n1,2\n\n"],
    ids=["newline-in-quotes", "no-final-newline", "doubled-quotes", "blank-lines"],
)
def test_well_formed_csv_passes(text):
    check_rows(text, "f")


def test_a_mis_encoded_csv_is_named_with_its_line(tmp_path, capsys):
    rows = org("TST", YEARS)
    rows[0]["orgname"] = "Organisation économique"
    igo, states = write_cow(tmp_path, rows)
    igo.write_bytes(igo.read_bytes().decode("utf-8").encode("latin-1"))
    code, last = run([str(igo), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert last == (
        f"error: {igo}: line 2: byte 0xe9 is not utf-8 text; save the file as UTF-8, or name "
        "its encoding with --encoding"
    )
    assert not (tmp_path / "out").exists()
    out = tmp_path / "latin"
    assert main(["import-cow", str(igo), str(states), str(out), "--encoding", "latin-1"]) == 0
    assert "Organisation économique" in (out / "organizations.csv").read_text(encoding="utf-8")


def test_a_mis_encoded_state_list_and_an_unknown_encoding_are_named(tmp_path, capsys):
    igo, states = write_cow(tmp_path, org("TST", YEARS))
    states.write_bytes(
        states.read_bytes() + b"X99,99,C\xf4te d'Ivoire,1960,1,1,2016,12,31,2016,x\n"
    )
    code, last = run([str(igo), str(states), str(tmp_path / "out")], capsys)
    assert code == 2
    assert last.startswith(f"error: {states}: line 11: byte 0xf4 is not utf-8 text")
    code, last = run(
        [str(igo), str(states), str(tmp_path / "out"), "--encoding", "klingon"], capsys
    )
    assert (code, last) == (2, "error: 'klingon' is not a known text encoding (--encoding)")
