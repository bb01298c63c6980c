"""Check that the committed data is exactly what the generators produce, then validate it.

Runs every generator into a temporary folder (never into the repository), compares each output
byte for byte with its committed copy under resources/, lists every file that differs, is
missing or is extra, and then runs check_data.py on resources/. Exits 1 when anything failed.

Compared byte for byte: PROBLEMAS_GLOBALES.csv, polizas.json, incidencias_demo.json,
evaluacion/gold_dev.json, evaluacion/gold_test.json, evaluacion/gold_test2.json,
evaluacion/gold_test3.json, evaluacion/gold_test4.json, evaluacion/gold_test5.json,
evaluacion/gold_test6.json, evaluacion/gold_test7.json, evaluacion/gold_test8.json,
evaluacion/gold_test9.json, evaluacion/gold_demo.json, evaluacion/capturas.json (the text of
every screenshot) and adjuntos/*.png. The PNGs are byte-identical only with the pinned Pillow
and the DejaVu fonts (Debian/Ubuntu package fonts-dejavu-core); without those fonts the renderer
falls back to Pillow's default font, so the PNGs are then skipped with a notice instead of
reported as different, and only the screenshot text (capturas.json) and the file list are held
to the committed data.

Usage: python tools/check_generated.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import check_data
from render_capturas import FONT_DIR

TOOLS = Path(__file__).resolve().parent
RESOURCES = TOOLS.parent / "resources"
GENERATED = [
    "PROBLEMAS_GLOBALES.csv",
    "polizas.json",
    "incidencias_demo.json",
    "evaluacion/gold_dev.json",
    "evaluacion/gold_test.json",
    "evaluacion/gold_test2.json",
    "evaluacion/gold_test3.json",
    "evaluacion/gold_test4.json",
    "evaluacion/gold_test5.json",
    "evaluacion/gold_test6.json",
    "evaluacion/gold_test7.json",
    "evaluacion/gold_test8.json",
    "evaluacion/gold_test9.json",
    "evaluacion/gold_demo.json",
    "evaluacion/capturas.json",
]
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def regenerate(out: Path) -> None:
    """Run every generator into ``out``; the screenshots are rendered from the new specs."""
    # No bytecode caches: the generators import each other and domain/, and a check must not
    # write into the repository.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    independent = ["generate_kb.py", "generate_polizas.py", "generate_incidencias.py"]
    running = [
        subprocess.Popen(
            [sys.executable, str(TOOLS / name), "--out", str(out)],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for name in independent
    ]
    failed = [name for name, proc in zip(independent, running, strict=True) if proc.wait() != 0]
    if failed:
        raise SystemExit(f"generator(s) failed: {', '.join(failed)}")
    spec = out / "evaluacion" / "capturas.json"
    render = [sys.executable, str(TOOLS / "render_capturas.py"), "--spec", str(spec)]
    subprocess.run([*render, "--out", str(out)], env=env, stdout=subprocess.DEVNULL, check=True)


def first_different_line(new: Path, old: Path) -> int:
    """1-based number of the first line that differs (the text files are small)."""
    new_lines = new.read_bytes().splitlines(keepends=True)
    old_lines = old.read_bytes().splitlines(keepends=True)
    for number, (a, b) in enumerate(zip(new_lines, old_lines, strict=False), start=1):
        if a != b:
            return number
    return min(len(new_lines), len(old_lines)) + 1


def differences(out: Path, *, compare_png: bool) -> list[str]:
    """Relative paths whose regenerated content differs from resources/, with the reason."""
    problems = []
    for name in GENERATED:
        if not (RESOURCES / name).is_file():
            problems.append(f"{name}: generated but not committed")
        elif (out / name).read_bytes() != (RESOURCES / name).read_bytes():
            line = first_different_line(out / name, RESOURCES / name)
            problems.append(f"{name}: differs from the generator's output from line {line}")
    rendered = {p.name for p in (out / "adjuntos").glob("*.png")}
    committed = {p.name for p in (RESOURCES / "adjuntos").glob("*.png")}
    problems += [f"adjuntos/{n}: rendered but not committed" for n in sorted(rendered - committed)]
    problems += [
        f"adjuntos/{n}: committed but no spec renders it" for n in sorted(committed - rendered)
    ]
    if compare_png:
        for name in sorted(rendered & committed):
            new, old = out / "adjuntos" / name, RESOURCES / "adjuntos" / name
            if new.read_bytes() != old.read_bytes():
                problems.append(f"adjuntos/{name}: differs from the rendered screenshot")
    return problems


def main() -> int:
    started = time.monotonic()
    compare_png = all((FONT_DIR / font).is_file() for font in FONTS)
    with tempfile.TemporaryDirectory(prefix="resolvia-data-") as tmp:
        out = Path(tmp)
        regenerate(out)
        problems = differences(out, compare_png=compare_png)
    if not compare_png:
        print(f"notice: no DejaVu fonts in {FONT_DIR}; PNG bytes not compared")
    if problems:
        print(f"{len(problems)} generated file(s) differ from resources/:")
        for problem in problems:
            print(f"  - {problem}")
        print("Edit the generator in tools/, rerun it, and commit its output.")
    else:
        print(f"generated data matches resources/ ({time.monotonic() - started:.1f} s)")
    valid = check_data.main(["--resources", str(RESOURCES)]) == 0
    return 0 if valid and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
