"""Generate resources/polizas.json, the policy records served by the mock target system.

All personal data is fake: e-mails at example.com, phones 6000001NN, fictitious bank codes,
NIF/NIE numbers from a reserved-looking range. Check letters (NIF/NIE), Spanish account
control digits and IBAN check digits are computed so that validators accept them.

The data is designed for the reference date 20/11/2026 (see resources/ACCIONES_API.md).

Usage: python tools/generate_polizas.py [--out DIR]   (DIR defaults to resources/)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from domain.text import fold
from domain.validators import NIE_PREFIXES, iban_is_valid, nif_letter

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FILE_NAME = "polizas.json"

REFERENCE_DATE = dt.date(2026, 11, 20)
FIRST_RECEIPT = dt.date(2024, 1, 1)  # receipts are kept from 01/2024 onwards

# Reimbursement percentage per product; None = no reimbursement cover.
PRODUCTOS: dict[str, int | None] = {
    "Vitalia Esencial": None,
    "Vitalia Familia": None,
    "Vitalia Dental": None,
    "Vitalia Salud Plus": 80,
    "Vitalia Reembolso Total": 90,
    "Vitalia Senior": 70,
}


# --- identifier builders (also imported by generate_incidencias.py) --------------------------
# Check letters come from domain.validators, the engine's one copy of the rule, so generated
# identifiers are valid by the same definition the engine checks them with.


def nif_from_number(number: int) -> str:
    """Spanish DNI-based NIF: 8 digits plus the mod-23 check letter."""
    return f"{number:08d}{nif_letter(number)}"


def nie_from_number(prefix: str, number: int) -> str:
    """NIE: X/Y/Z, 7 digits and the check letter computed on the prefix-substituted number."""
    value = int(str(NIE_PREFIXES.index(prefix)) + f"{number:07d}")
    return f"{prefix}{number:07d}{nif_letter(value)}"


def _ccc_digit(digits: str) -> str:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    check = 11 - total % 11
    return {11: "0", 10: "1"}.get(check, str(check))


def iban_es(entidad: str, oficina: str, cuenta: str) -> str:
    """Spanish IBAN with valid account control digits (DC) and IBAN check digits."""
    dc = _ccc_digit("00" + entidad + oficina) + _ccc_digit(cuenta)
    bban = entidad + oficina + dc + cuenta
    numeric = bban + "142800"  # "ES" -> 14 28, then "00"
    check = 98 - int(numeric) % 97
    return f"ES{check:02d}{bban}"


def fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def parse(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d/%m/%Y").date()


# --- policy specifications ----------------------------------------------------------------
# Each spec: poliza, titular, doc (int -> NIF, ("X", n) -> NIE), estado, producto, alta, baja,
# prima, banco, plus optional lists. Receipt overrides replace the generated receipt(s) of a
# period with the listed ones.

# Field names, in output order, of the tuples under "reembolsos" and "autorizaciones".
REEMBOLSO_FIELDS = (
    "num_reembolso",
    "concepto",
    "fechaFactura",
    "fechaSolicitud",
    "importe",
    "estado",
    "importePagado",
    "fechaPago",
    "fechaResolucion",
    "motivoRechazo",
)
AUTORIZACION_FIELDS = (
    "num_autorizacion",
    "prueba",
    "centro",
    "fechaSolicitud",
    "estado",
    "fechaResolucion",
    "codigoAutorizacion",
    "motivoDenegacion",
)

SPECS: list[dict[str, Any]] = [
    {
        "poliza": "30114872",
        "titular": "Pilar Ortega Llorente",
        "doc": 99010231,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "14/03/2019",
        "prima": 74.90,
        "reembolsos": [
            (
                "R-2603027",
                "Consulta de traumatología",
                "02/03/2026",
                "06/03/2026",
                90.00,
                "PAGADO",
                72.00,
                "20/03/2026",
                None,
                None,
            ),
            (
                "R-2609113",
                "Resonancia magnética de hombro",
                "28/08/2026",
                "02/09/2026",
                210.00,
                "PENDIENTE",
                None,
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "30271905",
        "titular": "Andrés Calvo Pineda",
        "doc": 99020457,
        "estado": "ACTIVA",
        "producto": "Vitalia Reembolso Total",
        "alta": "02/06/2021",
        "prima": 118.30,
        "reembolsos": [
            (
                "R-2610457",
                "Consulta de dermatología",
                "24/10/2026",
                "28/10/2026",
                85.00,
                "EN_REVISION",
                None,
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "30388146",
        "titular": "Enrique Salas Vilar",
        "doc": 99031178,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "11/01/2020",
        "prima": 69.50,
        "reembolsos": [
            (
                "R-2608220",
                "Sesión de podología",
                "05/08/2026",
                "14/08/2026",
                55.00,
                "RECHAZADO",
                None,
                None,
                "03/09/2026",
                "FACTURA_ILEGIBLE",
            ),
        ],
    },
    {
        "poliza": "30412657",
        "titular": "Mercedes Iglesias Poveda",
        "doc": 99045512,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "23/09/2018",
        "prima": 81.20,
        "reembolsos": [
            (
                "R-2607315",
                "Consulta de endocrinología",
                "08/07/2026",
                "10/07/2026",
                120.00,
                "PAGADO",
                72.00,
                "29/07/2026",
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "30529384",
        "titular": "Óscar Benítez Lara",
        "doc": 99052290,
        "estado": "ACTIVA",
        "producto": "Vitalia Esencial",
        "alta": "01/02/2022",
        "prima": 46.80,
        "autorizaciones": [
            (
                "A-2611042",
                "TAC abdominal",
                "Hospital Ribera del Tajo",
                "10/11/2026",
                "PENDIENTE",
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "30637215",
        "titular": "Lucía Herrera Gascón",
        "doc": 99063349,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "15/05/2017",
        "prima": 152.60,
        "beneficiarios": [("Tomás Ibarra Herrera", "HIJO", "19/02/2012")],
        "autorizaciones": [
            (
                "A-2611187",
                "Ecografía abdominal",
                "Clínica San Rafael",
                "05/11/2026",
                "APROBADA",
                "06/11/2026",
                "AUT-7F3K92",
                None,
            ),
        ],
    },
    {
        "poliza": "30745529",
        "titular": "Jordi Puigdomènech Serra",
        "doc": 99074481,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "28/10/2026",
        "prima": 64.10,
        "tarjeta": "PENDIENTE_ACTIVACION",
    },
    {
        "poliza": "30851043",
        "titular": "Irene Manzano Ruiz",
        "doc": 99085606,
        "estado": "ACTIVA",
        "producto": "Vitalia Esencial",
        "alta": "09/07/2023",
        "prima": 41.70,
        "tarjeta": "PENDIENTE_ACTIVACION",
    },
    {
        "poliza": "30963378",
        "titular": "Fernando Gil Arroyo",
        "doc": 99096723,
        "estado": "SUSPENDIDA",
        "producto": "Vitalia Salud Plus",
        "alta": "04/04/2016",
        "prima": 88.40,
        # September and October were returned by the bank and paid late on 16/11/2026.
        "recibos": {
            "09/2026": [("COBRADO", "16/11/2026")],
            "10/2026": [("COBRADO", "16/11/2026")],
            "11/2026": [("COBRADO", "16/11/2026")],
        },
    },
    {
        "poliza": "31072614",
        "titular": "Nerea Castaño Ibarra",
        "doc": 99107834,
        "estado": "IMPAGO",
        "producto": "Vitalia Esencial",
        "alta": "20/08/2020",
        "prima": 44.20,
        "recibos": {"11/2026": [("DEVUELTO", "05/11/2026")]},
    },
    {
        "poliza": "31186230",
        "titular": "Rosa Vidal Quintana",
        "doc": 99118962,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "12/12/2015",
        "prima": 138.90,
        "beneficiarios": [("Marcos Vidal Quintana", "HIJO", "07/06/2010")],
    },
    {
        "poliza": "31294457",
        "titular": "Javier Soto Romero",
        "doc": 99129075,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "03/03/2020",
        "prima": 161.40,
        "beneficiarios": [
            ("Elena Ruiz Campos", "CONYUGE", "14/09/1990"),
            ("Pablo Soto Ruiz", "HIJO", "22/04/2021"),
        ],
    },
    {
        "poliza": "31308862",
        "titular": "Beatriz Moya Escobar",
        "doc": 99130188,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "17/01/2022",
        "prima": 58.40,
        "recibos": {"10/2026": [("COBRADO", "05/10/2026"), ("COBRADO", "07/10/2026")]},
    },
    {
        "poliza": "31415590",
        "titular": "John Miller",
        "doc": ("X", 4417320),
        "estado": "ACTIVA",
        "producto": "Vitalia Reembolso Total",
        "alta": "05/09/2023",
        "prima": 104.00,
    },
    {
        "poliza": "31523376",
        "titular": "Carmen Lozano Vera",
        "doc": 99152437,
        "estado": "ACTIVA",
        "producto": "Vitalia Senior",
        "alta": "30/06/2014",
        "prima": 132.75,
        "acceso": "BLOQUEADO",
    },
    {
        "poliza": "31630081",
        "titular": "Miguel Ángel Torres Rey",
        "doc": 99163548,
        "estado": "ACTIVA",
        "producto": "Vitalia Esencial",
        "alta": "18/10/2019",
        "prima": 47.30,
    },
    {
        "poliza": "31739925",
        "titular": "Silvia Rojo Marín",
        "doc": 99174659,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "26/02/2021",
        "prima": 71.80,
    },
    {
        "poliza": "31847266",
        "titular": "Tomás Reyes Cano",
        "doc": 99185760,
        "estado": "ACTIVA",
        "producto": "Vitalia Esencial",
        "alta": "08/11/2018",
        "prima": 49.60,
        "autorizaciones": [
            (
                "A-2611063",
                "Resonancia magnética de rodilla",
                "Centro Médico Delicias",
                "06/11/2026",
                "PENDIENTE",
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "31952108",
        "titular": "Alba Navarro Prieto",
        "doc": 99196871,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "01/09/2026",
        "prima": 126.20,
        "tarjeta": "PENDIENTE_ACTIVACION",
        "beneficiarios": [("Leo Navarro Gómez", "HIJO", "30/03/2019")],
    },
    {
        "poliza": "32060417",
        "titular": "Raúl Domínguez Sanz",
        "doc": 99207982,
        "estado": "ACTIVA",
        "producto": "Vitalia Reembolso Total",
        "alta": "13/04/2017",
        "prima": 121.90,
        "reembolsos": [
            (
                "R-2610731",
                "Consulta de cardiología",
                "15/10/2026",
                "16/10/2026",
                150.00,
                "PAGADO",
                135.00,
                "06/11/2026",
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "32178830",
        "titular": "Inés Campos Roldán",
        "doc": 99218093,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "21/05/2019",
        "prima": 66.30,
        "reembolsos": [
            (
                "R-2609508",
                "Sesiones de psicología (4)",
                "19/09/2026",
                "25/09/2026",
                240.00,
                "PENDIENTE",
                None,
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "32283154",
        "titular": "Ricardo Pascual Aranda",
        "doc": 99229104,
        "estado": "ACTIVA",
        "producto": "Vitalia Reembolso Total",
        "alta": "02/02/2018",
        "prima": 127.40,
        "reembolsos": [
            (
                "R-2605116",
                "Consulta de oftalmología",
                "10/01/2026",
                "20/05/2026",
                110.00,
                "RECHAZADO",
                None,
                None,
                "27/05/2026",
                "FUERA_DE_PLAZO",
            ),
        ],
    },
    {
        "poliza": "32391672",
        "titular": "Paula Esteban Mora",
        "doc": 99230215,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "19/06/2022",
        "prima": 117.80,
        "beneficiarios": [("Daniel Ortega Vidal", "CONYUGE", "03/12/1988")],
    },
    {
        "poliza": "32407785",
        "titular": "Samuel Ortiz Crespo",
        "doc": 99241326,
        "estado": "ACTIVA",
        "producto": "Vitalia Esencial",
        "alta": "27/03/2024",
        "prima": 39.90,
        "autorizaciones": [
            (
                "A-2611399",
                "Colonoscopia",
                "Hospital Ribera del Tajo",
                "18/11/2026",
                "PENDIENTE",
                None,
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "32516049",
        "titular": "Clara Fuentes Ibáñez",
        "doc": 99252437,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "10/10/2020",
        "prima": 73.60,
    },
    {
        "poliza": "32624413",
        "titular": "Antonio Marín Delgado",
        "doc": 99263548,
        "estado": "BAJA",
        "producto": "Vitalia Esencial",
        "alta": "01/03/2012",
        "baja": "31/12/2025",
        "prima": 52.10,
        "acceso": "SIN_REGISTRO",
    },
    {
        "poliza": "32738590",
        "titular": "Sofía Bravo Carmona",
        "doc": 99274659,
        "estado": "SUSPENDIDA",
        "producto": "Vitalia Salud Plus",
        "alta": "15/07/2019",
        "prima": 70.20,
        "recibos": {
            "10/2026": [("DEVUELTO", "05/10/2026")],
            "11/2026": [("DEVUELTO", "05/11/2026")],
        },
    },
    {
        "poliza": "32845126",
        "titular": "Diego Rubio Santana",
        "doc": 99285760,
        "estado": "IMPAGO",
        "producto": "Vitalia Familia",
        "alta": "09/01/2016",
        "prima": 144.50,
        "recibos": {"11/2026": [("DEVUELTO", "05/11/2026")]},
    },
    {
        "poliza": "32951847",
        "titular": "Elena Vargas Peña",
        "doc": 99296871,
        "estado": "ACTIVA",
        "producto": "Vitalia Dental",
        "alta": "04/05/2023",
        "prima": 12.90,
    },
    {
        "poliza": "33067218",
        "titular": "Hugo Serrano Blanco",
        "doc": 99307982,
        "estado": "BAJA",
        "producto": "Vitalia Salud Plus",
        "alta": "22/11/2013",
        "baja": "30/06/2026",
        "prima": 79.90,
        "reembolsos": [
            (
                "R-2604208",
                "Consulta de urología",
                "03/04/2026",
                "08/04/2026",
                100.00,
                "PAGADO",
                80.00,
                "24/04/2026",
                None,
                None,
            ),
        ],
    },
    {
        "poliza": "33172694",
        "titular": "Rosario Medina Gallardo",
        "doc": 99318093,
        "estado": "ACTIVA",
        "producto": "Vitalia Senior",
        "alta": "10/03/2026",
        "prima": 139.20,
        "reembolsos": [
            (
                "R-2607702",
                "Cirugía de cataratas (honorarios)",
                "02/07/2026",
                "09/07/2026",
                1450.00,
                "RECHAZADO",
                None,
                None,
                "21/07/2026",
                "CARENCIA",
            ),
        ],
    },
    {
        "poliza": "33289035",
        "titular": "Iván Cortés Molina",
        "doc": 99329104,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "06/06/2021",
        "prima": 62.80,
        "reembolsos": [
            (
                "R-2609240",
                "Tratamiento de medicina estética",
                "01/09/2026",
                "04/09/2026",
                300.00,
                "RECHAZADO",
                None,
                None,
                "15/09/2026",
                "PRESTACION_NO_CUBIERTA",
            ),
        ],
    },
    {
        "poliza": "33390472",
        "titular": "Marta León Aguilar",
        "doc": 99330215,
        "estado": "ACTIVA",
        "producto": "Vitalia Salud Plus",
        "alta": "29/08/2017",
        "prima": 76.40,
        "reembolsos": [
            (
                "R-2610118",
                "Análisis clínicos",
                "30/09/2026",
                "03/10/2026",
                65.00,
                "RECHAZADO",
                None,
                None,
                "14/10/2026",
                "FALTA_INFORME_MEDICO",
            ),
        ],
        "autorizaciones": [
            (
                "A-2610254",
                "Resonancia magnética lumbar",
                "Clínica San Rafael",
                "12/10/2026",
                "DENEGADA",
                "16/10/2026",
                None,
                "La prueba no se acompaña de la prescripción de un especialista.",
            ),
        ],
    },
    {
        "poliza": "33418856",
        "titular": "Yolanda Prieto Sáez",
        "doc": ("Y", 2281904),
        "estado": "ACTIVA",
        "producto": "Vitalia Reembolso Total",
        "alta": "14/02/2020",
        "prima": 109.70,
        "reembolsos": [
            (
                "R-2606477",
                "Consulta de neumología",
                "11/06/2026",
                "12/06/2026",
                100.00,
                "PAGADO",
                100.00,
                "30/06/2026",
                None,
                None,
            ),
        ],
        "autorizaciones": [
            (
                "A-2606031",
                "Prueba de esfuerzo",
                "Hospital Ribera del Tajo",
                "03/06/2026",
                "APROBADA",
                "04/06/2026",
                "AUT-2M8Q41",
                None,
            ),
        ],
    },
    {
        "poliza": "33525903",
        "titular": "Gabriel Núñez Ferrer",
        "doc": 99352437,
        "estado": "ACTIVA",
        "producto": "Vitalia Familia",
        "alta": "17/09/2025",
        "prima": 133.10,
        "acceso": "SIN_REGISTRO",
        "beneficiarios": [("Noa Núñez Ramos", "HIJA", "11/11/2015")],
    },
]

BANKS = ["0999", "0998", "0997", "0996"]


def _month_range(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months


def build_receipts(spec: dict[str, Any]) -> list[dict[str, Any]]:
    alta = parse(spec["alta"])
    last = parse(spec["baja"]) if spec.get("baja") else REFERENCE_DATE
    start = max(alta, FIRST_RECEIPT)
    overrides: dict[str, list[tuple[str, str]]] = spec.get("recibos", {})
    receipts = []
    for year, month in _month_range(start, last):
        periodo = f"{month:02d}/{year}"
        default_day = max(dt.date(year, month, 5), alta)
        entries = overrides.get(periodo, [("COBRADO", fmt(default_day))])
        for estado, fecha in entries:
            receipts.append(
                {
                    "periodo": periodo,
                    "importe": spec["prima"],
                    "estado": estado,
                    "fechaCargo": fecha,
                }
            )
    return receipts


def build_policy(index: int, spec: dict[str, Any]) -> dict[str, Any]:
    doc = spec["doc"]
    nif = nie_from_number(*doc) if isinstance(doc, tuple) else nif_from_number(doc)
    name_parts = fold(spec["titular"]).replace("angel ", "angel.").split()
    email = f"{name_parts[0]}.{name_parts[1]}@example.com"
    iban = iban_es(BANKS[index % len(BANKS)], "0001", "00" + spec["poliza"])
    alta = parse(spec["alta"])
    return {
        "poliza": spec["poliza"],
        "titular": spec["titular"],
        "nif": nif,
        "estado": spec["estado"],
        "producto": spec["producto"],
        "porcentajeReembolso": PRODUCTOS[spec["producto"]],
        "fechaAlta": spec["alta"],
        "fechaBaja": spec.get("baja"),
        "primaMensual": spec["prima"],
        "iban": iban,
        "email": email,
        "telefono": f"6000001{index + 1:02d}",
        "accesoApp": {"estado": spec.get("acceso", "ACTIVO")},
        "tarjetaDigital": {
            "estado": spec.get("tarjeta", "ACTIVA" if spec["estado"] != "BAJA" else "BAJA"),
            "numeroTarjeta": f"VT{spec['poliza']}01",
            "fechaEmision": fmt(alta),
        },
        "beneficiarios": [
            {"nombre": n, "parentesco": p, "fechaNacimiento": f}
            for n, p, f in spec.get("beneficiarios", [])
        ],
        "reembolsos": [
            dict(zip(REEMBOLSO_FIELDS, r, strict=True)) for r in spec.get("reembolsos", [])
        ],
        "autorizaciones": [
            dict(zip(AUTORIZACION_FIELDS, a, strict=True)) for a in spec.get("autorizaciones", [])
        ],
        "recibos": build_receipts(spec),
    }


def build_all() -> list[dict[str, Any]]:
    return [build_policy(i, spec) for i, spec in enumerate(SPECS)]


def write_policies(out_dir: Path) -> list[dict[str, Any]]:
    """Build every policy, refuse inconsistent data, write ``polizas.json`` into ``out_dir``."""
    policies = build_all()
    numbers = [p["poliza"] for p in policies]
    if len(numbers) != len(set(numbers)):
        raise SystemExit("duplicate policy numbers")
    for policy in policies:
        if not iban_is_valid(policy["iban"]):
            raise SystemExit(f"invalid IBAN generated for {policy['poliza']}")
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(policies, ensure_ascii=False, indent=2) + "\n"
    (out_dir / FILE_NAME).write_text(text, encoding="utf-8")
    return policies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write polizas.json (the policy records).")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="output directory")
    args = parser.parse_args(argv)
    policies = write_policies(args.out)
    print(f"wrote {len(policies)} policies to {args.out / FILE_NAME}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
