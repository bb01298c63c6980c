"""Backups of the knowledge-base index, its files and the SQLite stores; the same commands as
``resolvia backup``.

python backup.py create [--keep N]     snapshot vectors, payloads, CSV, synonyms and every
                                       SQLite store under DATA_DIR, online (+ rotation)
python backup.py list [--json]
python backup.py verify ID             hashes, stores' integrity, index round trip
python backup.py restore ID [--with-files] [--with-stores]
                                       switch the live index to the backup; optionally put
                                       back the KB files and the SQLite stores
"""

from cli.app import main

if __name__ == "__main__":
    main(command="backup")
