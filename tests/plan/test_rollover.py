"""Year roll-over: which mentions change, which never do."""
import datetime
import json

import pytest

from kehoach_desktop.plan.model import Plan, Section
from kehoach_desktop.plan.rollover import (apply_rollover, classify, find_year_mentions, plan_year,
                                           propose_year, rollover_plan, stale_year_problems,
                                           year_date_problems)

from ..conftest import CORPUS

# "Today" in the tests of the year moves: before every plan's next year, so the next year is proposed.
WRITTEN_EARLY = datetime.date(2000, 1, 1)


def _plan(summary="", paragraphs=(), date="2023-12-20", preamble=()):
    plan = Plan(summary=summary, preamble=list(preamble),
                sections=[Section(title="NỘI DUNG", content=list(paragraphs))])
    plan.header.date = date
    plan.header.number = "45"
    return plan


def _corpus(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus missing")
    return Plan.from_dict(json.loads(path.read_text(encoding="utf-8")))


def test_own_years_move_forward():
    plan = _plan(summary="Tổng kết kết quả năm 2023, nhiệm vụ năm 2024", date="2024-01-10")
    new = rollover_plan(plan, today=WRITTEN_EARLY)
    assert new.summary == "Tổng kết kết quả năm 2024, nhiệm vụ năm 2025"
    assert new.header.number == "" and new.header.date == ""
    assert plan.summary == "Tổng kết kết quả năm 2023, nhiệm vụ năm 2024"  # the old plan is untouched


@pytest.mark.parametrize("text", [
    "Luật số 103/2023/QH15 của Quốc hội",
    "Nghị quyết số 58-NQ/TW ngày 05/8/2020 của Bộ Chính trị",
    "Kế hoạch ban hành ngày 09/11/2023",
    "Kế hoạch 105/KH-UBND ngày 12/5/2021",
    "Hướng dẫn 06-HD/BTGTU ngày 18 tháng 02 năm 2023",
    "nhiệm kỳ 2020 - 2025",
    "giai đoạn 2021-2025",
    "kế hoạch 5 năm 2021–2025",
    "phát triển đến năm 2030",
    "tầm nhìn đến năm 2045",
])
def test_never_changed(text):
    plan = _plan(paragraphs=[text], date="2023-06-01")
    mentions = find_year_mentions(plan, today=WRITTEN_EARLY)
    assert mentions and not any(m.checked for m in mentions)
    assert rollover_plan(plan, today=WRITTEN_EARLY).sections[0].content == [text]


@pytest.mark.parametrize("text, kind", [
    ("số 103/2023/QH15", "document"), ("ngày 09/11/2023", "date"), ("tháng 5/2023", "date"),
    ("nhiệm kỳ 2020 - 2025", "period"), ("đến năm 2030", "target"), ("năm 2023", "plain"),
])
def test_classify(text, kind):
    i = text.index("20", text.index(" ") if " " in text else 0)
    spans = [(m, m + 4) for m in range(len(text)) if text[m:m + 4].isdigit() and text[m:m + 2] in ("19", "20")]
    start, end = spans[-1] if kind != "period" else spans[0]
    assert classify(text, start, end) == kind, i


def test_cited_title_years_kept():
    text = ("Thực hiện Nghị quyết số 01/NQ-CP ngày 01/01/2023 của Chính phủ về dự toán ngân sách năm 2023, "
            "Ủy ban nhân dân xã xây dựng kế hoạch năm 2023 như sau:")
    plan = _plan(preamble=[text], date="2023-02-01")
    new = rollover_plan(plan, today=WRITTEN_EARLY)
    assert new.preamble == [text.replace("kế hoạch năm 2023", "kế hoạch năm 2024")]


def test_other_years_listed_not_checked():
    plan = _plan(paragraphs=["tăng so với năm 2019; kết quả năm 2022; năm 2023"], date="2023-03-01")
    mentions = find_year_mentions(plan, today=WRITTEN_EARLY)
    assert [(m.old, m.new, m.checked) for m in mentions] == [(2019, 2020, False), (2022, 2023, True),
                                                             (2023, 2024, True)]
    assert all(m.reason for m in mentions)
    assert mentions[0].where == "sections[0].content[0]"


def test_explicit_target_year_and_unchecked_kept():
    plan = _plan(summary="Kế hoạch năm 2023", paragraphs=["Nhiệm vụ năm 2023"], date="2023-01-05")
    mentions = find_year_mentions(plan, to_year=2026)
    assert [m.new for m in mentions] == [2026, 2026]
    mentions[1].checked = False
    new = apply_rollover(plan, mentions)
    assert new.summary == "Kế hoạch năm 2026"
    assert new.sections[0].content == ["Nhiệm vụ năm 2023"]


def test_where_paths_cover_all_fields():
    plan = _plan(summary="năm 2023", paragraphs=["năm 2023", Section(title="Năm 2023", content=["năm 2023"])],
                 preamble=["năm 2023"])
    plan.closing = ["năm 2023"]
    plan.recipients = ["Lưu 2023"]
    wheres = [m.where for m in find_year_mentions(plan, today=WRITTEN_EARLY)]
    assert wheres == ["summary", "preamble[0]", "sections[0].content[0]", "sections[0].content[1].title",
                      "sections[0].content[1].content[0]", "closing[0]", "recipients[0]"]
    new = rollover_plan(plan, today=WRITTEN_EARLY)
    assert new.sections[0].content[1].title == "Năm 2024" and new.recipients == ["Lưu 2024"]


def test_plan_year_without_date_uses_text():
    plan = _plan(summary="tuyên truyền năm 2021", paragraphs=["ngày 18/02/2021", "năm 2020 và năm 2021"], date="")
    assert plan_year(plan) == 2021


def test_party_corpus_rollover():
    plan = _corpus("party-ben-tre-2021.docx-expected.json")
    new = rollover_plan(plan, today=WRITTEN_EARLY)
    assert new.summary == ("tuyên truyền kết quả phát triển kinh tế - xã hội năm 2021, "
                           "mục tiêu, nhiệm vụ, giải pháp năm 2022")
    # The cited guidance keeps its date and its own title.
    assert new.preamble == plan.preamble
    assert new.header.number == "" and new.header.date == ""
    assert new.header.issuer == plan.header.issuer and new.signature == plan.signature
    assert new.sections[1].content[0].title == "Kết quả phát triển kinh tế - xã hội năm 2021, nhiệm vụ, giải pháp năm 2022"
    text = json.dumps(new.to_dict(), ensure_ascii=False)
    assert "06/3/1911 - 06/3/2021" in text and "124/2020/QH14" in text and "2021-2025" in text


def test_state_corpus_nothing_checked():
    plan = _corpus("state-cam-thuy-2021.docx-expected.json")
    mentions = find_year_mentions(plan, today=WRITTEN_EARLY)
    assert len(mentions) > 30 and not any(m.checked for m in mentions)
    new = rollover_plan(plan, today=WRITTEN_EARLY)
    assert new.summary == plan.summary and new.sections == plan.sections


def test_stale_years_flagged_after_rollover():
    plan = _plan(summary="Kế hoạch năm 2024", preamble=["Căn cứ Kế hoạch số 5/KH-UBND ngày 10/01/2024;"],
                 paragraphs=[Section(title="Nhiệm vụ năm 2024", content=[])], date="2024-01-20")
    mentions = find_year_mentions(plan, today=WRITTEN_EARLY)
    for m in mentions:
        if m.where.endswith(".title"):
            m.checked = False  # the user forgot one heading
    new = apply_rollover(plan, mentions)
    problems = stale_year_problems(new, 2025)
    wheres = {p.where for p in problems}
    assert wheres == {"preamble[0]", "sections[0].content[0].title"}
    assert all(p.code == "stale-year" and p.severity == "warning" and p.message for p in problems)
    assert stale_year_problems(rollover_plan(_plan(summary="Kế hoạch năm 2024", date="2024-01-01"), today=WRITTEN_EARLY), 2025) == []


def test_rollover_command(tmp_path, capsys):
    from kehoach_desktop.cli import main

    source = tmp_path / "cu.json"
    source.write_text(_plan(summary="Kế hoạch năm 2023", date="2023-05-01").to_json(), encoding="utf-8")
    assert main(["rollover", str(source), "--year", "2025"]) == 0
    out = Plan.from_json(capsys.readouterr().out)
    assert out.summary == "Kế hoạch năm 2025" and out.header.date == "" and out.header.number == ""
    target = tmp_path / "moi.json"
    assert main(["rollover", str(source), "-o", str(target)]) == 0
    proposed = propose_year(2023)  # 2024 while that is not past, else this year
    assert Plan.from_json(target.read_text(encoding="utf-8")).summary == f"Kế hoạch năm {proposed}"


def test_rollover_command_bad_file(tmp_path, capsys):
    from kehoach_desktop.cli import main

    bad = tmp_path / "hong.json"
    bad.write_text("{khong phai json", encoding="utf-8")
    assert main(["rollover", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("Lỗi:")


def test_validator_flags_last_year_only_after_a_rollover():
    from kehoach_desktop.plan.model import Plan
    from kehoach_desktop.plan.validate import validate

    plan = Plan.from_dict({"format": "kehoach", "version": 1, "header": {"date": "2025-01-10"},
                           "summary": "Tuyên truyền nhiệm vụ năm 2025",
                           "preamble": ["Căn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh;"],
                           "sections": [{"title": "KẾT QUẢ NĂM 2024, NHIỆM VỤ NĂM 2025", "content": ["x"]}]})
    assert "stale-year" not in {p.code for p in validate(plan)}
    rolled = rollover_plan(plan, today=WRITTEN_EARLY)
    assert rolled.extra["rollover"] == {"from_year": 2025, "to_year": 2026}
    assert rolled.summary.endswith("năm 2026")
    stale = [p for p in validate(rolled) if p.code == "stale-year"]
    assert [p.where for p in stale] == ["preamble[0]"] and all(p.severity == "warning" for p in stale)


# ---- the proposed year and the issue date (issue 9) ---------------------------------------
@pytest.mark.parametrize("from_year, today, proposed", [
    (2025, datetime.date(2026, 3, 1), 2026),   # last year's plan: this year
    (2026, datetime.date(2026, 11, 23), 2027),  # this year's plan: next year
    (2024, datetime.date(2026, 11, 23), 2026),  # 2025 is past: never proposed
    (None, datetime.date(2026, 11, 23), 2026),
])
def test_proposed_year_is_never_past(from_year, today, proposed):
    assert propose_year(from_year, today) == proposed


def test_old_plan_rolls_to_this_year_not_a_past_one():
    plan = _plan(summary="Tuyên truyền nhiệm vụ năm 2024", paragraphs=["Kết quả năm 2023; nhiệm vụ năm 2024."],
                 date="2024-01-10")
    today = datetime.date(2026, 11, 23)
    new = rollover_plan(plan, today=today)
    assert new.summary == "Tuyên truyền nhiệm vụ năm 2026"
    assert new.sections[0].content == ["Kết quả năm 2025; nhiệm vụ năm 2026."]
    assert new.extra["rollover"] == {"from_year": 2024, "to_year": 2026}
    assert [m.new for m in find_year_mentions(plan, today=today) if m.checked] == [2026, 2025, 2026]


def _mismatch(plan, today):
    return [(p.code, p.severity, p.where) for p in year_date_problems(plan, today)]


@pytest.mark.parametrize("summary, date, flagged", [
    ("Tuyên truyền nhiệm vụ năm 2026", "2026-02-01", False),
    ("Kết quả năm 2026, nhiệm vụ năm 2027", "2026-12-20", False),   # next year's plan, made in December
    ("Tuyên truyền nhiệm vụ năm 2025", "2026-02-01", True),         # a plan for a year already past
    ("Tuyên truyền nhiệm vụ năm 2028", "2026-02-01", True),         # two years ahead
    ("Tuyên truyền kỷ niệm (19/8/1945 - 19/8/2025)", "2026-02-01", False),  # no year of its own
    ("Tuyên truyền nhiệm vụ năm 2025", "", True),                   # undated: prints this year, 2026
    ("Tuyên truyền nhiệm vụ năm 2026", "", False),
])
def test_year_and_issue_date_agree_or_the_check_says_why(summary, date, flagged):
    plan = _plan(summary=summary, date=date)
    expected = [("year-date-mismatch", "warning", "header.date")] if flagged else []
    assert _mismatch(plan, datetime.date(2026, 11, 23)) == expected


def test_rolled_over_plan_without_a_year_in_its_summary_uses_its_mark():
    plan = _plan(summary="Tuyên truyền phòng, chống thiên tai", paragraphs=["năm 2024"], date="2024-03-01")
    new = apply_rollover(plan, find_year_mentions(plan, 2025), 2025)
    assert _mismatch(new, datetime.date(2026, 11, 23))  # 2025 plan, undated: would print 2026
    message = year_date_problems(new, datetime.date(2026, 11, 23))[0].message
    assert "năm 2025" in message and "năm 2026" in message
    assert not _mismatch(apply_rollover(plan, find_year_mentions(plan, 2026), 2026), datetime.date(2026, 11, 23))
