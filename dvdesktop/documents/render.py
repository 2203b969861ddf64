"""Write a document to a file: PDF (reportlab) or Word (python-docx), chosen
by the file name's ending."""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import UserError
from ..filenames import check_name
from . import blocks as B

FORMATS = {".pdf": "pdf", ".docx": "docx"}


def file_format(path: str | Path) -> str:
    """'pdf' or 'docx' from a file name; UserError for anything else."""
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        raise UserError(f"Tệp «{Path(path).name}» phải có đuôi .pdf hoặc .docx.") from None


def to_pdf(doc: B.Document, target=None) -> bytes | None:
    from .pdf import render_pdf

    return render_pdf(doc, target)


def to_docx(doc: B.Document, target=None) -> bytes | None:
    from .docx_backend import render_docx

    return render_docx(doc, target)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the cleanup after a failed write must not hide why it failed
        pass


def write(doc: B.Document, path: str | Path) -> Path:
    """Write *doc* to *path* as PDF or DOCX (by its ending); UserError with a
    Vietnamese message when the file is open elsewhere or the disk is full. The
    folder is checked before the work by whoever asks (services.files.check_output_folder)."""
    path = Path(path)
    check_name(path.name)
    kind = file_format(path)
    # Render to memory, then replace the file in one step: a failure (or a full
    # disk) never leaves a half-written file or destroys the previous one.
    data = (to_pdf if kind == "pdf" else to_docx)(doc)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except PermissionError:
        _remove_quietly(tmp)
        raise UserError(f"Không ghi được tệp «{path}»: tệp đang mở trong chương trình khác hoặc không có quyền ghi.") from None
    except OSError as exc:
        _remove_quietly(tmp)
        if exc.errno == 28:  # ENOSPC
            raise UserError(f"Ổ đĩa đã đầy, không ghi được tệp «{path}». Hãy giải phóng dung lượng rồi thử lại.") from None
        raise UserError(f"Không ghi được tệp «{path}» (lỗi hệ thống số {exc.errno}).") from None
    return path
