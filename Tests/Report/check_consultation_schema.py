#!/usr/bin/env python3
"""Checks a consultation exported as JSON against docs/formats/consultation.schema.json.

The schema documents the format; this keeps it true of what Charrette writes. Also checks that
a few broken copies are refused, so the schema is not one that accepts anything. Installs the
jsonschema package with pip when it is missing.

Usage: check_consultation_schema.py CONSULTATION.json
"""
import copy, json, os, subprocess, sys

try:
    import jsonschema
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "jsonschema"], check=True, cwd="/")
    import jsonschema

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
schema = json.load(open(os.path.join(root, "docs", "formats", "consultation.schema.json")))
document = json.load(open(sys.argv[1]))
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
failures = 0

errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors[:5]:
    print(f"FAIL {'/'.join(map(str, error.path))}: {error.message}")
failures += bool(errors)
print(("ok   " if not errors else "FAIL ") + f"{os.path.basename(sys.argv[1])} follows the schema")


def broken(description, change):
    global failures
    copy_ = copy.deepcopy(document)
    change(copy_)
    refused = not validator.is_valid(copy_)
    failures += not refused
    print(("ok   " if refused else "FAIL ") + f"refused: {description}")


broken("a consultation without a title", lambda d: d["consultation"].pop("title"))
broken("an unknown role", lambda d: d["participants"][0].update(role="admin"))
broken("a ballot of another kind than its vote's", lambda d: d["votes"][-1]["ballots"][0]["ballot"].update(kind="approval"))
broken("a merged idea without merged_into", lambda d: next(i for i in d["ideas"] if i["status"] == "merged").pop("merged_into"))
broken("another format", lambda d: d.update(format="something-else"))
broken("an open idea without its text", lambda d: d["ideas"][0].pop("text"))
broken("an open idea marked as withheld", lambda d: d["ideas"][0].update(text_withheld=True))


def withheld(d):
    """A hidden idea whose text the export left out, as `export FILE.json` writes it."""
    idea = d["ideas"][0]
    idea.update(status="hidden", hidden_reason="names a person", text_withheld=True)
    idea.pop("text")
    idea.pop("merged_into", None)


copy_ = copy.deepcopy(document)
withheld(copy_)
accepted = validator.is_valid(copy_)
failures += not accepted
print(("ok   " if accepted else "FAIL ") + "accepted: a hidden idea whose text was withheld")
sys.exit(1 if failures else 0)
