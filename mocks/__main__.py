"""Mock services CLI; the same commands as ``resolvia mocks`` (see ``cli/mocks.py``).

python -m mocks serve [--incidents FILE] [--policies FILE] [--attachments DIR]
                      [--port-base N] [--data-dir DIR] [--today dd/mm/yyyy]
python -m mocks reset [--data-dir DIR]
"""

from cli.app import main

if __name__ == "__main__":
    main(command="mocks")
