"""The official layout of a Kế hoạch, as data (``shared/spec/layout.md``).

One place for every size, word and pattern of both regimes. The DOCX writer,
the validator, the preview and the print path all read ``rules_for(regime)``,
so they cannot disagree. Each regime names its source: a new official guide is
a change of data here, not of code elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from ..lazy_regex import lazy_compile


@dataclass(frozen=True)
class TextStyle:
    """How one part of the page is set: size in points, weight, slant, alignment."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False  # the text is expected in capitals (the writer does not change it)
    align: str = "center"  # left | center | right | justify


@dataclass(frozen=True)
class PageRules:
    """Both regimes: Nghị định 30/2020/NĐ-CP Phụ lục I §I; Hướng dẫn 36-HD/VPTW Phụ lục 3."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    margin_top_mm: float = 20.0  # official 20–25
    margin_bottom_mm: float = 20.0  # official 20–25
    margin_left_mm: float = 30.0  # official 30–35
    margin_right_mm: float = 15.0  # official 15–20
    font: str = "Times New Roman"
    page_number: TextStyle = TextStyle(14, align="center")
    page_number_on_first_page: bool = False


@dataclass(frozen=True)
class BodyRules:
    """Paragraphs and headings of the text."""

    paragraph: TextStyle = TextStyle(14, align="justify")
    first_line_indent_mm: float = 10.0  # official 10–12.7
    space_after_pt: float = 6.0  # official: at least 6 pt
    line_spacing: float = 1.0  # official: single to 1.5 lines
    # Heading styles by depth (0 = "I."); deeper levels reuse the last entry.
    headings: tuple = (
        TextStyle(14, bold=True, caps=True, align="justify"),  # I. MỤC ĐÍCH, YÊU CẦU
        TextStyle(14, bold=True, align="justify"),  # 1. Mục đích
        TextStyle(14, align="justify"),  # a) / 1.1. as body text
    )
    keep_heading_with_next: bool = True
    widow_control: bool = True


@dataclass(frozen=True)
class SpacingRules:
    """Spacing and rule lines of the written page (the writer's choices inside the official ranges)."""

    header_distance_mm: float = 10.0  # page number: centred in the 20 mm top margin
    table_cell_margin_mm: float = 1.0  # header/foot tables: room for the one-line national title
    header_row_gap_pt: float = 6.0  # before the number line and the date line
    title_space_before_pt: float = 12.0  # before "KẾ HOẠCH"
    body_space_before_pt: float = 12.0  # between the summary's mark and the first paragraph
    foot_space_before_pt: float = 0.0  # before "Nơi nhận" / the signature block
    rule_width_eighths: int = 6  # thickness of the solid lines, in eighths of a point (0.75 pt)
    rule_gap_pt: float = 3.0  # between a text and the solid line under it (clears the descenders)
    title_block_line_fraction: float = 1.0  # motto (state) / title (party) line: as long as the text


@dataclass(frozen=True)
class RegimeRules:
    regime: str
    name: str  # Vietnamese, for the user
    source: str  # the official text the rules come from
    # Header table
    header_columns: tuple  # fractions of the text width, left and right
    national_title: str
    national_title_style: TextStyle
    motto: str  # "" when the regime has none
    motto_style: TextStyle | None
    line_under_title_block: bool  # a solid line under the motto (state) or the title (party)
    superior_style: TextStyle
    issuer_style: TextStyle
    issuer_mark: str  # "line" (a solid line under the issuer) or "*" (party)
    issuer_line_fraction: float  # of the issuer's text width, official 1/3–1/2
    number_template: str  # "Số: {number}/{symbol}"
    number_style: TextStyle
    symbol_pattern: str  # regex the symbol must match
    symbol_example: str
    date_style: TextStyle
    # Title
    title_text: str
    title_style: TextStyle
    summary_style: TextStyle
    summary_mark: str  # "line" or "-----"
    summary_line_fraction: float
    # Body
    body: BodyRules
    end_mark: str  # "./." for state plans, "" when the regime asks for none
    # Foot table
    foot_columns: tuple
    recipients_label: str
    recipients_label_style: TextStyle
    recipient_style: TextStyle
    recipient_prefix: str
    recipient_separator: str  # after every line but the last
    recipient_end: str  # after the last line
    archive_example: str
    archive_needs_colon: bool  # state "Lưu: VT, ..."; party "Lưu VT, ..."
    authorities: tuple  # authority words this regime uses
    foreign_authorities: tuple  # the other regime's words, to explain a mistake
    authorities_with_collective: tuple  # TM./T/M: the collective follows
    authorities_with_head_title: tuple  # KT./K/T: the head's title follows
    authority_style: TextStyle
    position_style: TextStyle
    signature_space_lines: int  # empty lines of the body size for signature and seal
    name_style: TextStyle
    typist_style: TextStyle
    typist_template: str  # "{typist}.({copies})" or "{typist} - {copies}b"
    page: PageRules = field(default_factory=PageRules)
    spacing: SpacingRules = field(default_factory=SpacingRules)

    @property
    def symbol_regex(self) -> re.Pattern:
        return re.compile(self.symbol_pattern)


# Upper-case letters, Vietnamese included, and digits: the alphabet of a ký hiệu.
_SYMBOL_PART = r"[A-ZĐÀ-Ỹ0-9]+"

STATE = RegimeRules(
    regime="state",
    name="Cơ quan nhà nước",
    source="Nghị định 30/2020/NĐ-CP, Phụ lục I và Mẫu 1.4 Phụ lục III",
    header_columns=(0.4, 0.6),
    national_title="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    national_title_style=TextStyle(12, bold=True, caps=True),  # official 12–13, one line
    motto="Độc lập - Tự do - Hạnh phúc",
    motto_style=TextStyle(13, bold=True),  # official 13–14
    line_under_title_block=True,
    superior_style=TextStyle(12, caps=True),  # official 12–13
    issuer_style=TextStyle(12, bold=True, caps=True),  # official 12–13
    issuer_mark="line",
    issuer_line_fraction=0.4,
    number_template="Số: {number}/{symbol}",
    number_style=TextStyle(13),
    symbol_pattern=rf"^KH-{_SYMBOL_PART}(?:-{_SYMBOL_PART})*$",
    symbol_example="KH-UBND",
    date_style=TextStyle(14, italic=True),  # official 13–14
    title_text="KẾ HOẠCH",
    title_style=TextStyle(14, bold=True, caps=True),  # official 13–14
    summary_style=TextStyle(14, bold=True),  # official 13–14
    summary_mark="line",
    summary_line_fraction=0.4,
    body=BodyRules(),
    end_mark="./.",
    foot_columns=(0.45, 0.55),
    recipients_label="Nơi nhận:",
    recipients_label_style=TextStyle(12, bold=True, italic=True, align="left"),
    recipient_style=TextStyle(11, align="left"),
    recipient_prefix="- ",
    recipient_separator=";",
    recipient_end=".",
    archive_example="Lưu: VT, VH",
    archive_needs_colon=True,
    authorities=("TM.", "KT.", "TL.", "TUQ.", "Q."),
    foreign_authorities=("T/M", "K/T", "T/L"),
    authorities_with_collective=("TM.",),
    authorities_with_head_title=("KT.",),
    authority_style=TextStyle(14, bold=True, caps=True),  # official 13–14
    position_style=TextStyle(14, bold=True, caps=True),  # official 13–14
    signature_space_lines=4,
    name_style=TextStyle(14, bold=True),
    typist_style=TextStyle(11, caps=True, align="left"),
    typist_template="{typist}.({copies})",
)

PARTY = RegimeRules(
    regime="party",
    name="Cơ quan Đảng",
    source="Hướng dẫn 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng, Phụ lục 3",
    header_columns=(0.45, 0.55),
    national_title="ĐẢNG CỘNG SẢN VIỆT NAM",
    national_title_style=TextStyle(15, bold=True, caps=True),
    motto="",
    motto_style=None,
    line_under_title_block=True,
    superior_style=TextStyle(14, caps=True),
    issuer_style=TextStyle(14, bold=True, caps=True),
    issuer_mark="*",
    issuer_line_fraction=0.0,
    number_template="Số {number}-{symbol}",
    number_style=TextStyle(14),
    symbol_pattern=rf"^KH/{_SYMBOL_PART}(?:[-/]{_SYMBOL_PART})*$",
    symbol_example="KH/ĐU",
    date_style=TextStyle(14, italic=True),
    title_text="KẾ HOẠCH",
    title_style=TextStyle(16, bold=True, caps=True),  # official 15–16
    summary_style=TextStyle(14, bold=True),  # official 14–15
    summary_mark="-----",
    summary_line_fraction=0.0,
    body=BodyRules(),
    end_mark="",
    foot_columns=(0.45, 0.55),
    recipients_label="Nơi nhận:",
    recipients_label_style=TextStyle(14, underline=True, align="left"),
    recipient_style=TextStyle(12, align="left"),
    recipient_prefix="- ",
    recipient_separator=",",
    recipient_end=".",
    archive_example="Lưu VT, VPĐU",
    archive_needs_colon=False,
    authorities=("T/M", "K/T", "T/L", "Q."),
    foreign_authorities=("TM.", "KT.", "TL.", "TUQ."),
    authorities_with_collective=("T/M",),
    authorities_with_head_title=("K/T",),
    authority_style=TextStyle(14, bold=True, caps=True),
    position_style=TextStyle(14, caps=True),  # not bold in party plans
    signature_space_lines=4,
    name_style=TextStyle(14, bold=True),
    typist_style=TextStyle(12, align="left"),
    typist_template="{typist} - {copies}b",
)

RULES = {"state": STATE, "party": PARTY}

# Where a long body name may break into two lines (layout.md, header block).
NAME_BREAK_BEFORE = ("XÃ", "PHƯỜNG", "THỊ TRẤN", "HUYỆN", "QUẬN", "TỈNH", "THÀNH PHỐ", "ĐẶC KHU")
NAME_BREAK_AFTER = (" - ",)

# "Lưu" entry of Nơi nhận, accents optional: "Lưu: VT, VH", "Luu VT".
ARCHIVE_ENTRY = lazy_compile(r"^\s*l(?:ư|u)u\b", re.IGNORECASE)


def rules_for(regime: str) -> RegimeRules:
    """The rules of a regime; an unknown regime falls back to the state's."""
    return RULES.get(regime, STATE)


def heading_style(rules: RegimeRules, depth: int) -> TextStyle:
    headings = rules.body.headings
    return headings[min(depth, len(headings) - 1)]


# Word groups a body name never breaks inside (layout.md: "never inside a word group").
NAME_GROUPS = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "MẶT TRẬN TỔ QUỐC", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ",
               "THÀNH PHỐ", "THỊ TRẤN", "ĐẶC KHU", "ĐẢNG ỦY", "ĐẢNG BỘ", "CHI BỘ", "TUYÊN GIÁO", "DÂN VẬN",
               "VĂN PHÒNG", "CƠ QUAN", "DOANH NGHIỆP", "TỈNH ỦY", "THÀNH ỦY", "CHUYỂN ĐỔI SỐ")
