#!/usr/bin/env python3
"""Writes the Swift code blocks of the DocC articles (Sources/*/*.docc/*.md) as one Swift file per
article, for scripts/check-embedding to compile and run: a reader copies these blocks, so they
must build against the library as it is and print what the articles say they print.

Each article's blocks, in order, become the body of one function (`article_GettingStarted()` ...);
its imports are lifted to the top of the file. Blocks that are not a program are left out: a
Package.swift excerpt (it starts with `// Package.swift`) and a method's declaration as it stands
in the sources (a `public` type). Articles whose blocks use names the text introduces get them from
GIVEN. `main.swift` runs the articles listed in RUN.

Usage: scripts/docc-snippets.py REPO OUTPUT_FOLDER
"""
import glob, os, re, sys

repo, out = sys.argv[1], sys.argv[2]
GIVEN = {
    "JournalAndVerification": "let workspace = try Workspace(storage: InMemoryStorage())\n"
                              "let facilitator = try workspace.perform { try $0.registerParticipant(handle: \"sam\", role: .facilitator).id }\n",
    "Observation": "let workspace = try Workspace(storage: InMemoryStorage())\n",
    "CharretteSession": "let workspace = try Workspace(storage: InMemoryStorage())\n"
                        "let (consultation, participant): (Consultation.ID, Participant.ID) = (1, 1)\n",
}
RUN = ["GettingStarted", "CharretteVoting", "VotingMethods"]

os.makedirs(out, exist_ok=True)
names = []
for path in sorted(glob.glob(os.path.join(repo, "Sources", "*", "*.docc", "*.md"))):
    name = os.path.splitext(os.path.basename(path))[0]
    blocks = re.findall(r"^```swift\n(.*?)^```", open(path, encoding="utf-8").read(), re.S | re.M)
    blocks = [b for b in blocks if not b.startswith("// Package.swift") and not re.search(r"^public (struct|enum|final class)", b, re.M)]
    if not blocks:
        continue
    imports, body = {"import Charrette", "import CharretteSQLite", "import CharretteVoting"}, []
    for block in blocks:
        for line in block.splitlines():
            (imports.add(line.strip()) if line.startswith("import ") else body.append(line))
    code = GIVEN.get(name, "") + "\n".join(body)
    indented = "\n".join("    " + line if line else "" for line in code.splitlines())
    # A synchronous article stays synchronous: in async code the blocking calls are not chosen.
    asynchronous = "await " in code
    effects = "async throws" if asynchronous else "throws"
    with open(os.path.join(out, name + ".swift"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(imports)) + "\n\n")
        f.write(f"// From {os.path.relpath(path, repo)}.\nfunc article_{name}() {effects} {{\n{indented}\n}}\n")
    names.append((name, asynchronous))
with open(os.path.join(out, "main.swift"), "w", encoding="utf-8") as f:
    for name, asynchronous in names:
        if name in RUN:
            f.write(f'print("== {name}")\ntry {"await " if asynchronous else ""}article_{name}()\n')
    f.write("// Compiled, not run: " + ", ".join(n for n, _ in names if n not in RUN) + ".\n")
print(" ".join(n for n, _ in names))
