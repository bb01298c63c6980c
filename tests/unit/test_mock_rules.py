"""Every ``api|<action>`` rule of resources/ACCIONES_API.md, branch by branch, through the
target system's HTTP API with synthetic policies and a fixed clock (hoy = 20/11/2026)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mocks.clock import FixedDayClock
from mocks.rules import ACTIONS
from mocks.rules.params import normalize
from mocks.store import MockStore
from tests.mock_support import (
    AUTH,
    RESOURCES,
    TODAY,
    authorisation,
    comprobacion_body,
    iban_for,
    nif_for,
    policy,
    receipt,
    refund,
    target_client,
)

ACTIVE = "40000001"
WAITING = "40000002"  # alta 10/03/2026: waiting period ends 06/09/2026
CANCELLED = "40000003"  # BAJA since 30/06/2026
SENIOR = "40000004"  # 70 %
NO_REFUNDS = "40000005"  # porcentajeReembolso null
BROKEN = "40000006"  # a refund without fechaSolicitud
SUSPENDED = "40000007"  # two pending receipts
UNPAID_CLEAR = "40000008"  # IMPAGO without pending receipts
SUSPENDED_MIXED = "40000009"  # pending receipts out of order in the file
NIE_HOLDER = "40000010"
RECEIPTS = "40000011"
YOUNG = "40000012"  # alta 15/06/2025
UNREGISTERED = "40000013"
LOCKED = "40000014"

NEW_IBAN = iban_for("09950042790000731846")
BAD_IBAN = "ES00" + NEW_IBAN[4:]

POLICIES = [
    policy(
        ACTIVE,
        reembolsos=[
            refund("R-0000001", "PAGADO", importePagado=72.0, fechaPago="20/10/2026"),
            refund(
                "R-0000002",
                "RECHAZADO",
                fechaResolucion="15/10/2026",
                motivoRechazo="FACTURA_ILEGIBLE",
            ),
            refund("R-0000003", "RECHAZADO", fechaResolucion="15/10/2026"),
            refund("R-0000004", "PENDIENTE", fechaSolicitud="20/10/2026"),
            refund("R-0000005", "EN_REVISION", fechaSolicitud="21/10/2026"),
            refund("R-0000006", "RECHAZADO", motivoRechazo="FALTA_INFORME_MEDICO"),
            refund(
                "R-0000007",
                "RECHAZADO",
                motivoRechazo="FUERA_DE_PLAZO",
                fechaFactura="01/01/2026",
                fechaSolicitud="30/06/2026",
            ),
            refund(
                "R-0000008",
                "RECHAZADO",
                motivoRechazo="FUERA_DE_PLAZO",
                fechaFactura="01/01/2026",
                fechaSolicitud="01/07/2026",
            ),
            refund("R-0000009", "RECHAZADO", motivoRechazo="PRESTACION_NO_CUBIERTA"),
            refund("R-0000010", "PAGADO", importePagado=80.0, fechaPago="20/10/2026"),
            refund("R-0000011", "PAGADO", importe=120.0, importePagado=72.0),
            refund("R-0000013", "RECHAZADO", motivoRechazo="OTRO_MOTIVO"),
        ],
        autorizaciones=[
            authorisation(
                "A-0000001", "APROBADA", fechaResolucion="22/08/2026", codigoAutorizacion="AUT-111"
            ),
            authorisation(
                "A-0000002", "APROBADA", fechaResolucion="21/08/2026", codigoAutorizacion="AUT-222"
            ),
            authorisation("A-0000003", "CADUCADA", fechaResolucion="01/01/2026"),
            authorisation(
                "A-0000004",
                "DENEGADA",
                fechaResolucion="16/10/2026",
                motivoDenegacion="Falta la prescripción.",
            ),
            authorisation("A-0000005", "PENDIENTE", fechaSolicitud="14/11/2026"),
            authorisation("A-0000006", "PENDIENTE", fechaSolicitud="15/11/2026"),
        ],
    ),
    policy(
        WAITING,
        fechaAlta="10/03/2026",
        reembolsos=[
            refund("R-0000020", "RECHAZADO", motivoRechazo="CARENCIA", fechaFactura="06/09/2026"),
            refund("R-0000021", "RECHAZADO", motivoRechazo="CARENCIA", fechaFactura="05/09/2026"),
        ],
    ),
    policy(
        CANCELLED,
        estado="BAJA",
        fechaBaja="30/06/2026",
        reembolsos=[refund("R-0000030", "RECHAZADO", motivoRechazo="FACTURA_ILEGIBLE")],
    ),
    policy(
        SENIOR,
        porcentajeReembolso=70,
        reembolsos=[refund("R-0000012", "PAGADO", importe=10.05, importePagado=7.04)],
    ),
    policy(
        NO_REFUNDS,
        porcentajeReembolso=None,
        producto="Vitalia Esencial",
        reembolsos=[refund("R-0000050", "PAGADO", importePagado=50.0)],
    ),
    policy(BROKEN, reembolsos=[refund("R-0000060", "PENDIENTE", fechaSolicitud=None)]),
    policy(
        SUSPENDED,
        estado="SUSPENDIDA",
        recibos=[receipt("10/2026", "DEVUELTO"), receipt("11/2026", "PENDIENTE")],
        autorizaciones=[authorisation("A-0000070", "APROBADA", fechaResolucion="01/11/2026")],
    ),
    policy(UNPAID_CLEAR, estado="IMPAGO", recibos=[receipt("11/2026")]),
    policy(
        SUSPENDED_MIXED,
        estado="SUSPENDIDA",
        recibos=[
            receipt("11/2026", "DEVUELTO", 60.5),
            receipt("12/2025", "PENDIENTE", 59.5),
            receipt("05/2026"),
        ],
    ),
    policy(NIE_HOLDER, nif="X1234567L"),
    policy(
        RECEIPTS,
        recibos=[
            receipt("08/2026", "DEVUELTO"),
            receipt("09/2026"),
            receipt("10/2026", day="05"),
            receipt("10/2026", day="06"),
            receipt("10/2026", day="07"),
        ],
    ),
    policy(
        YOUNG,
        fechaAlta="15/06/2025",
        recibos=[
            *(receipt(f"{m:02d}/2025", importe=50.0) for m in range(6, 12)),
            receipt("12/2025", "DEVUELTO", 50.0),
            receipt("01/2026", importe=50.0),
        ],
    ),
    policy(UNREGISTERED, accesoApp={"estado": "SIN_REGISTRO"}),
    policy(LOCKED, accesoApp={"estado": "BLOQUEADO"}),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> MockStore:
    store = MockStore.in_dir(Path(tmp_path_factory.mktemp("rules")))
    store.add_policies(POLICIES)
    return store


@pytest.fixture(scope="module")
def clients(store: MockStore) -> Iterator[dict[dt.date, TestClient]]:
    cache: dict[dt.date, TestClient] = {}
    yield cache


def ask(
    store: MockStore,
    clients: dict[dt.date, TestClient],
    code: str,
    poliza: str,
    params: dict[str, Any],
    today: dt.date = TODAY,
) -> dict[str, str]:
    if today not in clients:
        clients[today] = target_client(store, FixedDayClock(today))
    body = comprobacion_body(f"api|{code}", poliza, **params)
    response = clients[today].post("/api/comprobacionPoliza", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    return dict(response.json())


# (code, poliza, params, resultado, buzon, fragment of SOLUCIÓN); hoy = 20/11/2026
CASES: list[tuple[str, str, dict[str, Any], str, str, str]] = [
    # fxprovision
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-9999999"},
        "manual",
        "N2_REEMBOLSOS",
        f"El reembolso R-9999999 no figura en la póliza {ACTIVE}.",
    ),
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-0000001"},
        "cierre",
        "",
        "se abonó el 20/10/2026 por 72,00 € en la cuenta terminada en 0001.",
    ),
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-0000002"},
        "cierre",
        "",
        "fue rechazado el 15/10/2026 porque la factura aportada no es legible.",
    ),
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-0000003"},
        "cierre",
        "",
        "porque no consta el motivo.",
    ),
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-0000004"},
        "reasignacion",
        "N2_REEMBOLSOS",
        "solicitado el 20/10/2026, lleva 31 días sin abonarse",
    ),
    (
        "fxprovision",
        ACTIVE,
        {"num_reembolso": "R-0000005"},
        "en espera",
        "",
        "aún está en plazo (30 de 30 días). Se abonará como máximo el 20/11/2026.",
    ),
    # disconformidad
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-9999999"},
        "manual",
        "N2_REEMBOLSOS",
        "no figura en la póliza",
    ),
    (
        "disconformidad",
        CANCELLED,
        {"num_reembolso": "R-0000030"},
        "reasignacion",
        "GESTION_POLIZAS",
        f"La póliza {CANCELLED} está de baja; antes de revisar",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000001"},
        "cierre",
        "",
        "no está rechazado (estado actual: pagado)",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000002"},
        "en espera",
        "",
        "necesitamos una copia legible de la factura. Súbalo en Área Cliente > Reembolsos > "
        "R-0000002 > Añadir documentación",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000006"},
        "en espera",
        "",
        "necesitamos el informe o la prescripción médica.",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000007"},
        "reasignacion",
        "N2_REEMBOLSOS",
        "se solicitó 180 días después de la factura, dentro del plazo",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000008"},
        "cierre",
        "",
        "se solicitó 181 días después de la fecha de la factura",
    ),
    (
        "disconformidad",
        WAITING,
        {"num_reembolso": "R-0000020"},
        "reasignacion",
        "N2_REEMBOLSOS",
        "es del 06/09/2026, posterior al fin de la carencia (06/09/2026)",
    ),
    (
        "disconformidad",
        WAITING,
        {"num_reembolso": "R-0000021"},
        "cierre",
        "",
        "la factura es del 05/09/2026 y la carencia de su póliza terminaba el 06/09/2026.",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000009"},
        "cierre",
        "",
        "no está incluida en la modalidad Vitalia Salud Plus.",
    ),
    (
        "disconformidad",
        ACTIVE,
        {"num_reembolso": "R-0000013"},
        "reasignacion",
        "N2_REEMBOLSOS",
        "Se traslada la disconformidad sobre el reembolso R-0000013 a N2 Reembolsos",
    ),
    # recalculoreembolso
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-9999999"},
        "manual",
        "N2_REEMBOLSOS",
        "no figura en la póliza",
    ),
    (
        "recalculoreembolso",
        NO_REFUNDS,
        {"num_reembolso": "R-0000050"},
        "manual",
        "N2_REEMBOLSOS",
        "La modalidad Vitalia Esencial no incluye reembolso de gastos",
    ),
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-0000002"},
        "cierre",
        "",
        "fue rechazado porque la factura aportada no es legible, por lo que no hay importe",
    ),
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-0000005"},
        "en espera",
        "",
        "aún no se ha abonado (estado: en revisión)",
    ),
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-0000001"},
        "cierre",
        "",
        "(72,00 €) es correcto: corresponde al 80 % de 90,00 € según su modalidad",
    ),
    (
        "recalculoreembolso",
        SENIOR,
        {"num_reembolso": "R-0000012"},
        "cierre",
        "",
        "(7,04 €) es correcto: corresponde al 70 % de 10,05 €",
    ),  # 7,035 rounds half up
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-0000011"},
        "reasignacion",
        "N2_REEMBOLSOS",
        "se abonaron 72,00 € y corresponden 96,00 € (80 % de 120,00 €). Se "
        "traslada a N2 Reembolsos para abonar la diferencia de 24,00 €.",
    ),
    (
        "recalculoreembolso",
        ACTIVE,
        {"num_reembolso": "R-0000010"},
        "manual",
        "N2_REEMBOLSOS",
        "se abonaron 80,00 €, más de lo que corresponde (72,00 €)",
    ),
    # estadoautorizacion
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-9999999"},
        "manual",
        "N2_AUTORIZACIONES",
        "La autorización A-9999999 no figura en la póliza",
    ),
    (
        "estadoautorizacion",
        SUSPENDED,
        {"num_autorizacion": "A-0000070"},
        "reasignacion",
        "GESTION_POLIZAS",
        "está suspendida; las autorizaciones quedan retenidas",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000001"},
        "cierre",
        "",
        "está aprobada desde el 22/08/2026. Código para el centro: AUT-111. Válida hasta el "
        "20/11/2026.",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000002"},
        "cierre",
        "",
        "para Resonancia magnética caducó el 19/11/2026.",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000003"},
        "cierre",
        "",
        "caducó el 01/04/2026.",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000004"},
        "cierre",
        "",
        "se denegó el 16/10/2026. Motivo: Falta la prescripción. Si dispone de un informe",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000005"},
        "reasignacion",
        "N2_AUTORIZACIONES",
        "lleva 6 días pendiente y supera el plazo de 5 días",
    ),
    (
        "estadoautorizacion",
        ACTIVE,
        {"num_autorizacion": "A-0000006"},
        "en espera",
        "",
        "está en estudio (día 5 de 5). Recibirá la respuesta como máximo el 20/11/2026.",
    ),
    # reenviotarjeta
    (
        "reenviotarjeta",
        CANCELLED,
        {},
        "cierre",
        "",
        f"La póliza {CANCELLED} está de baja desde el 30/06/2026; no es posible activar",
    ),
    (
        "reenviotarjeta",
        SUSPENDED,
        {},
        "en espera",
        "",
        "mientras haya recibos pendientes (2 recibo(s), 120,00 €).",
    ),
    (
        "reenviotarjeta",
        UNPAID_CLEAR,
        {},
        "reasignacion",
        "GESTION_POLIZAS",
        f"La póliza {UNPAID_CLEAR} figura en impago sin recibos pendientes",
    ),
    (
        "reenviotarjeta",
        ACTIVE,
        {},
        "cierre",
        "",
        "a a***@example.com y por SMS al ******123. El enlace caduca en 48 horas.",
    ),
    # reactivarpoliza
    ("reactivarpoliza", ACTIVE, {}, "cierre", "", f"La póliza {ACTIVE} ya está activa"),
    (
        "reactivarpoliza",
        CANCELLED,
        {},
        "reasignacion",
        "GESTION_POLIZAS",
        "está de baja desde el 30/06/2026; su rehabilitación la valora Gestión de Pólizas.",
    ),
    (
        "reactivarpoliza",
        SUSPENDED_MIXED,
        {},
        "en espera",
        "",
        "Constan 2 recibo(s) pendiente(s) por un total de 120,00 € (periodos: 12/2025, 11/2026).",
    ),
    (
        "reactivarpoliza",
        UNPAID_CLEAR,
        {},
        "cierre",
        "",
        f"No quedan recibos pendientes y la póliza {UNPAID_CLEAR} se ha reactivado con fecha "
        "20/11/2026.",
    ),
    # cambioiban
    (
        "cambioiban",
        ACTIVE,
        {"nif": nif_for(40000001), "iban": BAD_IBAN},
        "en espera",
        "",
        "El IBAN indicado no es válido (dígitos de control incorrectos).",
    ),
    (
        "cambioiban",
        ACTIVE,
        {"nif": nif_for(40000002), "iban": NEW_IBAN},
        "reasignacion",
        "GESTION_POLIZAS",
        "El NIF indicado no corresponde al titular de la póliza",
    ),
    (
        "cambioiban",
        CANCELLED,
        {"nif": nif_for(40000003), "iban": NEW_IBAN},
        "cierre",
        "",
        "está de baja desde el 30/06/2026 y no se emitirán más recibos",
    ),
    (
        "cambioiban",
        ACTIVE,
        {"nif": nif_for(40000001).lower(), "iban": iban_for("09990001110040000001").lower()},
        "cierre",
        "",
        f"La cuenta {iban_for('09990001110040000001')[:4]} **** 0001 ya es la cuenta de "
        "domiciliación",
    ),
    (
        "cambioiban",
        ACTIVE,
        {"nif": nif_for(40000001), "iban": " ".join(NEW_IBAN[i : i + 4] for i in range(0, 24, 4))},
        "cierre",
        "",
        f"actualizada a {NEW_IBAN[:4]} **** 1846. Se aplicará a partir del recibo de 12/2026.",
    ),
    (
        "cambioiban",
        NIE_HOLDER,
        {"nif": "x-1234567-l", "iban": NEW_IBAN},
        "cierre",
        "",
        "actualizada a",
    ),
    # altabeneficiario
    (
        "altabeneficiario",
        ACTIVE,
        {"nif": nif_for(40000002), "fecha_nacimiento": "10/11/2026"},
        "manual",
        "GESTION_POLIZAS",
        "el alta de un beneficiario debe solicitarla el titular.",
    ),
    (
        "altabeneficiario",
        ACTIVE,
        {"nif": nif_for(40000001), "fecha_nacimiento": "21/11/2026"},
        "manual",
        "GESTION_POLIZAS",
        "La fecha de nacimiento 21/11/2026 es posterior a hoy",
    ),
    (
        "altabeneficiario",
        UNPAID_CLEAR,
        {"nif": nif_for(40000008), "fecha_nacimiento": "10/11/2026"},
        "reasignacion",
        "GESTION_POLIZAS",
        "está en impago; Gestión de Pólizas debe regularizarla",
    ),
    (
        "altabeneficiario",
        ACTIVE,
        {"nif": nif_for(40000001), "fecha_nacimiento": "21/10/2026"},
        "cierre",
        "",
        "con efecto 21/10/2026, sin carencias ni cuestionario de salud.",
    ),
    (
        "altabeneficiario",
        ACTIVE,
        {"nif": nif_for(40000001), "fecha_nacimiento": "20/10/2026"},
        "reasignacion",
        "GESTION_POLIZAS",
        "Han pasado 31 días desde el nacimiento (más de 30)",
    ),
    # duplicadorecibo
    (
        "duplicadorecibo",
        RECEIPTS,
        {"periodo": "10/2026"},
        "reasignacion",
        "FACTURACION",
        "se cobró 3 veces (60,00 € cada cargo; fechas: 05/10/2026, 06/10/2026, 07/10/2026). "
        "Facturación devolverá 120,00 €",
    ),
    (
        "duplicadorecibo",
        RECEIPTS,
        {"periodo": "09/2026"},
        "cierre",
        "",
        "se cobró una sola vez, el 05/09/2026, por 60,00 €.",
    ),
    (
        "duplicadorecibo",
        RECEIPTS,
        {"periodo": "08/2026"},
        "cierre",
        "",
        "No consta ningún cargo cobrado del recibo 08/2026",
    ),
    # certificadofiscal
    (
        "certificadofiscal",
        YOUNG,
        {"ejercicio": "2023"},
        "manual",
        "FACTURACION",
        "el certificado del ejercicio 2023 lo emite Facturación.",
    ),
    (
        "certificadofiscal",
        YOUNG,
        {"ejercicio": "2024"},
        "cierre",
        "",
        "no estuvo en vigor durante 2024",
    ),
    (
        "certificadofiscal",
        CANCELLED,
        {"ejercicio": "2027"},
        "cierre",
        "",
        "no estuvo en vigor durante 2027",
    ),
    (
        "certificadofiscal",
        YOUNG,
        {"ejercicio": "2026"},
        "en espera",
        "",
        "estará disponible a partir del 01/03/2027",
    ),
    (
        "certificadofiscal",
        YOUNG,
        {"ejercicio": 2025},
        "cierre",
        "",
        f"a a***@example.com el certificado fiscal de la póliza {YOUNG} del ejercicio 2025: "
        "primas pagadas 300,00 €.",
    ),
    # reseteoareacliente
    (
        "reseteoareacliente",
        CANCELLED,
        {"email": "ana.perez@example.com"},
        "cierre",
        "",
        "y el acceso al Área Cliente está desactivado.",
    ),
    (
        "reseteoareacliente",
        ACTIVE,
        {"email": "otra@example.com"},
        "en espera",
        "",
        "El correo indicado no coincide con el registrado",
    ),
    (
        "reseteoareacliente",
        UNREGISTERED,
        {"email": "ana.perez@example.com"},
        "cierre",
        "",
        "opción 'Registrarme'",
    ),
    (
        "reseteoareacliente",
        LOCKED,
        {"email": "  ANA.Perez@Example.com "},
        "cierre",
        "",
        "Se ha desbloqueado el acceso al Área Cliente y se ha enviado a a***@example.com",
    ),
    # corporate actions (poliza "" and ignored)
    (
        "desbloqueousuario",
        "",
        {"usuario": "admin.sistemas"},
        "reasignacion",
        "SEGURIDAD_ACCESOS",
        "La cuenta admin.sistemas es una cuenta protegida",
    ),
    (
        "desbloqueousuario",
        "",
        {"usuario": "VITALIA\\Ana.Perez"},
        "cierre",
        "",
        "La cuenta ana.perez se ha desbloqueado.",
    ),
    (
        "reseteopassword",
        "",
        {"usuario": "backup.servicio"},
        "reasignacion",
        "SEGURIDAD_ACCESOS",
        "su contraseña no puede restablecerse automáticamente",
    ),
    (
        "reseteopassword",
        "",
        {"usuario": "marta.gil"},
        "cierre",
        "",
        "contraseña temporal para la cuenta marta.gil",
    ),
    (
        "licenciaoffice",
        "",
        {"usuario": "ana.perez", "producto": "Office"},
        "cierre",
        "",
        "Licencia de Microsoft 365 asignada a ana.perez.",
    ),
    (
        "licenciaoffice",
        "",
        {"usuario": "ana.perez", "producto": "Power BI"},
        "reasignacion",
        "MICROINFORMATICA",
        "La licencia de Power BI Pro para ana.perez es de pago",
    ),
    (
        "licenciaoffice",
        "",
        {"usuario": "ana.perez", "producto": "project"},
        "reasignacion",
        "MICROINFORMATICA",
        "La licencia de Project para",
    ),
    (
        "buzoncompartido",
        "",
        {"usuario": "ana.perez", "buzon_compartido": "ventas@vitalia.es"},
        "manual",
        "SISTEMAS_CORREO",
        "El buzón ventas@vitalia.es no existe como buzón compartido",
    ),
    (
        "buzoncompartido",
        "",
        {"usuario": "ana.perez", "buzon_compartido": "RRHH@vitalia.example.com"},
        "reasignacion",
        "SEGURIDAD_ACCESOS",
        "El buzón rrhh@vitalia.example.com es de acceso restringido; el permiso para ana.perez",
    ),
    (
        "buzoncompartido",
        "99999999",
        {"usuario": "ana.perez", "buzon_compartido": "facturacion@vitalia.example.com"},
        "cierre",
        "",
        "Se ha concedido a ana.perez acceso total y permiso 'Enviar como' sobre "
        "facturacion@vitalia.example.com.",
    ),
]


@pytest.mark.parametrize(
    ("code", "poliza", "params", "resultado", "buzon", "fragment"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_action_rule(
    store: MockStore,
    clients: dict[dt.date, TestClient],
    code: str,
    poliza: str,
    params: dict[str, Any],
    resultado: str,
    buzon: str,
    fragment: str,
) -> None:
    answer = ask(store, clients, code, poliza, params)
    assert answer["RESOLUCION AUTOMÁTICA"] == resultado
    assert answer["BUZON REASIGNACION"] == buzon
    assert fragment in answer["SOLUCIÓN"]
    assert answer == ask(store, clients, code, poliza, params)  # same day, same answer


def test_every_knowledge_base_action_has_a_rule_and_tests() -> None:
    with (RESOURCES / "PROBLEMAS_GLOBALES.csv").open(encoding="utf-8", newline="") as fh:
        codes = {
            row["RESOLUCION AUTOMÁTICA"].strip().lower().removeprefix("api|")
            for row in csv.DictReader(fh)
            if row["RESOLUCION AUTOMÁTICA"].strip().lower().startswith("api|")
        }
    assert codes == set(ACTIONS)
    tested = {case[0] for case in CASES}
    assert codes <= tested
    # at least two branches (outcomes) per action
    for code in codes:
        assert len({case[3] for case in CASES if case[0] == code}) >= 2, code


def test_full_texts_follow_the_documented_templates(
    store: MockStore, clients: dict[dt.date, TestClient]
) -> None:
    answer = ask(store, clients, "fxprovision", ACTIVE, {"num_reembolso": "R-0000004"})
    assert answer["SOLUCIÓN"] == (
        "El reembolso R-0000004, solicitado el 20/10/2026, lleva 31 días sin abonarse y supera "
        "el plazo de 30 días. Se traslada a N2 Reembolsos para su abono prioritario."
    )
    answer = ask(store, clients, "reenviotarjeta", SUSPENDED, {})
    assert answer["SOLUCIÓN"] == (
        "La tarjeta digital no puede activarse mientras haya recibos pendientes (2 recibo(s), "
        "120,00 €). Cuando se regularice el pago se enviará el enlace automáticamente."
    )
    answer = ask(
        store,
        clients,
        "buzoncompartido",
        "",
        {"usuario": "ana.perez", "buzon_compartido": "rrhh@vitalia.example.com"},
    )
    assert answer["SOLUCIÓN"] == (
        "El buzón rrhh@vitalia.example.com es de acceso restringido; el permiso para ana.perez "
        "requiere la aprobación de su propietario y lo gestiona Seguridad de Accesos."
    )


def test_date_dependent_rules_move_with_the_clock(
    store: MockStore, clients: dict[dt.date, TestClient]
) -> None:
    params = {"nif": nif_for(40000001), "iban": NEW_IBAN}
    december = ask(store, clients, "cambioiban", ACTIVE, params, today=dt.date(2026, 12, 15))
    assert december["SOLUCIÓN"].endswith("a partir del recibo de 01/2027.")
    march = ask(
        store, clients, "certificadofiscal", YOUNG, {"ejercicio": "2026"}, today=dt.date(2027, 3, 1)
    )
    assert march["RESOLUCION AUTOMÁTICA"] == "cierre"
    feb = ask(
        store,
        clients,
        "certificadofiscal",
        YOUNG,
        {"ejercicio": "2026"},
        today=dt.date(2027, 2, 28),
    )
    assert feb["RESOLUCION AUTOMÁTICA"] == "en espera"


def test_unreadable_policy_data_gives_an_explicit_manual_answer(
    store: MockStore, clients: dict[dt.date, TestClient]
) -> None:
    answer = ask(store, clients, "fxprovision", BROKEN, {"num_reembolso": "R-0000060"})
    assert answer == {
        "RESOLUCION AUTOMÁTICA": "manual",
        "BUZON REASIGNACION": "N2_REEMBOLSOS",
        "SOLUCIÓN": f"Los datos de la póliza {BROKEN} no permiten aplicar la acción fxprovision "
        "automáticamente. Revise la incidencia manualmente.",
    }


# --- parameter normalisation: policy numbers (domain.identifiers.POLIZA_GRAMMAR) ---------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("30114872", "30114872"),
        (" 3011 4872 ", "30114872"),
        (30114872, "30114872"),
        ("POL001-FX-PROVISION", "POL001-FX-PROVISION"),
        ("pol001-fx-provision", "POL001-FX-PROVISION"),
        ("666023054-53-1", "666023054-53-1"),
        ("3011487", None),
        ("12AB", None),
        ("POL001/FX", None),
        ("POL001_FX", None),
        ("POL-FX", None),
        ("", None),
        (None, None),
        (["30114872"], None),
    ],
)
def test_policy_number_parameter(raw: Any, value: str | None) -> None:
    assert normalize("poliza", raw) == value


def test_a_policy_in_the_original_format_answers_its_actions(tmp_path: Path) -> None:
    store = MockStore.in_dir(tmp_path)
    number = "POL001-FX-PROVISION"
    store.add_policies(
        [
            {
                **policy("40000099"),
                "poliza": number,
                "reembolsos": [refund("R-0000099", "PAGADO", importePagado=72.0)],
            }
        ]
    )
    clients: dict[dt.date, TestClient] = {}
    paid = ask(store, clients, "fxprovision", number.lower(), {"num_reembolso": "R-0000099"})
    assert paid["RESOLUCION AUTOMÁTICA"] == "cierre"
    active = ask(store, clients, "reactivarpoliza", number, {})
    assert active["SOLUCIÓN"].startswith(f"La póliza {number} ya está activa")
