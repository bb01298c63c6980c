"""Knowledge-base (re)index: ``python batch.py [--csv PATH] [--dry-run] [--strict] [--json]``.

The same command as ``resolvia index`` (see ``cli/index.py``).
"""

from cli.app import main

if __name__ == "__main__":
    main(command="index")
