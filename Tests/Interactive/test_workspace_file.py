#!/usr/bin/env python3
"""The workspace file as people handle it, through the shell: every way a run ends leaves the
main file holding everything; a copy taken mid-session opens read-only and says so; another
application's database is refused and left as it was; a journal or table edited by hand fails
`journal verify` with a non-zero status in every mode. Usage: test_workspace_file.py BINARY
"""
import hashlib, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from terminal import Checks, Terminal, run

binary = os.path.abspath(sys.argv[1])
home = tempfile.mkdtemp(prefix="charrette-file-")
env = dict(os.environ, HOME=home, LC_ALL="C.UTF-8", TERM="xterm", CHARRETTE_HISTORY=os.path.join(home, "history"))
checks = Checks()
check = checks.check
setup = """
board add youth
participant add amira --board youth
consultation open "Bus fares" --question "What would make buses work for you?"
idea add "Night buses" --by amira
"""


def entries_in_main_file(path):
    """What a copy of the main file alone holds (any log beside it left behind)."""
    folder = tempfile.mkdtemp(dir=home)
    copy = os.path.join(folder, "copy.sqlite")
    shutil.copyfile(path, copy)
    connection = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM journal").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def fresh(name):
    path = os.path.join(home, name)
    run(binary, path, env, setup)
    return path


# Every way a run ends.
path = os.path.join(home, "command.sqlite")
run(binary, path, env, setup)
check("after -c the main file holds all 4 entries and no log is left",
      entries_in_main_file(path) == 4 and not os.path.exists(path + "-wal"))

path = fresh("script.sqlite")
script = os.path.join(home, "more.chr")
with open(script, "w") as f:
    f.write('idea add "Free passes" --by amira\nidea add "Safer stops" --by amira\n')
subprocess.run([binary, "--no-init", "--db", path, script], env=env, check=True, capture_output=True)
check("after a script file the main file holds all 6 entries", entries_in_main_file(path) == 6)

path = fresh("stdin.sqlite")
subprocess.run([binary, "--no-init", "--db", path, "-"], input='idea add "Benches" --by amira\n', env=env, text=True, check=True, capture_output=True)
check("after a piped script the main file holds all 5 entries", entries_in_main_file(path) == 5)

path = fresh("failing.sqlite")
failed = subprocess.run([binary, "--no-init", "--db", path, "-c", 'idea add "Kept" --by amira\nidea add "x" --by nobody'], env=env, capture_output=True, text=True)
check("a failing script exits 1 and its file holds what ran before the error", failed.returncode == 1 and entries_in_main_file(path) == 5)

# SIGTERM in the middle of a long script: it stops at a command, writes what ran, closes the file.
path = fresh("signal.sqlite")
long_script = os.path.join(home, "long.chr")
with open(long_script, "w") as f:
    for i in range(1_000_000):
        f.write(f'idea add "Idea {i}" --by amira\n')
