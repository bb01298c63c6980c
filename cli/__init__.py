"""Resolvia's one command line (``resolvia``, also reached by ``main.py``, ``batch.py``,
``backup.py`` and ``python -m mocks``).

``cli.app`` builds the application from one module per area (run, search, evaluate, index,
backup, mocks, models); ``cli.common`` holds what every command shares: settings, logging,
exit codes, ``--json`` output and progress bars. Heavy imports stay inside the commands so that
``--help`` answers at once.
"""
