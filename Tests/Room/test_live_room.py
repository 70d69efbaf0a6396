#!/usr/bin/env python3
"""The live room in a real browser: the example session examples/live-room.chr, run by the shell,
with three phones and a wall in Debian's Chromium driven by Playwright.

The shell runs the example as a facilitator would (on a free loopback port instead of the local
network) and this test presses Enter at each of its "Press Enter" prompts. Meanwhile three phones,
390 px wide, take part: @amira by her personal link, @kim walking in with the room code (and back
in on a second phone with her rejoin code), @jon by his link with scripts turned off. They send
ideas, sort the cards (amira by tapping an idea and then its group), react to every statement and
cast a ranked ballot, checking its receipt; the wall, open on a projector-sized page, follows
without being reloaded. Once the vote is closed and revealed, the result the wall and the phones
show is the shell's `vote results` for the same ballots. Every page is checked with axe-core (no
serious or critical violation) and photographed at 390 px into outcome/room/, to look at.

Usage: test_live_room.py CHARRETTE   (skips, saying so, where Chromium or Playwright is missing)
"""
import faulthandler, json, os, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell_session import ShellSession, free_port

charrette = os.path.abspath(sys.argv[1])
# A hang says where it is stuck rather than waiting for a timeout from outside.
faulthandler.dump_traceback_later(240, exit=True)
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
try:
    from playwright.sync_api import sync_playwright
    from axe_playwright_python.sync_playwright import Axe
except ImportError:
    chromium = None
if chromium is None:
    print("live room: skipped, Chromium or Playwright is missing (scripts/setup --render installs them)")
    sys.exit(0)

shots = os.path.join(root, "outcome", "room")
os.makedirs(shots, exist_ok=True)
work = tempfile.mkdtemp(prefix="charrette-room-")
port = free_port()

# The example as it is, served on this machine only, on the free port.
script = open(os.path.join(root, "examples", "live-room.chr"), encoding="utf-8").read()
assert "room open --host 0.0.0.0" in script
open(os.path.join(work, "live-room.chr"), "w", encoding="utf-8").write(script.replace("room open --host 0.0.0.0", f"room open --port {port}"))
shutil.copy(os.path.join(root, "examples", "population.csv"), work)
os.makedirs(os.path.join(work, "outcome"))

shell = ShellSession([charrette, "--no-init", "--as", "sam", "--db", "outcome/live.sqlite", "live-room.chr"], work)

address = shell.wait_for(r"the room is open at (http://127\.0\.0\.1:\d+)").group(1)
code = shell.wait_for(r"with the room code ([0-9A-Z]+)").group(1)
shell.wait_for("Press Enter when the ideas are in")
links = dict(line.strip().split(",", 1) for line in open(os.path.join(work, "outcome", "live-room-links.csv"), encoding="utf-8").readlines()[1:])
assert set(links) == {"amira", "jon", "lena"}, links

axe = Axe()
checked_pages = []


def accessible(page, name):
    """No serious or critical axe-core violation on `page`, and its picture at 390 px."""
    result = axe.run(page)
    bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(bad)
    page.screenshot(path=os.path.join(shots, f"{name}.png"), full_page=True)
    checked_pages.append(name)


def terminal_qr_image(printed, scale=4, margin=4):
    """The QR code the shell drew (light modules as blocks, two rows per character: see
    QRCode.terminalText) as a plain PBM image, dark modules black."""
    rows = [line.rstrip("\r") for line in printed.split("\n") if len(line.strip("\r")) > 20 and set(line.strip("\r")) <= set("█▀▄ ")]
    assert rows, "the shell drew no QR code:\n" + printed[-2000:]
    width = max(len(row) for row in rows)
    modules = []
    for row in rows:
        row = row.ljust(width, " ")
        modules.append([c not in "█▀" for c in row])  # top half: dark unless lit
        modules.append([c not in "█▄" for c in row])  # bottom half
    modules = modules[:width]  # an odd size leaves the last half row outside the code
    size = width + 2 * margin
    bits = [[False] * size for _ in range(margin)] + [[False] * margin + line + [False] * margin for line in modules] + [[False] * size for _ in range(margin)]
    lines = []
    for line in bits:
        for _ in range(scale):
            lines.append(" ".join("1" if dark else "0" for dark in line for _ in range(scale)))
    return f"P1\n{size * scale} {len(bits) * scale}\n" + "\n".join(lines) + "\n"


