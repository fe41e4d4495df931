"""Generated plans of 1 to 40 pages and varied shape, to compare page breaks with LibreOffice.

Shapes: long trích yếu, many short points, long paragraphs, deep outlines, the
signature block near a page end (a plan grown paragraph by paragraph), both
regimes, numbered and draft. Deterministic (seeded), none from shared/corpus.
"""
from __future__ import annotations

import random

from kehoach_desktop.plan.model import Header, Plan, Section, Signature

WORDS = ("công tác tuyên truyền phổ biến giáo dục pháp luật cho cán bộ công chức viên chức "
         "và Nhân dân trên địa bàn xã năm 2026 nhằm nâng cao nhận thức trách nhiệm của các cấp "
         "ủy Đảng chính quyền Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong việc thực hiện "
         "nhiệm vụ phát triển kinh tế - xã hội bảo đảm quốc phòng an ninh trật tự an toàn "
         "giao thông phòng chống thiên tai dịch bệnh xây dựng nông thôn mới nâng cao "
         "chuyển đổi số cải cách hành chính theo Nghị quyết số 58-NQ/TW ngày 05/8/2020 của "
         "Bộ Chính trị Kế hoạch số 105/KH-UBND Ủy ban nhân dân huyện tổ chức thực hiện "
         "kịp thời đầy đủ hiệu quả thiết thực tiết kiệm; khen thưởng, động viên (nếu có) "
         "đồng bộ thường xuyên liên tục giai đoạn 2021 - 2025 định hướng đến năm 2030").split()
CAPS = ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN", "THỜI GIAN, ĐỊA ĐIỂM",
        "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP", "CHẾ ĐỘ BÁO CÁO")


def sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    text = " ".join(picked)
    return text[0].upper() + text[1:] + rng.choice((".", ";", "."))


def _points(rng, count, length):
    return [("- " if rng.random() < 0.5 else "") + sentence(rng, max(3, int(rng.gauss(length, length / 3))))
            for _ in range(count)]


def _section(rng, depth, max_depth, paras, length, title=None):
    content = []
    if depth < max_depth:
        for _ in range(rng.randint(1, 3)):
            content.append(_section(rng, depth + 1, max_depth, paras, length))
        if rng.random() < 0.3:
            content.append(sentence(rng, length))
    else:
        content = _points(rng, rng.randint(1, paras), length)
    title = title or sentence(rng, rng.randint(3, 9)).rstrip(".;")
    return Section(title=title, content=content)


def make_plan(seed: int, shape: str) -> Plan:
    rng = random.Random(seed)
    regime = "party" if seed % 3 == 1 else "state"
    length, paras, depth, sections = 35, 3, 2, rng.randint(2, 5)
    summary = sentence(rng, rng.randint(8, 25)).rstrip(".;")
    if shape == "long-summary":
        summary = sentence(rng, 60).rstrip(".;")
    elif shape == "short-points":
        length, paras = 8, 12
    elif shape == "long-paragraphs":
        length, paras = 160, 3
    elif shape == "deep":  # four levels: I., 1., 1.1., a)
        depth, paras = 4, 2
    elif shape == "tiny":
        sections, paras, depth = 1, 1, 1
    elif shape == "big":  # about 8 to 16 pages
        sections, paras, length = 7, 8 + seed % 5, 35 + seed % 4 * 10
    elif shape == "huge":  # about 20 to 40 pages
        sections, paras, length, depth = 7, 12 + seed % 5, 70 + seed % 3 * 10, 3
    tops = [_section(rng, 1, depth, paras, length, title=CAPS[i % len(CAPS)]) for i in range(sections)]
    if shape == "grow":  # paragraphs added one by one put the signature at every place of a page
        tops = tops[:2]
        tops[-1].content += _points(rng, seed % 9, 20)
    numbered = seed % 2 == 0
    header = Header(superior="UBND HUYỆN CẨM THỦY" if regime == "state" else "ĐẢNG BỘ HUYỆN ĐẠI LỘC",
                    issuer="ỦY BAN NHÂN DÂN XÃ CẨM TÂN" if regime == "state" else "ĐẢNG ỦY XÃ ĐẠI HIỆP",
                    number=str(seed % 90 + 1) if numbered else "",
                    symbol="KH-UBND" if regime == "state" else "KH/ĐU", place="Cẩm Tân",
                    date=f"2026-0{seed % 9 + 1}-1{seed % 9}" if numbered else "")
    recipients = ["UBND huyện (b/c)", "Thường trực Đảng ủy xã", "Các ban, ngành, đoàn thể xã"]
    recipients += [f"Chi bộ thôn {i + 1} (để thực hiện)" for i in range(seed % 4 * 2)]  # a long list at times
    recipients = recipients[: rng.randint(2, len(recipients))] + ["Lưu: VT, VH" if regime == "state" else "Lưu VT, VPĐU"]
    signature = Signature(authority="TM." if regime == "state" else "T/M",
                          collective="ỦY BAN NHÂN DÂN" if regime == "state" else "ĐẢNG ỦY",
                          position="CHỦ TỊCH" if regime == "state" else "BÍ THƯ", name="Nguyễn Văn An")
    if regime == "state" and seed % 4 == 3:  # a deputy signs for the head: a second authority line
        signature.deputy, signature.position = "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"
    preamble = [sentence(rng, rng.randint(20, 50)) for _ in range(rng.randint(1, 2))]
    closing = [sentence(rng, 30)] if rng.random() < 0.5 else []
    numbering = ["I.", "1.", "1.1.", "a)"] if shape == "deep" else ["I.", "1.", "a)"]
    return Plan(regime=regime, kind="tuyen-truyen", numbering=numbering, header=header, summary=summary,
                preamble=preamble,
                sections=tops, closing=closing, recipients=recipients, signature=signature,
                typist="Bùi Thị Lan" if seed % 5 == 0 else None, copies=12 if seed % 5 == 0 else None)


