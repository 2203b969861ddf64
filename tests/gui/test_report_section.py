"""The "Báo cáo tổng kết" section end to end (pytest-qt, offscreen,
Vietnamese, SQLite): choose a quarter, see the summary, save PDF / Excel /
Word, cancel without leaving a file, preview; the supervision section of the
report in PDF and Word; stats == report with a commune filter."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from docx import Document as DocxDocument
from PySide6.QtCore import QSettings, QStandardPaths

from tests.documents.pdf_reading import all_text, open_pdf
from dvdesktop.gui.tasks import TaskRunner
from dvdesktop.services import reports
from dvdesktop.services import stats as stats_service
from dvdesktop.store import close_database, open_database
from dvdesktop.store.models import Area, Meeting, SupervisionActivity, Team

THIS_YEAR = dt.date.today().year
YEAR = THIS_YEAR - 1  # a whole past year: the figures do not depend on today


@pytest.fixture(autouse=True)
def _test_settings():
    """QSettings (the last folder used) in Qt's test location, emptied."""
    QStandardPaths.setTestModeEnabled(True)
    QSettings("dvdesktop", "dvdesktop").clear()
    yield
    QSettings("dvdesktop", "dvdesktop").clear()


def _two_communes():
    """Two communes; supervision in Q3 of YEAR and of the year before, meetings."""
    a = Area.create(name="Nà Khoang", kind="bản", commune="xã Nậm Pồ", commune_code="03200")
    b = Area.create(name="Thôn Đông", kind="thôn", commune="xã Bảo Khê", commune_code="07300")
    ta = Team.create(area=a, name="Tổ dân vận bản Nà Khoang", established_on=dt.date(2020, 1, 1))
    tb = Team.create(area=b, name="Tổ dân vận thôn Đông", established_on=dt.date(2020, 1, 1))
    rows = [  # team, start, kind, sent, answered, acted
        (ta, dt.date(YEAR, 7, 3), "du_an", dt.date(YEAR, 7, 10), dt.date(YEAR, 7, 30), "co"),
        (ta, dt.date(YEAR, 8, 14), "moi_truong", dt.date(YEAR, 8, 20), None, ""),
        (ta, dt.date(YEAR, 9, 30), "moi_truong", None, None, ""),
        (tb, dt.date(YEAR, 8, 1), "dan_chu", dt.date(YEAR, 8, 2), dt.date(YEAR, 8, 20), "khong"),
        (tb, dt.date(YEAR, 10, 1), "an_ninh", None, None, ""),  # next quarter
        (ta, dt.date(YEAR - 1, 7, 5), "du_an", dt.date(YEAR - 1, 7, 6), None, ""),  # a year earlier
    ]
    for team, start, kind, sent, answered, acted in rows:
        SupervisionActivity.create(team=team, subject=f"Giám sát {kind} {start}", kind=kind, start_date=start,
                                   sent_on=sent, answered_on=answered, acted_on=acted, sent_to="UBND xã" if sent else "")
    deleted = SupervisionActivity.create(team=tb, subject="Đã xóa", kind="khac", start_date=dt.date(YEAR, 8, 5))
    deleted.deleted_at = dt.datetime.now()
    deleted.save()
    for team, n in ((ta, 3), (tb, 2)):
        for i in range(n):
            Meeting.create(team=team, starts_at=dt.datetime(YEAR, 8, 1 + i, 8), status="held")


@pytest.fixture
def report_window(qtbot, tmp_path, vietnamese, scripted):  # noqa: F811
    """The main window on a two-commune SQLite database, tasks run at once."""
    from dvdesktop.gui.main_window import MainWindow
    from dvdesktop.store.location import resolve

    path = str(tmp_path / "report.sqlite3")
    open_database(path)
    _two_communes()
    previous = TaskRunner.synchronous
    TaskRunner.synchronous = True
    win = MainWindow()
    win.runner = TaskRunner(win)
    qtbot.addWidget(win)
    win.database_opened(resolve(path))
    win.year.setCurrentIndex(win.year.findData(YEAR))
    yield win
    TaskRunner.synchronous = previous
    close_database()


def choose_quarter(section, q=3):
    section.kind.set_code("quarter")
    section.quarter.setCurrentIndex(q - 1)
    section.update_summary()


