"""Lexical (sparse) vectors for hybrid search over Spanish text.

The lexical signal carries Spanish retrieval together with the dense model (multilingual-e5-small
by default; on the dev split the lexical channel alone is as good as the dense one, and the
fusion beats both):

* accent-folded, stop-word-filtered, Snowball-stemmed words (``contraseñas`` and ``contrasena``
  meet at ``contrasen``);
* character 4-grams of longer words, so typical typos still share most features;
* synonym groups from ``resources/SINONIMOS.txt`` (``clave`` ~ ``contraseña``), kept by the
  knowledge owners: every term of a group found in a text adds the group's shared feature.

Qdrant applies IDF itself (``Modifier.IDF``); documents carry saturated term frequencies,
queries plain presence. Feature ids are CRC32 hashes: stable across processes and machines.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from domain.text import fold

#: Bump when tokenisation changes: indexes built with another version are rebuilt.
TOKENIZER_VERSION = "es-snowball-4gram-syn-v2"
NGRAM_WEIGHT = 0.25
SYNONYM_WEIGHT = 1.0

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    """a al algo algun alguna algunas alguno algunos ante antes aqui asi aun bajo bien cada como
    con contra cual cuando de del desde donde dos el ella ellas ellos en entre era eres es esa
    esas ese eso esos esta estaba estado estan estar estas este esto estos estoy fue fueron ha
    hace hacer han has hasta hay he la las le les lo los me mi mis mas muy nada ni no nos
    nosotros o os otra otro para pero poco por porque que quien se sea ser si sin sobre son su
    sus tambien tan te tengo tiene tienen todo todos tu tus un una uno unos usted ustedes
    vosotros y ya yo buenos buenas dias hola gracias saludos favor the and or of to in on for
    is it this that with be are was not my i you please hi hello""".split()  # noqa: SIM905
)
_stemmer = snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def _stems(text: str) -> list[str]:
    """Every word's stem, stop words included (synonym phrases may contain them)."""
    return [_stem(w) for w in _WORD.findall(fold(text))]


def load_synonyms(path: Path) -> list[list[tuple[str, ...]]]:
    """Synonym groups as lists of stem sequences; '#' starts a comment."""
    if not path.exists():
        return []
    groups = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        terms = [tuple(_stems(t)) for t in line.split(",") if t.strip()]
        terms = [t for t in terms if t]
        if len(terms) >= 2:
            groups.append(terms)
    return groups


class LexicalEncoder:
    """Turns text into sparse (indices, values) vectors."""

    def __init__(self, synonyms: list[list[tuple[str, ...]]] | None = None) -> None:
        self.synonyms = synonyms or []
        digest = hashlib.sha256(repr(self.synonyms).encode("utf-8")).hexdigest()[:12]
        #: Changes whenever tokenisation or the synonym list changes (forces a re-index).
        self.version = f"{TOKENIZER_VERSION}+{digest}"

    @classmethod
    def from_file(cls, path: Path) -> LexicalEncoder:
        return cls(load_synonyms(path))

    def features(self, text: str) -> Counter[str]:
        """Lexical features of a text with their counts."""
        counts: Counter[str] = Counter()
        words = _WORD.findall(fold(text))
        for word in words:
            if word in _STOP or len(word) < 2:
                continue
            counts["w:" + _stem(word)] += 1
            if len(word) >= 6 and not word.isdigit():
                padded = f"_{word}_"
                for i in range(len(padded) - 3):
                    counts["g:" + padded[i : i + 4]] += 1
        if self.synonyms:
            joined = " " + " ".join(_stem(w) for w in words) + " "
            for index, group in enumerate(self.synonyms):
                hits = sum(joined.count(" " + " ".join(term) + " ") for term in group)
                if hits:
                    counts[f"s:{index}"] += hits
        return counts

    def _weight(self, feature: str) -> float:
        if feature.startswith("g:"):
            return NGRAM_WEIGHT
        if feature.startswith("s:"):
            return SYNONYM_WEIGHT
        return 1.0

    def encode_document(self, text: str) -> tuple[list[int], list[float]]:
        """Saturated term frequency per feature."""
        return _to_sparse(
            {f: self._weight(f) * (1.0 + math.log(c)) for f, c in self.features(text).items()}
        )

    def encode_query(self, text: str) -> tuple[list[int], list[float]]:
        """Presence of each feature."""
        return _to_sparse({f: self._weight(f) for f in self.features(text)})


def _to_sparse(weights: dict[str, float]) -> tuple[list[int], list[float]]:
    merged: dict[int, float] = {}
    for feature, weight in weights.items():
        fid = zlib.crc32(feature.encode("utf-8")) & 0x7FFFFFFF
        merged[fid] = merged.get(fid, 0.0) + weight
    indices = sorted(merged)
    return indices, [merged[i] for i in indices]
