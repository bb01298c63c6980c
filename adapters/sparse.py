"""Lexical (sparse) vectors for hybrid search over Spanish text.

The dense model (all-MiniLM-L6-v2) is English; this lexical signal is what makes Spanish
retrieval work: accent-folded, stop-word-filtered, Snowball-stemmed words (``contraseñas`` and
``contrasena`` meet at ``contrasen``), plus character 4-grams of longer words so typical typos
still share most features. Qdrant applies IDF itself (``Modifier.IDF``); documents carry
saturated term frequencies, queries plain presence.

Feature ids are CRC32 hashes: stable across processes and machines, no vocabulary file to keep.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from functools import lru_cache

import snowballstemmer

from adapters.knowledge_base import fold

#: Bump when tokenisation changes: indexes built with another version must be rebuilt.
SPARSE_VERSION = "es-snowball-4gram-v1"

_WORD = re.compile(r"[a-z0-9ñ]+")
_STOP = frozenset(
    [
        "a",
        "al",
        "algo",
        "algun",
        "alguna",
        "algunas",
        "alguno",
        "algunos",
        "ante",
        "antes",
        "aqui",
        "asi",
        "aun",
        "bajo",
        "bien",
        "cada",
        "como",
        "con",
        "contra",
        "cual",
        "cuando",
        "de",
        "del",
        "desde",
        "donde",
        "dos",
        "el",
        "ella",
        "ellas",
        "ellos",
        "en",
        "entre",
        "era",
        "eres",
        "es",
        "esa",
        "esas",
        "ese",
        "eso",
        "esos",
        "esta",
        "estaba",
        "estado",
        "estan",
        "estar",
        "estas",
        "este",
        "esto",
        "estos",
        "estoy",
        "fue",
        "fueron",
        "ha",
        "hace",
        "hacer",
        "han",
        "has",
        "hasta",
        "hay",
        "he",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "me",
        "mi",
        "mis",
        "mas",
        "muy",
        "nada",
        "ni",
        "no",
        "nos",
        "nosotros",
        "o",
        "os",
        "otra",
        "otro",
        "para",
        "pero",
        "poco",
        "por",
        "porque",
        "que",
        "quien",
        "se",
        "sea",
        "ser",
        "si",
        "sin",
        "sobre",
        "son",
        "su",
        "sus",
        "tambien",
        "tan",
        "te",
        "tengo",
        "tiene",
        "tienen",
        "todo",
        "todos",
        "tu",
        "tus",
        "un",
        "una",
        "uno",
        "unos",
        "usted",
        "ustedes",
        "vosotros",
        "y",
        "ya",
        "yo",
        "buenos",
        "buenas",
        "dias",
        "hola",
        "gracias",
        "saludos",
        "favor",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "is",
        "it",
        "this",
        "that",
        "with",
        "be",
        "are",
        "was",
        "not",
        "my",
        "i",
        "you",
        "please",
        "hi",
        "hello",
    ]
)
_stemmer = snowballstemmer.stemmer("spanish")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer.stemWord(word))


def _feature_id(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & 0x7FFFFFFF


def features(text: str) -> Counter[str]:
    """Lexical features of a text with their counts."""
    counts: Counter[str] = Counter()
    for word in _WORD.findall(fold(text).replace("ñ", "n")):
        if word in _STOP or len(word) < 2:
            continue
        stem = _stem(word)
        counts["w:" + stem] += 1
        if len(word) >= 6 and not word.isdigit():
            padded = f"_{word}_"
            for i in range(len(padded) - 3):
                counts["g:" + padded[i : i + 4]] += 1
    return counts


def _to_sparse(weights: dict[str, float]) -> tuple[list[int], list[float]]:
    merged: dict[int, float] = {}
    for feature, weight in weights.items():
        fid = _feature_id(feature)
        merged[fid] = merged.get(fid, 0.0) + weight
    indices = sorted(merged)
    return indices, [merged[i] for i in indices]


def encode_document(text: str) -> tuple[list[int], list[float]]:
    """Sparse vector of a document: saturated term frequency; n-grams weigh less than words."""
    weights = {}
    for feature, count in features(text).items():
        base = 1.0 + math.log(count)
        weights[feature] = base if feature.startswith("w:") else 0.25 * base
    return _to_sparse(weights)


def encode_query(text: str) -> tuple[list[int], list[float]]:
    """Sparse vector of a query: presence of each feature."""
    weights = {f: (1.0 if f.startswith("w:") else 0.25) for f in features(text)}
    return _to_sparse(weights)