def test_quarter_summary_then_pdf_excel_word(report_window, scripted, tmp_path):
    window = report_window
    section = window.section("reports")
    assert window.nav.currentItem().text() == "Báo cáo tổng kết"
    assert section.year_box.value() == YEAR  # the year selector's
    assert not section.form.isRowVisible(section.month) and section.form.isRowVisible(section.commune)
    choose_quarter(section)
    assert section.form.isRowVisible(section.quarter) and not section.form.isRowVisible(section.month)
    # the summary, before anything is made: this quarter beside the same quarter a year earlier
    assert section.summary_title.text().startswith(f"Báo cáo quý III năm {YEAR}")
    table = section.table
    heads = [table.horizontalHeaderItem(c).text() for c in range(4)]
    assert heads == ["Chỉ tiêu", f"Quý III/{YEAR - 1}", f"Quý III/{YEAR}", "Tăng/giảm"]
    rows = {table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)] for r in range(table.rowCount())}
    assert rows["Cuộc giám sát của Nhân dân"] == ["1", "4", "+3"]
    assert rows["Cuộc họp Tổ dân vận"] == ["0", "5", "+5"]

    # PDF: the default name in the last folder used; the title says the quarter
    out = tmp_path / "out"
    out.mkdir()
    scripted.files.append(str(out / "quy3"))  # the clerk types a name without the ending
    section.pdf_button.click()
    assert scripted.shown[-1][0] == "save_file" and scripted.shown[-1][2].endswith(
        f"bao-cao-ket-qua-quy-iii-nam-{YEAR}.pdf")
    pdf_path = out / "quy3.pdf"
    assert section.last_saved == pdf_path and pdf_path.exists()
    with open_pdf(pdf_path.read_bytes()) as pdf:
        text = " ".join(all_text(pdf).split())
    assert f"KẾT QUẢ CÔNG TÁC TỔ DÂN VẬN QUÝ III NĂM {YEAR}".lower() in text.lower()
    assert "Tổ chức giám sát của Nhân dân" in text
    # Excel: one sheet per table, the supervision table its own sheet, in the folder used last
    scripted.files.append(str(out / "quy3.xlsx"))
    section.excel_button.click()
    assert scripted.shown[-1][2] == str(out / f"bao-cao-ket-qua-quy-iii-nam-{YEAR}.xlsx")
    wb = openpyxl.load_workbook(out / "quy3.xlsx")
    assert "Giám sát của Nhân dân" in wb.sheetnames and "Theo xã, phường" in wb.sheetnames
    ws = wb["Giám sát của Nhân dân"]
    values = {row[0]: row[1:] for row in ws.iter_rows(min_row=4, values_only=True)}
    assert values["Cuộc giám sát của Nhân dân"][:3] == (1, 4, 3)
    # Word, one commune: the name says which
    section.commune.set_code("07300")
    section.update_summary()
    assert "xã Bảo Khê" in section.summary_title.text()
    scripted.files.append(str(out / "bao-khe.docx"))
    section.word_button.click()
    assert scripted.shown[-1][2].endswith(f"bao-cao-ket-qua-quy-iii-nam-{YEAR}-xa-bao-khe.docx")
    doc = DocxDocument(out / "bao-khe.docx")
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Tổ chức giám sát của Nhân dân" in body and "1\u00a0cuộc giám sát" in body
    assert not [k for k in scripted.kinds() if k in ("warning", "error")]


def test_cancel_leaves_no_file_and_the_buttons_come_back(report_window, scripted, tmp_path):
    section = report_window.section("reports")
    choose_quarter(section)
    target = tmp_path / "huy.pdf"
    scripted.files.append(str(target))

    def cancel_before_saving(handle):
        handle.progressed.connect(lambda done, total, text: handle.cancel() if done == 2 else None)

    report_window.runner.started.connect(cancel_before_saving)
    section.pdf_button.click()
    assert not target.exists() and not list(tmp_path.glob(".huy*"))
    assert section.pdf_button.isEnabled() and section.last_saved is None
    assert "warning" not in scripted.kinds()