writer = subprocess.Popen([binary, "--no-init", "--db", path, long_script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
watcher = sqlite3.connect(path)
deadline = time.time() + 60
while time.time() < deadline and writer.poll() is None and watcher.execute("SELECT count(*) FROM ideas").fetchone()[0] < 1000:
    time.sleep(0.05)
watcher.close()
writer.send_signal(signal.SIGTERM)
out, err = writer.communicate(timeout=60)
in_file = entries_in_main_file(path)
check(f"SIGTERM stops a script with status 143 (got {writer.returncode})", writer.returncode == 143)
check("and names where it stopped", "long.chr:" in err and "error: stopped: terminated (SIGTERM)" in err)
connection = sqlite3.connect(path)
ideas = connection.execute("SELECT count(*) FROM ideas").fetchone()[0]
connection.close()
check(f"what ran before SIGTERM is in the main file ({ideas} ideas, {in_file} entries)", ideas > 1 and in_file == ideas + 3)

# A copy of the main file taken while a session at the keyboard writes to it.
path = fresh("open.sqlite")
holder = Terminal(binary, path, env)
holder.wait_for("charrette> ")
holder.send('idea add "Written while open" --by amira\r')
check("the session at the keyboard wrote its idea", holder.answers(2, 3))
copy_folder = tempfile.mkdtemp(dir=home)
copy = os.path.join(copy_folder, "open.sqlite")
shutil.copyfile(path, copy)
digest = hashlib.sha256(open(copy, "rb").read()).hexdigest()
opened = run(binary, copy, env, "ideas | count", check=False)
check("a copy taken mid-session opens with a warning that it can only be read",
      "warning: this workspace can only be read" in opened.stderr and "was copied, or its write-ahead log" in opened.stderr)
check("and indeed lacks what the session wrote", opened.stdout.strip() == "1")
changed = run(binary, copy, env, 'idea add "On the copy" --by amira', check=False)
check("and refuses changes", changed.returncode == 1 and "this workspace can only be read" in changed.stderr)
verified = run(binary, copy, env, "journal verify", check=False)
check("journal verify on it fails", verified.returncode == 1 and "intact   false" in verified.stdout)
check("looking at the copy changed nothing in it",
      hashlib.sha256(open(copy, "rb").read()).hexdigest() == digest and os.listdir(copy_folder) == ["open.sqlite"])
accepted = subprocess.run([binary, "--no-init", "--db", copy, "--accept-incomplete", "-c", 'idea add "Carried on" --by amira\nideas | count'],
                          env=env, capture_output=True, text=True)
check("--accept-incomplete carries on from the copy as it is", accepted.returncode == 0 and accepted.stdout.strip() == "2")
holder.close()
check("the original holds what the session wrote", run(binary, path, env, "ideas | count").stdout.strip() == "2")

# Read-only is a way of looking, not a fault.
looked = run(binary, path, env, "journal verify", check=False)
looked_ro = subprocess.run([binary, "--no-init", "--db", path, "--read-only", "-c", "journal verify"], env=env, capture_output=True, text=True)
check("--read-only verifies an intact workspace as intact", looked.returncode == 0 and looked_ro.returncode == 0 and "intact   true" in looked_ro.stdout)

# The reader of the output goes away (| head): the workspace is closed all the same.
path = fresh("pipe.sqlite")
lines = 'let l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nfor a in $l { for b in $l { for c in $l { say "a line long enough to fill the pipe soon: {$a} {$b} {$c}" } } }'
piped = subprocess.run(f"'{binary}' --no-init --db '{path}' -c 'participant add bob\n{lines}\nparticipant add carl' | head -1; exit ${{PIPESTATUS[0]}}",
                       shell=True, executable="/bin/bash", env=env, capture_output=True, text=True)
connection = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
handles = [row[0] for row in connection.execute("SELECT handle FROM participants")]
connection.close()
check(f"when the output is closed, the script stops (status {piped.returncode}) and its file holds what ran",
      piped.returncode == 141 and "stopped: the output was closed (SIGPIPE)" in piped.stderr
      and "bob" in handles and "carl" not in handles and not os.path.exists(path + "-wal") and entries_in_main_file(path) == 5)

# Output to a file is the output: CSV keeps its CR LF line ends.
path = fresh("csv.sqlite")
csv = subprocess.run([binary, "--no-init", "--db", path, "-c", "ideas | to csv"], env=env, capture_output=True)
check("CSV printed to a file keeps CR LF line ends", csv.stdout.startswith(b"id,text,author,theme,status\r\n#1,Night buses"))

# Another application's database, with a table name made to drive a terminal.
foreign = os.path.join(home, "shop.sqlite")
connection = sqlite3.connect(foreign)
connection.executescript('CREATE TABLE ideas (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO ideas (note) VALUES (\'mine\');'
                         'CREATE TABLE "x\x1b]0;PWNED\x07\x1b[2J" (a);')
connection.close()
digest = hashlib.sha256(open(foreign, "rb").read()).hexdigest()
refused = subprocess.run([binary, "--no-init", "--db", foreign, "-c", "ideas"], env=env, capture_output=True)
check("another application's database is refused", refused.returncode == 1 and b"is an SQLite database of another application" in refused.stderr)
check("and its table names are shown, not obeyed", b"\x1b" not in refused.stderr and "x\u241b]0;PWNED".encode() in refused.stderr)
check("and left exactly as it was, with nothing beside it",
      hashlib.sha256(open(foreign, "rb").read()).hexdigest() == digest and not [n for n in os.listdir(home) if n.startswith("shop.sqlite-")])

# Edits by hand fail verification with a non-zero status, from -c, a script and standard input.
path = fresh("edited.sqlite")
connection = sqlite3.connect(path)
connection.execute("UPDATE ideas SET text = 'Night buses cancelled' WHERE id = 1")
connection.commit()
connection.close()
for mode, command in [("-c", ["-c", "journal verify"]), ("stdin", ["-"])]:
    result = subprocess.run([binary, "--no-init", "--db", path] + command, input="journal verify\n", env=env, capture_output=True, text=True)
    check(f"an edited query table fails journal verify ({mode}): status {result.returncode}",
          result.returncode == 1 and "the ideas table does not hold what the journal says: in row id 1" in result.stderr)
path = fresh("tampered.sqlite")
connection = sqlite3.connect(path)
connection.execute("UPDATE journal SET payload = payload || x'00' WHERE sequence = 2")
connection.commit()
connection.close()
verify_script = os.path.join(home, "verify.chr")
with open(verify_script, "w") as f:
    f.write("journal verify\nsay \"not reached\"\n")
result = subprocess.run([binary, "--no-init", "--db", path, verify_script], env=env, capture_output=True, text=True)
check(f"an edited journal entry fails a verifying script: status {result.returncode}",
      result.returncode == 1 and "entry 2 was changed after it was written" in result.stderr and "not reached" not in result.stdout)

shutil.rmtree(home, ignore_errors=True)
sys.exit(checks.finish())
