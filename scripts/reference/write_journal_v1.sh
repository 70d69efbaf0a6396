#!/usr/bin/env bash
# Writes Tests/CharretteTests/Fixtures/journal-v1.jsonl with the code that wrote layout version 1:
# a checkout of f72517e (the last commit before version 2), cut down to the domain module
# (journal-v1/Package.swift), runs journal-v1/WriteVersionOneFixture.swift, which encodes one entry
# per sample of BinaryCodingTests.events that version 1 can hold. Run by hand; the file it writes
# is committed and never rewritten.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/v1" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/v1" f72517e >/dev/null
cp "$root/scripts/reference/journal-v1/Package.swift" "$work/v1/Package.swift"
mkdir -p "$work/v1/Tests/V1Writer"
cp "$root/scripts/reference/journal-v1/WriteVersionOneFixture.swift" "$work/v1/Tests/V1Writer/"
(cd "$work/v1" && JOURNAL_V1_OUTPUT="$root/Tests/CharretteTests/Fixtures/journal-v1.jsonl" swift test)
echo "wrote Tests/CharretteTests/Fixtures/journal-v1.jsonl"
