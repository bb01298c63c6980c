"""Resolvia command line; the same application as the ``resolvia`` console script (``cli``).

python main.py                 run the main job (same as `python main.py run`)
python main.py models list     the model registry (also: verify, pull, test)
python main.py --help          every command
"""

from cli.app import main

if __name__ == "__main__":
    main()
