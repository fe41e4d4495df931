"""TCVN3 (ABC) and VNI-Windows → Unicode."""
import unicodedata

import pytest

from kehoach_desktop.plan.legacy_encoding import (decode_for_font, encoding_of_font, tcvn3_to_unicode,
                                                  vni_to_unicode)

TCVN3_SAMPLES = [
    ("kÕ ho¹ch", "kế hoạch"),
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Ch\xad¬ng tr×nh hµnh ®éng", "Chương trình hành động"),
    ("n\xadíc, c\xadêng, l\xadîng, ®\xadîc", "nước, cường, lượng, được"),
    ("ch¨m sãc søc kháe", "chăm sóc sức khỏe"),
    ("¨ © ª « ¬ \xad ®", "ă â ê ô ơ ư đ"),
    ("¡ ¢ £ ¤ ¥ ¦ §", "Ă Â Ê Ô Ơ Ư Đ"),
    ("µ ¶ · ¸ ¹", "à ả ã á ạ"),
    ("» ¼ ½ ¾ Æ", "ằ ẳ ẵ ắ ặ"),
    ("Ç È É Ê Ë", "ầ ẩ ẫ ấ ậ"),
    ("Ì Î Ï Ð Ñ", "è ẻ ẽ é ẹ"),
    ("Ò Ó Ô Õ Ö", "ề ể ễ ế ệ"),
    ("× Ø Ü Ý Þ", "ì ỉ ĩ í ị"),
    ("ß á â ã ä", "ò ỏ õ ó ọ"),
    ("å æ ç è é", "ồ ổ ỗ ố ộ"),
    ("ê ë ì í î", "ờ ở ỡ ớ ợ"),
    ("ï ñ ò ó ô", "ù ủ ũ ú ụ"),
    ("õ ö ÷ ø ù", "ừ ử ữ ứ ự"),
    ("ú û ü ý þ", "ỳ ỷ ỹ ý ỵ"),
    ("Uñy ban nh©n d©n", "Ủy ban nhân dân"),  # a capital TCVN3 lacks, typed base + small toned letter
]


@pytest.mark.parametrize("legacy, expected", TCVN3_SAMPLES)
def test_tcvn3_letters(legacy, expected):
    assert tcvn3_to_unicode(legacy) == expected


def test_tcvn3_capitals_face_shows_lower_codes_as_capitals():
    assert tcvn3_to_unicode("kÕ ho¹ch", capitals=True) == "KẾ HOẠCH"
    assert decode_for_font("tm. ñy ban nh©n d©n", ".VnTimeH") == "TM. ỦY BAN NHÂN DÂN"
    assert decode_for_font("i. môc ®Ých, yªu cÇu.", ".VnArialH") == "I. MỤC ĐÍCH, YÊU CẦU."


def test_tcvn3_keeps_ascii_and_digits():
    assert tcvn3_to_unicode("Sè: 45/KH-UBND ngµy 20/5/2021") == "Số: 45/KH-UBND ngày 20/5/2021"


VNI_SAMPLES = [
    ("Keá hoaïch", "Kế hoạch"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("ÑAÛNG COÄNG SAÛN VIEÄT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
    ("tröôøng, nöôùc, ñöôïc, Uûy ban", "trường, nước, được, Ủy ban"),
    ("aén aèn aún aün aën aên", "ắn ằn ẳn ẵn ặn ăn"),
    ("ngaøy thaùng naêm", "ngày tháng năm"),
    ("chæ, ó, ò, î, ì, í", "chỉ, ĩ, ị, ỵ, ì, í"),
    ("KEÁ HOAÏCH", "KẾ HOẠCH"),
]


@pytest.mark.parametrize("legacy, expected", VNI_SAMPLES)
def test_vni_letters(legacy, expected):
    assert vni_to_unicode(legacy) == expected


def test_output_is_nfc():
    out = tcvn3_to_unicode("kÕ ho¹ch") + vni_to_unicode("Keá hoaïch")
    assert out == unicodedata.normalize("NFC", out)


@pytest.mark.parametrize("font, enc", [(".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-caps"), (".VnArial", "tcvn3"),
                                       (".VnArialH", "tcvn3-caps"), ("VNI-Times", "vni"), ("VNI-Helve", "vni"),
                                       ("Times New Roman", None), (None, None), ("", None)])
def test_encoding_by_font(font, enc):
    assert encoding_of_font(font) == enc


def test_unicode_fonts_untouched():
    assert decode_for_font("kÕ ho¹ch", "Times New Roman") == "kÕ ho¹ch"
