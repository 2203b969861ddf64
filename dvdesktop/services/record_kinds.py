"""The kinds `dvdesktop list` knows and the printed kinds found by number:
plain names, importable without the database (the parser is built at every
start). The queries are in record_lists.py."""
from __future__ import annotations

# KIND → the heading of its title column (the other columns are the same for all)
KINDS = {
    "areas": "Địa bàn",
    "teams": "Địa bàn",
    "people": "Họ và tên",
    "meetings": "Tiêu đề",
    "outreach": "Chủ đề",
    "concerns": "Nội dung",
    "mediation": "Loại việc",
}
KIND_NAMES = {"areas": "địa bàn", "teams": "Tổ dân vận", "people": "người", "meetings": "cuộc họp",
              "outreach": "buổi tuyên truyền", "concerns": "kiến nghị", "mediation": "vụ việc hòa giải"}
HEADINGS = ("ID", "Số", "Ngày", "Tổ / địa bàn")  # a concern or a case without a team: its area
# Printed kinds whose record is found by its number: kind → the list it is in
NUMBERED = {"minutes": "meetings", "attendance-sheet": "meetings", "mediation": "mediation"}
