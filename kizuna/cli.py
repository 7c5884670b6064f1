"""The `kizuna` command: Django's management commands with dashed names.

`kizuna import-registers` runs `manage.py import_registers`; any other Django command passes
through unchanged (`kizuna migrate`, `kizuna check --deploy`).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kizuna.settings")
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    argv[0] = "kizuna"

    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except BrokenPipeError:  # `kizuna links | head`: the reader left; not an error
        sys.stderr.close()


if __name__ == "__main__":
    main()
