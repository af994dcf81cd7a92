"""Reads modelguard reports for the driver's tests.

  report.py schema REPORT.json SCHEMA.json   validate against the schema
  report.py summary REPORT.json [ROOT]       one line per finding and error
  report.py same A.json B.json               equal, ignoring timings and
                                             the shard header
  report.py sarif-errors VALIDATION.sarif    fail on any Multitool error
  report.py unit-status REPORT.json          one line per translation unit
  report.py codeclimate REPORT SCHEMA.json   validate a Code Quality report
                                             (schema, unique fingerprints)
                                             and print one line per issue
  report.py sarif-results LOG.sarif          one line per result
  report.py sarif-help LOG.sarif RULE URL    the rule has full help text; its
                                             helpUri is URL + page, or absent
                                             when URL is empty; no file://
                                             link anywhere
"""
import json
import os
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rel(path, root):
    return os.path.relpath(path, root) if root and path.startswith(root) else path


def summary(report, root):
    for f in report["findings"]:
        loc = f["location"]
        print("finding %s %s:%d:%d tus=%d notes=%d fp=%s %s" % (
            f["check"], rel(loc["file"], root), loc["line"], loc["column"],
            len(f["translationUnits"]), len(f["notes"]), f["fingerprint"],
            f["message"]))
    for e in report["toolErrors"]:
        print("tool-error %s %s %s" % (e["kind"], rel(e["file"], root), e["message"]))
    c = report["counts"]
    print("counts findings=%d baselined=%d toolErrors=%d" % (
        c["findings"], c["baselined"], c["toolErrors"]))


def comparable(report):
    report = dict(report)
    report.pop("timings")
    report.pop("shard")
    report["translationUnits"] = [
        {"file": u["file"]} for u in report["translationUnits"]]
    return report


def main():
    command = sys.argv[1]
    if command == "schema":
        import jsonschema
        jsonschema.validate(load(sys.argv[2]), load(sys.argv[3]))
        print("schema: valid")
    elif command == "summary":
        summary(load(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "")
    elif command == "same":
        a, b = comparable(load(sys.argv[2])), comparable(load(sys.argv[3]))
        if a != b:
            sys.stderr.write("reports differ:\n%s\n---\n%s\n" % (
                json.dumps(a, indent=1, sort_keys=True),
                json.dumps(b, indent=1, sort_keys=True)))
            sys.exit(1)
        print("same: %d findings, %d tool errors" % (
            len(a["findings"]), len(a["toolErrors"])))
    elif command == "sarif-errors":
        results = load(sys.argv[2])["runs"][0].get("results", [])
        errors = 0
        for r in results:
            level = r.get("level", "warning")
            message = r["message"].get("text") or r["message"]
            print("%s %s %s" % (level, r["ruleId"], message))
            errors += level == "error"
        print("sarif-multitool: %d errors, %d results" % (errors, len(results)))
        sys.exit(1 if errors else 0)
    elif command == "unit-status":
        for u in load(sys.argv[2])["translationUnits"]:
            print("unit %s %s" % (os.path.basename(u["file"]), u["status"]))
    elif command == "codeclimate":
        import jsonschema
        issues = load(sys.argv[2])
        jsonschema.validate(issues, load(sys.argv[3]))
        fingerprints = [i["fingerprint"] for i in issues]
        if len(set(fingerprints)) != len(fingerprints):
            sys.exit("codeclimate: fingerprints are not unique")
        for i in issues:
            print("issue %s %s %s:%d %s" % (
                i["severity"], i["check_name"], i["location"]["path"],
                i["location"]["lines"]["begin"], i["description"]))
        print("codeclimate: %d issues, valid" % len(issues))
    elif command == "sarif-results":
        for r in load(sys.argv[2])["runs"][0]["results"]:
            loc = r["locations"][0]["physicalLocation"]
            print("result %s %s:%d fixes=%d" % (
                r["ruleId"], loc["artifactLocation"]["uri"],
                loc["region"]["startLine"], len(r.get("fixes", []))))
    elif command == "sarif-help":
        log = load(sys.argv[2])
        rule_id, base = sys.argv[3], sys.argv[4]
        driver = log["runs"][0]["tool"]["driver"]
        rule = next(r for r in driver["rules"] if r["id"] == rule_id)
        if len(rule["help"]["text"]) < 80 or "markdown" not in rule["help"]:
            sys.exit("sarif-help: %s has no full help text" % rule_id)
        links = [r.get("helpUri", "") for r in driver["rules"]]
        links.append(driver.get("informationUri", ""))
        if any(link.startswith("file:") for link in links):
            sys.exit("sarif-help: a file:// link: %s" % links)
        expected = None
        if base:
            expected = base.rstrip("/") + "/" + rule_id[len("modelguard-"):] + ".md"
        if rule.get("helpUri") != expected:
            sys.exit("sarif-help: helpUri %r, expected %r" % (
                rule.get("helpUri"), expected))
        print("help: %s, helpUri %s" % (
            "full text", "absent" if expected is None else "published"))
    else:
        sys.exit("report.py: unknown command " + command)


main()
