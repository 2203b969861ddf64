"""Fixed vocabularies: stored codes and their Vietnamese labels."""
from __future__ import annotations

GENDERS = (("nam", "Nam"), ("nữ", "Nữ"))

AREA_KINDS = (
    ("thôn", "Thôn"), ("bản", "Bản"), ("tổ dân phố", "Tổ dân phố"), ("khu phố", "Khu phố"),
    ("ấp", "Ấp"), ("khu", "Khu"), ("làng", "Làng"), ("xóm", "Xóm"), ("buôn", "Buôn"), ("plei", "Plei"),
)

TEAM_STATUSES = (("active", "Đang hoạt động"), ("dissolved", "Đã giải thể"))

TEAM_ROLES = (("to_truong", "Tổ trưởng"), ("to_pho", "Tổ phó"), ("thanh_vien", "Thành viên"))

# Positions a member typically holds in the village (free text is allowed too).
POSITIONS = (
    "Bí thư Chi bộ", "Phó Bí thư Chi bộ", "Trưởng thôn", "Trưởng bản", "Tổ trưởng tổ dân phố",
    "Trưởng Ban Công tác Mặt trận", "Chi hội trưởng Hội Phụ nữ", "Chi hội trưởng Hội Nông dân",
    "Chi hội trưởng Hội Cựu chiến binh", "Bí thư Chi đoàn", "Chi hội trưởng Hội Người cao tuổi",
    "Thôn đội trưởng", "Công an viên", "Người có uy tín", "Cán bộ phụ trách",
)

ETHNIC_GROUPS = (
    "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai", "Ê Đê", "Ba Na",
    "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông", "Thổ", "Xtiêng",
    "Khơ Mú", "Bru - Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ - Triêng", "Co", "Chơ Ro",
    "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha", "Pà Thẻn",
    "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La", "Pu Péo", "Rơ Măm",
    "Brâu", "Ơ Đu",
)

MEETING_KINDS = (("dinh_ky", "Định kỳ"), ("dot_xuat", "Đột xuất"))
MEETING_STATUSES = (("planned", "Dự kiến"), ("held", "Đã họp"))
ATTENDANCE = (("present", "Có mặt"), ("excused", "Vắng có lý do"), ("absent", "Vắng không lý do"))
TASK_STATUSES = (("open", "Đang thực hiện"), ("done", "Đã xong"), ("cancelled", "Hủy"))

OUTREACH_FORMS = (
    "Họp dân", "Đến từng hộ", "Loa truyền thanh", "Nhóm Zalo", "Sinh hoạt chi hội", "Pa nô, áp phích",
    "Tờ rơi", "Văn nghệ", "Khác",
)

CONCERN_CHANNELS = (
    "Trực tiếp", "Điện thoại", "Họp thôn", "Họp Tổ dân vận", "Hộp thư góp ý", "Mặt trận số",
    "Cổng PAKN", "Zalo", "Khác",
)
CONCERN_FIELDS = (
    "Đất đai", "Môi trường", "Chính sách xã hội", "An ninh trật tự", "Giao thông", "Y tế",
    "Giáo dục", "Điện, nước", "Cán bộ, đảng viên", "Kinh tế, sản xuất", "Khác",
)
CONCERN_STATUSES = (
    ("moi", "Mới"), ("da_chuyen", "Đã chuyển"), ("da_tra_loi", "Đã trả lời"), ("da_giai_quyet", "Đã giải quyết"),
)

# People's supervision (giám sát của Nhân dân) organised by the teams: what
# was supervised (Luật Thực hiện dân chủ ở cơ sở 2022 for the democracy rules).
SUPERVISION_KINDS = (
    ("du_an", "Chương trình, dự án"),
    ("dan_chu", "Thực hiện dân chủ ở cơ sở"),
    ("an_ninh", "An ninh, trật tự"),
    ("moi_truong", "Môi trường"),
    ("can_bo", "Tác phong, lề lối làm việc của cán bộ"),
    ("khac", "Khác"),
)
# How it was supervised (free text is allowed too).
SUPERVISION_FORMS = (
    "Giám sát trực tiếp",
    "Qua phản ánh của Nhân dân",
    "Phối hợp Ban giám sát đầu tư của cộng đồng",
    "Phối hợp Ban Thanh tra nhân dân",
    "Phối hợp Ban Công tác Mặt trận",
    "Qua sinh hoạt Tổ dân vận",
)
# Whether the authority acted on the recommendations (once it answered).
SUPERVISION_ACTED = (
    ("cho", "Đang chờ thực hiện"), ("co", "Đã thực hiện"), ("mot_phan", "Thực hiện một phần"),
    ("khong", "Không thực hiện"),
)

MEDIATION_GROUNDS = (
    ("party_request", "Một bên hoặc các bên yêu cầu"),
    ("witnessed", "Hòa giải viên chứng kiến hoặc biết vụ việc"),
    ("assigned", "Tổ trưởng tổ hòa giải phân công"),
    ("organisation_request", "Cơ quan, tổ chức, cá nhân đề nghị"),
)
MEDIATION_SCOPES = (("dan_su", "Dân sự"), ("hon_nhan_gia_dinh", "Hôn nhân và gia đình"), ("khac", "Khác"))
MEDIATION_OUTCOMES = (
    ("dang", "Đang hòa giải"),
    ("thanh", "Hòa giải thành"),
    ("khong_thanh", "Hòa giải không thành"),
    ("dung", "Dừng hòa giải"),
    ("chuyen", "Chuyển cơ quan có thẩm quyền"),
)
MEDIATION_SIDES = (("A", "Bên thứ nhất"), ("B", "Bên thứ hai"), ("lien_quan", "Người liên quan"))

HOUSEHOLD_SITUATIONS = (("ngheo", "Hộ nghèo"), ("can_ngheo", "Hộ cận nghèo"), ("kho_khan", "Hộ khó khăn"))

MODEL_FIELDS = ("Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh", "Xây dựng hệ thống chính trị")
MODEL_LEVELS = ("", "Cấp xã", "Cấp tỉnh", "Cấp trung ương")

EVALUATION_STAGES = (("self", "Tự đánh giá"), ("review", "Thẩm định"), ("decided", "Đã quyết định"))