NAME_JOINS_NEXT = ("VÀ", "CÁC", "VỀ")  # a line never ends on these: "BAN TUYÊN GIÁO" / "VÀ DÂN VẬN …"
# Without a column: the state issuer's (2/5 of the text width less the cell margins, 12 pt bold).
DEFAULT_NAME_WIDTH_MM = 64.0
NAME_FIT = 0.97  # room for the estimate's error: a line that nearly fills the column is broken
MAX_NAME_LINES = 4


def _name_tokens(words: list[str]) -> list[str]:
    """Words joined into the groups that must stay together; a lone "-" goes with the word before,
    "VÀ" with the word after."""
    groups: list[str] = []
    i = 0
    while i < len(words):
        size = next((g.count(" ") + 1 for g in NAME_GROUPS
                     if " ".join(words[i:i + g.count(" ") + 1]).upper() == g), 1)
        groups.append(" ".join(words[i:i + size]))
        i += size
    out: list[str] = []
    glue_next = False
    for group in groups:
        if out and (glue_next or group in ("-", "–")):
            out[-1] += " " + group
        else:
            out.append(group)
        glue_next = group.upper() in NAME_JOINS_NEXT
    return out


def _is_natural_break(before: str, after: str) -> bool:
    """Before a place word (XÃ, TỈNH…) or after " - ": where officials break a name."""
    return before.endswith(("-", "–")) or any(after.upper() == w or after.upper().startswith(w + " ")
                                             for w in NAME_BREAK_BEFORE)


