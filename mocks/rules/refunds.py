"""Reimbursement actions: fxprovision, disconformidad, recalculoreembolso (ACCIONES_API.md §3)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from mocks.rules.base import Resolution, RuleContext, cierre, en_espera, manual, reasignacion
from mocks.rules.formatting import (
    DOCUMENTO,
    ESTADO_REEMBOLSO_TXT,
    amount,
    date_of,
    days,
    estado_txt,
    iban_last4,
    money,
    motivo_txt,
    plus_days,
)

N2 = "N2_REEMBOLSOS"
SLA_PAYMENT_DAYS = 30
CLAIM_DEADLINE_DAYS = 180
WAITING_PERIOD_DAYS = 180
TOLERANCE = Decimal("0.01")


def _with_refund(
    body: Callable[[RuleContext, dict[str, Any], str], Resolution],
) -> Callable[[RuleContext], Resolution]:
    """R0: the refund must be in the policy; then run ``body(ctx, refund, num)``."""

    def rule(ctx: RuleContext) -> Resolution:
        num = ctx.params["num_reembolso"]
        refund = next(
            (r for r in ctx.policy.get("reembolsos") or [] if r.get("num_reembolso") == num), None
        )
        if refund is None:
            return manual(
                N2,
                f"El reembolso {num} no figura en la póliza {ctx.poliza}. "
                "Compruebe el número con el solicitante.",
            )
        return body(ctx, refund, num)

    return rule


def _fxprovision(ctx: RuleContext, r: dict[str, Any], num: str) -> Resolution:
    if r["estado"] == "PAGADO":
        return cierre(
            f"El reembolso {num} se abonó el {r['fechaPago']} por {money(r['importePagado'])} "
            f"en la cuenta terminada en {iban_last4(ctx.policy['iban'])}. "
            "Puede tardar hasta 2 días hábiles en verse en su banco."
        )
    if r["estado"] == "RECHAZADO":
        return cierre(
            f"El reembolso {num} fue rechazado el {r['fechaResolucion']} porque "
            f"{motivo_txt(r.get('motivoRechazo'))}. Si no está conforme, puede pedir su revisión "
            "indicando el número de reembolso."
        )
    d = days(date_of(r["fechaSolicitud"]), ctx.today)
    if d > SLA_PAYMENT_DAYS:
        return reasignacion(
            N2,
            f"El reembolso {num}, solicitado el {r['fechaSolicitud']}, lleva {d} días sin "
            "abonarse y supera el plazo de 30 días. Se traslada a N2 Reembolsos para su abono "
            "prioritario.",
        )
    return en_espera(
        f"El reembolso {num}, solicitado el {r['fechaSolicitud']}, aún está en plazo ({d} de 30 "
        f"días). Se abonará como máximo el {plus_days(r['fechaSolicitud'], SLA_PAYMENT_DAYS)}."
    )


def _disconformidad(  # noqa: PLR0911 - one return per documented rule
    ctx: RuleContext, r: dict[str, Any], num: str
) -> Resolution:
    policy = ctx.policy
    if policy["estado"] in {"BAJA", "IMPAGO"}:
        return reasignacion(
            "GESTION_POLIZAS",
            f"La póliza {ctx.poliza} está {estado_txt(policy['estado'])}; antes de revisar el "
            f"reembolso {num}, Gestión de Pólizas debe validar la situación de la póliza.",
        )
    if r["estado"] != "RECHAZADO":
        estado = ESTADO_REEMBOLSO_TXT.get(r["estado"], str(r["estado"]).lower())
        return cierre(
            f"El reembolso {num} no está rechazado (estado actual: {estado}), por lo que no "
            "procede una revisión por disconformidad."
        )
    motivo = r.get("motivoRechazo")
    if motivo in DOCUMENTO:
        return en_espera(
            f"Para revisar el reembolso {num} necesitamos {DOCUMENTO[motivo]}. Súbalo en Área "
            f"Cliente > Reembolsos > {num} > Añadir documentación y se revisará en un máximo de "
            "10 días."
        )
    if motivo == "FUERA_DE_PLAZO":
        p = days(date_of(r["fechaFactura"]), date_of(r["fechaSolicitud"]))
        if p <= CLAIM_DEADLINE_DAYS:
            return reasignacion(
                N2,
                f"El reembolso {num} se solicitó {p} días después de la factura, dentro del plazo "
                "de 180 días, por lo que el rechazo no procede. Se traslada a N2 Reembolsos para "
                "su abono.",
            )
        return cierre(
            f"Se mantiene el rechazo del reembolso {num}: se solicitó {p} días después de la "
            "fecha de la factura y el plazo máximo es de 180 días."
        )
    if motivo == "CARENCIA":
        fin = plus_days(policy["fechaAlta"], WAITING_PERIOD_DAYS)
        if date_of(r["fechaFactura"]) >= date_of(fin):
            return reasignacion(
                N2,
                f"La factura del reembolso {num} es del {r['fechaFactura']}, posterior al fin de "
                f"la carencia ({fin}). Se traslada a N2 Reembolsos para revisar el rechazo.",
            )
        return cierre(
            f"Se mantiene el rechazo del reembolso {num}: la factura es del {r['fechaFactura']} "
            f"y la carencia de su póliza terminaba el {fin}."
        )
    if motivo == "PRESTACION_NO_CUBIERTA":
        return cierre(
            f"Se mantiene el rechazo del reembolso {num}: la prestación facturada no está incluida "
            f"en la modalidad {policy['producto']}. Puede consultar sus coberturas en Área "
            "Cliente > Mi póliza > Condiciones."
        )
    return reasignacion(
        N2,
        f"Se traslada la disconformidad sobre el reembolso {num} a N2 Reembolsos para su revisión.",
    )


def _recalculoreembolso(ctx: RuleContext, r: dict[str, Any], num: str) -> Resolution:
    pct = ctx.policy.get("porcentajeReembolso")
    producto = ctx.policy["producto"]
    if pct is None:
        return manual(
            N2,
            f"La modalidad {producto} no incluye reembolso de gastos; revise manualmente el origen "
            f"del reembolso {num}.",
        )
    if r["estado"] == "RECHAZADO":
        return cierre(
            f"El reembolso {num} fue rechazado porque {motivo_txt(r.get('motivoRechazo'))}, por "
            "lo que no hay importe que recalcular."
        )
    if r["estado"] in {"PENDIENTE", "EN_REVISION"}:
        return en_espera(
            f"El reembolso {num} aún no se ha abonado (estado: "
            f"{ESTADO_REEMBOLSO_TXT[r['estado']]}); el importe se calculará al resolverlo."
        )
    importe, pagado = amount(r["importe"]), amount(r.get("importePagado"))
    esperado = amount(importe * Decimal(str(pct)) / 100)
    dif = esperado - pagado
    if abs(dif) <= TOLERANCE:
        return cierre(
            f"El importe abonado en el reembolso {num} ({money(pagado)}) es correcto: corresponde "
            f"al {pct} % de {money(importe)} según su modalidad {producto}."
        )
    if dif > TOLERANCE:
        return reasignacion(
            N2,
            f"En el reembolso {num} se abonaron {money(pagado)} y corresponden {money(esperado)} "
            f"({pct} % de {money(importe)}). Se traslada a N2 Reembolsos para abonar la "
            f"diferencia de {money(dif)}.",
        )
    return manual(
        N2,
        f"En el reembolso {num} se abonaron {money(pagado)}, más de lo que corresponde "
        f"({money(esperado)}). Requiere revisión manual antes de informar al asegurado.",
    )


fxprovision = _with_refund(_fxprovision)
disconformidad = _with_refund(_disconformidad)
recalculoreembolso = _with_refund(_recalculoreembolso)
