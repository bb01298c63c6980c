"""Corporate IT actions: no policy, fixed lists (resources/ACCIONES_API.md §4)."""

from __future__ import annotations

from mocks.rules.base import Resolution, RuleContext, cierre, manual, reasignacion

SEGURIDAD = "SEGURIDAD_ACCESOS"
DOMAIN = "vitalia.example.com"

PROTECTED_ACCOUNTS = frozenset(
    {"admin.sistemas", "admin.correo", "admin.red", "direccion.general", "backup.servicio"}
)
SHARED_MAILBOXES = frozenset(
    f"{name}@{DOMAIN}"
    for name in (
        "reembolsos",
        "autorizaciones",
        "atencion.cliente",
        "proveedores",
        "facturacion",
        "cuadro.medico",
        "gestion.polizas",
        "rrhh",
        "direccion",
        "comite.seguridad",
    )
)
RESTRICTED_MAILBOXES = frozenset(
    f"{name}@{DOMAIN}" for name in ("rrhh", "direccion", "comite.seguridad")
)
PAID_PRODUCTS = {"visio": "Visio", "project": "Project", "powerbi": "Power BI Pro"}


def desbloqueousuario(ctx: RuleContext) -> Resolution:
    usuario = ctx.params["usuario"]
    if usuario in PROTECTED_ACCOUNTS:
        return reasignacion(
            SEGURIDAD,
            f"La cuenta {usuario} es una cuenta protegida y no puede desbloquearse "
            "automáticamente; se traslada a Seguridad de Accesos.",
        )
    return cierre(
        f"La cuenta {usuario} se ha desbloqueado. Si no recuerda la contraseña, puede cambiarla en "
        "el portal de autoservicio de claves."
    )


def reseteopassword(ctx: RuleContext) -> Resolution:
    usuario = ctx.params["usuario"]
    if usuario in PROTECTED_ACCOUNTS:
        return reasignacion(
            SEGURIDAD,
            f"La cuenta {usuario} es una cuenta protegida y su contraseña no puede restablecerse "
            "automáticamente; se traslada a Seguridad de Accesos.",
        )
    return cierre(
        f"Se ha generado una contraseña temporal para la cuenta {usuario} y se ha enviado por SMS "
        "al móvil corporativo registrado. Deberá cambiarla al iniciar sesión."
    )


def licenciaoffice(ctx: RuleContext) -> Resolution:
    usuario, producto = ctx.params["usuario"], ctx.params["producto"]
    if producto == "office":
        return cierre(
            f"Licencia de Microsoft 365 asignada a {usuario}. Cierre sesión en Office y vuelva a "
            "entrar con su cuenta corporativa; la activación se completa en unos 30 minutos."
        )
    return reasignacion(
        "MICROINFORMATICA",
        f"La licencia de {PAID_PRODUCTS[producto]} para {usuario} es de pago y requiere la "
        "aprobación del responsable y el centro de coste; se traslada a Microinformática para "
        "tramitarla.",
    )


def buzoncompartido(ctx: RuleContext) -> Resolution:
    usuario, buzon = ctx.params["usuario"], ctx.params["buzon_compartido"]
    if buzon not in SHARED_MAILBOXES:
        return manual(
            "SISTEMAS_CORREO",
            f"El buzón {buzon} no existe como buzón compartido; confirme la dirección con el "
            "solicitante.",
        )
    if buzon in RESTRICTED_MAILBOXES:
        return reasignacion(
            SEGURIDAD,
            f"El buzón {buzon} es de acceso restringido; el permiso para {usuario} requiere la "
            "aprobación de su propietario y lo gestiona Seguridad de Accesos.",
        )
    return cierre(
        f"Se ha concedido a {usuario} acceso total y permiso 'Enviar como' sobre {buzon}. "
        "Aparecerá en Outlook en un máximo de 60 minutos; reinicie Outlook si no lo ve."
    )
