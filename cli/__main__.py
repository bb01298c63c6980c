"""``python -m cli``: the ``resolvia`` command without the console script installed."""

from cli.app import main

if __name__ == "__main__":
    main()
