#!/usr/bin/env python3
"""Drives the charrette shell through a real pseudo-terminal, as a person at the keyboard would.

Checks tab completion of a command and of an @handle, a multi-line block, Ctrl-C cancelling a
line without leaving, and history recalled after a restart. Usage: test_shell.py CHARRETTE_BINARY
"""
import os, pty, re, select, shutil, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1])
home = tempfile.mkdtemp(prefix="charrette-pty-")
db = os.path.join(home, "workspace.sqlite")
env = dict(os.environ, HOME=home, CHARRETTE_HISTORY=os.path.join(home, "history"), TERM="xterm", LC_ALL="C.UTF-8")
env.pop("NO_COLOR", None)

subprocess.run([binary, "--no-init", "--db", db, "-c", """
board add youth
participant add amira --board youth
participant add amadou --board youth
consultation open "Bus fares" --question "What would make buses work for you?"
"""], check=True, env=env)

passed, failed = 0, 0
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r|\x07")


class Shell:
    def __init__(self):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "--no-init", "--db", db], env)
        self.screen = ""

    def read(self, timeout=0.5):
        end = time.time() + timeout
        while time.time() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(self.fd, 4096)
                except OSError:
                    return
                if not data:
                    return
                self.screen += data.decode("utf-8", "replace")

    def wait_for(self, text, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            if text in ANSI.sub("", self.screen):
                return True
            self.read(0.1)
        return False

    def send(self, keys):
        os.write(self.fd, keys.encode())
        self.read(0.3)

    def mark(self):
        self.screen = ""

    def close(self):
        try:
            os.write(self.fd, b"\x04")
            os.waitpid(self.pid, 0)
        except OSError:
            pass


def check(name, condition, shell):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok: {name}")
    else:
        failed += 1
        print(f"FAILED: {name}\n--- screen ---\n{ANSI.sub('', shell.screen)[-800:]}\n---")


shell = Shell()
check("the first prompt appears", shell.wait_for("charrette> "), shell)

# libedit redraws only what changed, so the screen is checked by what the completed line does.
shell.mark()
shell.send("ide\t")
shell.send(" add \"Cycle lanes\" --by @amir\t")
shell.send("\r")
shell.mark()
shell.send("ideas | get author | first\r")
check("Tab completed 'ide' to 'idea' and '@amir' to '@amira'", shell.wait_for("@amira"), shell)

shell.mark()
shell.send("for n in [1, 2] {\r")
check("an open block gives the continuation prompt", shell.wait_for("..> "), shell)
shell.send("say \"round {$n}\"\r}\r")
check("the multi-line block ran", shell.wait_for("round 1") and shell.wait_for("round 2"), shell)

shell.mark()
shell.send("this line is never run")
shell.send("\x03")
shell.send("say still here\r")
check("Ctrl-C cancels the line and the shell stays", shell.wait_for("still here") and "never run" not in ANSI.sub("", shell.screen).split("^C")[-1], shell)
shell.close()

restarted = Shell()
restarted.wait_for("charrette> ")
restarted.mark()
restarted.send("\x1b[A")
check("history is recalled after a restart", restarted.wait_for("say still here"), restarted)
restarted.mark()
restarted.send("\r")
check("the recalled line runs", restarted.wait_for("still here"), restarted)
restarted.close()

shutil.rmtree(home, ignore_errors=True)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