def test_a_failure_is_a_plain_vietnamese_message(report_window, scripted, tmp_path):
    section = report_window.section("reports")
    section.kind.set_code("range")
    section.date_from.setText("01/10/2025")
    section.date_to.setText("30/09/2025")
    section.update_summary()
    assert "sau ngày kết thúc" in section.summary_note.text() and section.table.rowCount() == 0
    section.pdf_button.click()
    kind, title, text = scripted.shown[-1]
    assert (kind, title) == ("warning", "Không lập được báo cáo") and "sau ngày kết thúc" in text
    # a folder that does not exist
    section.kind.set_code("year")
    scripted.files.append(str(tmp_path / "khong-co" / "bao-cao.pdf"))
    section.pdf_button.click()
    kind, title, text = scripted.shown[-1]
    assert kind == "warning" and "không tồn tại" in text
    assert section.pdf_button.isEnabled()


def test_preview_opens_the_report(report_window, scripted):
    section = report_window.section("reports")
    section.kind.set_code("year")
    section.update_summary()
    section.preview_button.click()
    dialog = section._print_preview
    assert dialog.page_count() >= 3 and dialog.job.file_stem == f"bao-cao-tong-ket-{YEAR}"
    with open_pdf(dialog.pdf_path.read_bytes()) as pdf:
        assert f"TỔNG KẾT CÔNG TÁC TỔ DÂN VẬN NĂM {YEAR}" in all_text(pdf).upper()
    dialog.close()


def test_supervision_figures_stats_equal_report_with_a_commune(db_url, tmp_path):
    _two_communes()
    for commune, expected in (("03200", 3), ("07300", 2), (None, 5)):  # 07300: August and October
        stats = stats_service.collect(YEAR, today=dt.date(THIS_YEAR, 1, 5), commune_code=commune)
        f = reports.annual(YEAR, commune_code=commune, today=dt.date(THIS_YEAR, 1, 5))
        shown = {fig.key: fig.current for s in f.sections() for fig in s.figures}
        keys = [k for k in stats if k.startswith("supervision_")]
        assert len(keys) == 10 and all(shown[k] == stats[k] for k in keys), commune
        assert stats["supervision_activities"] == expected
    whole = reports.annual(YEAR, today=dt.date(THIS_YEAR, 1, 5))
    col = whole.by_commune.columns.index("Cuộc giám sát") - 1
    assert [r.values[col] for r in whole.by_commune.rows] == [2, 3, 5]
    text = whole.section("supervision").paragraphs[0]
    assert text.startswith(f"Trong năm {YEAR}, các Tổ dân vận đã tổ chức, phối hợp tổ chức 5\u00a0cuộc giám sát")
    assert "gửi 3\u00a0lượt kiến nghị" in text and "đã được trả lời 2\u00a0lượt (66,7%)" in text
    assert "1\u00a0lượt đã được tiếp thu, thực hiện" in text and "còn 1\u00a0lượt kiến nghị chờ trả lời" in text
    # the section in the PDF and in Word, after the concerns
    pdf_path = reports.write_report(whole, tmp_path / "nam.pdf")
    with open_pdf(pdf_path.read_bytes()) as pdf:
        flat = " ".join(all_text(pdf).split())
    assert "5. Tổ chức giám sát của Nhân dân" in flat and flat.index("4. Tiếp nhận") < flat.index("5. Tổ chức giám sát")
    docx_path = reports.write_report(whole, tmp_path / "nam.docx")
    paragraphs = [p.text for p in DocxDocument(docx_path).paragraphs]
    i = paragraphs.index("5. Tổ chức giám sát của Nhân dân")
    assert any("cuộc giám sát" in p for p in paragraphs[i + 1:i + 3])


def test_concerns_by_field_lists_each_field_once(db_url):
    from dvdesktop.store.models import Concern

    area = Area.create(name="Nà Khoang", kind="bản", commune="xã Nậm Pồ", commune_code="03200")
    for field, n in (("Môi trường", 2), ("Đất đai", 1)):
        for _i in range(n):
            Concern.create(area=area, received_on=dt.date(YEAR, 5, 1), content="Kiến nghị", field=field)
    Concern.create(area=area, received_on=dt.date(YEAR - 1, 5, 1), content="Kiến nghị", field="Môi trường")
    table = reports.annual(YEAR, today=dt.date(THIS_YEAR, 1, 5)).section("concerns").tables[1]
    labels = [r.label for r in table.rows]
    assert len(labels) == len(set(labels))
    assert {r.label: r.values for r in table.rows}["Môi trường"] == [1, 2, 1]
