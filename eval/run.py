#!/usr/bin/env python3
"""Cleans every dev corpus in ../shared/eval/corpora with `clean --jsonl`, scores
it with ../shared/eval/score.py, prints a table, and (with --check) fails when an
F1 is more than TOLERANCE below the floor pinned in eval/floors.json.

Usage (from the repository root):
    python3 eval/run.py [--check] [--write-floors] [--eval-dir ../shared/eval]

Without the eval directory it says so and exits 0, so a fresh clone passes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

# An F1 may drop this far below its pinned floor before the gate fails.
TOLERANCE = 0.01

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLOORS = os.path.join(ROOT, "eval", "floors.json")
CLEAN = os.path.join(ROOT, "target", "release", "examples", "clean")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval-dir", default=os.path.join(ROOT, "..", "shared", "eval"))
    ap.add_argument("--check", action="store_true", help="fail below the pinned floors")
    ap.add_argument("--write-floors", action="store_true", help="pin the current F1s as floors")
    args = ap.parse_args()

    corpora_dir = os.path.join(args.eval_dir, "corpora")
    if not os.path.isdir(corpora_dir):
        print(f"quality gate skipped: {corpora_dir} does not exist")
        return 0
    subprocess.run(["cargo", "build", "--quiet", "--release", "--example", "clean"], cwd=ROOT, check=True)
    floors = json.load(open(FLOORS)) if os.path.exists(FLOORS) else {}
    scores, failures = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(corpora_dir)):
            if not name.endswith(".jsonl"):
                continue
            corpus = os.path.join(corpora_dir, name)
            pred = os.path.join(tmp, name)
            with open(pred, "w") as out:
                subprocess.run([CLEAN, "--jsonl", corpus], stdout=out, check=True)
            score = lambda *extra: json.loads(subprocess.run(
                [sys.executable, os.path.join(args.eval_dir, "score.py"), corpus, *extra, "--json"],
                capture_output=True, text=True, check=True).stdout)
            got, base = score(pred), score("--baseline")
            key = name[: -len(".jsonl")]
            scores[key] = round(got["f1"], 4)
            floor = floors.get(key)
            flag = ""
            if floor is not None and got["f1"] < floor - TOLERANCE:
                flag = f"  FAIL: below floor {floor:.3f}"
                failures.append(key)
            print(f"{key:28} p={got['precision']:.3f} r={got['recall']:.4f} f1={got['f1']:.4f}"
                  f"   keep-all f1={base['f1']:.4f} r={base['recall']:.4f}{flag}")
    if args.write_floors:
        with open(FLOORS, "w") as f:
            json.dump(scores, f, indent=2, sort_keys=True)
            f.write("\n")
        print(f"floors written to {FLOORS}")
    if args.check and failures:
        print(f"quality gate failed: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
