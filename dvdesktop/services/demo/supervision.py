"""Demo people's supervision activities (giám sát của Nhân dân): the kinds of
local work a Tổ dân vận actually supervises — rural roads and other works of
the national target programmes, the public disclosure the 2022 grassroots
democracy law requires, security, the environment, the conduct of cadres —
with findings, recommendations sent to the authority, its answer and whether
it was carried out; the latest still wait for an answer.

Run after every other demo table, with a random generator of its own, so the
rest of the demo data stays the same row for row."""
from __future__ import annotations

import datetime as dt

from ...store.models import SupervisionActivity
from .fast_random import SeededRandom, Weights

# (kind, subject, findings, recommendations, recipient, answer, min_year); {area} is the team's area,
# {other} a neighbouring one, {commune} the commune ("xã Nà Hỳ"), {year} the year.
TEMPLATES = (
    ("du_an", "Dự án đường giao thông nông thôn {area} – {other}",
     "Công trình thi công đúng tiến độ, có biển công khai. Một số đoạn lớp bê tông mỏng hơn thiết kế, "
     "rãnh thoát nước chưa được đổ đủ chiều dài; vật liệu để tràn ra đường gây khó khăn cho người đi lại.",
     "Đề nghị chủ đầu tư yêu cầu đơn vị thi công kiểm tra, khắc phục độ dày mặt đường và làm đủ rãnh thoát nước "
     "trước khi nghiệm thu; thu dọn vật liệu, bảo đảm an toàn giao thông.",
     "Ủy ban nhân dân {commune}",
     "Ủy ban nhân dân xã đã chỉ đạo Ban quản lý dự án kiểm tra hiện trường, yêu cầu đơn vị thi công khoan lấy mẫu, "
     "làm lại đoạn không đạt và hoàn thiện rãnh thoát nước.", 0),
    ("du_an", "Công trình nhà văn hóa {area}",
     "Nhân dân đóng góp ngày công, đất đai theo đúng cam kết. Tường hồi có vết nứt chân chim, "
     "sân chưa được đổ bê tông như dự toán đã công khai.",
     "Đề nghị Ban quản lý dự án và đơn vị thi công xử lý vết nứt, hoàn thiện sân trước khi bàn giao; "
     "công khai quyết toán phần kinh phí Nhân dân đóng góp.",
     "Ban quản lý dự án đầu tư xây dựng {commune}",
     "Đơn vị thi công đã xử lý vết nứt, đổ bê tông sân; quyết toán được niêm yết tại nhà văn hóa.", 0),
    ("du_an", "Công trình kênh mương nội đồng {area}",
     "Kênh được kiên cố hóa đủ chiều dài. Cửa lấy nước đầu kênh đặt cao hơn mặt ruộng, "
     "một số hộ cuối kênh chưa lấy được nước vụ xuân.",
     "Đề nghị điều chỉnh cao độ cửa lấy nước, bổ sung cống lấy nước cho các thửa ruộng cuối kênh.",
     "Ủy ban nhân dân {commune}",
     "Ủy ban nhân dân xã giao công chức địa chính – xây dựng phối hợp đơn vị thi công hạ cửa lấy nước, "
     "bổ sung hai cống lấy nước.", 0),
    ("du_an", "Công trình cấp nước sinh hoạt tập trung {area}",
     "Bể chứa và đường ống chính đã hoàn thành. Mùa khô nước về không đều, các hộ ở cuối tuyến thiếu nước; "
     "chưa thành lập tổ quản lý, vận hành công trình.",
     "Đề nghị kiểm tra lưu lượng đầu nguồn, lắp van điều tiết; hướng dẫn thành lập tổ quản lý công trình "
     "có đại diện Nhân dân.",
     "Ủy ban nhân dân {commune}",
     "Đã lắp van điều tiết và thành lập tổ quản lý, vận hành gồm 5 người do Nhân dân bình chọn.", 0),
    ("du_an", "Việc hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo ở {area}",
     "Các hộ được hỗ trợ đúng danh sách đã bình xét công khai; 2 hộ thiếu nhân công, nhà chưa kịp lợp mái "
     "trước mùa mưa.",
     "Đề nghị huy động đoàn viên thanh niên, dân quân giúp ngày công cho 2 hộ; "
     "giải ngân phần hỗ trợ còn lại đúng thời hạn.",
     "Ủy ban nhân dân {commune}",
     "Xã đã huy động lực lượng giúp hoàn thành nhà cho 2 hộ và giải ngân đủ kinh phí hỗ trợ.", 2024),
    ("du_an", "Việc hỗ trợ cây giống, con giống phát triển sản xuất theo Chương trình mục tiêu quốc gia "
              "ở {area}",
     "Giống được cấp đúng đối tượng, đúng số lượng. Một phần cây giống chậm về so với thời vụ, "
     "tỷ lệ cây sống thấp.",
     "Đề nghị cấp giống đúng thời vụ, có cán bộ khuyến nông hướng dẫn kỹ thuật chăm sóc; "
     "trồng dặm số cây chết.",
     "Ủy ban nhân dân {commune}",
     "Đã đề nghị đơn vị cung ứng cấp bù cây giống; cán bộ khuyến nông mở lớp hướng dẫn tại nhà văn hóa.", 0),
    ("dan_chu", "Việc công khai thu, chi các khoản Nhân dân đóng góp làm đường bê tông {area}",
     "Ban phát triển thôn có sổ theo dõi thu, chi; chưa niêm yết công khai tại nhà văn hóa theo Luật Thực hiện "
     "dân chủ ở cơ sở.",
     "Đề nghị niêm yết công khai các khoản thu, chi ít nhất 30 ngày và báo cáo tại hội nghị thôn gần nhất.",
     "Trưởng {area_kind} và Ban phát triển {area_kind}",
     "Đã niêm yết công khai tại nhà văn hóa và báo cáo tại hội nghị thôn.", 2023),
    ("dan_chu", "Việc bình xét, công khai danh sách hộ nghèo, hộ cận nghèo năm {year} ở {area}",
     "Việc bình xét có đủ đại diện các hộ, biên bản ghi đầy đủ ý kiến. "
     "Danh sách niêm yết chậm 5 ngày so với kế hoạch.",
     "Đề nghị niêm yết đúng thời hạn để Nhân dân kịp góp ý; tiếp nhận, trả lời ý kiến thắc mắc của các hộ.",
     "Ủy ban nhân dân {commune}",
     "Tiếp thu; từ đợt rà soát sau, danh sách được niêm yết đúng kế hoạch.", 0),
    ("dan_chu", "Việc lấy ý kiến Nhân dân về hương ước, quy ước {area}",
     "Dự thảo được gửi đến từng hộ, tổ chức họp lấy ý kiến; một số ý kiến về mức đóng góp chưa được tổng hợp "
     "vào biên bản.",
     "Đề nghị tổng hợp đầy đủ ý kiến, giải trình những ý kiến không tiếp thu trước khi trình công nhận.",
     "Trưởng {area_kind}",
     "Ban soạn thảo đã tổng hợp, giải trình tại hội nghị thôn trước khi trình xã.", 0),
    ("an_ninh", "Việc giữ gìn an ninh, trật tự và phòng, chống ma túy ở {area}",
     "Tình hình an ninh cơ bản ổn định. Có hiện tượng thanh niên tụ tập, đua xe vào ban đêm ở khu vực cầu treo.",
     "Đề nghị Công an xã tăng cường tuần tra khu vực cầu treo; phối hợp gia đình giáo dục thanh niên.",
     "Công an {commune}",
     "Công an xã đã bố trí tuần tra vào các tối cuối tuần, mời gia đình các thanh niên lên làm việc.", 0),
    ("an_ninh", "Hoạt động của Tổ bảo vệ an ninh, trật tự ở cơ sở {area}",
     "Tổ duy trì trực, tuần tra; trang bị còn thiếu đèn pin, áo phản quang; một số thành viên chưa được tập huấn.",
     "Đề nghị bổ sung trang bị và tổ chức tập huấn nghiệp vụ cho thành viên Tổ bảo vệ an ninh, trật tự.",
     "Công an {commune}",
     "Đã cấp bổ sung trang bị; lớp tập huấn được tổ chức trong quý.", 2024),
    ("moi_truong", "Việc thu gom, xử lý rác thải sinh hoạt ở {area}",
     "Các hộ ven đường trục đã phân loại rác tại nguồn. Điểm tập kết rác đầu bản đầy, thu gom không đúng lịch, "
     "gây mùi.",
     "Đề nghị đơn vị thu gom thực hiện đúng lịch 2 lần/tuần; bố trí thêm thùng chứa ở điểm tập kết.",
     "Ủy ban nhân dân {commune}",
     "Xã đã làm việc với đơn vị thu gom, bổ sung 2 thùng chứa và giám sát lịch thu gom.", 0),
    ("moi_truong", "Việc khai thác cát, sỏi trên suối đoạn qua {area}",
     "Phát hiện khai thác cát ban đêm, làm sạt lở bờ suối gần ruộng lúa của các hộ.",
     "Đề nghị kiểm tra, xử lý việc khai thác trái phép và có biện pháp chống sạt lở bờ suối.",
     "Ủy ban nhân dân {commune}",
     "Đoàn kiểm tra liên ngành đã lập biên bản, tạm giữ phương tiện; xã lập phương án kè tạm bờ suối.", 0),
    ("moi_truong", "Việc chăn nuôi gia súc, gia cầm trong khu dân cư {area}",
     "Một số hộ làm chuồng sát đường, nước thải chảy ra rãnh chung gây ô nhiễm.",
     "Đề nghị vận động các hộ di chuyển chuồng trại ra xa nhà ở, làm hầm biogas hoặc hố ủ phân.",
     "Trưởng {area_kind}",
     "Thôn đã họp các hộ liên quan; 4 hộ cam kết di chuyển chuồng trại trong năm.", 0),
    ("can_bo", "Tác phong, lề lối làm việc của cán bộ, công chức bộ phận tiếp nhận và trả kết quả "
               "Ủy ban nhân dân {commune}",
     "Cán bộ tiếp dân niềm nở, hướng dẫn rõ ràng. Một số hồ sơ đất đai trả kết quả chậm, "
     "không có phiếu xin lỗi, hẹn lại.",
     "Đề nghị trả kết quả đúng hạn; hồ sơ chậm phải có văn bản xin lỗi, hẹn lại theo quy định.",
     "Ủy ban nhân dân {commune}",
     "Chủ tịch Ủy ban nhân dân xã đã chấn chỉnh, yêu cầu công chức địa chính rà soát hồ sơ tồn.", 0),
    ("khac", "Việc thực hiện nếp sống văn minh trong việc cưới, việc tang ở {area}",
     "Phần lớn các gia đình thực hiện đúng hương ước; còn tình trạng mổ nhiều gia súc, kéo dài ngày trong đám tang.",
     "Đề nghị Ban Công tác Mặt trận và người có uy tín tiếp tục vận động thực hiện tang lễ gọn nhẹ.",
     "Ban Công tác Mặt trận {area}",
     "Ban Công tác Mặt trận đã đưa nội dung vào hội nghị thôn và giao người có uy tín vận động từng dòng họ.", 0),
)
FORMS = Weights((("Giám sát trực tiếp", 45), ("Phối hợp Ban giám sát đầu tư của cộng đồng", 20),
                 ("Qua phản ánh của Nhân dân", 15), ("Phối hợp Ban Thanh tra nhân dân", 10),
                 ("Phối hợp Ban Công tác Mặt trận", 10)))
