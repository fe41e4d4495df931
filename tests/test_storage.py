"""storage: profiles, recent files, settings and drafts in the (temporary) user data folder."""
from __future__ import annotations

import json
import os
import unicodedata

from kehoach_desktop import storage
from kehoach_desktop.plan.model import Plan


def test_data_dir_is_the_private_user_folder(private_user_dirs):
    path = storage.data_dir()
    assert path.is_dir()
    assert str(path).startswith(str(private_user_dirs))
    assert path.name == "kehoach"


def test_profiles_round_trip_and_nfc():
    decomposed = "U\u031bY BAN NHA\u0302N DA\u0302N"  # NFD-ish input
    p = storage.Profile(name="UBND xã A", issuer=decomposed, symbol="KH-UBND", archive="Lưu: VT, VP")
    storage.upsert_profile(p)
    storage.upsert_profile(storage.Profile(name="Đảng ủy xã A", regime="party", symbol="KH/ĐU"))
    loaded = storage.load_profiles()
    assert [x.name for x in loaded] == ["Đảng ủy xã A", "UBND xã A"]
    a = storage.find_profile(loaded, "UBND xã A")
    assert a.issuer == unicodedata.normalize("NFC", decomposed) != decomposed
    assert storage.find_profile(loaded, "Đảng ủy xã A").regime == "party"
    storage.delete_profile("Đảng ủy xã A")
    assert [x.name for x in storage.load_profiles()] == ["UBND xã A"]


def test_remember_signer_most_recent_first_without_duplicates():
    storage.upsert_profile(storage.Profile(name="UBND"))
    s1 = {"authority": "TM.", "collective": "ỦY BAN NHÂN DÂN", "position": "CHỦ TỊCH", "name": "Nguyễn Văn A"}
    s2 = {"authority": "KT.", "collective": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Trần Thị B"}
    storage.remember_signer("UBND", s1)
    storage.remember_signer("UBND", s2)
    storage.remember_signer("UBND", s1)
    signers = storage.find_profile(storage.load_profiles(), "UBND").signers
    assert [s["name"] for s in signers] == ["Nguyễn Văn A", "Trần Thị B"]
    storage.remember_signer("không có", s1)  # unknown profile: nothing happens, no error


def test_corrupt_files_read_as_empty():
    (storage.data_dir() / storage.PROFILES_FILE).write_text("{oops", "utf-8")
    (storage.data_dir() / storage.RECENT_FILE).write_text('{"a": 1}', "utf-8")
    assert storage.load_profiles() == []
    assert storage.load_recent() == []
    assert storage.load_settings() == {}


def test_recent_files_newest_first_limited(tmp_path):
    for i in range(storage.RECENT_LIMIT + 3):
        storage.add_recent(tmp_path / f"k{i}.docx")
    storage.add_recent(tmp_path / "k0.docx")
    recent = storage.load_recent()
    assert len(recent) == storage.RECENT_LIMIT
    assert recent[0] == str(tmp_path / "k0.docx")
    storage.remove_recent(tmp_path / "k0.docx")
    assert str(tmp_path / "k0.docx") not in storage.load_recent()


def test_settings_update_merges():
    storage.update_settings(last_profile="A")
    storage.update_settings(window_geometry="xyz")
    assert storage.load_settings() == {"last_profile": "A", "window_geometry": "xyz"}


def test_draft_of_a_dead_session_is_an_orphan():
    plan = Plan(summary="Bản nháp")
    path = storage.write_draft(plan.to_json(), "/tmp/a.docx", session="s1")
    assert path.exists()
    # While its window lives, the draft is not offered.
    assert storage.orphan_drafts(exclude_sessions={"s1"}) == []
    drafts = storage.orphan_drafts()
    assert len(drafts) == 1
    assert Plan.from_json(drafts[0].plan_json).summary == "Bản nháp"
    assert drafts[0].source == "/tmp/a.docx"
    storage.clear_draft("s1")
    assert storage.orphan_drafts() == []


def test_draft_of_another_live_process_is_not_offered():
    path = storage.write_draft(Plan().to_json(), "", session="other")
    raw = json.loads(path.read_text("utf-8"))
    raw["pid"] = os.getppid()  # a process that is certainly alive
    path.write_text(json.dumps(raw), "utf-8")
    assert storage.orphan_drafts() == []
    raw["pid"] = 2 ** 22 + 12345  # no such process
    path.write_text(json.dumps(raw), "utf-8")
    assert len(storage.orphan_drafts()) == 1


def test_bad_draft_files_are_ignored():
    folder = storage.data_dir() / storage.DRAFTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "draft-x.json").write_text("garbage", "utf-8")
    assert storage.orphan_drafts() == []


def test_a_signer_is_remembered_only_by_the_profile_of_the_plans_issuer():
    storage.upsert_profile(storage.Profile(name="UBND", issuer="ỦY BAN NHÂN DÂN XÃ NA SANG"))
    storage.upsert_profile(storage.Profile(name="Đảng ủy", regime="party", issuer="ĐẢNG ỦY XÃ NA SANG"))
    signer = {"authority": "T/M", "collective": "BAN THƯỜNG VỤ", "position": "BÍ THƯ", "name": "Vàng A Dế"}
    # The UBND profile is preferred (shown), but the plan is the Đảng ủy's: it gets the signer.
    assert storage.remember_plan_signer("Đảng ủy  xã Na Sang", signer, preferred="UBND") == "Đảng ủy"
    profiles = storage.load_profiles()
    assert storage.find_profile(profiles, "UBND").signers == []
    assert storage.find_profile(profiles, "Đảng ủy").signers[0]["name"] == "Vàng A Dế"
    # No profile is the plan's unit: nothing stored; the old call with an issuer refuses a mismatch.
    assert storage.remember_plan_signer("CHI BỘ BẢN HUỔI LẾCH", signer, preferred="UBND") == ""
    storage.remember_signer("UBND", signer, issuer="ĐẢNG ỦY XÃ NA SANG")
    assert storage.find_profile(storage.load_profiles(), "UBND").signers == []
    assert not storage.same_issuer("", "") and storage.same_issuer("Ủy ban nhân dân\nxã Na Sang",
                                                                   "ỦY BAN NHÂN DÂN XÃ NA SANG")
