"""The one family of errors a user may see. ``str(error)`` is a Vietnamese sentence.

Anything raised below the program's boundaries (CLI, GUI) that is not a
``KehoachError`` is a bug or a parser failure, and the boundary turns it into
a generic one-line message: never a traceback.
"""


class KehoachError(Exception):
    """An error with a message fit to show to the user, in Vietnamese."""


class FileRejected(KehoachError):
    """A file that cannot or must not be read (not a DOCX, too big, unsafe, corrupt)."""


class SaveFailed(KehoachError):
    """A file could not be written; the previous version is intact."""


# The boundaries' sentences for what no reader caught (never a Python name inside).
NESTED_TOO_DEEP = "Tệp có cấu trúc lồng nhau quá sâu, không phải kế hoạch bình thường; không đọc được."
UNKNOWN_FAILURE = ("Không xử lý được tệp: tệp có thể bị hỏng hoặc có nội dung phần mềm chưa đọc được. "
                   "Hãy mở tệp bằng Word, lưu lại rồi thử lần nữa.")
