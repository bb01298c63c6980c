"""The allow-list of actions on the target system, and how their parameters are chosen.

Only codes listed here are ever called, with exactly these parameters, each taken from the
identifiers found in the incident (:mod:`domain.identifiers`). A missing parameter, or two
different candidate values for one, means asking the requester — never guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PARAM_LABELS = {
    "poliza": "el número de póliza",
    "num_reembolso": "el número de reembolso (R-XXXXXXX)",
    "num_autorizacion": "el número de autorización (A-XXXXXXX)",
    "nif": "el NIF/NIE del titular",
    "iban": "el nuevo IBAN",
    "email": "el correo electrónico del cliente",
    "usuario": "el usuario corporativo (nombre.apellido)",
    "producto": "el producto (Office, Visio, Project o Power BI)",
    "buzon_compartido": "la dirección del buzón compartido",
    "fecha_nacimiento": "la fecha de nacimiento (dd/mm/aaaa)",
    "periodo": "el mes del recibo (mm/aaaa)",
    "ejercicio": "el año del certificado",
}


@dataclass(frozen=True)
class ActionSpec:
    code: str
    scope: Literal["poliza", "corporativo"]
    params: tuple[str, ...]

    @property
    def required(self) -> tuple[str, ...]:
        return (("poliza",) if self.scope == "poliza" else ()) + self.params


ALLOWED_ACTIONS: dict[str, ActionSpec] = {
    spec.code: spec
    for spec in (
        ActionSpec("fxprovision", "poliza", ("num_reembolso",)),
        ActionSpec("disconformidad", "poliza", ("num_reembolso",)),
        ActionSpec("recalculoreembolso", "poliza", ("num_reembolso",)),
        ActionSpec("estadoautorizacion", "poliza", ("num_autorizacion",)),
        ActionSpec("reenviotarjeta", "poliza", ()),
        ActionSpec("reactivarpoliza", "poliza", ()),
        ActionSpec("cambioiban", "poliza", ("nif", "iban")),
        ActionSpec("altabeneficiario", "poliza", ("nif", "fecha_nacimiento")),
        ActionSpec("duplicadorecibo", "poliza", ("periodo",)),
        ActionSpec("certificadofiscal", "poliza", ("ejercicio",)),
        ActionSpec("reseteoareacliente", "poliza", ("email",)),
        ActionSpec("desbloqueousuario", "corporativo", ("usuario",)),
        ActionSpec("reseteopassword", "corporativo", ("usuario",)),
        ActionSpec("licenciaoffice", "corporativo", ("usuario", "producto")),
        ActionSpec("buzoncompartido", "corporativo", ("usuario", "buzon_compartido")),
    )
}


@dataclass(frozen=True)
class ParamChoice:
    values: dict[str, str]
    missing: tuple[str, ...]
    ambiguous: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return not self.missing and not self.ambiguous


def choose_params(spec: ActionSpec, identifiers: dict[str, list[str]]) -> ParamChoice:
    """Pick each required parameter: exactly one candidate found, or it is missing/ambiguous.

    The rule is the same for every parameter, e-mail addresses included: the extraction
    (:func:`domain.identifiers.extract`) already leaves out the addresses of headers, quotes and
    signatures, so two candidates left are two plausible values and the requester is asked.
    """
    values: dict[str, str] = {}
    missing: list[str] = []
    ambiguous: list[str] = []
    for name in spec.required:
        found = identifiers.get(name, [])
        if not found:
            missing.append(name)
        elif len(found) > 1:
            ambiguous.append(name)
        else:
            values[name] = found[0]
    return ParamChoice(values, tuple(missing), tuple(ambiguous))


def ask_for(choice: ParamChoice) -> str:
    """Message to the requester asking for what is missing or ambiguous."""
    needed = [PARAM_LABELS.get(n, n) for n in (*choice.missing, *choice.ambiguous)]
    return (
        "Para poder tramitar su solicitud necesitamos que nos indique "
        + ", ".join(needed)
        + ". Responda a esta incidencia con ese dato y la retomaremos."
    )
