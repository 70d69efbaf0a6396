#!/usr/bin/env python3
"""The live room's JSON API against its OpenAPI document, with Schemathesis.

The shell opens a room on a free loopback port (a consultation taking ideas, walk-ins on, a
personal link for @amira) and waits; this test opens a session with amira's link through the API,
then lets Schemathesis call every operation of docs/api/openapi.yaml with generated inputs, as
amira: no response may be a server error, and every status, content type and body must be what
the document says. Afterwards the journal still verifies.

Usage: test_api.py CHARRETTE   (skips, saying so, where Schemathesis is missing)
"""
import json, os, re, shutil, subprocess, sys, tempfile, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shell_session import ShellSession, free_port

charrette = os.path.abspath(sys.argv[1])
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schemathesis = shutil.which("schemathesis") or shutil.which("st")
if schemathesis is None:
    print("room API: skipped, Schemathesis is missing (scripts/setup --render installs it)")
    sys.exit(0)

work = tempfile.mkdtemp(prefix="charrette-api-")
port = free_port()
open(os.path.join(work, "room.chr"), "w").write(f"""
participant add sam --role facilitator
participant add amira
participant add jon
consultation open "Night buses" --question "What would make night buses work for you?"
idea add "Later last bus" --by jon
idea add "Safer stops" --by jon
room open --port {port}
room walk-ins on --code K7QM2X
room moderation on
let link = (room invite @amira)
say "link {{$link}}"
let desk = (room invite @sam)
say "desk {{$desk}}"
ask "Press Enter to close the room"
room close
""")
shell = ShellSession([charrette, "--no-init", "--as", "sam", "--db", "api.sqlite", "room.chr"], work)

try:
    link = shell.wait_for(r"^link (http://\S+/join/(\S+))").group(2)
    desk = shell.wait_for(r"^desk (http://\S+/join/(\S+))").group(2)
    shell.wait_for("Press Enter to close the room")
    base = f"http://127.0.0.1:{port}"

    def session_for(code, handle):
        request = urllib.request.Request(base + "/api/sessions", data=json.dumps({"code": code}).encode(), headers={"Content-Type": "application/json"})
        session = json.load(urllib.request.urlopen(request))
        assert session["handle"] == handle, session
        return session["token"]

    def schemathesis_run(token, *only):
        run = subprocess.run(
            [schemathesis, "run", os.path.join(root, "docs", "api", "openapi.yaml"), "--url", base,
             "--header", f"Authorization: Bearer {token}", *only,
             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
             "--phases", "examples,coverage,fuzzing", "--max-examples", "25", "--seed", "2026", "--request-timeout", "10"],
            cwd=work, capture_output=True, text=True, timeout=600)  # its cache stays out of the checkout
        print(run.stdout[run.stdout.rfind("SUMMARY"):][-1500:])
        assert run.returncode == 0, "Schemathesis found responses the document does not describe:\n" + run.stdout[-8000:] + run.stderr[-2000:]

    # Every call as a participant (the facilitator's are refused with 403), then the facilitator's
    # calls as the facilitator: held ideas, approving, hiding, results shown, the step.
    # Both sessions first: the fuzzing of /api/sessions spends this address's attempts.
    participant, facilitator = session_for(link, "amira"), session_for(desk, "sam")
    schemathesis_run(participant)
    schemathesis_run(facilitator, "--include-tag", "facilitator")
    shell.press_enter()
    assert shell.finish() == 0, shell.output()
    verified = subprocess.run([charrette, "--no-init", "--db", "api.sqlite", "-c", "journal verify"], cwd=work, capture_output=True, text=True)
    assert verified.returncode == 0 and "intact   true" in verified.stdout, verified.stdout
    print("room API: every operation of docs/api/openapi.yaml answered as documented; the journal verifies")
finally:
    shell.stop()
    shutil.rmtree(work, ignore_errors=True)