SHAPES = ("long-summary", "short-points", "long-paragraphs", "deep", "tiny", "big", "grow", "plain", "huge",
          "grow")


def generated_plans(count: int = 32, seed: int = 1000) -> dict[str, Plan]:
    """``count`` plans, the shapes in turn, each with its own seed."""
    return {f"gen-{i:02d}-{SHAPES[i % len(SHAPES)]}": make_plan(seed + i, SHAPES[i % len(SHAPES)])
            for i in range(count)}


# ---- plans with tables and appendices (issue 11) ---------------------------------------
DUTY_HEAD = ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]
UNITS = ("Văn phòng HĐND và UBND xã", "Công chức Văn hóa - Xã hội", "Đoàn Thanh niên", "Hội Phụ nữ",
         "Công an xã", "Ban Chỉ huy Quân sự xã", "Các thôn, bản", "Trạm Y tế xã", "Hội Nông dân")
MONTHS = ("Tháng 3/2026", "Quý II/2026", "Trước 30/6/2026", "Thường xuyên", "Tháng 10/2026", "Năm 2026")


def duties_table(rng: random.Random, rows: int, *, groups: bool = False, merged: bool = False,
                 length: int = 14) -> dict:
    """A duties table: header row, numbered rows, at times group rows across and a merged unit column."""
    out, number, group = [list(DUTY_HEAD)], 0, 0
    while len(out) - 1 < rows:
        if groups and (group == 0 or rng.random() < 0.12):
            group += 1
            out.append([{"text": f"{'I II III IV V VI VII VIII IX X'.split()[(group - 1) % 10]}. "
                                 + sentence(rng, rng.randint(3, 7)).rstrip(".;").upper(), "colspan": 5}])
            continue
        number += 1
        if merged and rng.random() < 0.15 and rows - len(out) > 3:
            span = rng.randint(2, 3)
            out.append([str(number), sentence(rng, max(3, int(rng.gauss(length, length / 2)))),
                        {"text": rng.choice(UNITS), "rowspan": span}, rng.choice(UNITS), rng.choice(MONTHS)])
            for _ in range(span - 1):
                number += 1
                out.append([str(number), sentence(rng, max(3, int(rng.gauss(length, length / 2)))),
                            rng.choice(UNITS), rng.choice(MONTHS)])
            continue
        unit2 = rng.choice(UNITS) + ("\n" + rng.choice(UNITS) if rng.random() < 0.2 else "")
        out.append([str(number), sentence(rng, max(3, int(rng.gauss(length, length / 2)))),
                    rng.choice(UNITS), unit2, rng.choice(MONTHS)])
    return {"table": {"header": 1, "rows": out}}


TABLE_SHAPES = ("section-table", "long-table", "appendix", "landscape", "merged", "two-appendices")


def make_table_plan(seed: int, shape: str):
    """A generated plan (``make_plan``) carrying tables in its sections and/or appendices."""
    from kehoach_desktop.plan.table import Appendix, Table

    rng = random.Random(seed * 7 + 3)
    plan = make_plan(seed, "plain" if seed % 2 else "short-points")
    target = plan.sections[-1].content
    if shape in ("section-table", "merged", "two-appendices"):
        target.append(Table.from_dict(duties_table(rng, rng.randint(4, 14), groups=shape == "merged",
                                                   merged=shape == "merged")))
        if rng.random() < 0.5:
            target.append(sentence(rng, 30))
    if shape == "long-table":
        target.insert(0, Table.from_dict(duties_table(rng, rng.randint(40, 90), groups=True, length=18)))
    if shape in ("appendix", "landscape", "two-appendices"):
        turned = shape == "landscape" or (shape == "two-appendices" and seed % 2 == 0)
        rows = rng.randint(25, 70) if turned else rng.randint(8, 40)
        plan.appendices.append(Appendix(
            title="", summary=sentence(rng, rng.randint(5, 14)).rstrip(".;"), landscape=turned or None,
            content=[Table.from_dict(duties_table(rng, rows, groups=True, merged=seed % 3 == 0, length=22))]))
    if shape == "two-appendices":
        plan.appendices.append(Appendix(
            title="", summary="Danh sách thành viên Ban Chỉ đạo", landscape=None if seed % 2 == 0 else True,
            content=[sentence(rng, 25), Table.from_dict(duties_table(rng, rng.randint(5, 20)))]))
    return plan


def table_plans(count: int = 18, seed: int = 3000) -> dict:
    return {f"tab-{i:02d}-{TABLE_SHAPES[i % len(TABLE_SHAPES)]}": make_table_plan(seed + i,
                                                                            TABLE_SHAPES[i % len(TABLE_SHAPES)])
            for i in range(count)}
