"""Backups of the knowledge-base index and files; the same commands as ``resolvia backup``.

python backup.py create [--keep N]     snapshot vectors, payloads, CSV, synonyms (+ rotation)
python backup.py list [--json]
python backup.py verify ID             restore into a scratch collection and compare
python backup.py restore ID [--with-files]   switch the live index to the backup
"""

from cli.app import main

if __name__ == "__main__":
    main(command="backup")
