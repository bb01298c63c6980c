"""Render the screenshot attachments of the gold set and the demo incidents.

Reads resources/evaluacion/capturas.json ({file name: {estilo, titulo, lineas, url?}}) and writes
one PNG per entry into <out>/adjuntos/. Output is deterministic: fixed canvas size per style,
fixed colours, DejaVu fonts, no timestamps, so the same Pillow (pinned in pyproject.toml) and
the same DejaVu files give byte-identical PNGs. Without DejaVu, Pillow's default font is used;
the PNGs are then valid but differ from the committed ones.
Text is at least 18 px so Tesseract (spa+eng) reads it reliably.

Styles:
  dialogo    desktop application error dialog (Windows-like)
  navegador  browser window with address bar and a web page
  movil      phone screen of the customer app

Usage: python tools/render_capturas.py [--spec FILE] [--out DIR]   (DIR defaults to resources/)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DEFAULT_SPEC = RESOURCES / "evaluacion" / "capturas.json"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

SIZES = {"dialogo": (960, 440), "navegador": (1100, 620), "movil": (480, 860)}

WHITE = (255, 255, 255)
BLACK = (25, 25, 25)
GREY_BG = (222, 226, 230)
GREY_LINE = (170, 176, 182)
GREY_TEXT = (90, 96, 102)
BLUE = (43, 87, 154)
TEAL = (0, 110, 100)
TEAL_LIGHT = (222, 242, 239)
TEAL_DARK = (0, 70, 60)
TITLE_BAR = (240, 242, 245)
RED = (120, 0, 0)  # dark enough for Tesseract's binarisation on colour input
RED_BG = (253, 236, 238)
BUTTON_BG = (236, 238, 240)

BUTTON_ROW = re.compile(r"^\s*(\[[^\]]+\]\s*)+$")
BUTTON = re.compile(r"\[\s*(.*?)\s*\]")

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def load_font(size: int, bold: bool = False) -> Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size)
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sized default font
        return ImageFont.load_default()


def text_width(draw: ImageDraw.ImageDraw, text: str, font: Font) -> float:
    return draw.textlength(text, font=font)


def is_alert(line: str) -> bool:
    """Lines that an application would highlight: errors and all-caps notices."""
    letters = [ch for ch in line if ch.isalpha()]
    return line.startswith(("ERROR", "Error")) or (len(letters) > 3 and line == line.upper())


def draw_buttons(
    draw: ImageDraw.ImageDraw, labels: list[str], right: int, top: int, font: Font
) -> None:
    x = right
    for label in reversed(labels):
        width = int(text_width(draw, label, font)) + 40
        box = (x - width, top, x, top + 40)
        draw.rectangle(box, fill=BUTTON_BG, outline=GREY_LINE, width=2)
        draw.text((x - width + 20, top + 8), label, font=font, fill=BLACK)
        x -= width + 16


def check_fits(draw: ImageDraw.ImageDraw, name: str, line: str, font: Font, max_width: int) -> None:
    if text_width(draw, line, font) > max_width:
        raise ValueError(f"{name}: line too wide for the canvas: {line!r}")


def render_dialogo(name: str, spec: dict[str, Any]) -> Image.Image:
    width, height = SIZES["dialogo"]
    image = Image.new("RGB", (width, height), GREY_BG)
    draw = ImageDraw.Draw(image)
    title_font, body_font, bold_font = (
        load_font(20, bold=True),
        load_font(20),
        load_font(21, bold=True),
    )
    win = (30, 30, width - 30, height - 30)
    draw.rectangle(win, fill=WHITE, outline=GREY_LINE, width=2)
    draw.rectangle((win[0], win[1], win[2], win[1] + 48), fill=TITLE_BAR)
    draw.rectangle((win[0], win[1] + 48, win[2], win[1] + 51), fill=BLUE)
    draw.text((win[0] + 18, win[1] + 12), spec["titulo"], font=title_font, fill=BLACK)
    draw.text((win[2] - 36, win[1] + 11), "X", font=title_font, fill=GREY_TEXT)
    # error icon
    draw.ellipse((win[0] + 28, win[1] + 78, win[0] + 88, win[1] + 138), fill=RED)
    draw.text((win[0] + 52, win[1] + 88), "!", font=load_font(32, bold=True), fill=WHITE)
    x, y = win[0] + 112, win[1] + 76
    max_width = win[2] - x - 20
    buttons: list[str] = []
    for line in spec["lineas"]:
        if BUTTON_ROW.match(line):
            buttons = BUTTON.findall(line)
            continue
        font = bold_font if is_alert(line) else body_font
        check_fits(draw, name, line, font, max_width)
        draw.text((x, y), line, font=font, fill=RED if is_alert(line) else BLACK)
        y += 34
    if buttons:
        draw_buttons(draw, buttons, win[2] - 24, win[3] - 62, body_font)
    return image


def render_navegador(name: str, spec: dict[str, Any]) -> Image.Image:
    width, height = SIZES["navegador"]
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    body_font, bold_font = load_font(20), load_font(20, bold=True)
    # browser chrome: tab strip and address bar
    draw.rectangle((0, 0, width, 96), fill=GREY_BG)
    draw.rectangle((12, 10, 360, 46), fill=WHITE, outline=GREY_LINE)
    draw.text((24, 17), "Vitalia", font=load_font(18), fill=GREY_TEXT)
    draw.rectangle((12, 54, width - 12, 88), fill=WHITE, outline=GREY_LINE)
    draw.text(
        (24, 60),
        spec.get("url", "https://clientes.vitalia.example.com"),
        font=load_font(18),
        fill=GREY_TEXT,
    )
    # page header
    draw.rectangle((0, 96, width, 160), fill=TEAL_LIGHT)
    draw.rectangle((0, 156, width, 160), fill=TEAL)
    draw.text((36, 114), spec["titulo"], font=load_font(24, bold=True), fill=TEAL_DARK)
    x, y = 48, 192
    max_width = width - 2 * x
    buttons: list[str] = []
    for line in spec["lineas"]:
        if BUTTON_ROW.match(line):
            buttons = BUTTON.findall(line)
            continue
        alert = is_alert(line)
        font = bold_font if alert else body_font
        check_fits(draw, name, line, font, max_width - 24)
        if alert:
            draw.rectangle((x - 12, y - 8, width - x + 12, y + 32), fill=RED_BG, outline=RED)
        draw.text((x, y), line, font=font, fill=RED if alert else BLACK)
        y += 50 if alert else 42
    if buttons:
        draw_buttons(draw, buttons, width - 48, height - 76, body_font)
    return image


def render_movil(name: str, spec: dict[str, Any]) -> Image.Image:
    width, height = SIZES["movil"]
    image = Image.new("RGB", (width, height), GREY_BG)
    draw = ImageDraw.Draw(image)
    body_font, bold_font = load_font(20), load_font(24, bold=True)
    draw.rounded_rectangle((20, 10, width - 20, height - 10), radius=40, fill=(34, 34, 34))
    screen = (36, 60, width - 36, height - 60)
    draw.rectangle(screen, fill=WHITE)
    draw.text((screen[0] + 14, screen[1] + 6), "12:30", font=load_font(16), fill=GREY_TEXT)
    draw.rectangle((screen[0], screen[1] + 32, screen[2], screen[1] + 96), fill=TEAL_LIGHT)
    draw.rectangle((screen[0], screen[1] + 92, screen[2], screen[1] + 96), fill=TEAL)
    draw.text(
        (screen[0] + 20, screen[1] + 49),
        spec["titulo"],
        font=load_font(24, bold=True),
        fill=TEAL_DARK,
    )
    center = (screen[0] + screen[2]) // 2
    y = screen[1] + 150
    max_width = screen[2] - screen[0] - 32
    buttons: list[str] = []
    for line in spec["lineas"]:
        if BUTTON_ROW.match(line):
            buttons = BUTTON.findall(line)
            continue
        alert = is_alert(line)
        font = bold_font if alert else body_font
        check_fits(draw, name, line, font, max_width)
        line_width = text_width(draw, line, font)
        draw.text((center - line_width / 2, y), line, font=font, fill=RED if alert else BLACK)
        y += 48 if alert else 36
    if buttons:
        label = buttons[0]
        box = (screen[0] + 40, screen[3] - 110, screen[2] - 40, screen[3] - 56)
        draw.rounded_rectangle(box, radius=12, fill=TEAL)
        label_width = text_width(draw, label, body_font)
        draw.text((center - label_width / 2, box[1] + 15), label, font=body_font, fill=WHITE)
    return image


RENDERERS = {"dialogo": render_dialogo, "navegador": render_navegador, "movil": render_movil}


def render_all(spec_path: Path, out_dir: Path) -> list[Path]:
    """Render every spec of ``spec_path`` into ``out_dir`` (the attachments folder itself)."""
    specs = json.loads(spec_path.read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, spec in sorted(specs.items()):
        renderer = RENDERERS.get(spec.get("estilo", ""))
        if renderer is None:
            raise ValueError(f"{name}: unknown estilo {spec.get('estilo')!r}")
        target = out_dir / name
        renderer(name, spec).save(target, format="PNG", optimize=False)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the screenshot attachments.")
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="capturas.json to read")
    parser.add_argument("--out", type=Path, default=RESOURCES, help="writes <out>/adjuntos/")
    args = parser.parse_args(argv)
    written = render_all(args.spec, args.out / "adjuntos")
    print(f"rendered {len(written)} screenshots into {args.out / 'adjuntos'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
