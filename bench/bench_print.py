"""Benchmark: 100 meeting minutes straight to PDF (reportlab) against
converting the same 100 Word files with LibreOffice headless, measured two ways
in the same run:

- one soffice call for all 100 files: LibreOffice's fastest possible use;
- one soffice call per document (the first --per-file of them): the route
  clerks use today, one minutes at a time.

    uv run python bench/bench_print.py [--count 100] [--per-file 20] [--keep DIR]

Target: the direct route at least 10× faster than the clerks' route.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dvdesktop.documents import samples
from dvdesktop.services.printing.catalog import KINDS  # noqa: E402
from dvdesktop.documents.render import to_docx, to_pdf  # noqa: E402


def minutes_batch(count: int):
    base = samples.minutes("party")
    out = []
    for i in range(count):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=7 * i)
        header = dataclasses.replace(base.header, number=f"{i + 1:02d}-BB/TDV", date=day)
        out.append(dataclasses.replace(
            base, header=header, title=f"Tuần {i + 1} năm {day.year}",
            starts_at=dt.datetime.combine(day, dt.time(14, 0)), ends_at=dt.datetime.combine(day, dt.time(16, 30))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--keep", help="keep the files in this folder")
    parser.add_argument("--per-file", type=int, default=20,
                        help="how many documents to convert with one LibreOffice start each (default 20)")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dv-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = minutes_batch(args.count)

    start = time.perf_counter()
    from dvdesktop.documents.fonts import fonts

    fonts()
    font_ms = (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    for i, d in enumerate(data):
        to_pdf(KINDS["minutes"].build(d), folder / f"bien-ban-{i + 1:03d}.pdf")
    pdf_s = time.perf_counter() - start

    docx_dir = folder / "docx"
    docx_dir.mkdir(exist_ok=True)
    start = time.perf_counter()
    files = []
    for i, d in enumerate(data):
        path = docx_dir / f"bien-ban-{i + 1:03d}.docx"
        to_docx(KINDS["minutes"].build(d), path)
        files.append(str(path))
    docx_s = time.perf_counter() - start

    print(f"fonts parsed and registered once: {font_ms:.0f} ms")
    print(f"reportlab, {args.count} minutes → PDF: {pdf_s:.2f} s ({pdf_s / args.count * 1000:.1f} ms each)")
    print(f"python-docx, {args.count} minutes → DOCX: {docx_s:.2f} s ({docx_s / args.count * 1000:.1f} ms each)")
    if soffice is None:
        print("LibreOffice (soffice) not found: install libreoffice-writer-nogui to compare.")
        return 0
    profile = (folder / "lo-profile").resolve().as_uri()
    lo_out = folder / "lo-pdf"
    # a first run creates the LibreOffice profile; not counted
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder / "warmup"), files[0]],
                   check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(lo_out), *files], check=True, capture_output=True)
    lo_s = time.perf_counter() - start
    made = len(list(lo_out.glob("*.pdf")))
    print(f"LibreOffice headless, one call for all {made} DOCX → PDF: {lo_s:.2f} s ({lo_s / args.count * 1000:.1f} ms each)")
    print(f"  direct PDF is {lo_s / pdf_s:.1f}× faster than LibreOffice's best case "
          f"({lo_s / (pdf_s + docx_s):.1f}× counting the Word files too)")
    # What a clerk does today: one document at a time, each a LibreOffice start.
    single = files[: args.per_file]
    start = time.perf_counter()
    for path in single:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(folder / "lo-single"), path],
                       check=True, capture_output=True)
    one_s = (time.perf_counter() - start) / len(single)
    ours = pdf_s / args.count
    print(f"LibreOffice headless, one call per document ({len(single)} documents): {one_s * 1000:.0f} ms each")
    print(f"  direct PDF is {one_s / ours:.0f}× faster than converting one document at a time; target ≥ 10×")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if one_s / ours >= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
