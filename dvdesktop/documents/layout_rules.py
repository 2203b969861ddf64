"""Every size, margin and label of the printed page, named after the rule it implements.

Two rule sets:

* ``ND30``  — Nghị định 30/2020/NĐ-CP, Phụ lục I (State documents: commune
  People's Committee, the Front, mediation teams). Ranges from the decree are
  noted beside each value; the value chosen lies inside the range.
* ``PARTY`` — Hướng dẫn 36-HD/VPTW (2018) of the Party Central Office, used for
  Tổ dân vận documents. *Unverified*: a 2026 guideline is reported to replace
  it, and handbooks disagree on margins. Change the values here, nowhere else.

Both renderers (PDF: documents/pdf.py, Word: documents/docx_backend.py) read
these values; document modules never hard-code a size.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

MM = 72.0 / 25.4  # points per millimetre


@dataclass(frozen=True)
class PageRules:
    # --- page -----------------------------------------------------------
    name: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    # --- body -----------------------------------------------------------
    body_size: float
    first_line_indent_mm: float
    paragraph_space_pt: float  # space after each paragraph
    line_spacing: float  # multiple of "single" line spacing (1.0–1.5)
    # --- header, left column: parent body, issuing body, number -----------
    parent_size: float
    issuer_size: float
    issuer_rule_fraction: float  # rule under the issuing body, share of its width (0 = none)
    issuer_star: bool  # Party: a "*" line under the issuing body
    number_size: float
    number_prefix: str  # "Số: " (State) or "Số " (Party)
    # --- header, right column --------------------------------------------
    national_lines: tuple[tuple[str, float], ...]  # (text, size), bold capitals / motto
    national_rule_after: int  # index of the line a full-length rule goes under
    place_date_size: float
    header_left_share: float  # left column's share of the text width
    # --- titles ---------------------------------------------------------
    kind_size: float  # "BIÊN BẢN", "QUYẾT ĐỊNH"
    subject_size: float
    subject_rule_fraction: float  # short rule under the subject, share of its width
    # --- signatures and recipients ----------------------------------------
    sign_title_size: float  # "TM. ...", "KT. ...", "T/M ...", the title
    sign_name_size: float
    sign_note_size: float  # "(Ký, ghi rõ họ tên)"
    sign_space_mm: float  # room for the signature (and seal)
    recipients_label_size: float
    recipients_label_bold: bool
    recipients_label_italic: bool
    recipients_label_underline: bool
    recipients_size: float
    # --- page numbers -----------------------------------------------------
    page_number_size: float  # centred in the top margin, none on page 1
    # --- tables -----------------------------------------------------------
    table_size: float
    table_header_size: float
    rule_width_pt: float = 0.6

    # convenience -----------------------------------------------------------
    @property
    def margins_pt(self) -> tuple[float, float, float, float]:
        return (self.margin_top_mm * MM, self.margin_bottom_mm * MM,
                self.margin_left_mm * MM, self.margin_right_mm * MM)


# Single line spacing of Times New Roman / Liberation Serif, as a multiple of
# the font size (ascent + descent + line gap of the font): what Word calls 1.0.
FONT_SINGLE_LINE = 1.15

# A4 in millimetres.
A4_MM = (210.0, 297.0)

# Nghị định 30/2020/NĐ-CP, Phụ lục I.
ND30 = PageRules(
    name="Nghị định 30/2020/NĐ-CP",
    margin_top_mm=20,  # 20–25
    margin_bottom_mm=20,  # 20–25
    margin_left_mm=30,  # 30–35
    margin_right_mm=15,  # 15–20
    body_size=14,  # 13–14
    first_line_indent_mm=12.7,  # 1 cm or 1.27 cm
    paragraph_space_pt=6,  # at least 6 pt
    line_spacing=1.1,  # single to 1.5
    parent_size=13,  # 12–13, capitals, not bold
    issuer_size=13,  # 12–13, capitals, bold
    issuer_rule_fraction=1 / 3,  # 1/3–1/2 of the issuing body's line
    issuer_star=False,
    number_size=13,
    number_prefix="Số: ",
    national_lines=(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13),  # 12–13 bold capitals
                    ("Độc lập - Tự do - Hạnh phúc", 14)),  # 13–14 bold
    national_rule_after=1,  # solid rule as long as the motto
    place_date_size=14,  # 13–14 italic
    header_left_share=0.40,
    kind_size=14,  # 13–14 bold capitals
    subject_size=14,  # 13–14 bold
    subject_rule_fraction=1 / 3,
    sign_title_size=14,  # 13–14 bold capitals
    sign_name_size=14,  # 13–14 bold
    sign_note_size=13,
    sign_space_mm=25,
    recipients_label_size=12,  # bold italic
    recipients_label_bold=True,
    recipients_label_italic=True,
    recipients_label_underline=False,
    recipients_size=11,
    page_number_size=14,  # 13–14
    table_size=13,
    table_header_size=13,
)

# Hướng dẫn 36-HD/VPTW (2018). UNVERIFIED: kept apart so that a new guideline
# only changes this block. Margins: 20/20/30/15 mm as commonly used (older
# handbooks give 25/25/35/15).
PARTY = PageRules(
    name="Hướng dẫn 36-HD/VPTW (chưa kiểm chứng)",
    margin_top_mm=20,
    margin_bottom_mm=20,
    margin_left_mm=30,
    margin_right_mm=15,
    body_size=14,  # 14–15
    first_line_indent_mm=12.7,
    paragraph_space_pt=6,
    line_spacing=1.1,
    parent_size=14,  # capitals
    issuer_size=14,  # capitals, bold
    issuer_rule_fraction=0,
    issuer_star=True,  # a "*" line under the issuing body
    number_size=14,
    number_prefix="Số ",  # "Số 12-BB/CB", no colon
    national_lines=(("ĐẢNG CỘNG SẢN VIỆT NAM", 15),),  # 15 bold capitals
    national_rule_after=0,  # rule as long as the text
    place_date_size=14,  # italic
    header_left_share=0.48,
    kind_size=16,  # 15–16 bold capitals
    subject_size=14,  # 14–15 bold
    subject_rule_fraction=0,  # the Party format uses "-----" under the subject
    sign_title_size=14,
    sign_name_size=14,
    sign_note_size=13,
    sign_space_mm=25,
    recipients_label_size=14,  # "Nơi nhận:" underlined (unverified)
    recipients_label_bold=False,
    recipients_label_italic=False,
    recipients_label_underline=True,
    recipients_size=12,
    page_number_size=14,
    table_size=13,
    table_header_size=13,
)

RULES = {"state": ND30, "party": PARTY}

# Landscape pages (long registers): the same margins, the binding edge kept
# on the left of the turned page. Unverified: Nghị định 30 gives no separate
# values for landscape appendices.
LANDSCAPE_SAME_MARGINS = True

# The Party format's line under the subject: a short run of hyphens.
PARTY_SUBJECT_MARK = "-----"

# Signature titles used in the documents of this program.
MINUTES_LEFT_SIGNER = "THƯ KÝ"  # Nghị định 30, mẫu 1.9: secretary left
MINUTES_RIGHT_SIGNER = "CHỦ TỌA"  # chair right
SIGN_NOTE = "(Ký, ghi rõ họ tên)"


@dataclass(frozen=True)
class MinutesWording:
    """The words of a biên bản that differ between the two formats."""

    place_date: bool  # a place-date line under the national title / ĐẢNG CỘNG SẢN VIỆT NAM
    chair_label: str
    secretary_label: str
    left_signer: str  # the one who took the minutes
    right_signer: str  # the chair


MINUTES_WORDING = {
    # Nghị định 30/2020, Phụ lục III, mẫu 1.9 (biên bản): no place-date line;
    # "Chủ trì (chủ tọa)", "Thư ký (người ghi biên bản)"; THƯ KÝ left, CHỦ TỌA right.
    "state": MinutesWording(False, "Chủ trì (chủ tọa)", "Thư ký (người ghi biên bản)",
                            MINUTES_LEFT_SIGNER, MINUTES_RIGHT_SIGNER),
    # Hướng dẫn 36-HD/VPTW: every Party paper has the place and date under
    # "ĐẢNG CỘNG SẢN VIỆT NAM" (the rule under it "separates it from the place
    # and date"); the Party's minutes form (Hướng dẫn 16-HD/VPTW, 2023) has
    # "Số …-BB/…", "……, ngày … tháng … năm …", "Người chủ trì", "Người ghi
    # biên bản"; the chair signs right as CHỦ TRÌ, the recorder left as THƯ KÝ
    # (no "chủ tọa": a State word). A chi bộ has no seal.
    "party": MinutesWording(True, "Người chủ trì", "Thư ký (người ghi biên bản)", "THƯ KÝ", "CHỦ TRÌ"),
}


def rules_for(style: str, **overrides) -> PageRules:
    """The rule set for a header style ("state" or "party"), optionally with
    single values changed (e.g. a province that prints at 13 pt)."""
    try:
        base = RULES[style]
    except KeyError:
        raise ValueError(f"unknown header style {style!r}") from None
    return replace(base, **overrides) if overrides else base


# Sổ theo dõi hoạt động hòa giải ở cơ sở (documents/mediation_register.py).
# Unverified: no size is prescribed; nine columns of Part I fit a landscape
# A4 page at 12 pt. Cover: (text kind → size).
REGISTER_TABLE_SIZE = 12
REGISTER_COVER_SIZES = {"body": 14, "title": 24, "subtitle": 20, "year": 16}
