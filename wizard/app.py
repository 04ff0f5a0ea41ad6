"""Entry point of ``sla-wizard`` and ``python main.py``."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command-line command (``generate``, ``check``, ``--version``)."""
    from wizard import cli

    args = list(sys.argv[1:] if argv is None else argv)
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
