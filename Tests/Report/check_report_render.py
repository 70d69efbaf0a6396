#!/usr/bin/env python3
"""Renders the example's HTML report in headless Chromium and checks the pictures.

Looks at the report as a reader would: a screenshot of the first screen (as on a laptop) and
the printed pages (Chromium prints to PDF, pdftoppm turns the pages into PNG). Asserts the
pictures' sizes and a few pixels: the cover band in the report's blue on screen and not in print
(the print style drops backgrounds), white paper, dark text, the charts' colours (results bars,
the opinion map's second group) on the printed pages. The PNGs are left beside the report to
look at.

Usage: check_report_render.py REPORT.html   (skips, saying so, where Chromium is not installed)
"""
import os, shutil, struct, subprocess, sys, tempfile, zlib

report = os.path.abspath(sys.argv[1])
folder = os.path.dirname(report)
chromium = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
if chromium is None:
    print("report render: skipped, Chromium is not installed (apt-get install chromium poppler-utils)")
    sys.exit(0)


def read_png(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG, without libraries."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    offset, idat, width = 8, b"", 0
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunk = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), f"{path}: colour type {colour}, depth {depth}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        offset += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def near(colour, target, tolerance=24):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))


def count(rows, target, tolerance=24):
    return sum(1 for row in rows for pixel in row if near(pixel, target, tolerance))


BLUE, SKY, ORANGE, WHITE = (0x00, 0x72, 0xB2), (0x56, 0xB4, 0xE9), (0xE6, 0x9F, 0x00), (255, 255, 255)
flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions"]
url = "file://" + report

# The first screen, as on a laptop.
screen = os.path.join(folder, "report-screen.png")
subprocess.run([chromium, *flags, "--window-size=1280,1600", f"--screenshot={screen}", url], check=True, capture_output=True, timeout=120)
width, height, rows = read_png(screen)
check((width, height) == (1280, 1600), f"screenshot is 1280 x 1600 (got {width} x {height})")
check(near(rows[20][20], BLUE, 8), f"the cover band is the report's blue #0072B2 at (20, 20) (got {rows[20][20]})")
check(near(rows[1500][1200], WHITE, 2), f"the page is white at (1200, 1500) (got {rows[1500][1200]})")
cover_text = sum(1 for x in range(0, 900) for y in range(30, 70) if near(rows[y][x], WHITE, 30))
check(cover_text > 500, f"the title is written in white on the cover band ({cover_text} white pixels)")
ink = sum(1 for y in range(400, 1600, 2) for x in range(0, 1000, 2) if sum(rows[y][x]) < 200)
check(ink > 1000, f"dark text fills the page below the cover ({ink} dark pixels sampled)")
check(count(rows[400:1600], BLUE, 8) > 500, "the participation chart's bars are drawn")

# The printed pages.
with tempfile.TemporaryDirectory() as scratch:
    pdf = os.path.join(scratch, "report.pdf")
    subprocess.run([chromium, *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url], check=True, capture_output=True, timeout=120)
    check(os.path.getsize(pdf) > 20_000, f"the PDF was written ({os.path.getsize(pdf)} bytes)")
    for old in (f for f in os.listdir(folder) if f.startswith("report-page-")):
        os.remove(os.path.join(folder, old))
    subprocess.run(["pdftoppm", "-r", "50", "-png", pdf, os.path.join(folder, "report-page")], check=True)
pages = sorted(f for f in os.listdir(folder) if f.startswith("report-page-"))
check(len(pages) >= 6, f"the report prints on several pages ({len(pages)})")
first = read_png(os.path.join(folder, pages[0]))
ratio = first[1] / first[0]
check(abs(ratio - 11 / 8.5) < 0.02 or abs(ratio - 297 / 210) < 0.02, f"pages are Letter or A4 ({first[0]} x {first[1]})")
check(count(first[2][:80], BLUE, 8) < 50, "in print the cover band's background is dropped")
check(near(first[2][5][5], WHITE, 2), "the printed page is white paper")
everything = [read_png(os.path.join(folder, page))[2] for page in pages]
check(sum(count(rows, SKY, 10) for rows in everything) > 200, "results bars print in the palette's sky blue")
check(sum(count(rows, ORANGE, 10) for rows in everything) > 10, "the opinion map's second group prints in orange")

print(f"report render: {len(failures)} failed; pictures in {os.path.relpath(folder)}: report-screen.png, {', '.join(pages)}")
sys.exit(1 if failures else 0)
