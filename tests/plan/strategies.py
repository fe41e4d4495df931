"""Hypothesis strategies for plans (shared by the model, writer and validator tests)."""
from hypothesis import strategies as st

from kehoach_desktop.plan.model import Header, Plan, Section, Signature

# Vietnamese-heavy text, with decomposed forms and odd spaces that must come out NFC.
VI_CHARS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ 0123456789.,;:-/()"
text = st.text(alphabet=st.sampled_from(list(VI_CHARS)), max_size=40)
short = st.text(alphabet=st.sampled_from(list(VI_CHARS)), max_size=12)


def sections(depth: int = 0):
    children = st.just([]) if depth >= 2 else st.lists(
        st.one_of(text, st.deferred(lambda: sections(depth + 1))), max_size=3)
    return st.builds(Section, title=text, content=children,
                     plain=st.sampled_from([None, True, False]))


plans = st.builds(
    Plan,
    regime=st.sampled_from(["state", "party"]),
    kind=st.sampled_from(["", "tuyen-truyen", "su-kien"]),
    numbering=st.sampled_from([["I.", "1.", "a)"], ["I.", "1.", "1.1.", "a)"]]),
    header=st.builds(Header, superior=short, issuer=text,
                     number=st.sampled_from(["", "5", "45", "123"]),
                     symbol=st.sampled_from(["KH-UBND", "KH/ĐU", ""]), place=short,
                     date=st.sampled_from(["", "2021-05-20", "2026-02-05"])),
    summary=text,
    preamble=st.lists(text, max_size=3),
    sections=st.lists(sections(), max_size=3),
    closing=st.lists(text, max_size=2),
    recipients=st.lists(short, max_size=4),
    signature=st.builds(Signature, authority=st.sampled_from(["", "TM.", "KT.", "T/M"]),
                        collective=short, position=short, name=short),
    typist=st.one_of(st.none(), short),
    copies=st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
)
