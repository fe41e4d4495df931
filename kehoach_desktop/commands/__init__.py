"""One module per command-line command. Each has ``NAME``, ``register(subparsers)``
and ``run(args) -> int``; heavy imports happen inside ``run``."""


def output_path(path, extensions: tuple, what: str):
    """The output name exactly as the user gave it, or a ``KehoachError`` saying why not.

    Never another name: a wrong extension is refused, not rewritten (rewriting
    ``X.docx`` to ``X.json`` once overwrote the input plan).
    """
    from pathlib import Path

    from ..errors import KehoachError

    path = Path(path)
    if path.suffix.lower() not in extensions:
        wanted = " hoặc ".join(extensions)
        raise KehoachError(f"Tệp ra “{path.name}” phải có đuôi {wanted} ({what}). Hãy ghi tên tệp với đuôi "
                           f"đó, ví dụ “{path.stem or 'ke-hoach'}{extensions[0]}”; phần mềm không tự đổi tên tệp.")
    return path


def emit_plan(plan, output) -> None:
    """Print the plan JSON, or write it to ``output`` (a .json name, as given) through the safe-file layer."""
    import sys

    if output is None:
        sys.stdout.write(plan.to_json() + "\n")
        return
    from ..io import save_plan

    save_plan(plan, output_path(output, (".json",), "kế hoạch dạng JSON"))