ACTED = Weights((("co", 60), ("mot_phan", 25), ("khong", 5), ("cho", 10)))
# share of activities whose findings needed no recommendation
NO_RECOMMENDATION = 0.12


def build_supervision(gen) -> None:
    """Add each team's supervision activities of every year to *gen*'s writer."""
    r = SeededRandom(f"supervision-{gen.o.seed}")
    commune_scale = gen.o.scale == "commune"
    by_commune: dict[int, list] = {}
    for t in gen.teams:
        by_commune.setdefault(t.commune_idx, []).append(t)

    weighted = r.pick

    for info in gen.teams:
        com = gen.communes[info.commune_idx]
        commune = f"{com['kind']} {com['name']}"
        neighbours = [t for t in by_commune[info.commune_idx] if t is not info] or [info]
        area_kind = info.area_name.split()[0] if info.area_name.split()[0] in ("bản", "thôn") else "thôn"
        for y, start, end in gen.team_years(info):
            n = r.randint(1, 3) if commune_scale else r.choice((0, 1, 1, 2))
            templates = [t for t in TEMPLATES if t[6] <= y]
            for _ in range(n):
                kind, subject, findings, recommendations, recipient, answer, _min = r.choice(templates)
                other = r.choice(neighbours).area_name
                other = other.split(" ", 1)[1] if " " in other else other

                def fill(text):
                    return (text.replace("{area}", info.area_name).replace("{other}", other)
                            .replace("{commune}", commune).replace("{year}", str(y))
                            .replace("{area_kind}", area_kind))

                day = gen.date_between(start, end)
                finish = min(day + dt.timedelta(days=r.choice((0, 0, 1, 2, 5, 10))), gen.ref)
                present = info.active(day)
                chosen = r.sample(present, min(len(present), r.randint(2, 4))) if present else []
                residents = r.randint(3, 15)
                participants = [f"{m[1]} – {m[4]}" for m in chosen]
                participants.append(f"Đại diện {residents} hộ dân {info.area_name}")
                recommend = r.random() >= NO_RECOMMENDATION
                sent_on = answered_on = None
                acted = ""
                if recommend:
                    sent_day = finish + dt.timedelta(days=r.randint(1, 7))
                    if sent_day <= gen.ref:
                        sent_on = sent_day
                        answer_day = sent_day + dt.timedelta(days=r.randint(7, 40))
                        # the latest ones are still waiting for their answer
                        recent = (gen.ref - sent_day).days < 90
                        if answer_day <= gen.ref - dt.timedelta(days=5) and r.random() < (0.6 if recent else 0.95):
                            answered_on = answer_day
                            acted = weighted(ACTED)
                gen.w.add(SupervisionActivity, gen.stamp(finish, 16), {
                    "team": info.id, "subject": fill(subject), "kind": kind, "form": weighted(FORMS),
                    "start_date": day, "end_date": finish, "participants": "\n".join(participants),
                    "participant_count": len(chosen) + residents,
                    "findings": fill(findings) if recommend else
                    "Việc thực hiện đúng kế hoạch, đúng quy định; Nhân dân đồng tình, không có phản ánh.",
                    "recommendations": fill(recommendations) if recommend else "",
                    "sent_to": fill(recipient) if sent_on else "", "sent_on": sent_on,
                    "answer": fill(answer) if answered_on else "", "answered_on": answered_on,
                    "acted_on": acted,
                })
