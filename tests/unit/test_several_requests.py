"""The deterministic reading of a message that asks for several things, and how it reaches the
confidence model (feature set v4)."""

from __future__ import annotations

import pytest

from domain.confidence import FEATURES, RetrievalSignals, features
from domain.incident import incident_evidence
from domain.policy import CandidateEvidence, Evidence, PolicyParams, candidate_features
from domain.requests import several_requests
from nodes.escalate import handover_note

SEVERAL = {
    "count": "Hola, os escribo por dos cosas: la VPN no conecta y además necesito Visio.",
    "count_accents": "Tengo VARIOS PROBLEMAS con el portátil nuevo, os cuento.",
    "a_few": "Buenas, un par de temas: el alta de mi hija y el cambio de cuenta.",
    "turn": "El Outlook me pide la contraseña cada rato. Por otro lado, la impresora no imprime.",
    "aside": "La nómina de octubre no me llega. Aprovecho para pedir el cambio de cuenta.",
    "chat_enumeration": (
        "[09:01] Usuario: hola, tengo esto\n[09:01] Usuario: 1) la VPN se queda en el 40%\n"
        "[09:02] Usuario: 2) no me llega el código del Authenticator"
    ),
    "line_enumeration": "Necesito:\n1. alta en SAP\n2. buzón compartido de compras",
    "formal_letter": (
        "Se trasladan las siguientes solicitudes:\nPRIMERA.- Certificado de cobertura.\n"
        "SEGUNDA.- Cambio de domicilio en la póliza."
    ),
}
ONE = {
    "single": "No puedo entrar en el portal del empleado, me dice usuario bloqueado.",
    "long_single": "La impresora de la segunda planta " + "sigue sin imprimir, " * 40 + "gracias.",
    "duplicates_described": (
        "Subí la factura dos veces y ahora me aparecen dos solicitudes iguales. ¿Borro una?"
    ),
    "one_numbered_line": "Error 1. No se pudo conectar con el servidor (0x800CCC0E).",
    "version_numbers": "Tengo Office 2.1) y la versión 1) del plugin, no abre Excel.",
    "signature": "La VPN no conecta desde casa.\n\n--\nAna Ruiz\nDpto. Siniestros - Planta 2",
    "date": "Desde el 1.2.2026 no puedo fichar en la app.",
    "symptoms_in_bullets": "La VPN:\n- se queda en el 40%\n- luego da error\n- y se cierra",
    "questions_on_one_thing": "Un par de dudas sobre el reembolso: ¿cuándo lo pagáis? ¿Y cuánto?",
    "first_alone": "Primero.- Reinicié el equipo y sigue sin imprimir.",
}


@pytest.mark.parametrize("text", SEVERAL.values(), ids=SEVERAL.keys())
def test_messages_that_ask_for_several_things_are_read_as_such(text: str) -> None:
    assert several_requests(text)


@pytest.mark.parametrize("text", ONE.values(), ids=ONE.keys())
def test_one_request_however_written_is_not(text: str) -> None:
    assert not several_requests(text)


def test_the_engine_reads_the_requester_not_its_own_notes() -> None:
    note = "[RESOLVIA-ESCALADO] Motivo: varias peticiones. Por otro lado, candidata KB-0012."
    incident = {
        "titulo": "VPN",
        "descripcion": "La VPN no conecta desde casa.",
        "historial": [{"Autor": "resolvia", "NotasResolucion": note}],
    }
    assert not incident_evidence(incident).several_requests
    by_requester = {"Autor": "ana.ruiz", "detalle": "Otra cosa: tampoco me va el Teams."}
    assert incident_evidence({**incident, "historial": [by_requester]}).several_requests


def test_a_screenshot_that_lists_two_requests_counts() -> None:
    incident = {"titulo": "Peticiones", "descripcion": "Os adjunto lo que necesito."}
    assert not incident_evidence(incident).several_requests
    assert incident_evidence(incident, ["1) alta en SAP\n2) acceso a Z:"]).several_requests


def test_the_reading_is_a_feature_and_reaches_it_through_the_evidence() -> None:
    assert FEATURES[-2:] == ("several_requests", "row_pmi")  # v4's, then v5's
    signals = [RetrievalSignals(0.9, {"dense": 0, "sparse": 0}, {"dense": 0.9, "sparse": 3.0})]
    assert features(signals, 0, 0.8, True)["several_requests"] == 0.0
    assert features(signals, 0, 0.8, True, several_requests=True)["several_requests"] == 1.0
    cands = [CandidateEvidence("KB-1", "cierre", signals=signals[0])]
    params = PolicyParams(threshold=90, max_retries=1)
    for flag in (False, True):
        evidence = Evidence(cands, {"KB-1": 80}, several_requests=flag)
        values = candidate_features(evidence, "KB-1", params)
        assert values is not None and values["several_requests"] == float(flag)


def test_the_handover_note_tells_people_the_message_asks_for_several_things() -> None:
    critique = {"kb_id": "KB-0071", "score": 88, "feedback": "", "error": None}
    state: dict = {"critiques": [critique], "several_requests": True}
    decision = {"explanation": "confianza insuficiente"}
    note = handover_note(state, decision)  # type: ignore[arg-type]
    assert "varias peticiones" in note and note.startswith("Motivo: confianza insuficiente")
    # absent (a thread checkpointed before the reading existed) or false: no such line
    for without in ({"critiques": [critique]}, {**state, "several_requests": False}):
        assert "varias peticiones" not in handover_note(without, decision)  # type: ignore[arg-type]
