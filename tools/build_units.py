"""Build ``resources/units/units.json``, the app's compact list of administrative units.

    .venv/bin/python tools/build_units.py [SOURCE_DIR]   (default: ../shared/data/units)

Sources (both MIT, licences copied beside the output):
- ``units-2026-07-25.json``: today's 34 provinces and their xã, phường, đặc khu with codes
  (thanglequoc/vietnamese-provinces-database);
- ``old-to-new-2025-07-01.json``: the 63 old provinces and 10,047 old communes, each with the
  new unit(s) it went into (dvhcvn/20250701, mapping/splits.json).

Names are cleaned (spaces, the capital of a lower-case record) and written with the tone mark
where official documents put it ("Thanh Hóa", "Khánh Hòa", not "Hoá", "Hoà"). A successor whose
code is not in today's list is found by name in its province; the build fails if one is not.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kehoach_desktop.plan.text import clean_line, fold  # noqa: E402
from kehoach_desktop.units.index import modern_tones  # noqa: E402
from kehoach_desktop.units.data import FORMAT, NEW_KINDS, OLD_KINDS, PROVINCE_KINDS, VERSION  # noqa: E402

KINDS = NEW_KINDS + OLD_KINDS + PROVINCE_KINDS

UNITS_FILE = "units-2026-07-25.json"
MAPPING_FILE = "old-to-new-2025-07-01.json"
SOURCES = {
    "units": "thanglequoc/vietnamese-provinces-database, json/vn_only_simplified_json_generated_data_"
             "vn_units_2026-07-25__20_49_07.json (MIT)",
    "mapping": "dvhcvn/20250701, mapping/splits.json (MIT)",
}
OUT_DIR = ROOT / "resources" / "units"

def clean_name(name: str) -> str:
    name = clean_line(name)
    name = name[:1].upper() + name[1:]
    for kind in KINDS:  # "Thị Trấn Mường Chà", "xã Bắc Sơn": the kind as the data file spells it
        if name.lower().startswith(kind.lower() + " "):
            name = kind + name[len(kind):]
    return modern_tones(name)


def build(source: Path) -> dict:
    today = json.loads((source / UNITS_FILE).read_text("utf-8"))
    mapping = json.loads((source / MAPPING_FILE).read_text("utf-8"))["data"]
    provinces = [[p["Code"], clean_name(p["FullName"])] for p in today]
    units = [[w["Code"], clean_name(w["FullName"]), p["Code"]] for p in today for w in p["Wards"]]
    codes = {u[0] for u in units}
    by_name = {(u[2], fold(u[1])): u[0] for u in units}
    province_codes = {p[0] for p in provinces}

    def successor(code: str, name: str, provinces_of_old: list) -> str:
        if code in codes:
            return code
        for province in provinces_of_old:  # a code renumbered since the mapping: find it by name
            found = by_name.get((province, fold(clean_name(name))))
            if found:
                return found
        raise SystemExit(f"successor {code} {name} not found in today's list")

    old_provinces, old_units = [], []
    for p in mapping:
        targets = [s["new_id"] for s in p["splits"]]
        assert all(t in province_codes for t in targets), p["name"]
        old_provinces.append([p["level1_id"], clean_name(p["name"]), targets])
        for c in p["level3s"]:
            new = []
            for s in c["splits"]:
                code = successor(s["new_id"], s["name"], targets)
                if code not in new:
                    new.append(code)
            old_units.append([c["level3_id"], clean_name(c["name"]), p["level1_id"], new])
    return {"format": FORMAT, "version": VERSION, "date": "2026-07-25", "valid_from": "2025-07-01",
            "source": SOURCES, "licence": "MIT (LICENSE-units-2026-07-25, LICENSE-old-to-new-2025-07-01)",
            "provinces": provinces, "units": units, "old_provinces": old_provinces, "old_units": old_units}


def write(data: dict, out_dir: Path) -> Path:
    """Minified JSON, one record a line (small, and a new list shows as a readable diff)."""
    head = {k: v for k, v in data.items() if not isinstance(v, list)}
    parts = ["{" + json.dumps(head, ensure_ascii=False)[1:-1]]
    for key in ("provinces", "units", "old_provinces", "old_units"):
        rows = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in data[key])
        parts.append(f'"{key}":[\n{rows}]')
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "units.json"
    path.write_text(",\n".join(parts) + "}\n", "utf-8")
    return path


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else ROOT.parent / "shared" / "data" / "units"
    if not (source / UNITS_FILE).is_file():
        source = Path("/work/shared/data/units")
    data = build(source)
    path = write(data, OUT_DIR)
    for licence in source.glob("LICENSE-*"):
        shutil.copyfile(licence, OUT_DIR / licence.name)
    print(f"{path}: {len(data['provinces'])} tỉnh, {len(data['units'])} đơn vị, "
          f"{len(data['old_units'])} đơn vị cũ, {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
