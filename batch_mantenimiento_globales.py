"""Knowledge-base maintenance proposals:
``python batch_mantenimiento_globales.py [--since DATE] [--dry-run] [--json]``.

The same command as ``resolvia kb maintain`` (see ``cli/kb.py``); review the proposals with
``resolvia kb proposals`` / ``accept ID`` / ``reject ID`` or in the console.
"""

from cli.app import main

if __name__ == "__main__":
    main(command="kb maintain")
