"""PDF documents from hand-made data, read back with pdfplumber."""
from __future__ import annotations

import datetime as dt
import time
import unicodedata

import pytest

from dvdesktop.documents import blocks as B, samples
from dvdesktop.services.printing.catalog import KINDS
from dvdesktop.documents.common import number_line
from dvdesktop.documents.data import HeaderData
from dvdesktop.documents.fonts import fonts
from dvdesktop.documents.layout_rules import MM, ND30, PARTY, rules_for
from dvdesktop.documents import render
from dvdesktop.documents.render import to_pdf
from dvdesktop.errors import UserError

from tests.documents.pdf_reading import A4_PT, all_text, fonts_embedded, lines, margin_violations, open_pdf, page_text

SAMPLES = {
    "minutes": samples.minutes, "outreach": samples.outreach, "concerns": samples.concerns,
    "roster": samples.roster, "decision": samples.decision, "attendance-sheet": samples.attendance_sheet,
    "concern-slip": samples.concern_slip,
}

_cache: dict = {}


def rendered(kind: str, style: str) -> bytes:
    if (kind, style) not in _cache:
        _cache[kind, style] = to_pdf(KINDS[kind].build(SAMPLES[kind](style)))
    return _cache[kind, style]


@pytest.mark.parametrize("style", ["party", "state"])
@pytest.mark.parametrize("kind", list(SAMPLES))
def test_page_size_margins_and_embedded_fonts(kind, style):
    rules = rules_for(style)
    with open_pdf(rendered(kind, style)) as pdf:
        for page in pdf.pages:
            size = sorted((round(page.width, 1), round(page.height, 1)))
            assert size == [round(A4_PT[0], 1), round(A4_PT[1], 1)]
            assert margin_violations(page, rules) == []
        embedded = fonts_embedded(pdf)
    assert embedded and all(embedded.values()), embedded
    # subset fonts carry a six-letter tag: "ABCDEF+LiberationSerif"
    assert all("+" in name for name in embedded)
    family = fonts().family.replace(" ", "")
    assert all(family.lower() in name.lower().replace("-", "").replace(",", "") or "Times" in name
               for name in embedded)


def test_state_header_lines_and_rules():
    with open_pdf(rendered("minutes", "state")) as pdf:
        page = pdf.pages[0]
        text = page_text(page)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert "Số: 05/BB-TDV" in text
        assert "ĐẢNG CỘNG SẢN" not in text
        # the motto's rule: as long as the motto, right under it
        motto = [w for w in page.extract_words(keep_blank_chars=True) if w["text"].startswith("Độc lập")]
        assert motto
        words = page.extract_words()
        d0 = min(w["x0"] for w in words if w["top"] == motto[0]["top"] and w["x0"] >= motto[0]["x0"] - 1)
        d1 = max(w["x1"] for w in words if abs(w["top"] - motto[0]["top"]) < 1 and w["x0"] >= d0)
        rules_under = [ln for ln in page.lines if 0 < ln["top"] - motto[0]["bottom"] < 8]
        assert any(abs(ln["x0"] - d0) < 2 and abs(ln["x1"] - d1) < 2 for ln in rules_under), rules_under
        # quốc hiệu: bold 13, motto bold 14
        qh = [c for c in page.chars if c["text"] == "C" and c["top"] < 80]
        assert qh and round(qh[0]["size"]) == ND30.national_lines[0][1] and "Bold" in qh[0]["fontname"]
        # minutes: no place/date line under the header (mẫu 1.9)
        assert "ngày 05 tháng 01 năm 2025" not in "\n".join(lines(page)[:6])


def test_party_header_lines():
    with open_pdf(rendered("decision", "party")) as pdf:
        page = pdf.pages[0]
        text = all_text(pdf)
        ls = lines(page)
    assert "CỘNG HÒA" not in text
    assert any("ĐẢNG BỘ TỈNH ĐIỆN BIÊN" in ln and "ĐẢNG CỘNG SẢN VIỆT NAM" in ln for ln in ls)
    assert "ĐẢNG ỦY XÃ NẬM PỒ" in text
    assert any(ln.strip() == "*" for ln in ls)
    # number and date on one row, Party form (no colon)
    assert any("Số 125-QĐ/ĐU" in ln and "Nậm Pồ, ngày 15 tháng 7 năm 2025" in ln for ln in ls)
    assert "QUYẾT ĐỊNH" in text and "T/M BAN THƯỜNG VỤ" in text and "BÍ THƯ" in text
    assert "Nơi nhận:" in text


