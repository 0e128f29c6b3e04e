#!/usr/bin/env python3
"""Remove outputs and execution counts from notebooks, in place (the tracked notebooks are kept clean;
test/notebook/notebooks.test.ts checks it). Usage: strip_outputs.py NOTEBOOK... (stdlib only)."""
import json
import sys


def strip(path):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    changed = False
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs") or cell.get("execution_count") is not None:
            changed = True
        cell["outputs"] = []
        cell["execution_count"] = None
    if changed:
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
    return changed


if __name__ == "__main__":
    for p in sys.argv[1:]:
        if strip(p):
            print("stripped outputs from %s" % p)
