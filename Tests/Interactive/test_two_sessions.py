#!/usr/bin/env python3
"""Two processes on one workspace: an interactive shell at a pseudo-terminal, and scripts.

The shell sees what the other process wrote before it acts (results, exports, undo), a script of
200,000 changes runs while the shell adds ideas between its writes, and both end with the same
journal: nothing lost, nothing written twice, the chain intact. Usage: test_two_sessions.py BINARY
"""
import os, shutil, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from terminal import Checks, Terminal, run

binary = os.path.abspath(sys.argv[1])
home = tempfile.mkdtemp(prefix="charrette-two-")
db = os.path.join(home, "workspace.sqlite")
env = dict(os.environ, HOME=home, CHARRETTE_HISTORY=os.path.join(home, "history"), TERM="xterm", LC_ALL="C.UTF-8")
checks = Checks()
check = checks.check

run(binary, db, env, """
board add youth
participant add sam --role facilitator
for h in [amira, jon, lena, tariq] { participant add $h --board youth }
consultation open "Bus fares" --question "What would make buses work for you?"
idea add "Night buses" --by amira
idea add "Free passes" --by jon
idea add "Safer stops" --by lena
consultation phase voting
vote open "Priorities" --method plurality
""")

shell = Terminal(binary, db, env)
check("the shell starts", shell.wait_for("charrette> "), shell)

# Another process casts ballots and closes the vote while the shell waits at its prompt.
run(binary, db, env, """
ballot @amira #2
ballot @jon #2
ballot @lena #1
vote close
""")
check("the shell's results count the other process's ballots", shell.shows("vote results | get voters", "\n3"), shell)
check("the shell sees the vote closed", shell.shows("votes | get open | first", "\nfalse"), shell)
report = os.path.join(home, "report.md")
check("the shell writes its report", shell.shows(f'export report "{report}"', "wrote"), shell)
text = open(report, encoding="utf-8").read() if os.path.exists(report) else ""
check("the report publishes the votes cast elsewhere, and the vote as closed", "3 people voted; the vote is closed" in text, shell)

# Undo does not take back a change the shell's user never saw without being told whose it is.
# The latest change is the vote's closing, one entry: its change number is its entry number.
head = int(run(binary, db, env, "journal log --last 1 | get entry | first").stdout.strip())
check("undo refuses another session's change unasked",
      shell.shows("journal undo", f"was made in another session while this one was open: to undo it, say journal undo --change {head}"), shell)
check("asked by its number, undo says whose change it reverted",
      shell.shows(f"journal undo --change {head}", f"undone: change {head} (voteClosed), made at ") and shell.wait_for("in another session"), shell)
check("the vote is open again", shell.shows("votes | get open | first", "\ntrue"), shell)
shell.send("vote close\r")
shell.send("consultation phase ideation\r")
check("the shell still answers", shell.answers(6, 7), shell)

# A script of 200,000 changes while the shell adds ideas between its writes.
count = 200_000
script = os.path.join(home, "ideas.chr")
with open(script, "w") as f:
    for i in range(count):
        f.write(f'idea add "Script idea {i}" --by amira\n')
started = time.time()
writer = subprocess.Popen([binary, "--no-init", "--db", db, script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
typed, errors = 0, []
while writer.poll() is None and typed < 40:
    shell.mark()
    shell.send(f'idea add "Shell idea {typed}" --by jon\r', settle=0.05)
    if not shell.answers(typed, 2):
        errors.append(shell.screen)
        break
    if "error" in shell.screen:
        errors.append(shell.screen)
    typed += 1
out, err = writer.communicate(timeout=300)
elapsed = time.time() - started
check(f"the script of {count:,} changes ran to the end (exit {writer.returncode}, {elapsed:.1f} s)", writer.returncode == 0, None)
if err:
    print(err[-2000:])
check(f"the shell added {typed} ideas while the script ran, without an error", typed >= 3 and not errors, shell)
if errors:
    print(errors[0][-1000:])
check("the shell counts every idea", shell.shows("ideas | count", f"\n{count + 3 + typed}"), shell)
check("the shell leaves cleanly", shell.close() == 0, shell)

# Nothing lost, nothing written twice, the ideas of both interleaved, and the chain intact.
connection = sqlite3.connect(db)
texts = [row[0] for row in connection.execute("SELECT text FROM ideas ORDER BY id")]
ids = {row[1]: row[0] for row in connection.execute("SELECT id, text FROM ideas")}
connection.close()
check("every script idea is there exactly once", sorted(t for t in texts if t.startswith("Script idea ")) == sorted(f"Script idea {i}" for i in range(count)), None)
check("every shell idea is there exactly once", sorted(t for t in texts if t.startswith("Shell idea ")) == sorted(f"Shell idea {i}" for i in range(typed)), None)
script_ids = [ids[f"Script idea {i}"] for i in range(count)]
shell_ids = [ids[f"Shell idea {i}"] for i in range(typed)]
check("the shell's ideas landed between the script's writes", any(min(script_ids) < i < max(script_ids) for i in shell_ids), None)
verify = run(binary, db, env, "journal verify", check=False)
check("the journal verifies after both", verify.returncode == 0 and "intact   true" in verify.stdout, None)

shutil.rmtree(home, ignore_errors=True)
sys.exit(checks.finish())
