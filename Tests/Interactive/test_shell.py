#!/usr/bin/env python3
"""Drives the charrette shell through a real pseudo-terminal, as a person at the keyboard would.

Checks tab completion of a command and of an @handle, a multi-line block, Ctrl-C cancelling a
typed line, a step's countdown and a long command without leaving the shell, participant text
shown without driving the terminal, history recalled after a restart, and every way of leaving
(Ctrl-D, SIGTERM, SIGHUP) closing the workspace so that its main file alone holds everything.
Usage: test_shell.py CHARRETTE_BINARY
"""
import os, shutil, signal, sqlite3, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from terminal import Checks, Terminal, run

binary = os.path.abspath(sys.argv[1])
home = tempfile.mkdtemp(prefix="charrette-pty-")
db = os.path.join(home, "workspace.sqlite")
env = dict(os.environ, HOME=home, CHARRETTE_HISTORY=os.path.join(home, "history"), TERM="xterm", LC_ALL="C.UTF-8")
env.pop("NO_COLOR", None)

run(binary, db, env, """
board add youth
participant add amira --board youth
participant add amadou --board youth
consultation open "Bus fares" --question "What would make buses work for you?"
""")

# A Pol.is export whose comment carries a window-title sequence and a clear-screen sequence.
polis = os.path.join(home, "polis")
os.makedirs(polis)
with open(os.path.join(polis, "comments.csv"), "w") as f:
    f.write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n")
    f.write('1,x,0,1,1,0,1,"Night buses\x1b]0;OWNED\x07 please\x1b[2J"\n1,x,1,2,0,1,1,Cheaper fares\n')
with open(os.path.join(polis, "votes.csv"), "w") as f:
    f.write("timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n1,x,1,2,-1\n1,x,0,2,-1\n1,x,1,1,1\n")


def journal_in_main_file():
    """Entries in the main file alone, as a copy of it would hold (the log beside it ignored)."""
    copy = os.path.join(home, "copy.sqlite")
    shutil.copyfile(db, copy)
    connection = sqlite3.connect(f"file:{copy}?immutable=1", uri=True)
    count = connection.execute("SELECT count(*) FROM journal").fetchone()[0]
    connection.close()
    os.remove(copy)
    return count


def journal_entries():
    return int(run(binary, db, env, "journal log --last 1 | get entry | first").stdout.strip() or 0)


checks = Checks()
check = checks.check

shell = Terminal(binary, db, env)
check("the first prompt appears", shell.wait_for("charrette> "), shell)

# libedit redraws only what changed, so the screen is checked by what the completed line does.
shell.mark()
shell.send("ide\t")
shell.send(' add "Cycle lanes" --by @amir\t')
shell.send("\r")
check("Tab completed 'ide' to 'idea' and '@amir' to '@amira'", shell.shows("ideas | get author | first", "@amira"), shell)

shell.mark()
shell.send("for n in [1, 2] {\r")
check("an open block gives the continuation prompt", shell.wait_for("..> "), shell)
shell.send('say "round {$n + 10}"\r}\r')
check("the multi-line block ran", shell.wait_for("round 11") and shell.wait_for("round 12"), shell)

# Ctrl-C on a typed line: the line is dropped and the shell stays, answering.
shell.mark()
shell.send('idea add "never added" --by amira')
shell.send("\x03")
check("Ctrl-C on a typed line leaves the shell running", shell.alive(), shell)
check("after Ctrl-C the shell still answers", shell.answers(6, 7), shell)
check("the cancelled line did not run", shell.shows("ideas | count", "\n1") and "\n2" not in shell.screen, shell)

# Ctrl-C during a step's countdown ends the step, not the shell.
shell.mark()
shell.send('step "Talk" 2m { say (20 + 3) }\r')
check("the step runs and counts down", shell.wait_for("23") and shell.wait_for("left (Ctrl-C ends the step)"), shell)
shell.send("\x03")
check("Ctrl-C ends the step early", shell.wait_for("Talk ended early"), shell)
check("after the step the shell still answers", shell.answers(5, 9), shell)

# Ctrl-C during a long command stops it where it is.
shell.mark()
shell.send("let l = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\r")
shell.send("for a in $l { for b in $l { for c in $l { for d in $l { for e in $l { for f in $l { for g in $l { let x = $g } } } } } } }\r", settle=1.0)
check("the long command is still running", shell.alive() and "stopped" not in shell.screen, shell)
shell.send("\x03")
check("Ctrl-C stops the long command", shell.wait_for("error: stopped: interrupted (Ctrl-C)"), shell)
check("after stopping it the shell still answers", shell.answers(7, 8), shell)

# Participant text reaches the terminal shown, not obeyed.
shell.mark()
shell.send(f'opinions "{polis}"\r', settle=1.0)
check("a comment's escape sequences are shown as symbols", shell.wait_for("Night buses\u241b]0;OWNED\u2407 please\u241b[2J"), shell)
check("and never reach the terminal as escape sequences", b"\x1b]0;OWNED" not in shell.raw and b"\x1b[2J" not in shell.raw, shell)
shell.send("say still here\r")

# Ctrl-D leaves, and the workspace file alone then holds everything.
code = shell.close()
check("Ctrl-D leaves with status 0", code == 0, shell)
in_file, log_left = journal_in_main_file(), os.path.exists(db + "-wal")
check("after Ctrl-D the main file holds every entry, and no log is left", in_file == journal_entries() and not log_left, shell)

restarted = Terminal(binary, db, env)
restarted.wait_for("charrette> ")
restarted.mark()
restarted.send("\x1b[A")
check("history is recalled after a restart", restarted.wait_for("say still here"), restarted)
restarted.mark()
restarted.send("\r")
check("the recalled line runs", restarted.wait_for("\nstill here"), restarted)

# A signal that ends the shell still closes the workspace.
restarted.send('idea add "Before SIGTERM" --by amadou\r')
check("the idea was added", restarted.answers(3, 3), restarted)
os.kill(restarted.pid, signal.SIGTERM)
check("SIGTERM ends the shell with status 143", restarted.exit_code() == 143, restarted)
check("after SIGTERM the main file holds every entry", journal_in_main_file() == journal_entries(), restarted)

hungup = Terminal(binary, db, env)
hungup.wait_for("charrette> ")
hungup.send('idea add "Before SIGHUP" --by amadou\r')
check("the idea was added before the hang-up", hungup.answers(4, 4), hungup)
os.kill(hungup.pid, signal.SIGHUP)
check("SIGHUP ends the shell with status 129", hungup.exit_code() == 129, hungup)
check("after SIGHUP the main file holds every entry", journal_in_main_file() == journal_entries(), hungup)

shutil.rmtree(home, ignore_errors=True)
sys.exit(checks.finish())
