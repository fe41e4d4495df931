"""One module per command-line command. Each has ``NAME``, ``register(subparsers)``
and ``run(args) -> int``; heavy imports happen inside ``run``."""


def emit_plan(plan, output) -> None:
    """Print the plan JSON, or write it to ``output`` (a .json name) through the safe-file layer."""
    import sys

    if output is None:
        sys.stdout.write(plan.to_json() + "\n")
        return
    from ..io import save_plan

    save_plan(plan, output if output.suffix.lower() == ".json" else output.with_suffix(".json"))
