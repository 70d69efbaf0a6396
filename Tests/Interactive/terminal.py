"""A charrette shell at a real pseudo-terminal, for the interactive tests.

Every check reads what the program printed, never only the terminal's echo of what was typed (an
echo shows even when the program has died): commands print values that differ from what is typed
(`say (6 * 7)` prints 42), and `alive()` asks the kernel whether the process still runs.
"""
import os, pty, re, select, signal, subprocess, time

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\r|\x07")


class Terminal:
    def __init__(self, binary, db, env):
        self.binary, self.db, self.env = binary, db, env
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "--no-init", "--db", db], env)
        self.raw = b""
        self.status = None

    def read(self, timeout=0.5):
        end = time.time() + timeout
        while time.time() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return
                if not data:
                    return
                self.raw += data

    @property
    def screen(self):
        return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, text, timeout=10.0):
        end = time.time() + timeout
        while time.time() < end:
            if text in self.screen:
                return True
            self.read(0.1)
        return text in self.screen

    def send(self, keys, settle=0.3):
        os.write(self.fd, keys.encode())
        self.read(settle)

    def mark(self):
        self.raw = b""

    def alive(self):
        if self.status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.status = status
        return False

    def shows(self, command, expected, timeout=10.0):
        """Runs a command and waits for `expected` in what follows it."""
        self.mark()
        self.send(command + "\r")
        return self.wait_for(expected, timeout)

    def answers(self, a, b):
        """Sends `say (A * B)` and waits for the product, which only the program can print."""
        self.mark()
        self.send(f"say ({a} * {b})\r")
        return self.wait_for(f"\n{a * b}") and self.alive()

    def exit_code(self, timeout=10.0):
        end = time.time() + timeout
        while self.status is None and time.time() < end:
            self.alive()
            self.read(0.05)
        if self.status is None:
            return None
        return os.waitstatus_to_exitcode(self.status)

    def close(self):
        if self.alive():
            try:
                os.write(self.fd, b"\x04")
            except OSError:
                pass
        code = self.exit_code(5)
        if code is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        return code


class Checks:
    def __init__(self):
        self.passed, self.failed = 0, 0

    def check(self, name, condition, terminal=None):
        if condition:
            self.passed += 1
            print(f"ok: {name}")
        else:
            self.failed += 1
            screen = terminal.screen[-1200:] if terminal else ""
            print(f"FAILED: {name}\n--- screen ---\n{screen}\n---")

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def run(binary, db, env, commands, check=True):
    """Runs commands with -c; returns the completed process."""
    result = subprocess.run([binary, "--no-init", "--db", db, "-c", commands], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"charrette -c failed ({result.returncode}):\n{commands}\n{result.stderr}")
    return result
