"""Every printed document, declared once.

A `PrintableKind` says what the program needs to know about one kind of
printed document: its key (`dvdesktop print KEY`), its Vietnamese name, which
setting chooses its header (Party or State), the options it takes, where its
data come from, how it is built and the file name offered when saving it. The
command line's `print` choices and options, the settings form's header-style
rows and the GUI "In…" menus are all made from `KINDS`.

To add a printed document: write its renderer (documents/<name>.py, plain
data in), its data function (services/printing/<name>.py, a function of a
`PrintRequest`), and one `PrintableKind(...)` below.

This module is imported when the command line's parser is built and by the
settings: it imports nothing heavy (no database, no renderer). The data
function and the builder are named as "module:function" and loaded when a
document is printed.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The options a printed kind may take, as `dvdesktop print` spells them, with
# the Vietnamese help of each (the meaning of --id is said per kind: `needs`).
OPTIONS = {
    "id": "",  # said per kind: PrintableKind.id_of
    "team": "số Tổ dân vận (bỏ trống: toàn xã)",
    "year": "năm (mặc định năm nay)",
    "area": "số địa bàn (bỏ trống: toàn xã; sổ hòa giải: bắt buộc, mỗi tổ hòa giải một sổ)",
    "on": "ngày lập danh sách / quyết định kiện toàn, dd/mm/yyyy (mặc định hôm nay)",
    "kien_toan": "quyết định kiện toàn thay vì thành lập",
    "show_names": "in cả họ tên người phản ánh (mặc định ẩn vì là dữ liệu cá nhân)",
}

# Where the GUI offers a document (PrintOffer.scope): the team chosen in
# «Địa bàn và Tổ dân vận», the whole commune, or one section's own record/list.
SCOPES = ("team", "commune", "meeting", "outreach", "concerns", "composition", "mediation-register",
          "mediation-summary", "mediation-case", "supervision", "evaluation")


def load(path: str) -> Callable[..., Any]:
    """The function named by "package.module:function"."""
    module, _sep, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class PrintOffer:
    """One entry of a GUI print menu: the kind printed with fixed options."""
    key: str  # unique among the offers of a scope: "roster", "decision-kien-toan"
    scope: str  # one of SCOPES
    label: str  # Vietnamese menu text (the documents are Vietnamese whatever the UI language)
    file_name: str = ""  # offered file name before the subject's name; the kind's by default
    options: Mapping[str, Any] = field(default_factory=dict)  # fixed options: {"team": None}


@dataclass(frozen=True)
class PrintableKind:
    key: str  # `dvdesktop print KEY`
    label: str  # the document's Vietnamese name
    noun: str  # as a message names it: "In {noun} cần số cuộc họp (--id)."
    data: str  # "module:function" taking a PrintRequest, returning the renderer's dataclass
    builder: str  # "module:function" taking that dataclass, returning a blocks.Document
    file_name: str  # offered file name without its ending: "bien-ban-hop"
    style: str = ""  # the setting that chooses its header: another kind's key to share it ("" = its own)
    default_style: str = "party"  # "party" (Hướng dẫn 36-HD/VPTW) or "state" (Nghị định 30/2020)
    fixed_style: bool = False  # a State paper by law (the mediation forms): no setting may make it a Party one
    needs: tuple[str, ...] = ()  # the options (OPTIONS) it takes
    id_of: str = ""  # what its --id is the number of: "cuộc họp"
    required: tuple[str, ...] = ()  # options without which it cannot be printed
    offers: tuple[PrintOffer, ...] = ()  # where the GUI offers it

    @property
    def style_key(self) -> str:
        return self.style or self.key

    def missing(self, options: Mapping[str, Any]) -> str | None:
        """The Vietnamese message for the first required option not given, or None."""
        for name in self.required:
            if options.get(name) is None:
                what = f"số {self.id_of}" if name == "id" else OPTIONS[name].split(" (")[0]
                return f"In {self.noun} cần {what} (--{name.replace('_', '-')})."
        return None

    def make_data(self, request) -> Any:
        return load(self.data)(request)

    def build(self, data) -> Any:
        return load(self.builder)(data)


_P = "dvdesktop.services.printing"
_D = "dvdesktop.documents"

DECLARED = (
    PrintableKind(
        "minutes", "Biên bản họp Tổ dân vận", "biên bản họp",
        f"{_P}.minutes:for_print", f"{_D}.minutes:build", "bien-ban-hop",
        needs=("id",), id_of="cuộc họp", required=("id",),
        offers=(PrintOffer("minutes", "meeting", "Biên bản họp"),)),
    PrintableKind(
        "outreach", "Biên bản buổi tuyên truyền, vận động", "biên bản tuyên truyền",
        f"{_P}.outreach:for_print", f"{_D}.outreach:build", "bien-ban-tuyen-truyen",
        needs=("id",), id_of="buổi tuyên truyền", required=("id",),
        offers=(PrintOffer("outreach", "outreach", "Biên bản buổi tuyên truyền"),)),
    PrintableKind(
        "concerns", "Tổng hợp ý kiến, kiến nghị", "tổng hợp ý kiến, kiến nghị",
        f"{_P}.concerns:for_print", f"{_D}.concerns:build", "tong-hop-kien-nghi",
        needs=("team", "year", "show_names"),
        offers=(PrintOffer("concerns", "concerns", "Tổng hợp ý kiến, kiến nghị"),)),
    PrintableKind(
        "roster", "Danh sách thành viên Tổ dân vận", "danh sách thành viên",
        f"{_P}.roster:for_print", f"{_D}.roster:build", "danh-sach-thanh-vien",
        needs=("team", "on"),
        offers=(PrintOffer("roster", "team", "Danh sách thành viên tổ"),
                PrintOffer("roster", "composition", "Danh sách thành viên tổ"),
                PrintOffer("commune-roster", "commune", "Danh sách thành viên toàn xã",
                           "danh-sach-thanh-vien-toan-xa", {"team": None}))),
    PrintableKind(
        "decision", "Quyết định thành lập, kiện toàn Tổ dân vận", "quyết định",
        f"{_P}.decision:for_print", f"{_D}.decision:build", "quyet-dinh-thanh-lap",
        needs=("team", "on", "kien_toan"), required=("team",),
        offers=(PrintOffer("decision", "team", "Quyết định thành lập tổ", "quyet-dinh-thanh-lap",
                           {"decision_kind": "thanh_lap"}),
                PrintOffer("decision-kien-toan", "team", "Quyết định kiện toàn tổ", "quyet-dinh-kien-toan",
                           {"decision_kind": "kien_toan"}))),
    PrintableKind(
        "attendance-sheet", "Danh sách người tham dự (mẫu trống)", "danh sách người tham dự",
        f"{_P}.attendance_sheet:for_print", f"{_D}.forms:attendance_sheet", "danh-sach-diem-danh",
        style="minutes", needs=("id", "team"), id_of="cuộc họp",
        offers=(PrintOffer("attendance-sheet", "team", "Mẫu danh sách điểm danh (trống)"),)),
    PrintableKind(
        "concern-slip", "Phiếu ghi nhận ý kiến, kiến nghị (mẫu trống)", "phiếu ghi ý kiến, kiến nghị",
        f"{_P}.concern_slip:for_print", f"{_D}.forms:concern_slip", "phieu-ghi-y-kien-kien-nghi",
        style="concerns", needs=("team",),
        offers=(PrintOffer("concern-slip", "commune", "Phiếu ghi ý kiến, kiến nghị (trống)",
                           options={"team": None}),)),
    # one book per tổ hòa giải (the area's); the commune's figures are a summary table, not a register
    PrintableKind(
        "register", "Sổ theo dõi hoạt động hòa giải ở cơ sở", "sổ theo dõi hòa giải",
        f"{_P}.mediation:register_for_print", f"{_D}.mediation_register:build", "so-theo-doi-hoa-giai",
        default_style="state", fixed_style=True, needs=("year", "area"), required=("area",),
        offers=(PrintOffer("register", "mediation-register", "Sổ theo dõi hoạt động hòa giải ở cơ sở"),)),
    PrintableKind(
        "mediation-summary", "Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở", "bảng tổng hợp hòa giải",
        f"{_P}.mediation:summary_for_print", f"{_D}.mediation_summary:build", "bang-tong-hop-hoa-giai",
        default_style="state", fixed_style=True, needs=("year",),
        offers=(PrintOffer("mediation-summary", "mediation-summary",
                           "Bảng tổng hợp kết quả hoạt động hòa giải ở cơ sở (toàn xã)"),)),
    PrintableKind(
        "mediation", "Văn bản hòa giải thành / biên bản hòa giải không thành", "văn bản hòa giải",
        f"{_P}.mediation:case_for_print", f"{_D}.mediation:build", "van-ban-hoa-giai",
        default_style="state", fixed_style=True, needs=("id",), id_of="vụ việc", required=("id",),
        offers=(PrintOffer("mediation", "mediation-case", "Văn bản hòa giải"),)),
    PrintableKind(
        "supervision", "Báo cáo kết quả giám sát (một cuộc giám sát)", "báo cáo kết quả giám sát",
        f"{_P}.supervision:report_for_print", f"{_D}.supervision:report", "bao-cao-ket-qua-giam-sat",
        needs=("id",), id_of="cuộc giám sát", required=("id",),
        offers=(PrintOffer("supervision", "supervision", "Báo cáo kết quả giám sát"),)),
    PrintableKind(
        "supervision-list", "Danh sách các cuộc giám sát của Nhân dân trong năm", "danh sách giám sát",
        f"{_P}.supervision:list_for_print", f"{_D}.supervision:list_document", "danh-sach-giam-sat",
        style="supervision", needs=("year", "team", "area"),
        offers=(PrintOffer("supervision-list", "supervision", "Danh sách các cuộc giám sát trong năm"),)),
    # the yearly rating: one team's sheet, all teams' report; one header setting for both
    PrintableKind(
        "evaluation-sheet", "Phiếu tự đánh giá, báo cáo xếp loại Tổ dân vận", "phiếu tự đánh giá",
        f"{_P}.evaluation:sheet_for_print", f"{_D}.evaluation:sheet", "phieu-tu-danh-gia",
        needs=("team", "year"), required=("team",),
        offers=(PrintOffer("evaluation-sheet", "evaluation", "Phiếu tự đánh giá của tổ đang chọn"),)),
    PrintableKind(
        "evaluation-report", "Báo cáo kết quả đánh giá, xếp loại Tổ dân vận (các tổ)", "báo cáo kết quả xếp loại",
        f"{_P}.evaluation:report_for_print", f"{_D}.evaluation:report", "bao-cao-ket-qua-xep-loai",
        style="evaluation-sheet", needs=("year",),
        offers=(PrintOffer("evaluation-report", "evaluation", "Báo cáo kết quả đánh giá, xếp loại năm"),)),
)

# Header-style settings of documents printed by other commands than `print`
# (the annual and period reports: `dvdesktop report`), key → (name, default).
OTHER_STYLES = {"report": ("Báo cáo tổng kết, báo cáo kết quả công tác", "party")}

KINDS: dict[str, PrintableKind] = {k.key: k for k in DECLARED}


def kind(key: str) -> PrintableKind:
    from ...errors import UserError

    try:
        return KINDS[key]
    except KeyError:
        raise UserError(f"Không có loại văn bản «{key}»; chọn một trong: {', '.join(KINDS)}.") from None


def style_settings() -> dict[str, str]:
    """The header-style settings, key → the Vietnamese name shown in the settings
    form: one per kind that has its own (the others share another kind's)."""
    return {**{k.key: k.label for k in DECLARED if not k.style and not k.fixed_style}, **{key: name for key, (name, _d) in OTHER_STYLES.items()}}


def default_styles() -> dict[str, str]:
    return {**{k.key: k.default_style for k in DECLARED if not k.style},
            **{key: default for key, (_n, default) in OTHER_STYLES.items()}}


def offers(scope: str) -> list[tuple[PrintableKind, PrintOffer]]:
    """What the GUI offers to print from *scope*, in declaration order."""
    return [(k, o) for k in DECLARED for o in k.offers if o.scope == scope]


def offer(scope: str, key: str | None = None) -> tuple[PrintableKind, PrintOffer]:
    """The one offer of *scope* (with *key* when a scope has several)."""
    for k, o in offers(scope):
        if key is None or o.key == key:
            return k, o
    raise KeyError((scope, key))


def option_help(name: str) -> str:
    """The `dvdesktop print --NAME` help: what it means, and the kinds that take it."""
    users = [k for k in DECLARED if name in k.needs]
    if name == "id":
        text = ", ".join(f"số {k.id_of} ({k.key})" for k in users)
    else:
        text = f"{OPTIONS[name]}; cho: {', '.join(k.key for k in users)}"
    return text
