"""Files and folders in a clerk's words: an error of the operating system as
a Vietnamese sentence that says what to do (never the English strerror), a
size as "2,1 MB", a folder checked before something is written into it, and
file names made from the number a person knows. No Qt here."""
from __future__ import annotations

import errno
import os
from pathlib import Path

from ..errors import UserError
from ..vn import format_number
import unicodedata

_EFFECTIVE = os.access in os.supports_effective_ids


def describe_os_error(exc: OSError, path: str | Path | None = None) -> str:
    """A Vietnamese sentence for *exc*, naming the file or folder concerned."""
    where = Path(path if path is not None else (exc.filename or ""))
    code = exc.errno
    if isinstance(exc, IsADirectoryError) or code == errno.EISDIR:
        return f"«{where}» là một thư mục, không phải tệp. Hãy chọn một tệp."
    if isinstance(exc, NotADirectoryError) or code == errno.ENOTDIR:
        return f"Đường dẫn «{where}» không đúng: một phần của nó là tệp chứ không phải thư mục."
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        if not where.parent.exists():
            return f"Thư mục «{where.parent}» không tồn tại. Hãy chọn một thư mục có sẵn."
        return f"Không tìm thấy «{where}»."
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        folder = where if where.is_dir() else where.parent
        if where.exists() and not where.is_dir():
            return (f"Không ghi được tệp «{where}»: tệp đang mở trong chương trình khác hoặc chỉ cho phép đọc. "
                    "Hãy đóng tệp đó hoặc chọn tên khác.")
        return not_writable(folder)
    if code == errno.EROFS:
        return f"«{where.parent}» nằm trên ổ chỉ đọc (đĩa CD, USB chống ghi). Hãy chọn thư mục khác."
    if code == errno.ENOSPC:
        return "Ổ đĩa đã đầy, không ghi được. Hãy giải phóng dung lượng rồi thử lại."
    if code == errno.ENAMETOOLONG:
        return f"Tên tệp «{where.name}» quá dài. Hãy đặt tên ngắn hơn."
    if code == errno.EEXIST:
        return f"«{where}» đã có. Hãy chọn tên khác."
    return f"Không dùng được «{where}» (lỗi hệ thống số {code})."


def format_size(size_bytes: int) -> str:
    """1_048_576 × 2.1 → "2,1 MB"; small files in kB."""
    if size_bytes >= 1_048_576:
        return f"{format_number(size_bytes / 1_048_576, 1)} MB"
    return f"{format_number(max(size_bytes, 0) / 1024, 1)} kB"


def not_writable(folder: str | Path) -> str:
    """The one sentence for a folder this program may not write into."""
    return f"Không ghi được vào thư mục «{folder}»: thư mục chỉ đọc hoặc không có quyền ghi. Hãy chọn thư mục khác."


def require_writable_folder(folder: str | Path, error: type[UserError] = UserError) -> Path:
    """*folder* (an existing one) when this program may create files in it, else
    *error* with not_writable's sentence. The effective ids count: that is what
    the operating system checks (a program started with other rights)."""
    folder = Path(folder)
    if not os.access(folder, os.W_OK | os.X_OK, effective_ids=_EFFECTIVE):
        raise error(not_writable(folder))
    return folder


def check_output_folder(path: str | Path) -> Path:
    """The file *path* about to be written: its folder must exist and be
    writable (it is never created: a mistyped folder is a mistake to tell)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserError(f"«{path}» là một thư mục; hãy ghi thêm tên tệp, ví dụ «{path / 'tep.pdf'}».")
    folder = path.parent
    if not folder.exists():
        raise UserError(f"Thư mục «{folder}» không tồn tại. Hãy tạo thư mục trước hoặc chọn thư mục khác.")
    if not folder.is_dir():
        raise UserError(f"«{folder}» là một tệp, không phải thư mục.")
    require_writable_folder(folder)
    return path


def slug(text: str) -> str:
    """A file-name part from a Vietnamese number or title: "03-BB/TDV" → "03-BB-TDV"."""
    plain = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    out = []
    for ch in plain.strip():
        if unicodedata.combining(ch):
            continue
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    text = "".join(out)
    while "--" in text:
        text = text.replace("--", "-")
    return text.strip("-")


def suggested_file_name(prefix: str, number: str | None, year: int | None, ext: str) -> str:
    """"bien-ban", "03-BB/TDV", 2025, "pdf" → "bien-ban-03-BB-TDV-2025.pdf"."""
    parts = [prefix]
    if number:
        parts.append(slug(number))
    if year and str(year) not in (number or ""):
        parts.append(str(year))
    return "-".join(p for p in parts if p) + "." + ext.lstrip(".")
