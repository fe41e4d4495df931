"""Plans made for these tests (not in shared/corpus): before 2025 in other provinces, with merged,
divided and abolished units, and one written in 2026 with today's names."""
from kehoach_desktop.plan.model import Header, Plan, Section, Signature


def party_ha_giang_2023() -> Plan:
    """An old province (Hà Giang → Tuyên Quang), a merged commune (Má Lé → Lũng Cú), a thị trấn."""
    return Plan(
        regime="party", kind="tuyen-truyen",
        header=Header(superior="ĐẢNG BỘ HUYỆN ĐỒNG VĂN", issuer="ĐẢNG ỦY XÃ MÁ LÉ", number="12", symbol="KH/ĐU",
                      place="Má Lé", date="2023-02-10"),
        summary="tuyên truyền kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam năm 2023",
        preamble=["Căn cứ Kế hoạch số 45-KH/HU ngày 10/01/2023 của Ban Thường vụ Huyện ủy Đồng Văn về tuyên "
                  "truyền các ngày lễ lớn năm 2023;",
                  "Thực hiện Hướng dẫn của Ban Tuyên giáo Huyện ủy Đồng Văn về tuyên truyền kỷ niệm ngày thành lập Đảng;",
                  "Ban Thường vụ Đảng ủy xã Má Lé, tỉnh Hà Giang xây dựng Kế hoạch như sau:"],
        sections=[
            Section("MỤC ĐÍCH, YÊU CẦU", ["Tuyên truyền sâu rộng đến cán bộ, đảng viên và Nhân dân trong xã."]),
            Section("TỔ CHỨC THỰC HIỆN", [
                "Ban Tuyên giáo Huyện ủy hướng dẫn nội dung; Đảng ủy xã phối hợp với Công an huyện Đồng Văn bảo "
                "đảm an ninh trong các ngày lễ.",
                "Các chi bộ phối hợp với chi bộ thị trấn Đồng Văn tổ chức giao lưu văn nghệ.",
                "Báo cáo kết quả về Ban Thường vụ Huyện ủy trước ngày 28/02/2023."]),
        ],
        recipients=["- Ban Thường vụ Huyện ủy Đồng Văn (b/c);", "- Ban Tuyên giáo Huyện ủy;", "- Các chi bộ;",
                    "- Lưu Văn phòng Đảng ủy."],
        signature=Signature(authority="T/M ĐẢNG ỦY", position="BÍ THƯ", name="Sùng Mí Dính"),
    )


def state_nghe_an_2024() -> Plan:
    """A divided commune (Hòa Sơn → Vĩnh Tường or Văn Hiến), district bodies everywhere."""
    return Plan(
        regime="state", kind="su-kien",
        header=Header(superior="UBND HUYỆN ĐÔ LƯƠNG", issuer="ỦY BAN NHÂN DÂN XÃ HÒA SƠN", number="34",
                      symbol="KH-UBND", place="Hòa Sơn", date="2024-04-02"),
        summary="Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024",
        preamble=["Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/3/2024 của UBND huyện Đô Lương về tổ chức các "
                  "hoạt động văn hóa năm 2024;",
                  "Thực hiện Hướng dẫn của Phòng Văn hóa và Thông tin huyện Đô Lương về tổ chức ngày hội;",
                  "Ủy ban nhân dân xã Hòa Sơn, huyện Đô Lương, tỉnh Nghệ An ban hành Kế hoạch như sau:"],
        sections=[
            Section("TỔ CHỨC THỰC HIỆN", [
                Section("Văn phòng HĐND và UBND xã", ["Tham mưu tổ chức, báo cáo UBND huyện Đô Lương kết quả."]),
                Section("Công an xã", ["Phối hợp với Công an huyện Đô Lương bảo đảm an ninh trật tự."]),
                Section("Trạm Y tế xã", ["Phối hợp với Trung tâm Y tế huyện bố trí lực lượng y tế."]),
                "Phòng Văn hóa và Thông tin huyện Đô Lương hướng dẫn chuyên môn.",
            ]),
        ],
        recipients=["- UBND huyện Đô Lương (b/c);", "- Phòng Văn hóa và Thông tin huyện;",
                    "- Ủy ban MTTQ Việt Nam xã;", "- Lưu: VT, VHXH."],
        signature=Signature(authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="Nguyễn Văn Hùng"),
    )


def state_quang_nam_2022() -> Plan:
    """A merged province (Quảng Nam → Đà Nẵng) and a thị trấn (Ái Nghĩa → xã Đại Lộc)."""
    return Plan(
        regime="state",
        header=Header(issuer="ỦY BAN NHÂN DÂN THỊ TRẤN ÁI NGHĨA", number="7", symbol="KH-UBND", place="Ái Nghĩa",
                      date="2022-05-20"),
        summary="Phòng, chống thiên tai năm 2022",
        preamble=["Căn cứ Kế hoạch số 88/KH-UBND ngày 02/4/2022 của UBND tỉnh Quảng Nam;",
                  "Ủy ban nhân dân thị trấn Ái Nghĩa ban hành Kế hoạch như sau:"],
        sections=[Section("TỔ CHỨC THỰC HIỆN", ["Các khối phố báo cáo về UBND thị trấn Ái Nghĩa."])],
        recipients=["- UBND tỉnh Quảng Nam (b/c);", "- Lưu: VT."],
        signature=Signature(authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="Trần Văn Nam"),
    )


def state_lam_dong_2026() -> Plan:
    """Written today with today's names: nothing to warn about (the cited 2024 plan is history)."""
    return Plan(
        regime="state",
        header=Header(issuer="ỦY BAN NHÂN DÂN XÃ TÂN LẬP", number="15", symbol="KH-UBND", place="Tân Lập",
                      date="2026-03-12"),
        summary="Tuyên truyền phòng, chống cháy rừng năm 2026",
        preamble=["Căn cứ Kế hoạch số 12/KH-UBND ngày 03/02/2024 của UBND huyện Đức Trọng về phòng cháy rừng;",
                  "Căn cứ Kế hoạch số 40/KH-UBND ngày 20/01/2026 của UBND tỉnh Lâm Đồng;",
                  "Ủy ban nhân dân xã Tân Lập ban hành Kế hoạch như sau:"],
        sections=[Section("TỔ CHỨC THỰC HIỆN", [
            Section("Phòng Kinh tế", ["Chủ trì, phối hợp với Công an xã và Ban Chỉ huy Quân sự xã kiểm tra."]),
            Section("Phòng Văn hóa - Xã hội", ["Tuyên truyền trên hệ thống loa của xã, phường lân cận."]),
            "Các thôn tổ chức tuyên truyền đến từng hộ gia đình; công tác xã hội hóa được khuyến khích.",
        ])],
        recipients=["- UBND tỉnh Lâm Đồng (b/c);", "- Sở Nông nghiệp và Môi trường tỉnh Lâm Đồng;",
                    "- Thường trực Đảng ủy xã;", "- Lưu: VT, KT."],
        signature=Signature(authority="TM. ỦY BAN NHÂN DÂN", position="CHỦ TỊCH", name="K' Brồ"),
    )
