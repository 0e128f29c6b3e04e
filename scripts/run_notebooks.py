#!/usr/bin/env python3
"""Execute cfcml's notebooks headless with the repo-local tslab kernel.

Usage: run_notebooks.py [NOTEBOOK ...]   (default: every notebooks/*.ipynb, in name order)

Each notebook runs top to bottom in its own kernel with notebooks/ as working directory. Executed copies
go to notebooks/.executed/ (git-ignored). A failing cell stops that notebook, and the cell's source and
its error are printed: tslab reports the error text on stderr, not in the execute reply, so stderr streams
and error outputs are both shown. A notebook also fails when any cell writes to stderr (a red box in the
reader's notebook: warnings belong in the library's results, not in the page) or when the executed copy
is larger than CFCML_NOTEBOOK_MAX_BYTES (default 1,000,000: figures carry compressed PNGs, never pixel
arrays). The exit status is 1 when any notebook failed.
"""
import os
import sys
import time
import glob

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ["JUPYTER_PATH"] = os.path.join(ROOT, "jupyter") + os.pathsep + os.environ.get("JUPYTER_PATH", "")
TIMEOUT = int(os.environ.get("CFCML_CELL_TIMEOUT", "900"))
MAX_BYTES = int(os.environ.get("CFCML_NOTEBOOK_MAX_BYTES", "1000000"))


def cell_errors(cell):
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "stream" and o.get("name") == "stderr":
            out.append(o.get("text", ""))
        elif o.get("output_type") == "error":
            out.append("%s: %s" % (o.get("ename", ""), o.get("evalue", "")))
            out.extend(o.get("traceback", []))
    return "\n".join(out).strip()


def run(path):
    nb = nbformat.read(path, as_version=4)
    nbdir = os.path.dirname(os.path.abspath(path))
    client = NotebookClient(nb, kernel_name="tslab", timeout=TIMEOUT, allow_errors=False,
                            resources={"metadata": {"path": nbdir}})
    started = time.time()
    failed = None
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError) as e:
                failed = (index, cell, e)
                break
            # tslab sometimes reports a failed cell only on stderr; any stderr output fails the notebook.
            if cell_errors(cell):
                failed = (index, cell, None)
                break
    out_dir = os.path.join(nbdir, ".executed")
    os.makedirs(out_dir, exist_ok=True)
    out_path = os.path.join(out_dir, os.path.basename(path))
    nbformat.write(nb, out_path)
    size = os.path.getsize(out_path)
    took = time.time() - started
    name = os.path.relpath(path, ROOT)
    if not failed and size > MAX_BYTES:
        print("FAIL %s: the executed notebook is %d bytes, more than %d (CFCML_NOTEBOOK_MAX_BYTES)" % (name, size, MAX_BYTES))
        return False
    if failed:
        index, cell, e = failed
        print("FAIL %s (cell %d, %.0fs)" % (name, index, took))
        print("---- cell source ----")
        print(cell.source)
        print("---- error ----")
        print(cell_errors(cell) or (str(e) if e else "(no error text)"))
        return False
    print("ok   %s (%.0fs, %d kB executed)" % (name, took, size // 1000))
    return True


def main():
    paths = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    if not paths:
        print("no notebooks found")
        return 1
    results = [run(p) for p in paths]
    passed = sum(results)
    print("notebooks: %d passed, %d failed" % (passed, len(results) - passed))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