def split_body_name(name: str, width_mm: float | None = None, size_pt: float = 12.0,
                    bold: bool = True) -> list[str]:
    """Break a body name between words into the fewest lines that fit ``width_mm`` at ``size_pt``,
    balanced, preferring the natural places ("ỦY BAN NHÂN DÂN" / "XÃ CẨM TÂN") and never leaving
    one word alone: "BAN TUYÊN GIÁO" / "ĐẢNG ỦY KHỐI", not "… ĐẢNG ỦY" / "KHỐI". A name that fits
    stays on one line. Widths are the printed ones (Times New Roman metrics, ``plan.metrics``)."""
    name = " ".join(name.split())
    if not name:
        return []
    return list(_split_name(name, float(width_mm or DEFAULT_NAME_WIDTH_MM), float(size_pt), bool(bold)))


@lru_cache(maxsize=256)
def _split_name(name: str, width_mm: float, size_pt: float, bold: bool) -> tuple:
    from .metrics import text_width_mm

    limit = width_mm * NAME_FIT
    if text_width_mm(name, size_pt, bold) <= limit:
        return (name,)
    tokens = _name_tokens(name.split(" "))
    widths = {}

    def width(line: str) -> float:
        if line not in widths:
            widths[line] = text_width_mm(line, size_pt, bold)
        return widths[line]

    best, best_score = (name,), None
    for count in range(2, min(MAX_NAME_LINES, len(tokens)) + 1):
        for cuts in combinations(range(1, len(tokens)), count - 1):
            bounds = (0, *cuts, len(tokens))
            lines = [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:])]
            longest = max(width(line) for line in lines)
            if longest > limit and count < min(MAX_NAME_LINES, len(tokens)):
                continue  # too wide: try more lines (the last try takes the least bad)
            score = longest
            score -= 0.3 * limit * sum(_is_natural_break(tokens[c - 1], tokens[c]) for c in cuts)
            score += 0.5 * limit * sum(1 for line in lines if " " not in line and len(tokens) > count)
            if best_score is None or score < best_score:
                best, best_score = tuple(lines), score
        if best_score is not None:
            return best
    return best


def body_name_lines(name: str, rules: "RegimeRules", style: TextStyle) -> list[str]:
    """The printed lines of ``header.superior`` / ``header.issuer`` in the header's left column:
    a break the user typed is kept, each part broken to fit (writer, preview and print alike)."""
    page = rules.page
    column = (page.width_mm - page.margin_left_mm - page.margin_right_mm) * rules.header_columns[0]
    width = column - 2 * rules.spacing.table_cell_margin_mm
    lines: list[str] = []
    for part in name.splitlines():
        lines += split_body_name(part, width, style.size, style.bold)
    return lines


def title_block_lines(rules: "RegimeRules") -> list:
    """(text, style) of the header's right column, top to bottom: the Quốc hiệu and, for the state,
    the Tiêu ngữ (the party writes its title alone). The writer and the printed pages both read it."""
    lines = [(rules.national_title, rules.national_title_style)]
    if rules.motto and rules.motto_style is not None:
        lines.append((rules.motto, rules.motto_style))
    return lines
