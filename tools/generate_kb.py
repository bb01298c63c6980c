"""Generate resources/PROBLEMAS_GLOBALES.csv, the knowledge base of Aseguradora Vitalia.

The rows live here as data so the CSV is always written with correct RFC-4180 quoting.
Ids are explicit: never renumber an existing row, append new ones with the next free id.

Usage: python tools/generate_kb.py [--out DIR]   (DIR defaults to resources/)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
from pathlib import Path

from adapters.knowledge_base import COLUMNS

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FILE_NAME = "PROBLEMAS_GLOBALES.csv"

#: the knowledge base's columns, as the engine reads them, with the stable ID first
HEADER = ["ID", *COLUMNS]

# (id, componente, descripcion, tipo, solucion, resolucion_automatica, buzon)
ROWS: list[tuple[str, str, str, str, str, str, str]] = [
    # --- Reembolsos -------------------------------------------------------------------------
    (
        "KB-0001",
        "Reembolsos",
        "El asegurado envió una solicitud de reembolso hace semanas y en el Área Cliente sigue "
        "figurando 'En trámite' sin fecha de abono. Pregunta cuándo se le pagará o por qué tarda "
        "tanto.",
        "Consulta",
        "Se consulta en Prestaciones la fecha de entrada del reembolso: si supera el plazo de 30 "
        "días se prioriza su abono con N2 Reembolsos; si no, se informa al asegurado de la fecha "
        "máxima de pago.",
        "api|fxprovision",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0002",
        "Reembolsos",
        "El asegurado no está de acuerdo con el rechazo de un reembolso que le han comunicado por "
        "carta o en la app y pide que se revise la decisión.",
        "Petición de servicio",
        "Se registra la disconformidad sobre el reembolso rechazado y se revisa el motivo del "
        "rechazo frente a los datos de la póliza; se informa al asegurado del resultado o de la "
        "documentación que falta.",
        "api|disconformidad",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0003",
        "Reembolsos",
        "El reembolso se ha pagado pero el importe ingresado es menor del que le corresponde según "
        "el porcentaje de su modalidad; el asegurado cree que se ha calculado mal.",
        "Incidencia de datos",
        "Se recalcula el importe del reembolso con el porcentaje de la modalidad contratada y, si "
        "hay diferencia a favor del asegurado, se ordena un abono complementario.",
        "api|recalculoreembolso",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0004",
        "Reembolsos",
        "Consulta sobre qué documentos hay que adjuntar para pedir el reembolso de una consulta o "
        "de una prueba diagnóstica.",
        "Consulta",
        "Debe adjuntar la factura a su nombre con el NIF y el número de colegiado del profesional, "
        "el desglose de los actos realizados y, en pruebas diagnósticas, la prescripción médica. "
        "Todo se sube en Área Cliente > Reembolsos > Nueva solicitud.",
        "cierre",
        "",
    ),
    (
        "KB-0005",
        "Reembolsos",
        "Al adjuntar la factura en el formulario web de reembolsos aparece el aviso 'El archivo "
        "supera el tamaño máximo permitido' y no deja enviar la solicitud.",
        "Error aplicación",
        "El formulario admite archivos PDF, JPG o PNG de hasta 5 MB cada uno. Reduzca la "
        "resolución del escaneo o divida el PDF en varios archivos y vuelva a adjuntarlos.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0006",
        "Reembolsos",
        "Reembolso de una asistencia médica recibida en el extranjero con la factura en otra "
        "moneda; la aplicación de Prestaciones no permite grabar el importe.",
        "Petición de servicio",
        "Las facturas emitidas fuera de España las tramita N2 Reembolsos, que aplica el tipo de "
        "cambio oficial de la fecha de la factura. Se reasigna la incidencia a ese equipo.",
        "reasignacion",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0007",
        "Reembolsos",
        "El banco ha devuelto la transferencia de un reembolso porque la cuenta de destino está "
        "cancelada, y el asegurado reclama que no ha cobrado.",
        "Incidencia de datos",
        "Se solicita al asegurado un certificado de titularidad de la nueva cuenta bancaria; "
        "cuando lo aporte se actualizará el IBAN y se volverá a emitir la transferencia del "
        "reembolso.",
        "en espera",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0008",
        "Reembolsos",
        "El asegurado pide que le devuelvan el dinero de medicamentos comprados en la farmacia con "
        "receta de un médico del cuadro.",
        "Consulta",
        "Los medicamentos adquiridos en farmacia no están cubiertos por la póliza de asistencia "
        "sanitaria, aunque los haya recetado un médico del cuadro; solo se incluyen los fármacos "
        "administrados durante un ingreso hospitalario.",
        "cierre",
        "",
    ),
    (
        "KB-0009",
        "Reembolsos",
        "En el Área Cliente aparecen dos solicitudes de reembolso por la misma factura porque el "
        "asegurado la envió dos veces por error.",
        "Consulta",
        "El sistema detecta las facturas repetidas y anula la segunda solicitud de forma "
        "automática; solo se abonará una vez y el asegurado no tiene que hacer nada.",
        "cierre",
        "",
    ),
    (
        "KB-0010",
        "Reembolsos",
        "Al grabar un reembolso en la aplicación de Prestaciones sale el error 'Profesional no "
        "registrado en el maestro' y no permite guardar la factura.",
        "Error aplicación",
        "Dar de alta al profesional en Prestaciones > Maestros > Profesionales externos con el NIF "
        "y el número de colegiado que figuran en la factura y volver a grabar el reembolso.",
        "manual",
        "N2_REEMBOLSOS",
    ),
    (
        "KB-0011",
        "Reembolsos",
        "Pregunta hasta cuándo se puede presentar una factura para reembolso después de la fecha "
        "de la consulta.",
        "Consulta",
        "El plazo para solicitar un reembolso es de 180 días naturales desde la fecha de la "
        "factura. Las solicitudes presentadas fuera de ese plazo se rechazan automáticamente.",
        "cierre",
        "",
    ),
    # --- Autorizaciones ---------------------------------------------------------------------
    (
        "KB-0012",
        "Autorizaciones",
        "El asegurado solicitó una autorización para una prueba o tratamiento y todavía no ha "
        "recibido respuesta; quiere saber en qué estado está.",
        "Consulta",
        "Se consulta el estado de la autorización y se informa al asegurado: si está aprobada se "
        "le facilita el código, y si lleva más de 5 días pendiente se prioriza con N2 "
        "Autorizaciones.",
        "api|estadoautorizacion",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0013",
        "Autorizaciones",
        "El centro médico no encuentra en su sistema el número de autorización que le ha dado el "
        "asegurado y no quiere realizarle la prueba.",
        "Incidencia de datos",
        "Se verifica la autorización en el sistema y se facilita el código de autorización vigente "
        "para que el centro lo introduzca en su terminal de validación.",
        "api|estadoautorizacion",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0014",
        "Autorizaciones",
        "La prueba estaba autorizada pero la cita es varios meses después y el centro dice que la "
        "autorización ya no es válida.",
        "Consulta",
        "Las autorizaciones tienen una validez de 90 días desde su emisión. Debe solicitar una "
        "nueva desde App > Autorizaciones adjuntando la misma prescripción si sigue vigente; no "
        "hace falta volver al médico.",
        "cierre",
        "",
    ),
    (
        "KB-0015",
        "Autorizaciones",
        "Consulta general sobre qué pruebas o tratamientos requieren autorización previa de la "
        "aseguradora antes de acudir al centro.",
        "Consulta",
        "Necesitan autorización previa las pruebas diagnósticas de alta tecnología (resonancia, "
        "TAC, PET), las intervenciones quirúrgicas, los ingresos hospitalarios y la "
        "rehabilitación. Las consultas con especialistas y los análisis básicos no la necesitan; "
        "el detalle está en Área Cliente > Mi póliza > Condiciones.",
        "cierre",
        "",
    ),
    (
        "KB-0016",
        "Autorizaciones",
        "Intervención quirúrgica programada en menos de 48 horas cuya autorización aún no está "
        "resuelta; el hospital la necesita con urgencia.",
        "Petición de servicio",
        "Se marca la solicitud como urgente y se reasigna a N2 Autorizaciones, que resuelve las "
        "intervenciones urgentes en el mismo día laborable.",
        "reasignacion",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0017",
        "Autorizaciones",
        "La solicitud de autorización llegó sin la prescripción médica o con una imagen que no se "
        "puede leer, y no puede tramitarse.",
        "Incidencia de datos",
        "Se solicita al asegurado la prescripción firmada por el médico, con fecha, diagnóstico y "
        "prueba indicada, en un archivo legible. La autorización se tramitará al recibirla.",
        "en espera",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0018",
        "Autorizaciones",
        "En el formulario de autorizaciones de la web la prueba que le han mandado no aparece en "
        "la lista desplegable y no sabe cómo pedirla.",
        "Consulta",
        "Seleccione la opción 'Otras pruebas diagnósticas' al final de la lista y escriba el "
        "nombre exacto de la prueba tal como aparece en la prescripción; la solicitud se tramita "
        "igual.",
        "cierre",
        "",
    ),
    (
        "KB-0019",
        "Autorizaciones",
        "El asegurado quiere autorización para hacerse una prueba en una clínica que no pertenece "
        "al cuadro médico de su póliza.",
        "Consulta",
        "Solo se autorizan pruebas en centros del cuadro médico concertado. Si su modalidad "
        "incluye reembolso de gastos, puede acudir a ese centro y solicitar después el reembolso "
        "con la factura y la prescripción.",
        "cierre",
        "",
    ),
    (
        "KB-0020",
        "Autorizaciones",
        "Le han denegado una autorización y el asegurado aporta un nuevo informe de su "
        "especialista para que se reconsidere.",
        "Petición de servicio",
        "Se adjunta el nuevo informe y se reasigna a N2 Autorizaciones para su revisión por el "
        "equipo médico, que responderá en un plazo máximo de 5 días.",
        "reasignacion",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0021",
        "Autorizaciones",
        "En GesAut, al pulsar 'Imprimir volante' aparece 'Error al generar PDF: plantilla no "
        "encontrada' y no se puede entregar el volante al asegurado.",
        "Error aplicación",
        "Un supervisor debe volver a publicar la plantilla en GesAut > Administración > Plantillas "
        "> Volante de autorización > Publicar; después el volante se genera con normalidad.",
        "manual",
        "N2_AUTORIZACIONES",
    ),
    (
        "KB-0022",
        "Autorizaciones",
        "El paciente ha agotado las sesiones de rehabilitación autorizadas y necesita que le "
        "amplíen el número de sesiones de fisioterapia.",
        "Petición de servicio",
        "Para ampliar sesiones es necesario un informe de evolución del médico rehabilitador o del "
        "traumatólogo que indique cuántas sesiones adicionales precisa. Cuando lo suba al Área "
        "Cliente se tramitará la ampliación.",
        "en espera",
        "N2_AUTORIZACIONES",
    ),
    # --- Cuadro Médico ----------------------------------------------------------------------
    (
        "KB-0023",
        "Cuadro Médico",
        "Un especialista que aparece en el buscador del cuadro médico ya no pasa consulta en ese "
        "centro o se ha jubilado, y el asegurado no ha podido pedir cita.",
        "Incidencia de datos",
        "Se traslada a Cuadro Médico para dar de baja al profesional en el buscador y se indica al "
        "asegurado que busque otro especialista de la misma especialidad en su zona.",
        "reasignacion",
        "CUADRO_MEDICO",
    ),
    (
        "KB-0024",
        "Cuadro Médico",
        "El buscador de cuadro médico de la web devuelve 'No se han encontrado profesionales' al "
        "buscar por código postal, aunque hay centros cerca.",
        "Error aplicación",
        "La búsqueda por código postal exige los 5 dígitos y solo muestra centros de ese código "
        "exacto. Busque por localidad o amplíe el radio de búsqueda a 10 km para ver los centros "
        "cercanos.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0025",
        "Cuadro Médico",
        "Un centro del cuadro médico ha cobrado la consulta al asegurado diciendo que su seguro no "
        "trabaja con ellos.",
        "Incidencia de datos",
        "Se reasigna a Cuadro Médico para que contacte con el proveedor y verifique el concierto; "
        "el asegurado debe conservar la factura para que se le devuelva el importe si el cobro fue "
        "indebido.",
        "reasignacion",
        "CUADRO_MEDICO",
    ),
    (
        "KB-0026",
        "Cuadro Médico",
        "El asegurado pide una copia del cuadro médico completo de su provincia para tenerla en "
        "papel o en PDF.",
        "Petición de servicio",
        "El cuadro médico de cada provincia se puede descargar en PDF desde la web, en Cuadro "
        "médico > Descargar guía. Si lo necesita impreso, puede recogerlo en cualquier oficina de "
        "Vitalia.",
        "cierre",
        "",
    ),
    (
        "KB-0027",
        "Cuadro Médico",
        "Un asegurado que va a pasar una temporada en otra provincia pregunta si allí puede usar "
        "médicos del seguro.",
        "Consulta",
        "La cobertura del cuadro médico es nacional: puede acudir a cualquier profesional "
        "concertado de otra provincia con su tarjeta. Use el buscador seleccionando la provincia "
        "donde se encuentre.",
        "cierre",
        "",
    ),
    (
        "KB-0028",
        "Cuadro Médico",
        "Al intentar reservar cita online con un especialista desde la app, el botón 'Pedir cita' "
        "responde 'Servicio no disponible para este centro'.",
        "Error aplicación",
        "La cita online solo está disponible en los centros que tienen la agenda integrada con "
        "Vitalia. Para el resto, la cita se pide llamando al teléfono del centro que aparece en su "
        "ficha.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0029",
        "Cuadro Médico",
        "Un profesional sanitario o una clínica escribe porque quiere trabajar con la aseguradora "
        "y formar parte del cuadro médico.",
        "Consulta",
        "Las solicitudes de concertación se presentan en el Portal de Proveedores, apartado "
        "'Quiero ser proveedor', con el título, el número de colegiado y el seguro de "
        "responsabilidad civil. El equipo de Cuadro Médico responde en 30 días.",
        "cierre",
        "",
    ),
    (
        "KB-0030",
        "Cuadro Médico",
        "El asegurado pregunta qué debe hacer o a qué número llamar si tiene una urgencia médica "
        "de noche o en fin de semana.",
        "Consulta",
        "Ante una urgencia puede acudir a cualquier hospital con urgencias del cuadro médico "
        "mostrando su tarjeta, o llamar al teléfono de urgencias 24 horas que figura en el reverso "
        "de la tarjeta. En caso de riesgo vital llame al 112.",
        "cierre",
        "",
    ),
    (
        "KB-0031",
        "Cuadro Médico",
        "El asegurado quiere pedir una segunda opinión médica sobre un diagnóstico grave que le "
        "han dado.",
        "Petición de servicio",
        "Para tramitar la segunda opinión necesitamos el informe con el diagnóstico y las pruebas "
        "realizadas en formato PDF. Cuando los suba al Área Cliente se le asignará un especialista "
        "de referencia.",
        "en espera",
        "CUADRO_MEDICO",
    ),
    # --- Tarjeta Digital --------------------------------------------------------------------
    (
        "KB-0032",
        "Tarjeta Digital",
        "El asegurado no ha recibido el correo para activar su tarjeta sanitaria digital y no "
        "puede usarla en la app.",
        "Petición de servicio",
        "Se reenvía el enlace de activación de la tarjeta digital al correo y al móvil registrados "
        "en la póliza.",
        "api|reenviotarjeta",
        "APP_DIGITAL",
    ),
    (
        "KB-0033",
        "Tarjeta Digital",
        "Al pulsar el enlace del correo de activación de la tarjeta digital aparece 'El enlace ha "
        "caducado'.",
        "Error aplicación",
        "Los enlaces de activación caducan a las 48 horas. Se genera un enlace nuevo y se envía al "
        "correo y al móvil de la póliza.",
        "api|reenviotarjeta",
        "APP_DIGITAL",
    ),
    (
        "KB-0034",
        "Tarjeta Digital",
        "Un cliente que acaba de contratar la póliza no ve todavía su tarjeta en la app, aunque ya "
        "puede iniciar sesión.",
        "Consulta",
        "La tarjeta digital se genera en las 48 horas siguientes al alta de la póliza y aparecerá "
        "en App > Tarjeta; mientras tanto puede identificarse en los centros con su NIF y su "
        "número de póliza.",
        "en espera",
        "APP_DIGITAL",
    ),
    (
        "KB-0035",
        "Tarjeta Digital",
        "El botón 'Añadir a Wallet' de la tarjeta digital no hace nada o da error al guardarla en "
        "el monedero del móvil.",
        "Error aplicación",
        "La opción de Wallet requiere la versión 5.2 o superior de la app y, en iPhone, iOS 16 o "
        "posterior. Actualice la app, cierre sesión, vuelva a entrar y pulse de nuevo 'Añadir a "
        "Wallet'.",
        "cierre",
        "",
    ),
    (
        "KB-0036",
        "Tarjeta Digital",
        "En la recepción de una clínica concertada no aceptan la tarjeta digital del móvil y le "
        "exigen la tarjeta de plástico.",
        "Consulta",
        "La tarjeta digital tiene la misma validez que la física en todos los centros concertados. "
        "Si el centro no puede leerla, puede validar al asegurado en el Portal de Proveedores con "
        "el número de póliza y el NIF.",
        "cierre",
        "",
    ),
    (
        "KB-0037",
        "Tarjeta Digital",
        "El asegurado prefiere tener también la tarjeta sanitaria física y pregunta cómo "
        "conseguirla.",
        "Petición de servicio",
        "La tarjeta física se solicita en App > Tarjeta > Solicitar tarjeta física y llega por "
        "correo postal en 7 a 10 días. La primera emisión es gratuita.",
        "cierre",
        "",
    ),
    (
        "KB-0038",
        "Tarjeta Digital",
        "El titular solo ve su propia tarjeta en la app y no encuentra las tarjetas de los hijos "
        "incluidos en la póliza.",
        "Consulta",
        "Las tarjetas de los beneficiarios menores de 18 años se muestran deslizando hacia la "
        "izquierda sobre la tarjeta del titular. Los beneficiarios mayores de edad deben "
        "registrarse en la app con su propio NIF.",
        "cierre",
        "",
    ),
    (
        "KB-0039",
        "Tarjeta Digital",
        "El lector del centro médico no consigue leer el código QR de la tarjeta digital en la "
        "pantalla del móvil.",
        "Error aplicación",
        "Suba el brillo de la pantalla al máximo, desactive el modo oscuro y el filtro de luz azul "
        "y acerque el móvil a unos 15 cm del lector. Si sigue sin leerse, el centro puede teclear "
        "el número de tarjeta que aparece bajo el código.",
        "cierre",
        "",
    ),
    (
        "KB-0040",
        "Tarjeta Digital",
        "Tras pagar un recibo que tenía pendiente, la tarjeta digital sigue mostrando el aviso "
        "'Tarjeta no vigente'.",
        "Incidencia de datos",
        "Se comprueba que no quedan recibos pendientes y se reactiva la póliza, con lo que la "
        "tarjeta vuelve a estar vigente en unos minutos.",
        "api|reactivarpoliza",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0041",
        "Tarjeta Digital",
        "El asegurado ha perdido la tarjeta de plástico y quiere anularla por si alguien la usa.",
        "Petición de servicio",
        "La tarjeta física no permite hacer pagos y solo es válida junto con el documento de "
        "identidad, por lo que no hay riesgo. Puede seguir usando la tarjeta digital y pedir un "
        "duplicado en App > Tarjeta > Duplicado.",
        "cierre",
        "",
    ),
    # --- Gestión Pólizas --------------------------------------------------------------------
    (
        "KB-0042",
        "Gestión Pólizas",
        "La póliza quedó suspendida por un impago, el cliente ya ha abonado la deuda y pide que se "
        "le devuelvan las coberturas.",
        "Petición de servicio",
        "Se comprueba que no hay recibos pendientes y se reactiva la póliza con efecto inmediato; "
        "si queda deuda se informa al cliente del importe pendiente.",
        "api|reactivarpoliza",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0043",
        "Gestión Pólizas",
        "El titular quiere que los recibos se carguen a partir de ahora en otra cuenta bancaria "
        "distinta.",
        "Petición de servicio",
        "Se valida el nuevo IBAN y la identidad del titular y se actualiza la cuenta de "
        "domiciliación, que se aplica desde el siguiente recibo.",
        "api|cambioiban",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0044",
        "Gestión Pólizas",
        "El titular ha tenido un bebé y quiere incluirlo como asegurado en su póliza.",
        "Petición de servicio",
        "Se da de alta al recién nacido como beneficiario; si la solicitud llega dentro de los 30 "
        "días posteriores al nacimiento, entra sin carencias ni cuestionario de salud.",
        "api|altabeneficiario",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0045",
        "Gestión Pólizas",
        "El titular comunica que no quiere renovar y solicita dar de baja su seguro de salud.",
        "Petición de servicio",
        "Para tramitar la baja necesitamos la solicitud firmada por el titular con copia de su "
        "documento de identidad, recibida al menos un mes antes de la fecha de renovación. Puede "
        "enviarla desde Área Cliente > Documentación.",
        "en espera",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0046",
        "Gestión Pólizas",
        "El asegurado se ha mudado y quiere actualizar la dirección postal que consta en su "
        "póliza.",
        "Petición de servicio",
        "El titular puede modificar su domicilio en Área Cliente > Mis datos > Dirección; el "
        "cambio es inmediato y se usará para todos los envíos postales.",
        "cierre",
        "",
    ),
    (
        "KB-0047",
        "Gestión Pólizas",
        "Ha fallecido el titular de la póliza y un familiar incluido como beneficiario quiere "
        "mantener el seguro a su nombre.",
        "Petición de servicio",
        "El cambio de tomador por fallecimiento lo tramita Gestión de Pólizas, que pedirá el "
        "certificado de defunción y los datos del nuevo tomador; se reasigna la incidencia.",
        "reasignacion",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0048",
        "Gestión Pólizas",
        "El titular pide excluir de la póliza a uno de los beneficiarios, por ejemplo un hijo que "
        "ya tiene seguro por su empresa.",
        "Petición de servicio",
        "Tramitar en GesPol > Beneficiarios > Baja con efecto en el siguiente recibo y comunicar "
        "al titular el nuevo importe de la prima.",
        "manual",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0049",
        "Gestión Pólizas",
        "El cliente ha recibido la carta de renovación anual y se queja de que la prima del "
        "próximo año ha subido.",
        "Consulta",
        "La prima se actualiza cada año en la renovación según la edad de cada asegurado y el "
        "incremento de los costes sanitarios, como prevén las condiciones generales. La carta se "
        "envía con dos meses de antelación para que pueda revisarla.",
        "cierre",
        "",
    ),
    (
        "KB-0050",
        "Gestión Pólizas",
        "El asegurado necesita un certificado en inglés de que tiene seguro médico para tramitar "
        "un visado o un viaje de estudios.",
        "Petición de servicio",
        "El certificado de seguro en español o en inglés se descarga en Área Cliente > Documentos "
        "> Certificado de seguro, eligiendo el idioma. Incluye coberturas, vigencia y número de "
        "póliza.",
        "cierre",
        "",
    ),
    (
        "KB-0051",
        "Gestión Pólizas",
        "El cliente quiere cambiar su póliza a una modalidad superior, por ejemplo añadir dental o "
        "pasar a la de reembolso.",
        "Petición de servicio",
        "Los cambios de modalidad requieren un nuevo presupuesto y, en algunos casos, cuestionario "
        "de salud; se reasigna a Gestión de Pólizas para que un gestor contacte con el cliente.",
        "reasignacion",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0052",
        "Gestión Pólizas",
        "La fecha de nacimiento o el número de documento de un asegurado están mal registrados en "
        "la póliza.",
        "Incidencia de datos",
        "Para corregir los datos personales necesitamos una copia por ambas caras del DNI o NIE "
        "del asegurado afectado. La corrección se hará en 48 horas desde su recepción.",
        "en espera",
        "GESTION_POLIZAS",
    ),
    (
        "KB-0053",
        "Gestión Pólizas",
        "Al cliente le figura la póliza como dada de baja y asegura que nunca pidió la "
        "cancelación.",
        "Incidencia de datos",
        "Se reasigna a Gestión de Pólizas para revisar el origen de la baja y, si fue un error, "
        "rehabilitar la póliza sin pérdida de antigüedad.",
        "reasignacion",
        "GESTION_POLIZAS",
    ),
    # --- Correo -----------------------------------------------------------------------------
    (
        "KB-0054",
        "Correo",
        "Un empleado necesita permiso para ver y enviar correos desde un buzón compartido de su "
        "departamento.",
        "Petición de servicio",
        "Se concede al usuario el permiso de acceso total y 'Enviar como' sobre el buzón "
        "compartido; aparecerá en Outlook en un máximo de 60 minutos tras reiniciarlo.",
        "api|buzoncompartido",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0055",
        "Correo",
        "Outlook avisa de que el buzón ha alcanzado su límite de tamaño y ya no se pueden enviar "
        "mensajes.",
        "Error aplicación",
        "Vacíe la carpeta Elementos eliminados y active el archivado en línea desde Outlook > "
        "Archivo > Herramientas > Limpieza de buzón, moviendo al archivo los correos de más de un "
        "año. El límite del buzón principal es de 50 GB.",
        "cierre",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0056",
        "Correo",
        "Outlook muestra una y otra vez la ventana que pide usuario y contraseña aunque se "
        "introduzcan bien.",
        "Error aplicación",
        "Cierre Outlook, abra el Administrador de credenciales de Windows, elimine las "
        "credenciales que empiezan por 'MicrosoftOffice16' y vuelva a abrir Outlook iniciando "
        "sesión con su cuenta corporativa.",
        "cierre",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0057",
        "Correo",
        "Los correos enviados a un proveedor o a un dominio externo concreto vuelven con un "
        "mensaje de no entrega con el código 550 5.7.1.",
        "Error aplicación",
        "El código 550 5.7.1 indica que el servidor de destino rechaza nuestros envíos; Sistemas "
        "de Correo debe revisar la reputación y la configuración SPF/DKIM con el dominio afectado. "
        "Se reasigna.",
        "reasignacion",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0058",
        "Correo",
        "Un correo que un cliente o proveedor asegura haber enviado no llega a la bandeja de "
        "entrada y puede estar retenido por el filtro antispam.",
        "Consulta",
        "Revise el informe de cuarentena que llega cada mañana desde 'Seguridad de correo' o entre "
        "en el portal de cuarentena; seleccione el mensaje y pulse 'Liberar' para recibirlo.",
        "cierre",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0059",
        "Correo",
        "El empleado quiere poner la firma corporativa oficial en sus correos o la que usa tiene "
        "un formato antiguo.",
        "Petición de servicio",
        "Descargue la plantilla de firma desde Intranet > Comunicación > Firma corporativa y "
        "péguela en Outlook > Archivo > Opciones > Correo > Firmas, completando nombre, cargo y "
        "teléfono.",
        "cierre",
        "",
    ),
    (
        "KB-0060",
        "Correo",
        "No puede ver el calendario de un compañero para buscar huecos en las reuniones.",
        "Consulta",
        "El propietario del calendario debe compartirlo desde Outlook > Calendario > Compartir "
        "calendario, indicando su nombre y el nivel de permiso. Después usted lo añadirá con "
        "'Agregar calendario > De la libreta de direcciones'.",
        "cierre",
        "",
    ),
    (
        "KB-0061",
        "Correo",
        "Petición para incluir a una persona en una lista de distribución de correo interna.",
        "Petición de servicio",
        "Añadir al usuario en la consola de Exchange > Destinatarios > Grupos > lista indicada, "
        "tras confirmar el visto bueno del propietario de la lista.",
        "manual",
        "SISTEMAS_CORREO",
    ),
    (
        "KB-0062",
        "Correo",
        "Un empleado ha recibido un correo sospechoso que suplanta a un banco o a un servicio "
        "interno y pregunta qué hacer; no ha pulsado el enlace.",
        "Consulta",
        "No abra enlaces ni adjuntos. Use el botón 'Notificar phishing' de la barra de Outlook "
        "para que Seguridad lo analice y bórrelo después. Si hubiera introducido su contraseña, "
        "cámbiela de inmediato y avise a Seguridad.",
        "cierre",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0063",
        "Correo",
        "No sabe cómo configurar la respuesta automática de fuera de la oficina para sus "
        "vacaciones.",
        "Consulta",
        "En Outlook vaya a Archivo > Respuestas automáticas, marque 'Enviar respuestas "
        "automáticas', indique el periodo y escriba el texto para remitentes internos y externos.",
        "cierre",
        "",
    ),
    (
        "KB-0064",
        "Correo",
        "El correo corporativo dejó de sincronizarse en el móvil de empresa y no recibe mensajes "
        "nuevos en la app de Outlook.",
        "Error aplicación",
        "Abra el Portal de empresa de Intune y compruebe que el dispositivo aparece como conforme; "
        "después elimine la cuenta en la app de Outlook del móvil y vuelva a añadirla.",
        "cierre",
        "SISTEMAS_CORREO",
    ),
    # --- Accesos ----------------------------------------------------------------------------
    (
        "KB-0065",
        "Accesos",
        "El usuario no puede iniciar sesión en Windows porque su cuenta corporativa se ha "
        "bloqueado tras varios intentos fallidos.",
        "Acceso",
        "Se desbloquea la cuenta en el directorio corporativo. Si no recuerda la contraseña, puede "
        "restablecerla en el portal de autoservicio de claves.",
        "api|desbloqueousuario",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0066",
        "Accesos",
        "El empleado ha olvidado la contraseña de su cuenta corporativa y necesita una nueva para "
        "entrar.",
        "Acceso",
        "Se genera una contraseña temporal que se envía por SMS al móvil corporativo registrado; "
        "deberá cambiarla en el primer inicio de sesión.",
        "api|reseteopassword",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0067",
        "Accesos",
        "Teletrabajando, Windows indica que la contraseña ha caducado y no le deja cambiarla "
        "porque no está conectado a la red de la oficina.",
        "Acceso",
        "Cambie la contraseña en el portal de autoservicio de claves desde el navegador, conéctese "
        "a la VPN con la nueva contraseña y bloquee y desbloquee el equipo para que Windows la "
        "sincronice.",
        "cierre",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0068",
        "Accesos",
        "Un responsable pide que se preparen los accesos a aplicaciones para una persona que se "
        "incorpora al equipo.",
        "Petición de servicio",
        "Necesitamos el formulario de alta de empleado firmado por el responsable, con las "
        "aplicaciones y perfiles requeridos. Los accesos se crean en 2 días laborables desde su "
        "recepción.",
        "en espera",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0069",
        "Accesos",
        "Al realizar una operación en GesPol aparece 'No tiene autorización para realizar esta "
        "operación' porque su perfil no tiene ese permiso.",
        "Acceso",
        "La ampliación de permisos requiere la aprobación del responsable funcional de la "
        "aplicación; se reasigna a Seguridad de Accesos para su validación y la asignación del "
        "perfil.",
        "reasignacion",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0070",
        "Accesos",
        "Ha cambiado de teléfono y ya no recibe las notificaciones del segundo factor de "
        "autenticación (Authenticator), por lo que no puede acceder.",
        "Acceso",
        "Verificar la identidad del usuario por videollamada con su documento y restablecer sus "
        "métodos de autenticación en la consola de identidad, para que registre el nuevo teléfono "
        "en el siguiente inicio de sesión.",
        "manual",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0071",
        "Accesos",
        "FortiClient no consigue conectar la VPN desde casa y se queda en el 40 % con un error de "
        "tiempo de espera.",
        "Error aplicación",
        "Actualice FortiClient a la versión 7.2 desde el Centro de Software, reinicie el equipo y "
        "vuelva a conectar. Si persiste, pruebe con otra red (por ejemplo, datos móviles) para "
        "descartar bloqueos del router doméstico.",
        "cierre",
        "MICROINFORMATICA",
    ),
    (
        "KB-0072",
        "Accesos",
        "El empleado pulsó el enlace de un correo fraudulento e introdujo su usuario y contraseña "
        "en la página falsa.",
        "Acceso",
        "Se trata como incidente de seguridad: se reasigna de inmediato a Seguridad de Accesos "
        "para cerrar las sesiones activas, forzar el cambio de contraseña y revisar la actividad "
        "de la cuenta.",
        "reasignacion",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0073",
        "Accesos",
        "Al abrir una carpeta compartida de la red departamental Windows responde 'Acceso "
        "denegado'.",
        "Acceso",
        "Indique la ruta completa de la carpeta y responda a esta incidencia con la aprobación de "
        "su responsable de departamento, que es el propietario de la carpeta; con ella se "
        "asignarán los permisos.",
        "en espera",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0074",
        "Accesos",
        "Recursos Humanos comunica la salida de un empleado y pide retirar todos sus accesos en la "
        "fecha de baja.",
        "Petición de servicio",
        "Deshabilitar la cuenta en el directorio en la fecha de baja, retirar licencias y grupos, "
        "convertir su buzón en compartido para el responsable y registrar la devolución del "
        "equipo.",
        "manual",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0075",
        "Accesos",
        "El usuario de la aplicación de prestaciones SIPRE aparece como revocado tras más de 90 "
        "días sin utilizarlo.",
        "Acceso",
        "Las cuentas de SIPRE sin uso en 90 días se revocan por política de seguridad; su "
        "reactivación requiere la validación del responsable y se reasigna a Seguridad de Accesos.",
        "reasignacion",
        "SEGURIDAD_ACCESOS",
    ),
    # --- Puesto de trabajo ------------------------------------------------------------------
    (
        "KB-0076",
        "Puesto de trabajo",
        "Word y Excel muestran una barra roja con el aviso 'Producto sin licencia' y no permiten "
        "editar documentos.",
        "Error aplicación",
        "Se asigna al usuario la licencia de Microsoft 365; cierre sesión en Office, vuelva a "
        "iniciarla con su cuenta corporativa y la activación se completará en unos 30 minutos.",
        "api|licenciaoffice",
        "MICROINFORMATICA",
    ),
    (
        "KB-0077",
        "Puesto de trabajo",
        "Un empleado solicita que le instalen Visio, Project o Power BI Pro para su trabajo.",
        "Petición de servicio",
        "Se tramita la asignación de la licencia solicitada; las licencias de pago requieren la "
        "aprobación del responsable y el centro de coste.",
        "api|licenciaoffice",
        "MICROINFORMATICA",
    ),
    (
        "KB-0078",
        "Puesto de trabajo",
        "Los documentos enviados a la impresora multifunción de la planta se quedan en cola y "
        "nunca salen.",
        "Error aplicación",
        "Elimine la impresora en Configuración > Impresoras, vuelva a añadirla desde "
        "\\\\printsrv01 con el nombre que figura en la etiqueta del equipo y reenvíe el documento.",
        "cierre",
        "MICROINFORMATICA",
    ),
    (
        "KB-0079",
        "Puesto de trabajo",
        "El portátil se reinicia solo mostrando un pantallazo azul de error o ya no llega a "
        "encender.",
        "Error aplicación",
        "Se reasigna a Microinformática para diagnóstico presencial; si la reparación se alarga, "
        "se entregará un equipo de sustitución.",
        "reasignacion",
        "MICROINFORMATICA",
    ),
    (
        "KB-0080",
        "Puesto de trabajo",
        "Necesita instalar un programa que no está disponible en el Centro de Software "
        "corporativo.",
        "Petición de servicio",
        "Indique el nombre y la versión del programa, para qué lo necesita y adjunte la aprobación "
        "de su responsable; Seguridad lo evaluará antes de homologarlo e instalarlo.",
        "en espera",
        "MICROINFORMATICA",
    ),
    (
        "KB-0081",
        "Puesto de trabajo",
        "En las reuniones de Teams los demás no le oyen o no se ve su cámara, aunque el "
        "dispositivo funciona en otras aplicaciones.",
        "Error aplicación",
        "En Teams, abra Configuración > Dispositivos y seleccione el micrófono y la cámara "
        "correctos; compruebe en Windows > Privacidad que Teams tiene permiso de cámara y "
        "micrófono y reinicie Teams.",
        "cierre",
        "",
    ),
    (
        "KB-0082",
        "Puesto de trabajo",
        "Al conectar el portátil a la base de conexión (dock) el segundo monitor no se enciende o "
        "no se detecta.",
        "Error aplicación",
        "Pulse Windows+P y elija 'Extender'; si no aparece, desconecte el dock de la corriente 30 "
        "segundos y vuelva a conectarlo. Instale las actualizaciones del dock desde el Centro de "
        "Software.",
        "cierre",
        "MICROINFORMATICA",
    ),
    (
        "KB-0083",
        "Puesto de trabajo",
        "El ordenador va muy lento y avisa de que queda poco espacio en el disco C:.",
        "Error aplicación",
        "Ejecute 'Liberador de espacio en disco' para borrar archivos temporales, active 'Archivos "
        "a petición' en OneDrive y mueva las descargas antiguas a OneDrive. Reinicie el equipo al "
        "terminar.",
        "cierre",
        "",
    ),
    (
        "KB-0084",
        "Puesto de trabajo",
        "Petición de un ratón, teclado, auriculares u otro periférico porque el actual se ha roto.",
        "Petición de servicio",
        "Entregar el periférico desde el stock de la planta y registrar la entrega en el "
        "inventario a nombre del usuario.",
        "manual",
        "MICROINFORMATICA",
    ),
    (
        "KB-0085",
        "Puesto de trabajo",
        "Al empleado le han robado o ha perdido el portátil corporativo.",
        "Petición de servicio",
        "Se reasigna con prioridad a Seguridad de Accesos para el borrado remoto y el bloqueo del "
        "equipo; si fue un robo, el empleado debe presentar denuncia y enviar una copia.",
        "reasignacion",
        "SEGURIDAD_ACCESOS",
    ),
    (
        "KB-0086",
        "Puesto de trabajo",
        "El teléfono de software del puesto de atención telefónica muestra 'No registrado' y no "
        "entran llamadas.",
        "Error aplicación",
        "Cierre la aplicación del softphone, compruebe que la VPN está conectada si trabaja desde "
        "casa y vuelva a abrirla; el registro con la centralita se renueva al iniciar sesión.",
        "cierre",
        "MICROINFORMATICA",
    ),
    (
        "KB-0087",
        "Puesto de trabajo",
        "Al encender el portátil aparece la pantalla de BitLocker que pide la clave de "
        "recuperación.",
        "Acceso",
        "Verificar la identidad del usuario por teléfono y dictarle la clave de recuperación del "
        "equipo desde la consola de gestión de dispositivos; nunca enviarla por correo.",
        "manual",
        "MICROINFORMATICA",
    ),
    # --- Facturación ------------------------------------------------------------------------
    (
        "KB-0088",
        "Facturación",
        "En el extracto del banco aparece dos veces el cargo del mismo recibo mensual del seguro.",
        "Incidencia de datos",
        "Se comprueban los cargos del periodo indicado; si el cobro está duplicado se ordena la "
        "devolución del importe repetido.",
        "api|duplicadorecibo",
        "FACTURACION",
    ),
    (
        "KB-0089",
        "Facturación",
        "El asegurado necesita el certificado de las primas pagadas en un año para la declaración "
        "de la renta.",
        "Petición de servicio",
        "Se genera el certificado fiscal de primas del ejercicio solicitado y se envía al correo "
        "registrado en la póliza.",
        "api|certificadofiscal",
        "FACTURACION",
    ),
    (
        "KB-0090",
        "Facturación",
        "El banco devolvió un recibo y el cliente pregunta cómo pagarlo para no quedarse sin "
        "cobertura.",
        "Consulta",
        "Puede pagar el recibo devuelto con tarjeta en Área Cliente > Recibos > Pagar, o por "
        "transferencia indicando el número de póliza como concepto. El pago con tarjeta se refleja "
        "al momento.",
        "cierre",
        "FACTURACION",
    ),
    (
        "KB-0091",
        "Facturación",
        "Un autónomo o empresa necesita una factura o copia del recibo con sus datos fiscales para "
        "su contabilidad.",
        "Petición de servicio",
        "Los recibos se descargan en PDF con los datos fiscales del tomador en Área Cliente > "
        "Recibos > Descargar. Si los datos fiscales no son correctos, actualícelos en Mis datos "
        "antes de descargarlos.",
        "cierre",
        "FACTURACION",
    ),
    (
        "KB-0092",
        "Facturación",
        "El cliente quiere pasar a pagar la prima de forma anual o trimestral en lugar de mensual.",
        "Petición de servicio",
        "El cambio de forma de pago se aplica en la siguiente renovación y lo gestiona "
        "Facturación, que confirmará al cliente el nuevo calendario de cobros; se reasigna.",
        "reasignacion",
        "FACTURACION",
    ),
    (
        "KB-0093",
        "Facturación",
        "Un recibo mensual viene más alto que los anteriores porque incluye los copagos de "
        "consultas y pruebas del mes anterior, y el asegurado no entiende la diferencia.",
        "Consulta",
        "Los copagos de las consultas y pruebas realizadas en un mes se cargan en el recibo del "
        "mes siguiente, por eso el importe varía. El detalle de cada copago aparece en Área "
        "Cliente > Recibos > Ver detalle.",
        "cierre",
        "FACTURACION",
    ),
    # --- App Móvil --------------------------------------------------------------------------
    (
        "KB-0094",
        "App Móvil",
        "El asegurado no consigue entrar en el Área Cliente ni en la app porque no recuerda la "
        "contraseña o su acceso se ha bloqueado.",
        "Acceso",
        "Se desbloquea el acceso del asegurado y se envía un enlace para crear una nueva "
        "contraseña al correo registrado en la póliza.",
        "api|reseteoareacliente",
        "APP_DIGITAL",
    ),
    (
        "KB-0095",
        "App Móvil",
        "La app de Vitalia se cierra sola nada más abrirla en un móvil Android después de "
        "actualizarla.",
        "Error aplicación",
        "En Ajustes > Aplicaciones > Vitalia > Almacenamiento pulse 'Borrar caché' y actualice la "
        "app a la versión 5.3.1 o posterior desde Google Play. Si sigue cerrándose, desinstálela y "
        "vuelva a instalarla.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0096",
        "App Móvil",
        "Durante el registro en la app no llega el SMS con el código de verificación al móvil del "
        "asegurado.",
        "Acceso",
        "El código se envía al móvil que consta en la póliza. Confírmenos el número de móvil "
        "actual del asegurado para actualizarlo y reenviar el código.",
        "en espera",
        "APP_DIGITAL",
    ),
    (
        "KB-0097",
        "App Móvil",
        "En la videoconsulta médica de la app la pantalla se queda en negro o el médico no le ve "
        "ni le oye.",
        "Error aplicación",
        "Conceda a la app de Vitalia permiso de cámara y micrófono en los ajustes del móvil, "
        "cierre otras aplicaciones que usen la cámara y use una conexión wifi o 4G estable. Puede "
        "reconectarse desde Mis citas durante los 10 minutos siguientes.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0098",
        "App Móvil",
        "Al abrir la app aparece el mensaje 'Versión no compatible' porque el sistema operativo "
        "del móvil es demasiado antiguo.",
        "Error aplicación",
        "La app requiere Android 9 o iOS 15 como mínimo. Si su móvil no admite esas versiones, "
        "puede usar el Área Cliente desde el navegador, que ofrece las mismas funciones.",
        "cierre",
        "APP_DIGITAL",
    ),
    (
        "KB-0099",
        "App Móvil",
        "Varios usuarios informan a la vez de que la app y el Área Cliente muestran 'Error 503 - "
        "Servicio no disponible' en todas las pantallas.",
        "Error aplicación",
        "Se trata de una caída general del servicio: se reasigna a Aplicaciones Digitales para su "
        "resolución y se informa al solicitante de que se avisará cuando el servicio esté "
        "restablecido.",
        "reasignacion",
        "APP_DIGITAL",
    ),
]


def resolution_date(index: int) -> str:
    """Deterministic resolution date between 2024 and 2026 for the row at ``index``."""
    day = dt.date(2024, 2, 5) + dt.timedelta(days=index * 8 + (index * 37) % 5)
    return day.strftime("%d/%m/%Y")


def write_kb(out_dir: Path) -> Path:
    """Write the knowledge base CSV into ``out_dir`` and return its path."""
    ids = [row[0] for row in ROWS]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate KB ids in ROWS")
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir / FILE_NAME
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(HEADER)
        for index, (kb_id, comp, desc, tipo, sol, accion, buzon) in enumerate(ROWS):
            writer.writerow([kb_id, comp, desc, tipo, sol, resolution_date(index), accion, buzon])
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write PROBLEMAS_GLOBALES.csv (the knowledge base)."
    )
    parser.add_argument("--out", type=Path, default=RESOURCES, help="output directory")
    args = parser.parse_args(argv)
    output = write_kb(args.out)
    print(f"wrote {len(ROWS)} rows to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
