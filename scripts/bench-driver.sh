#!/usr/bin/env bash
# Compares, on a real codebase from /work/corpus (scripts/fetch-corpus.sh):
#   run-clang-tidy-22 -j2 -load build/libModelGuard.so -checks='-*,modelguard-*'
#   modelguard -j2 with a cold cache
#   modelguard -j2 again (warm cache)
#   modelguard -j2 --diff-base HEAD after a one-file change, cold cache
# and prints the wall times and the ratios cold/run-clang-tidy, warm/cold
# and diff/cold.
#
#   scripts/bench-driver.sh [JOBS] [PROJECT...]   (default: 2 leveldb cpprest)
#
# The projects' compilation databases are combined into one, keeping one
# command per file: clang-tidy analyses a file once per command, the driver
# once, and the comparison must be of the same work.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

jobs=${1:-2}
shift || true
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(leveldb cpprest)
corpus=${MODELGUARD_CORPUS:-/work/corpus}
module="$MODELGUARD_BUILD/libModelGuard.so"
driver="$MODELGUARD_BUILD/driver/batch/modelguard"
databases=()
for p in "${projects[@]}"; do databases+=("$corpus/$p/build/compile_commands.json"); done
for f in "${databases[@]}" "$module" "$driver"; do
  [ -e "$f" ] || { echo "bench-driver: missing $f" >&2; exit 2; }
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
db_dir="$scratch/db"
mkdir -p "$db_dir"
units=$(python3 - "$db_dir/compile_commands.json" "${databases[@]}" <<'PY'
import json, os, sys
seen, entries = set(), []
for path in sys.argv[2:]:
    for e in json.load(open(path)):
        f = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if f not in seen:
            seen.add(f)
            entries.append(e)
json.dump(entries, open(sys.argv[1], "w"), indent=1)
print(len(entries))
PY
)
project="${projects[*]}"

seconds() {  # seconds COMMAND...: wall time of COMMAND, in seconds
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print('%.2f' % ($end - $start))"
}

echo "project: $project ($units translation units), -j$jobs, $(nproc) cores"
t_rct=$(seconds sh -c 'run-clang-tidy-22 "$@" > "'"$scratch"'/rct.txt" 2>&1' _ \
  -j"$jobs" -quiet -load "$module" -checks='-*,modelguard-*' -p "$db_dir")
echo "run-clang-tidy-22:      ${t_rct}s"
t_cold=$(seconds "$driver" -p "$db_dir" -j"$jobs" --quiet \
  --checks='-*,modelguard-*' --cache-dir "$scratch/cache" \
  --format json --output "$scratch/cold.json")
echo "modelguard (cold):      ${t_cold}s"
t_warm=$(seconds "$driver" -p "$db_dir" -j"$jobs" --quiet \
  --checks='-*,modelguard-*' --cache-dir "$scratch/cache" \
  --format json --output "$scratch/warm.json")
echo "modelguard (warm):      ${t_warm}s"
# The one-file change: the projects are copied into a git work tree (the
# database rewritten to point there), the first translation unit of the
# database gets a new function, and the driver analyses the change since
# HEAD with an empty cache: that unit is analysed, every other unit only
# preprocessed to see whether it reads the changed file.
work="$scratch/worktree"
mkdir -p "$work/db"
for p in "${projects[@]}"; do cp -a "$corpus/$p" "$work/$p"; done
changed=$(python3 - "$db_dir/compile_commands.json" "$corpus" "$work" <<'PY'
import json, os, sys
source, corpus, work = sys.argv[1], sys.argv[2].rstrip("/") + "/", sys.argv[3] + "/"
move = lambda v: v.replace(corpus, work) if isinstance(v, str) else [move(x) for x in v]
entries = [{k: move(v) for k, v in e.items()} for e in json.load(open(source))]
json.dump(entries, open(os.path.join(work, "db", "compile_commands.json"), "w"), indent=1)
first = entries[0]
print(os.path.normpath(os.path.join(first["directory"], first["file"])))
PY
)
git -C "$work" init -q
git -C "$work" add -A
git -C "$work" -c user.name=bench -c user.email=bench@example.invalid commit -qm base
printf '
int modelguard_bench_change() { return 0; }
' >> "$changed"
t_diff=$(seconds "$driver" -p "$work/db" -j"$jobs" --quiet \
  --checks='-*,modelguard-*' --cache-dir "$scratch/diff-cache" --root "$work" \
  --diff-base HEAD --format json --output "$scratch/diff.json")
echo "modelguard --diff-base: ${t_diff}s (changed: ${changed#"$work"/})"

python3 - "$scratch/cold.json" "$scratch/warm.json" "$scratch/rct.txt" "$scratch/diff.json" <<PY
import json, re, sys
cold, warm = (json.load(open(p)) for p in sys.argv[1:3])
rct = set(re.findall(r"^(\S+:\d+:\d+): warning: .*\[(modelguard-[a-z-]+)\]$",
                     open(sys.argv[3], errors="replace").read(), re.M))
print("findings: run-clang-tidy %d distinct, modelguard %d cold, %d warm; "
      "tool errors: %d; cache hits warm: %d/%d"
      % (len(rct), len(cold["findings"]), len(warm["findings"]),
         len(cold["toolErrors"]), warm["timings"]["cacheHits"],
         len(warm["translationUnits"])))
for e in cold["toolErrors"]:
    print("tool error (%s) %s: %s" % (e["kind"], e["file"], e["message"][:160]))
print("cold / run-clang-tidy: %.2f (target <= 1.00)" % ($t_cold / $t_rct))
print("warm / cold:           %.3f (target <= 0.05)" % ($t_warm / $t_cold))
diff = json.load(open(sys.argv[4]))
statuses = [u["status"] for u in diff["translationUnits"]]
print("--diff-base: %d analysed, %d unaffected (preprocessed only), %d findings"
      % (statuses.count("analysed"), statuses.count("unaffected"), len(diff["findings"])))
print("diff / cold:           %.3f" % ($t_diff / $t_cold))
PY
