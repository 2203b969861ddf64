"""What a PDF reuses from the documents printed before it in the same process
(font subsets, laid-out lines, parsed markup) never changes what it prints:
each document read back with pdfplumber holds its own text, in the same
places as when it is printed first."""
from __future__ import annotations

import dataclasses

from dvdesktop.documents import pdf as pdf_module
from dvdesktop.documents import samples
from dvdesktop.documents.render import to_pdf
from dvdesktop.services.printing.catalog import KINDS

from tests.documents.pdf_reading import all_text, fonts_embedded, open_pdf

# letters the sample minutes do not print: a subset made for them must hold them
RARE = "Ỳ Ỷ Ỹ ỳ ỷ ỹ Ẵ ẵ Ặ ặ Ẫ ẫ Ỗ ỗ Ỡ ỡ Ự ự Ữ ữ Ĩ ĩ Ũ ũ ₫ § ¾"


def _minutes(title: str, discussion: str | None = None):
    base = samples.minutes("party")
    return KINDS["minutes"].build(dataclasses.replace(base, title=title, discussion=discussion or base.discussion))


def _chars(data: bytes) -> list[tuple]:
    with open_pdf(data) as pdf:
        return [(c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"].split("+")[-1], round(c["size"], 2))
                for page in pdf.pages for c in page.chars]


def _forget() -> None:
    pdf_module._PARSED.clear()
    pdf_module._LAID.clear()


def test_a_document_prints_the_same_alone_and_after_others():
    _forget()
    alone = _chars(to_pdf(_minutes("Tháng 02 năm 2025")))
    for i in range(3):
        to_pdf(_minutes(f"Tháng {i + 3:02d} năm 2025"))
    again = _chars(to_pdf(_minutes("Tháng 02 năm 2025")))
    assert again == alone


def test_new_letters_after_a_printed_document_are_embedded_and_read_back():
    with open_pdf(to_pdf(_minutes("Tháng 02 năm 2025"))) as pdf:  # its subsets and lines are now kept
        first = all_text(pdf)
    rare = [ch for ch in RARE.split() if ch not in first]
    assert len(rare) > 20
    data = to_pdf(_minutes("Tháng 03 năm 2025", discussion=f"Chữ hiếm: {' '.join(rare)}."))
    with open_pdf(data) as pdf:
        text = all_text(pdf)
        assert all(fonts_embedded(pdf).values())
    for ch in rare:
        assert ch in text, ch
    # and the document printed first, printed again, is as it was
    with open_pdf(to_pdf(_minutes("Tháng 02 năm 2025"))) as pdf:
        assert all_text(pdf) == first
