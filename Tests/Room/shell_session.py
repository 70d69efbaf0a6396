"""A shell running a session script in the background, as the room's browser and API tests drive
it: what it prints is read line by line, and Enter is pressed at its `ask` prompts."""
import queue, re, socket, subprocess, threading, time


def free_port():
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ShellSession:
    def __init__(self, command, cwd):
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines, self.printed = queue.Queue(), []
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()

    def wait_for(self, pattern, seconds=30):
        """The first line the shell prints that matches `pattern`, waiting at most `seconds`."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, f"the shell ended ({self.process.returncode}) before printing {pattern!r}:\n" + self.output()
                continue
            self.printed.append(line)
            if match := re.search(pattern, line):
                return match
        raise AssertionError(f"the shell did not print {pattern!r} in {seconds} s:\n" + self.output())

    def press_enter(self):
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def finish(self, seconds=60):
        """Waits for the shell to end; its exit status."""
        status = self.process.wait(timeout=seconds)
        return status

    def output(self):
        while not self.lines.empty():
            self.printed.append(self.lines.get())
        return "".join(self.printed)

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
