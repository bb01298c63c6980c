"""The gold set (``resources/evaluacion/gold_{dev,test}.json``) and what the engine sees of an
incident before any model call."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from adapters.ocr import AttachmentError, TesseractOcr

Split = Literal["dev", "test", "all"]


@dataclass(frozen=True)
class GoldItem:
    incident: dict[str, Any]
    expected: dict[str, Any]

    @property
    def code(self) -> str:
        return str(self.incident["codIncidencia"])

    @property
    def kb_id(self) -> str | None:
        return self.expected.get("kb_id")

    @property
    def resolvable(self) -> bool:
        """Expected to be handled with a KB row (resolved, or on hold asking for data)."""
        return bool(self.kb_id) and self.expected["resultado"] != "escalar"


def load_gold(folder: Path, split: Split) -> list[GoldItem]:
    names = ["dev", "test"] if split == "all" else [split]
    items = []
    for name in names:
        for raw in json.loads((folder / f"gold_{name}.json").read_text(encoding="utf-8")):
            items.append(GoldItem(raw["incidencia"], raw["esperado"]))
    return items


def attachment_names(incident: dict[str, Any]) -> list[str]:
    return [
        Path(str(name)).name
        for entry in incident.get("historial", [])
        for name in entry.get("adjuntos", [])
    ]


def incident_text(incident: dict[str, Any], ocr: TesseractOcr | None, attachments: Path) -> str:
    """Title, description, history details and (with ``ocr``) the text of screenshots."""
    parts = [incident.get("titulo", ""), incident.get("descripcion", "")]
    parts += [e.get("detalle", "") for e in incident.get("historial", [])]
    if ocr is not None:
        for name in attachment_names(incident):
            path = attachments / name
            if path.exists():
                try:
                    parts.append(ocr.read(path.read_bytes(), name).text)
                except AttachmentError:
                    continue
    return "\n".join(p for p in parts if p)