def step(name):
    print(f"live room: {name} done", flush=True)


def notice(page):
    return page.locator(".notice:not(#updated)").first.inner_text()


try:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        phone = dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="en-GB")
        wall = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        wall.set_default_timeout(10000)
        wall.goto(address + "/wall")
        wall.evaluate("window.notReloaded = true")
        assert wall.locator(".card").count() == 2
        # The QR codes read as the join address: the wall's, photographed as a phone's camera would
        # see it, and the one the shell drew in the terminal, turned back into an image.
        zbarimg = shutil.which("zbarimg")
        if zbarimg:
            def decoded(path):
                read = subprocess.run([zbarimg, "--quiet", "--raw", path], capture_output=True, text=True)
                return read.stdout.strip() if read.returncode == 0 else f"nothing read: {read.stderr.strip()}"

            wall.locator(".qr").screenshot(path=os.path.join(shots, "0-wall-qr.png"))
            assert decoded(os.path.join(shots, "0-wall-qr.png")) == address
            terminal_qr = os.path.join(work, "terminal-qr.pbm")
            open(terminal_qr, "w").write(terminal_qr_image(shell.output()))
            assert decoded(terminal_qr) == address
        else:
            print("live room: the QR codes were not decoded, zbarimg is missing (scripts/setup --render installs it)")

        def phone_page(**options):
            page = browser.new_context(**phone, **options).new_page()
            page.set_default_timeout(10000)
            return page

        amira = phone_page()
        amira.goto(links["amira"])
        assert amira.url == address + "/", amira.url  # the secret left the address bar
        jon = phone_page(java_script_enabled=False)
        jon.goto(links["jon"])

        kim = phone_page()
        kim.goto(address + "/join")
        accessible(kim, "1-join")
        kim.fill("#room-code", code.lower()[:3] + "-" + code.lower()[3:])
        kim.fill("#handle", "kim")
        kim.select_option("#q0", "west")
        kim.check("#counted")
        kim.check("#agree")
        kim.get_by_role("button", name="Join", exact=True).click()
        assert "Welcome!" in notice(kim), notice(kim)
        kim.click("summary")
        rejoin = kim.locator(".rejoin .code").inner_text()
        assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", rejoin), rejoin

        step("joined")
        # Ideas: each phone sends one; the wall shows each without reloading.
        ideas = {amira: "Buses every 10 minutes right after school", kim: "Night buses on Friday and Saturday", jon: "A cheaper monthly pass for students"}
        for count, (page, text) in enumerate(ideas.items(), start=3):
            page.fill("#idea-text", text)
            page.get_by_role("button", name="Send my idea", exact=True).click()
            assert notice(page) == "Your idea was received.", notice(page)
            wall.locator(".card", has_text=text).wait_for(timeout=5000)
            assert wall.locator(".card").count() == count
        assert wall.evaluate("window.notReloaded === true"), "the wall was reloaded"
        accessible(amira, "2-ideas")
        # A borrowed phone: kim's rejoin code brings her back as herself.
        borrowed = phone_page()
        borrowed.goto(address + "/")
        borrowed.fill("#rejoin-code", rejoin.lower())
        borrowed.get_by_role("button", name="Get back in", exact=True).click()
        assert "@kim" in borrowed.locator(".who").inner_text()
        assert "Night buses on Friday and Saturday" in borrowed.locator(".ideas").inner_text()
        shell.press_enter()
        shell.wait_for("Press Enter when the sorts are in")

        step("ideas")
        # Card sorts: amira taps an idea, then its group; jon, without scripts, types the names.
        amira.goto(address + "/")
        assert amira.locator(".group-chips").is_visible()
        rows = amira.locator(".sort-idea")
        assert rows.count() == 5
        for index in range(5):
            rows.nth(index).locator("label").click()
            amira.locator(".group-chip", has_text="Safety" if index == 1 else "Cost").click()
        accessible(amira, "3-card-sort")
        amira.get_by_role("button", name="Hand in my sort", exact=True).click()
        assert notice(amira).startswith("Your card sort was saved"), notice(amira)
        jon.goto(address + "/")
        assert not jon.locator(".group-chips").is_visible()
        for index, box in enumerate(jon.locator(".sort-idea input").all()):
            box.fill("Safety" if index == 1 else "Money")
        jon.get_by_role("button", name="Hand in my sort", exact=True).click()
        assert notice(jon).startswith("Your card sort was saved"), notice(jon)
        shell.press_enter()
        sorted_by = shell.wait_for(r"^@(amira|jon) ")
        assert sorted_by.group(1) == "amira"
        shell.wait_for("Press Enter to close the reactions")

        step("card sorts")
        # Reactions: every phone reacts to every statement, one at a time.
        for page, choices in ((amira, ["Agree"]), (kim, ["Agree", "Disagree"]), (jon, ["Pass", "Agree"])):
            page.goto(address + "/")
            for turn in range(5):
                page.get_by_role("button", name=choices[turn % len(choices)], exact=True).click()
                assert notice(page) == "Your reaction was saved.", notice(page)
                if turn == 0 and page is kim:
                    accessible(kim, "4-reactions")
            assert "You have reacted to every statement" in page.content()
        wall.locator("#wall-votes", has_text="3 have voted").wait_for(timeout=5000)
        shell.press_enter()
        shell.wait_for("Press Enter to close the vote")

        step("reactions")
        # A ranked ballot from each phone: ranks by number, ties allowed.
        rankings = {amira: [1, 2, 3, 4, 5], kim: [2, 1, 1, 3, None], jon: [3, 1, 2, None, None]}
        receipts = {}
        for page, ranks in rankings.items():
            page.goto(address + "/")
            selects = page.locator("form[action$='/ballot'] select")
            assert selects.count() == 5
            for index, rank in enumerate(ranks):
                selects.nth(index).select_option("" if rank is None else str(rank))
            page.get_by_role("button", name="Cast my ballot", exact=True).click()
            assert notice(page).startswith("Your ballot was saved."), notice(page)
            receipts[page] = page.locator(".notice:not(#updated) a").get_attribute("href")
        accessible(kim, "5-ballot")
        amira.goto(address + receipts[amira])
        assert "This ballot is counted in Final choice" in amira.content()
        accessible(amira, "6-receipt")
        wall.locator("#wall-votes", has_text="3 have voted").wait_for(timeout=5000)
        amira.goto(address + "/")
        shell.press_enter()
        shell.wait_for("the results of 'Final choice' are shown")
        shell.wait_for("Press Enter to end the session")

        step("ballots")
        # Revealed: the wall shows the result without reloading, and so does every phone.
        wall.locator("#results").wait_for(timeout=5000)
        assert wall.evaluate("window.notReloaded === true"), "the wall was reloaded"
        wall.screenshot(path=os.path.join(shots, "7-wall.png"))
        shown = json.loads(wall.evaluate("fetch('/api/wall').then(r => r.text())"))["results"]
        assert [result["title"] for result in shown] == ["Final choice"], shown
        # A phone with scripts says the room moved on, without redrawing; its link shows the result.
        amira.locator("#updated").wait_for(state="visible", timeout=5000)
        assert not amira.locator("#results").is_visible()
        amira.get_by_role("link", name="Show what is new").click()
        assert amira.locator("#results").is_visible()
        jon.goto(address + "/")
        assert jon.locator("#results").is_visible()
        accessible(amira, "8-results")  # axe-core runs as a script: on a page that runs them
        jon.screenshot(path=os.path.join(shots, "9-results-without-scripts.png"), full_page=True)
        browser.close()

    shell.press_enter()
    assert shell.finish() == 0, shell.output()

    # The facilitator's count equals what the room showed.
    counted = json.loads(subprocess.run(
        [charrette, "--no-init", "--db", "outcome/live.sqlite", "-c", 'vote results "Final choice" | to json'],
        cwd=work, check=True, capture_output=True, text=True).stdout)
    assert counted["voters"] == 3 == shown[0]["voters"], (counted, shown)
    order = [[f"#{idea['id']}" for idea in place["ideas"]] for place in shown[0]["places"]]
    assert counted["ranking"] == order, (counted, order)
    verified = subprocess.run([charrette, "--no-init", "--db", "outcome/live.sqlite", "-c", "journal verify"], cwd=work, capture_output=True, text=True)
    assert verified.returncode == 0 and "intact   true" in verified.stdout, verified.stdout
    print(f"live room: 3 phones and a wall took the example session through; {len(checked_pages)} pages passed axe-core; pictures in outcome/room/")
finally:
    shell.stop()
    shutil.rmtree(work, ignore_errors=True)
