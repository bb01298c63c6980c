import io
import json
import logging

import structlog

from observability.logging import bind_run, configure_logging, incident_scope


def _lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_json_lines_carry_context_and_are_redacted() -> None:
    stream = io.StringIO()  # not a terminal -> JSON
    configure_logging("INFO", "auto", stream=stream, force=True)
    structlog.contextvars.clear_contextvars()
    run_id = bind_run()
    log = structlog.get_logger("test")
    with incident_scope("INC000123"):
        log.info("incident.received", solicitante="ana@example.com", texto="DNI 12345678Z")
        logging.getLogger("thirdparty").warning("llamar al 612345678")  # plain stdlib logger
    log.info("run.done")
    first, second, third = _lines(stream)
    assert first["event"] == "incident.received"
    assert first["run_id"] == run_id and first["incident_id"] == "INC000123"
    assert first["solicitante"] == "[EMAIL]" and first["texto"] == "DNI [NIF]"
    assert first["level"] == "info" and "timestamp" in first
    assert second["event"] == "llamar al [TELEFONO]" and second["incident_id"] == "INC000123"
    assert "incident_id" not in third and third["run_id"] == run_id
    structlog.contextvars.clear_contextvars()


def test_exceptions_are_rendered_in_json() -> None:
    stream = io.StringIO()
    configure_logging("INFO", "json", stream=stream, force=True)
    try:
        raise ValueError("póliza 12345678 de pepe@example.com")
    except ValueError:
        structlog.get_logger("t").exception("boom")
    (line,) = _lines(stream)
    assert "ValueError" in line["exception"]
    assert "pepe@example.com" not in json.dumps(line)


def test_configure_is_once_per_process_unless_forced() -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging("INFO", "json", stream=first, force=True)
    configure_logging("INFO", "json", stream=second)
    structlog.get_logger("t").info("hello")
    assert first.getvalue() and not second.getvalue()
