"""Benchmark: 100 meeting minutes straight to PDF (reportlab) against
converting the same 100 Word files with LibreOffice headless, measured two ways
in the same run:

- one soffice call for all 100 files: LibreOffice's fastest possible use;
- one soffice call per document (the first --per-file of them): the route
  clerks use today, one minutes at a time.

    uv run python bench/bench_print.py [--count 100] [--rounds 3] [--per-file 20] [--keep DIR] [--distinct]

Both sides are timed --rounds times, alternately, and the medians compared
(the first LibreOffice call, which creates its profile, is not counted; our
first round is printed apart as "cold": it parses markup the later rounds
find cached). The 100 minutes share their fixed parts (header, labels,
signatures) as real minutes do; their dates, numbers and titles differ, and
with --distinct their reports, discussion, conclusions and tasks too (then
no paragraph of the body is found already laid out: the honest figure for a
year of different meetings).

Goal: the direct route at least 10× faster than LibreOffice's one-call batch.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
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


def minutes_batch(count: int, distinct: bool = False, first: int = 0):
    """*count* minutes of one team; with *distinct*, each with its own wording
    of the reports, discussion, conclusions and tasks (no paragraph of the
    body repeats: nothing of it can be found laid out already)."""
    base = samples.minutes("party")
    out = []
    for i in range(first, first + count):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=7 * i)
        header = dataclasses.replace(base.header, number=f"{i + 1:02d}-BB/TDV", date=day)
        body = {}
        if distinct:
            week = f"Tuần {i + 1} ({day:%d/%m/%Y}): "
            body = dict(
                agenda=[dataclasses.replace(a, content=week + a.content.replace("\n", "\n" + week)) for a in base.agenda],
                discussion=week + base.discussion.replace("\n", "\n" + week),
                conclusions=week + base.conclusions,
                tasks=[dataclasses.replace(t, description=f"{t.description} (tuần {i + 1})") for t in base.tasks])
        out.append(dataclasses.replace(
            base, header=header, title=f"Tuần {i + 1} năm {day.year}",
            starts_at=dt.datetime.combine(day, dt.time(14, 0)), ends_at=dt.datetime.combine(day, dt.time(16, 30)),
            **body))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--keep", help="keep the files in this folder")
    parser.add_argument("--distinct", action="store_true",
                        help="each minutes with its own body text (by default only the header, title and times differ)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-file", type=int, default=20,
                        help="how many documents to convert with one LibreOffice start each (default 20)")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dv-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = minutes_batch(args.count, args.distinct)

    start = time.perf_counter()
    from dvdesktop.documents.fonts import fonts

    fonts()
    font_ms = (time.perf_counter() - start) * 1000

    rounds_done = [0]

    def ours() -> float:
        # --distinct: every round prints minutes not printed before (nothing found laid out)
        batch = minutes_batch(args.count, True, rounds_done[0] * args.count) if args.distinct else data
        rounds_done[0] += 1
        start = time.perf_counter()
        for i, d in enumerate(batch):
            to_pdf(KINDS["minutes"].build(d), folder / f"bien-ban-{i + 1:03d}.pdf")
        return time.perf_counter() - start

    cold_s = ours()
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
    print(f"python-docx, {args.count} minutes → DOCX: {docx_s:.2f} s ({docx_s / args.count * 1000:.1f} ms each)")
    if soffice is None:
        print(f"reportlab, {args.count} minutes → PDF: {cold_s:.2f} s")
        print("LibreOffice (soffice) not found: install libreoffice-writer-nogui to compare.")
        return 0
    profile = (folder / "lo-profile").resolve().as_uri()
    lo_out = folder / "lo-pdf"
    # a first run creates the LibreOffice profile; not counted
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder / "warmup"), files[0]],
                   check=True, capture_output=True)
    ours_runs, lo_runs = [], []
    for _ in range(args.rounds):
        ours_runs.append(ours())
        start = time.perf_counter()
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", str(lo_out), *files], check=True, capture_output=True)
        lo_runs.append(time.perf_counter() - start)
    pdf_s, lo_s = statistics.median(ours_runs), statistics.median(lo_runs)
    made = len(list(lo_out.glob("*.pdf")))
    print(f"reportlab, {args.count} minutes → PDF: cold {cold_s:.2f} s, warm median {pdf_s:.2f} s of {args.rounds} "
          f"({pdf_s / args.count * 1000:.1f} ms each)")
    print(f"LibreOffice headless, one call for all {made} DOCX → PDF: median {lo_s:.2f} s of {args.rounds} "
          f"({lo_s / args.count * 1000:.1f} ms each)")
    ratio = lo_s / pdf_s
    print(f"  direct PDF is {ratio:.1f}× faster than LibreOffice's one-call batch "
          f"({lo_s / (pdf_s + docx_s):.1f}× counting the Word files too; {lo_s / cold_s:.1f}× cold); "
          f"goal ≥ 10×: {'met' if ratio >= 10 else 'NOT met'}; load average {os.getloadavg()[0]:.1f}")
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
    print(f"  direct PDF is {one_s / ours:.0f}× faster than converting one document at a time")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