def test_date_line_is_italic_with_leading_zeros():
    with open_pdf(rendered("roster", "state")) as pdf:
        page = pdf.pages[0]
        assert "Nậm Pồ, ngày 01 tháng 02 năm 2025" in page_text(page)
        date_chars = [c for c in page.chars if c["text"] == "N" and "Italic" in c["fontname"]]
        assert date_chars and round(date_chars[0]["size"]) == ND30.place_date_size


def test_minutes_signatures_and_closing_line():
    """State minutes: NĐ 30 mẫu 1.9 (no place-date line, THƯ KÝ left, CHỦ TỌA right);
    Party minutes: the place and date under ĐẢNG CỘNG SẢN VIỆT NAM, CHỦ TRÌ right."""
    for style, chair in (("party", "CHỦ TRÌ"), ("state", "CHỦ TỌA")):
        with open_pdf(rendered("minutes", style)) as pdf:
            last = pdf.pages[-1]
            text = all_text(pdf)
            first_lines = lines(pdf.pages[0])[:6]
            sign_row = [ln for ln in lines(last) if "THƯ KÝ" in ln]
        assert "Cuộc họp kết thúc vào 16 giờ 30 phút, ngày 05 tháng 01 năm 2025/." in text
        assert sign_row and sign_row[0].index("THƯ KÝ") < sign_row[0].index(chair)  # secretary left
        assert "Thời gian bắt đầu: 14 giờ, ngày 05 tháng 01 năm 2025." in text
        dated = any("ngày 05 tháng 01 năm 2025" in ln and "Thời gian" not in ln for ln in first_lines)
        assert dated == (style == "party")
        assert ("CHỦ TỌA" in text) == (style == "state")


def test_page_numbers_top_centre_none_on_first_page():
    with open_pdf(rendered("concerns", "state")) as pdf:
        assert len(pdf.pages) >= 2
        top = ND30.margin_top_mm * MM
        first = [c for c in pdf.pages[0].chars if c["top"] < top]
        assert first == []
        for number, page in enumerate(pdf.pages[1:], start=2):
            head = [c for c in page.chars if c["bottom"] < top]
            assert "".join(c["text"] for c in head) == str(number)
            centre = (head[0]["x0"] + head[-1]["x1"]) / 2
            text_centre = ND30.margin_left_mm * MM + (page.width - (ND30.margin_left_mm + ND30.margin_right_mm) * MM) / 2
            assert abs(centre - text_centre) < 2
            assert round(head[0]["size"]) == ND30.page_number_size


def test_landscape_table_repeats_its_header_row_on_every_page():
    with open_pdf(rendered("concerns", "party")) as pdf:
        assert all(p.width > p.height for p in pdf.pages)
        for page in pdf.pages:
            assert "Nội dung ý kiến, kiến nghị" in page_text(page)
        text = all_text(pdf)
    for i in (1, 12, 24):
        assert f"Ý kiến số {i}:" in text
    assert "Tổng số: 24 ý kiến, kiến nghị" in text


def test_portrait_then_landscape_pages():
    doc = B.Document(style="state")
    doc.add(B.para("Trang dọc."), B.PageBreak(orientation="landscape"),
            B.Table([B.Column("STT", 1), B.Column("Nội dung", 5)], [[str(i), "Dòng"] for i in range(60)]),
            B.PageBreak(orientation="portrait"), B.para("Lại trang dọc."))
    with open_pdf(to_pdf(doc)) as pdf:
        shapes = ["L" if p.width > p.height else "P" for p in pdf.pages]
    assert shapes[0] == "P" and shapes[-1] == "P" and "L" in shapes


VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng


