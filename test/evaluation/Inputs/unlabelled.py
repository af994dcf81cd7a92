"""Writes a labels file with the entries of Inputs/labels.json except the
one whose fingerprint is argv[2], and an analysis with argv[3] more findings
of one check, none labelled (to exercise the triage sample)."""
import json
import sys

source, dropped, extra, out_labels, out_analysis = sys.argv[1:6]
with open(source) as f:
    labels = json.load(f)
labels["labels"] = [e for e in labels["labels"] if e.get("fingerprint") != dropped]
with open(out_labels, "w") as f:
    json.dump(labels, f)
with open(source.replace("labels.json", "analysis.json")) as f:
    analysis = json.load(f)
for n in range(int(extra)):
    analysis["findings"].append(
        ["tool", "modelguard-unchecked-nullable-field", "/corpus/tool/src/model.cpp",
         100 + n, 3, "'email' read without a presence check", "%016x" % (0xc000 + n),
         "send(user.email.value());"])
with open(out_analysis, "w") as f:
    json.dump(analysis, f)
