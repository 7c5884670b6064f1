#!/usr/bin/env python
"""Django's manage.py; `kizuna` (kizuna/cli.py) is the same with dashed command names."""

from kizuna.cli import main

if __name__ == "__main__":
    main()
