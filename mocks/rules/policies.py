"""Policy actions other than reimbursements (resources/ACCIONES_API.md §3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from domain.validators import iban_checksum_ok
from mocks.clock import format_date
from mocks.rules.base import Resolution, RuleContext, cierre, en_espera, manual, reasignacion
from mocks.rules.formatting import (
    amount,
    date_of,
    days,
    email_mask,
    estado_txt,
    iban_mask,
    money,
    period_key,
    plus_days,
    tel_mask,
)

GESTION = "GESTION_POLIZAS"
AUTH_SLA_DAYS = 5
AUTH_VALIDITY_DAYS = 90
NEWBORN_DAYS = 30
FIRST_RECEIPT_YEAR = 2024


class UnexpectedDataError(ValueError):
    """The policy record has a value the documented rules do not cover."""


def pending_receipts(policy: Any) -> tuple[int, str, str]:
    """(n, total, periodos) of the receipts DEVUELTO or PENDIENTE, in chronological order."""
    pending = sorted(
        (r for r in policy.get("recibos") or [] if r.get("estado") in {"DEVUELTO", "PENDIENTE"}),
        key=lambda r: period_key(r["periodo"]),
    )
    total = sum((amount(r["importe"]) for r in pending), Decimal("0.00"))
    return len(pending), money(total), ", ".join(r["periodo"] for r in pending)


def _unexpected(what: str, value: Any) -> UnexpectedDataError:
    return UnexpectedDataError(f"unexpected {what}: {value!r}")


def estadoautorizacion(ctx: RuleContext) -> Resolution:  # noqa: PLR0911 - one per rule
    num, policy = ctx.params["num_autorizacion"], ctx.policy
    a: dict[str, Any] | None = next(
        (x for x in policy.get("autorizaciones") or [] if x.get("num_autorizacion") == num), None
    )
    if a is None:
        return manual(
            "N2_AUTORIZACIONES",
            f"La autorización {num} no figura en la póliza {ctx.poliza}. "
            "Compruebe el número con el solicitante.",
        )
    if policy["estado"] != "ACTIVA":
        return reasignacion(
            GESTION,
            f"La póliza {ctx.poliza} está {estado_txt(policy['estado'])}; las autorizaciones "
            "quedan retenidas hasta que se regularice. Se traslada a Gestión de Pólizas.",
        )
    prueba, estado = a["prueba"], a["estado"]
    if estado in {"APROBADA", "CADUCADA"}:
        fin = plus_days(a["fechaResolucion"], AUTH_VALIDITY_DAYS)
        if estado == "APROBADA" and ctx.today <= date_of(fin):
            return cierre(
                f"La autorización {num} para {prueba} está aprobada desde el "
                f"{a['fechaResolucion']}. Código para el centro: {a['codigoAutorizacion']}. "
                f"Válida hasta el {fin}."
            )
        return cierre(
            f"La autorización {num} para {prueba} caducó el {fin}. Solicite una nueva en App > "
            "Autorizaciones con la prescripción vigente."
        )
    if estado == "DENEGADA":
        return cierre(
            f"La autorización {num} para {prueba} se denegó el {a['fechaResolucion']}. Motivo: "
            f"{a['motivoDenegacion']} Si dispone de un informe médico nuevo, puede solicitar su "
            "revisión."
        )
    if estado != "PENDIENTE":
        raise _unexpected("authorisation state", estado)
    d = days(date_of(a["fechaSolicitud"]), ctx.today)
    if d > AUTH_SLA_DAYS:
        return reasignacion(
            "N2_AUTORIZACIONES",
            f"La autorización {num} para {prueba} lleva {d} días pendiente y supera el plazo de "
            "5 días. Se traslada a N2 Autorizaciones para su resolución prioritaria.",
        )
    return en_espera(
        f"La autorización {num} para {prueba} está en estudio (día {d} de 5). Recibirá la "
        f"respuesta como máximo el {plus_days(a['fechaSolicitud'], AUTH_SLA_DAYS)}."
    )


def reenviotarjeta(ctx: RuleContext) -> Resolution:
    policy = ctx.policy
    estado = policy["estado"]
    if estado == "BAJA":
        return cierre(
            f"La póliza {ctx.poliza} está de baja desde el {policy['fechaBaja']}; no es posible "
            "activar la tarjeta digital."
        )
    if estado in {"SUSPENDIDA", "IMPAGO"}:
        n, total, _ = pending_receipts(policy)
        if n > 0:
            return en_espera(
                "La tarjeta digital no puede activarse mientras haya recibos pendientes "
                f"({n} recibo(s), {total}). Cuando se regularice el pago se enviará el enlace "
                "automáticamente."
            )
        return reasignacion(
            GESTION,
            f"La póliza {ctx.poliza} figura {estado_txt(estado)} sin recibos pendientes; Gestión "
            "de Pólizas debe revisar su situación antes de reenviar la tarjeta.",
        )
    if estado != "ACTIVA":
        raise _unexpected("policy state", estado)
    return cierre(
        "Se ha enviado un nuevo enlace de activación de la tarjeta digital a "
        f"{email_mask(policy['email'])} y por SMS al {tel_mask(policy['telefono'])}. El enlace "
        "caduca en 48 horas."
    )


def reactivarpoliza(ctx: RuleContext) -> Resolution:
    policy = ctx.policy
    estado = policy["estado"]
    if estado == "ACTIVA":
        return cierre(
            f"La póliza {ctx.poliza} ya está activa y sus coberturas están en vigor. Si la app "
            "muestra la tarjeta como no vigente, cierre sesión y vuelva a entrar."
        )
    if estado == "BAJA":
        return reasignacion(
            GESTION,
            f"La póliza {ctx.poliza} está de baja desde el {policy['fechaBaja']}; su "
            "rehabilitación la valora Gestión de Pólizas.",
        )
    if estado not in {"SUSPENDIDA", "IMPAGO"}:
        raise _unexpected("policy state", estado)
    n, total, periodos = pending_receipts(policy)
    if n > 0:
        return en_espera(
            f"Constan {n} recibo(s) pendiente(s) por un total de {total} (periodos: {periodos}). "
            "La póliza se reactivará en cuanto se abonen; puede pagarlos en Área Cliente > "
            "Recibos > Pagar."
        )
    return cierre(
        f"No quedan recibos pendientes y la póliza {ctx.poliza} se ha reactivado con fecha "
        f"{format_date(ctx.today)}. Las coberturas y la tarjeta digital vuelven a estar vigentes."
    )


def _same_nif(ctx: RuleContext) -> bool:
    return ctx.params["nif"] == str(ctx.policy.get("nif") or "").strip().upper()


def cambioiban(ctx: RuleContext) -> Resolution:
    policy, iban = ctx.policy, ctx.params["iban"]
    if not iban_checksum_ok(iban):
        return en_espera(
            "El IBAN indicado no es válido (dígitos de control incorrectos). Revíselo y "
            "envíenoslo de nuevo."
        )
    if not _same_nif(ctx):
        return reasignacion(
            GESTION,
            f"El NIF indicado no corresponde al titular de la póliza {ctx.poliza}. Por seguridad, "
            "Gestión de Pólizas validará el cambio de cuenta con el titular.",
        )
    if policy["estado"] == "BAJA":
        return cierre(
            f"La póliza {ctx.poliza} está de baja desde el {policy['fechaBaja']} y no se emitirán "
            "más recibos; no es necesario cambiar la cuenta."
        )
    if iban == str(policy.get("iban") or "").replace(" ", "").upper():
        return cierre(
            f"La cuenta {iban_mask(iban)} ya es la cuenta de domiciliación de la póliza "
            f"{ctx.poliza}; no se ha realizado ningún cambio."
        )
    following = (ctx.today.replace(day=1) + dt.timedelta(days=32)).strftime("%m/%Y")
    return cierre(
        f"Cuenta de domiciliación de la póliza {ctx.poliza} actualizada a {iban_mask(iban)}. "
        f"Se aplicará a partir del recibo de {following}."
    )


def altabeneficiario(ctx: RuleContext) -> Resolution:
    fecha = ctx.params["fecha_nacimiento"]
    if not _same_nif(ctx):
        return manual(
            GESTION,
            f"El NIF indicado no corresponde al titular de la póliza {ctx.poliza}; el alta de un "
            "beneficiario debe solicitarla el titular.",
        )
    born = date_of(fecha)
    if born > ctx.today:
        return manual(
            GESTION,
            f"La fecha de nacimiento {fecha} es posterior a hoy; revise el dato con el "
            "solicitante.",
        )
    if ctx.policy["estado"] != "ACTIVA":
        return reasignacion(
            GESTION,
            f"La póliza {ctx.poliza} está {estado_txt(ctx.policy['estado'])}; Gestión de Pólizas "
            "debe regularizarla antes de incluir nuevos asegurados.",
        )
    d = days(born, ctx.today)
    if d <= NEWBORN_DAYS:
        return cierre(
            f"Alta del recién nacido tramitada en la póliza {ctx.poliza} con efecto {fecha}, sin "
            "carencias ni cuestionario de salud. Su tarjeta estará disponible en la app en 48 "
            "horas."
        )
    return reasignacion(
        GESTION,
        f"Han pasado {d} días desde el nacimiento (más de 30): el alta requiere cuestionario de "
        "salud y la tramita Gestión de Pólizas.",
    )


def duplicadorecibo(ctx: RuleContext) -> Resolution:
    periodo = ctx.params["periodo"]
    charged = [
        r
        for r in ctx.policy.get("recibos") or []
        if r.get("periodo") == periodo and r.get("estado") == "COBRADO"
    ]
    if len(charged) >= 2:
        fechas = ", ".join(r["fechaCargo"] for r in charged)
        devolver = amount(charged[0]["importe"]) * (len(charged) - 1)
        return reasignacion(
            "FACTURACION",
            f"Se confirma que el recibo {periodo} de la póliza {ctx.poliza} se cobró "
            f"{len(charged)} veces ({money(charged[0]['importe'])} cada cargo; fechas: {fechas}). "
            f"Facturación devolverá {money(devolver)} en un máximo de 5 días hábiles.",
        )
    if len(charged) == 1:
        first = charged[0]
        return cierre(
            f"El recibo {periodo} de la póliza {ctx.poliza} se cobró una sola vez, el "
            f"{first['fechaCargo']}, por {money(first['importe'])}. Si ve dos apuntes en su banco, "
            "uno puede ser una retención temporal que el banco anulará."
        )
    return cierre(
        f"No consta ningún cargo cobrado del recibo {periodo} en la póliza {ctx.poliza}. Revise "
        "con su banco el origen del apunte."
    )


def certificadofiscal(ctx: RuleContext) -> Resolution:
    ejercicio, policy = ctx.params["ejercicio"], ctx.policy
    year = int(ejercicio)
    if year < FIRST_RECEIPT_YEAR:
        return manual(
            "FACTURACION",
            "El histórico de recibos disponible empieza en 2024; el certificado del ejercicio "
            f"{ejercicio} lo emite Facturación.",
        )
    baja = policy.get("fechaBaja")
    if year < date_of(policy["fechaAlta"]).year or (baja and year > date_of(baja).year):
        return cierre(
            f"La póliza {ctx.poliza} no estuvo en vigor durante {ejercicio}, por lo que no hay "
            "primas que certificar."
        )
    today = ctx.today
    if (today.year, today.month, today.day) < (year + 1, 3, 1):
        return en_espera(
            f"El certificado fiscal del ejercicio {ejercicio} estará disponible a partir del "
            f"01/03/{year + 1}; se le enviará entonces al correo registrado."
        )
    suma = sum(
        (
            amount(r["importe"])
            for r in policy.get("recibos") or []
            if r.get("estado") == "COBRADO" and str(r.get("periodo", "")).endswith(f"/{year}")
        ),
        Decimal("0.00"),
    )
    return cierre(
        f"Se ha enviado a {email_mask(policy['email'])} el certificado fiscal de la póliza "
        f"{ctx.poliza} del ejercicio {ejercicio}: primas pagadas {money(suma)}."
    )


def reseteoareacliente(ctx: RuleContext) -> Resolution:
    policy = ctx.policy
    if policy["estado"] == "BAJA":
        return cierre(
            f"La póliza {ctx.poliza} está de baja desde el {policy['fechaBaja']} y el acceso al "
            "Área Cliente está desactivado."
        )
    if ctx.params["email"] != str(policy.get("email") or "").strip().lower():
        return en_espera(
            f"El correo indicado no coincide con el registrado en la póliza {ctx.poliza}. "
            "Confírmenos el correo registrado o solicite su actualización para poder enviar el "
            "enlace."
        )
    if (policy.get("accesoApp") or {}).get("estado") == "SIN_REGISTRO":
        return cierre(
            "El asegurado aún no está registrado en el Área Cliente: debe darse de alta en la app "
            "o en la web con la opción 'Registrarme', usando su NIF y el número de póliza."
        )
    return cierre(
        "Se ha desbloqueado el acceso al Área Cliente y se ha enviado a "
        f"{email_mask(policy['email'])} un enlace para crear una nueva contraseña, válido durante "
        "24 horas."
    )