def vietnamese_alphabet() -> list[str]:
    rows = []
    for v in VOWELS + VOWELS.upper():
        rows.append(" ".join(unicodedata.normalize("NFC", v + t) for t in TONES))
    rows.append("đ Đ Nguyễn Văn Đức – Quàng Thị Mượn – Hờ A Sử – Lường Thị Ỷ")
    return rows


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_every_vietnamese_letter_and_tone_comes_back_identical(form):
    rows = vietnamese_alphabet()
    doc = B.Document(style="party")
    for row in rows:
        doc.add(B.para(unicodedata.normalize(form, row), align="left", indent=False))
    doc.add(B.Header(parent=unicodedata.normalize(form, "ĐẢNG BỘ XÃ NẬM PỒ"), issuer="TỔ DÂN VẬN"))
    with open_pdf(to_pdf(doc)) as pdf:
        got = [ln for ln in lines(pdf.pages[0])]
    for row in rows:
        assert row in got, (row, got)
    assert "ĐẢNG BỘ XÃ NẬM PỒ ĐẢNG CỘNG SẢN VIỆT NAM" in got


def test_blocks_are_nfc_before_drawing():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    assert B.Run(nfd).text == "Nguyễn Văn Đức"
    assert B.para(nfd).runs[0].text == "Nguyễn Văn Đức"


def test_number_lines():
    state = HeaderData(style="state", number="05/BB-TDV")
    party = HeaderData(style="party", number="12-BB/CB")
    assert number_line(state) == "Số: 05/BB-TDV"
    assert number_line(party) == "Số 12-BB/CB"
    assert number_line(HeaderData(style="state", number="Số: 07/QĐ-UBND")) == "Số: 07/QĐ-UBND"
    blank = number_line(HeaderData(style="state", kind_code="BB", issuer_code="TDV"))
    assert blank.startswith("Số: ") and blank.endswith("/BB-TDV")
    assert number_line(HeaderData(style="party", kind_code="BB", issuer_code="TDV")).endswith("-BB/TDV")


def test_layout_values_stay_inside_the_decree_ranges():
    assert 20 <= ND30.margin_top_mm <= 25 and 20 <= ND30.margin_bottom_mm <= 25
    assert 30 <= ND30.margin_left_mm <= 35 and 15 <= ND30.margin_right_mm <= 20
    assert 13 <= ND30.body_size <= 14 and ND30.paragraph_space_pt >= 6 and 1 <= ND30.line_spacing <= 1.5
    assert ND30.first_line_indent_mm in (10, 12.7)
    assert ND30.number_prefix == "Số: " and PARTY.number_prefix == "Số "
    assert PARTY.national_lines == (("ĐẢNG CỘNG SẢN VIỆT NAM", 15),)
    assert rules_for("party", body_size=15).body_size == 15


def test_fonts_are_parsed_once_and_a_page_is_quick():
    assert fonts() is fonts()
    data = samples.minutes()
    to_pdf(KINDS["minutes"].build(data))
    # CPU time of this process, not wall-clock: tests run in parallel workers
    # (pytest-xdist) on shared machines, and a busy neighbour is not our speed
    start = time.process_time()
    for _ in range(5):
        to_pdf(KINDS["minutes"].build(data))
    per_doc = (time.process_time() - start) / 5
    assert per_doc < 0.25, f"{per_doc * 1000:.0f} ms per two-page minutes"


def test_empty_minutes_print_blanks_to_fill():
    from dvdesktop.documents.data import MinutesData

    data = MinutesData(header=samples.party_header("BB"), team_name=samples.TEAM)
    with open_pdf(to_pdf(KINDS["minutes"].build(data))) as pdf:
        text = all_text(pdf)
    assert "Cuộc họp kết thúc vào …… giờ ……, ngày …… tháng …… năm ……/." in text
    assert dt.date.today().year  # no exception on empty data


def test_cover_page_helper():
    doc = B.Document(style="state")
    doc.add(*B.cover_page([("ỦY BAN NHÂN DÂN XÃ NẬM PỒ", 14, True), ("", 20, False),
                           ("SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ", 18, True)]))
    doc.add(B.para("Trang 2"))
    with open_pdf(to_pdf(doc)) as pdf:
        assert len(pdf.pages) == 2
        assert "SỔ THEO DÕI HOẠT ĐỘNG HÒA GIẢI Ở CƠ SỞ" in page_text(pdf.pages[0])


def test_failed_render_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "bien-ban.pdf"
    target.write_bytes(b"previous signed copy")

    def broken(doc, target=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render, "to_pdf", broken)
    with pytest.raises((UserError, OSError)):
        render.write(B.Document(style="state", title="x"), target)
    assert target.read_bytes() == b"previous signed copy"
    assert not list(tmp_path.glob(".*.tmp"))
