"""Versioned prompts: ``prompts/<name>/v<N>.md``, checked placeholders, hash for the record.

A prompt file has a ``## system`` section and a ``## user`` section. Placeholders are
``{name}``; literal braces are doubled (``{{``). Rendering fails on a missing or an unknown
placeholder, so a prompt and the code that fills it can never drift apart silently.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from errors import ResolviaError

PROMPTS_DIR = Path(__file__).resolve().parent
_SECTION = re.compile(r"^## (system|user)\s*$", re.MULTILINE)


class PromptError(ResolviaError):
    """A prompt file is missing, malformed, or rendered with the wrong placeholders."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str
    sha256: str

    @property
    def id(self) -> str:
        return f"{self.name}/{self.version}"

    @property
    def placeholders(self) -> frozenset[str]:
        found = set()
        for template in (self.system, self.user):
            for _, field, _, _ in string.Formatter().parse(template):
                if field is not None:
                    if not field.isidentifier():
                        raise PromptError(f"{self.id}: bad placeholder {{{field}}}")
                    found.add(field)
        return frozenset(found)

    def render(self, **values: str) -> list[BaseMessage]:
        expected = self.placeholders
        missing = expected - values.keys()
        unknown = values.keys() - expected
        if missing or unknown:
            raise PromptError(
                f"{self.id}: missing {sorted(missing)}, unknown {sorted(unknown)} placeholders"
            )
        return [
            SystemMessage(content=self.system.format(**values)),
            HumanMessage(content=self.user.format(**values)),
        ]


@lru_cache(maxsize=64)
def load_prompt(name: str, version: str = "v1", root: Path = PROMPTS_DIR) -> Prompt:
    path = root / name / f"{version}.md"
    if not path.exists():
        raise PromptError(f"prompt {name}/{version} not found at {path}")
    text = path.read_text(encoding="utf-8")
    parts = _SECTION.split(text)
    sections = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    if set(sections) != {"system", "user"}:
        raise PromptError(f"{path}: needs exactly one '## system' and one '## user' section")
    prompt = Prompt(
        name=name,
        version=version,
        system=sections["system"],
        user=sections["user"],
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    _ = prompt.placeholders  # validate the placeholder syntax at load time
    return prompt
