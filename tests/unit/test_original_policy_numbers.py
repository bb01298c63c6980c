"""The original project's policy numbers (``POL001-FX-PROVISION``, ``666023054-53-1``) end to
end: seed files in its format load into the mocks unchanged, the engine finds the numbers in
the incidents' text, and the target system answers the actions for them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from adapters.http_service import RetryPolicy
from adapters.target_system import HttpTargetSystem
from domain.actions import ALLOWED_ACTIONS, choose_params
from domain.incident import incident_evidence
from errors import ExternalServiceError, MockDataError, ServiceErrorKind
from mocks.seed import SeedSources, load_policies
from tests.mock_support import (
    AUTH,
    FIXTURES,
    TOKEN,
    incidents_client,
    seeded_store,
    target_client,
)

ORIGINAL = SeedSources(
    incidents=FIXTURES / "original_incidencias.json",
    policies=FIXTURES / "original_polizas.json",
    attachments=None,
)
ORIGINAL_NUMBERS = ["40000017", "POL001-FX-PROVISION", "666023054-53-1"]


def test_the_original_policies_load_unchanged_through_the_seeding_path(tmp_path: Path) -> None:
    store = seeded_store(tmp_path / "mocks", ORIGINAL)
    written = json.loads(ORIGINAL.policies.read_text(encoding="utf-8"))["polizas"]
    assert [p["poliza"] for p in written] == ORIGINAL_NUMBERS
    for record in written:
        assert store.get_policy(record["poliza"]) == record  # every field as in the file
    client = target_client(store)
    for number in ORIGINAL_NUMBERS:
        response = client.get(f"/api/poliza/{number}", headers=AUTH)
        assert response.status_code == 200, response.text
        assert response.json()["poliza"] == number


@pytest.mark.parametrize(
    ("cod", "action", "poliza", "resultado", "fragment"),
    [
        (
            "ORG000004",
            "fxprovision",
            "POL001-FX-PROVISION",
            "cierre",
            "El reembolso R-0000101 se abonó el 20/10/2026 por 72,00 €",
        ),
        (
            "ORG000005",
            "reenviotarjeta",
            "666023054-53-1",
            "cierre",
            "Se ha enviado un nuevo enlace de activación de la tarjeta digital",
        ),
    ],
)
def test_original_incidents_get_their_policy_found_and_their_action_answered(
    tmp_path: Path, cod: str, action: str, poliza: str, resultado: str, fragment: str
) -> None:
    store = seeded_store(tmp_path / "mocks", ORIGINAL)
    incident = incidents_client(store).get(f"/api/incidencias/{cod}", headers=AUTH).json()
    ids = incident_evidence(incident).identifiers
    assert ids["poliza"] == [poliza]  # the phone number in ORG000005's text is not taken
    choice = choose_params(ALLOWED_ACTIONS[action], ids)
    assert choice.complete, choice
    target = HttpTargetSystem(
        "http://127.0.0.1:3001",
        TOKEN,
        client=target_client(store),
        retry=RetryPolicy(attempts=1, backoff_s=0),
    )
    assert target.get_poliza(poliza).poliza == poliza
    params = {k: v for k, v in choice.values.items() if k != "poliza"}
    answer = target.comprobacion(choice.values["poliza"], f"api|{action}", params)
    assert answer.resolucion_automatica == resultado
    assert fragment in answer.solucion


def test_an_unknown_original_number_is_not_found_and_a_malformed_one_is_refused(
    tmp_path: Path,
) -> None:
    target = HttpTargetSystem(
        "http://127.0.0.1:3001",
        TOKEN,
        client=target_client(seeded_store(tmp_path / "mocks", ORIGINAL)),
        retry=RetryPolicy(attempts=1, backoff_s=0),
    )
    with pytest.raises(ExternalServiceError) as unknown:
        target.get_poliza("POL999-FX-PROVISION")
    assert unknown.value.kind is ServiceErrorKind.NOT_FOUND
    with pytest.raises(ExternalServiceError) as malformed:
        target.get_poliza("POL001_FX")
    assert malformed.value.kind is ServiceErrorKind.INVALID_REQUEST


def _policies_file(tmp_path: Path, numbers: list[Any]) -> Path:
    path = tmp_path / "polizas.json"
    path.write_text(json.dumps([{"poliza": n, "titular": "X"} for n in numbers]), encoding="utf-8")
    return path


def test_seed_policy_numbers_follow_the_grammar(tmp_path: Path) -> None:
    loaded = load_policies(_policies_file(tmp_path, [30114872, " pol002-x ", "666023054-53-1"]))
    assert [p["poliza"] for p in loaded] == ["30114872", "POL002-X", "666023054-53-1"]
    for bad in ["3011487", "POL 001-FX", "POL001/FX", "POL-FX", "12AB", "P" + "1" * 40 + "-2"]:
        with pytest.raises(MockDataError, match=re.escape("polizas[0] is not valid: poliza")):
            load_policies(_policies_file(tmp_path, [bad]))
    # the same number in another case is the same policy
    with pytest.raises(MockDataError, match="duplicate poliza 'POL001-FX'"):
        load_policies(_policies_file(tmp_path, ["POL001-FX", "pol001-fx"]))
