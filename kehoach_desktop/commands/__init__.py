"""One module per command-line command. Each has ``NAME``, ``register(subparsers)``
and ``run(args) -> int``; heavy imports happen inside ``run``."""
