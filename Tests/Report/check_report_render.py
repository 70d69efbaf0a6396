#!/usr/bin/env python3
"""Renders the example's HTML report in headless Chromium and checks the pictures.

Looks at the report as a reader would: a screenshot of the first screen (as on a laptop), the
whole page on a phone 390 px wide, and the printed pages (Chromium prints to PDF, pdftoppm turns
the pages into PNG). Asserts the pictures' sizes and a few pixels: the cover band in the report's
blue on screen and not in print (the print style drops backgrounds), white paper, dark text, the
charts' colours (results bars, the opinion map's second group) on the printed pages. On the phone
(Chromium driven over its DevTools pipe, as a phone draws a page: mobile viewport, two device
pixels to a CSS pixel) it measures the page too: nothing scrolls the page sideways, every chart is
drawn at no less than three quarters of its size with text of at least 11 px and bars thick enough
to see in the picture, and every table fits the column or scrolls sideways in a box of its own that
a keyboard can reach, is named, and shows by a shadow at its edge that there is more; the same
layout emulated for print keeps charts and tables within an A4 page. The PNGs are left beside the
report to look at (report-phone.png is the phone's).

Usage: check_report_render.py REPORT.html   (skips, saying so, where Chromium is not installed)
"""
import base64, json, os, select, shutil, struct, subprocess, sys, tempfile, zlib

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


def png_size(path):
    """(width, height) of a PNG, from its header alone."""
    with open(path, "rb") as file:
        header = file.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


class DevTools:
    """Chromium driven over --remote-debugging-pipe: commands in on its fd 3, replies and events out
    on its fd 4, as JSON messages each ended by a NUL. Only the standard library is needed."""

    def __init__(self, profile, timeout=60):
        to_chromium, self.outgoing = os.pipe()
        self.incoming, from_chromium = os.pipe()
        self.timeout, self.buffer, self.next_id, self.session = timeout, b"", 0, None
        self.process = subprocess.Popen(
            ["sh", "-c", f'exec "$0" "$@" 3<&{to_chromium} 4>&{from_chromium}', chromium, *flags,
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            pass_fds=(to_chromium, from_chromium), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chromium)
        os.close(from_chromium)
        page = next(target for target in self.send("Target.getTargets")["targetInfos"] if target["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def message(self):
        while b"\0" not in self.buffer:
            if not select.select([self.incoming], [], [], self.timeout)[0]:
                raise RuntimeError(f"Chromium said nothing for {self.timeout} s")
            chunk = os.read(self.incoming, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self.buffer += chunk
        text, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(text)

    def send(self, method, **params):
        self.next_id += 1
        command = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            command["sessionId"] = self.session
        os.write(self.outgoing, json.dumps(command).encode() + b"\0")
        while True:
            reply = self.message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def open(self, url, width, height, scale, mobile):
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=scale, mobile=mobile)
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        while self.message().get("method") != "Page.loadEventFired":
            pass

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"the page's measure failed: {result['exceptionDetails'].get('text')}")
        return result["result"]["value"]

    def screenshot(self, path, x, y, width, height):
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": x, "y": y, "width": width, "height": height, "scale": 1})
        with open(path, "wb") as file:
            file.write(base64.b64decode(shot["data"]))

    def close(self):
        try:
            self.send("Browser.close")
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()
            self.process.wait()
        os.close(self.outgoing)
        os.close(self.incoming)


# What a reader sees of the charts and tables, measured in the page (CSS pixels). A chart's text
# size is its font size times the scale it is drawn at; a table must stay within the page or
# within the nearest box around it that scrolls sideways.
MEASURE = r"""JSON.stringify((() => {
  const scrolls = element => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
  const charts = [...document.querySelectorAll('svg[role="img"]')].map(svg => {
    const box = svg.getBoundingClientRect(), drawn = svg.viewBox.baseVal, frame = svg.parentElement;
    const texts = [...svg.querySelectorAll("text")].map(text => text.getScreenCTM().a * parseFloat(getComputedStyle(text).fontSize));
    return { name: svg.id || (svg.getAttribute("aria-labelledby") || "").split(" ")[0].replace(/-t$/, ""),
             top: box.top + scrollY, left: box.left + scrollX, right: box.right, width: box.width, height: box.height,
             scale: box.height / (drawn && drawn.height ? drawn.height : box.height),
             text: texts.length ? Math.min(...texts) : null,
             within: box.right <= document.documentElement.clientWidth + 0.5 || scrolls(frame) };
  });
  const tables = [...document.querySelectorAll("table")].map((table, index) => {
    let frame = table.parentElement;
    while (frame !== document.body && !scrolls(frame)) frame = frame.parentElement;
    const box = table.getBoundingClientRect(), own = frame !== document.body, page = document.documentElement.clientWidth;
    const cells = [...table.querySelectorAll("th, td, caption")].map(cell => parseFloat(getComputedStyle(cell).fontSize));
    let heading = (own ? frame : table).previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    return { name: table.caption ? table.caption.textContent.trim() : (own && frame.getAttribute("aria-label")) || (heading ? heading.textContent.trim() : `table ${index + 1}`),
             width: box.width, right: box.right,
             fits: (own ? frame.getBoundingClientRect().right : box.right) <= page + 0.5,
             scrolls: own && frame.scrollWidth > frame.clientWidth + 0.5,
             reachable: own && frame.hasAttribute("tabindex") && frame.tabIndex >= 0, named: own && !!(frame.getAttribute("aria-label") || frame.getAttribute("aria-labelledby")),
             cue: own && getComputedStyle(frame).backgroundImage.includes("gradient"),
             text: Math.min(...cells) };
  });
  return { width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
           height: document.documentElement.scrollHeight, charts, tables };
})())"""


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

# On a phone: 390 CSS pixels wide, two device pixels to one, as a phone lays out and draws a page.
# Then the same page laid out for print on A4 (210 mm less the print style's 16 mm margins).
PHONE, DENSITY, A4 = 390, 2, 673
phone = os.path.join(folder, "report-phone.png")
with tempfile.TemporaryDirectory() as scratch:
    browser = DevTools(os.path.join(scratch, "profile"))
    try:
        browser.open(url, PHONE, 844, DENSITY, mobile=True)
        page = json.loads(browser.evaluate(MEASURE))
        browser.screenshot(phone, 0, 0, max(page["scrollWidth"], PHONE), page["height"])
        first_chart = page["charts"][0] if page["charts"] else None
        if first_chart:   # the first chart's picture alone, to look at its bars
            browser.screenshot(os.path.join(scratch, "chart.png"), first_chart["left"], first_chart["top"],
                               min(first_chart["width"], PHONE), first_chart["height"])
            chart_picture = read_png(os.path.join(scratch, "chart.png"))
        browser.open(url, A4, 1000, 1, mobile=False)
        browser.send("Emulation.setEmulatedMedia", media="print")
        printed = json.loads(browser.evaluate(MEASURE))
    finally:
        browser.close()


def listed(names, label):
    return f"; {label}: {', '.join(names)}" if names else ""


charts, tables = page["charts"], page["tables"]
check(page["scrollWidth"] <= PHONE, f"at {PHONE} px nothing scrolls the page sideways (the page is {page['scrollWidth']} px wide)")
check(png_size(phone) == (PHONE * DENSITY, page["height"] * DENSITY),
      f"report-phone.png is the whole page at {PHONE} px, {DENSITY} device pixels to one ({' x '.join(map(str, png_size(phone)))})")
check(len(charts) >= 4, f"the report has its charts ({len(charts)})")
least = min(charts, key=lambda c: c["scale"], default=None)
least_text = f"{least['name']} at {least['scale']:.0%}, {least['height']:.0f} px high" if least else "no chart"
shrunk = [f"{c['name']} {c['scale']:.0%}" for c in charts if c["scale"] < 0.75]
check(least and not shrunk, f"at {PHONE} px every chart is drawn at three quarters of its size or more (least: {least_text}){listed(shrunk, 'shrunk')}")
sizes = [c["text"] for c in charts if c["text"] is not None]
tiny = [f"{c['name']} {c['text']:.1f} px" for c in charts if c["text"] is not None and c["text"] < 11]
check(sizes and not tiny, f"at {PHONE} px no chart's text is under 11 px (smallest {min(sizes, default=0):.1f} px){listed(tiny, 'under')}")
outside = [c["name"] for c in charts if not c["within"]]
check(not outside, f"at {PHONE} px every chart fits the column or scrolls in its own box{listed(outside, 'not')}")
if first_chart:
    # The thickest band of rows holding the report's blue: the bars as drawn, in CSS pixels.
    thickest, run = 0, 0
    for row in chart_picture[2]:
        run = run + 1 if sum(1 for pixel in row if near(pixel, BLUE, 8)) >= 10 else 0
        thickest = max(thickest, run)
    check(thickest / DENSITY >= 10, f"at {PHONE} px the first chart's bars are at least 10 px thick in the picture ({thickest / DENSITY:.1f} px)")
overflowing = [f"{t['name']} ({t['width']:.0f} px)" for t in tables if not t["fits"]]
scrolling = [t["name"] for t in tables if t["scrolls"]]
check(tables and not overflowing, f"at {PHONE} px every table fits the column or scrolls in its own box "
      f"({len(tables)} tables, {len(scrolling)} scrolling{listed(scrolling, 'those')}){listed(overflowing, 'overflowing')}")
unmarked = [t["name"] for t in tables if t["scrolls"] and not (t["reachable"] and t["named"] and t["cue"])]
check(not unmarked, f"a table that scrolls is in a box a keyboard can reach (tabindex), named (aria-label), with a shadow at its edge{listed(unmarked, 'not')}")
table_text = min((t["text"] for t in tables), default=0)
check(table_text >= 12, f"at {PHONE} px table text is at least 12 px ({table_text:.1f} px)")
too_wide = [item["name"] for item in printed["charts"] + printed["tables"] if item["right"] > A4 + 0.5]
check(printed["scrollWidth"] <= A4 and not too_wide, f"laid out for print on A4 ({A4} px), charts and tables stay within the page{listed(too_wide, 'not')}")
print_text = min((c["text"] for c in printed["charts"] if c["text"] is not None), default=0)
check(print_text >= 9, f"laid out for print, no chart's text is under 9 px ({print_text:.1f} px)")

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

print(f"report render: {len(failures)} failed; pictures in {os.path.relpath(folder)}: report-screen.png, report-phone.png, {', '.join(pages)}")
sys.exit(1 if failures else 0)
