#!/usr/bin/env python3
"""`npm run docs`: execute cfcml's notebooks and publish them as a static site in site/.

Usage: build_docs.py [--out DIR] [--reuse] [NAME ...]
  NAME      notebooks to publish, by file name or prefix (e.g. 00-smoke or 02); default: every notebooks/*.ipynb
  --reuse   use notebooks/.executed/<name>.ipynb where it exists instead of executing again
  --out     output folder (default site/)

The site works offline and from the file system (file://): each page is one notebook with its code
(highlighted), its maths (MathJax 2 from Debian's libjs-mathjax, copied in), its tables, and its figures,
interactive through the copy of plotly.js (plotly.js-dist) in assets/ and with the PNG shown until
plotly.js has drawn them. index.html lists the notebooks with their titles and first paragraphs.
A notebook that fails to execute fails the build (exit status 1), after the others were published.
"""
import argparse
import glob
import html
import json
import os
import re
import shutil
import sys

import nbformat
from nbconvert import HTMLExporter
from pygments.formatters import HtmlFormatter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import run_notebooks  # noqa: E402  (executes with the repo-local tslab kernel)

MATHJAX_SRC = os.environ.get("CFCML_MATHJAX", "/usr/share/javascript/mathjax")
# The parts of MathJax 2 that TeX input + SVG output need (SVG output needs no web fonts).
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_SVG.js", "jax/input/TeX", "jax/output/SVG/config.js",
                 "jax/output/SVG/jax.js", "jax/output/SVG/autoload", "jax/output/SVG/fonts/TeX", "jax/element",
                 "extensions"]

CSS = """
body { font: 15px/1.55 -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; color: #222; margin: 0; }
main, header.site { max-width: 1060px; margin: 0 auto; padding: 0 24px; }
header.site { padding-top: 14px; font-size: 13px; color: #555; }
header.site a { color: #0072B2; text-decoration: none; }
h1, h2, h3 { line-height: 1.25; } h1 { font-size: 1.9em; } h2 { margin-top: 1.6em; }
a { color: #0072B2; }
code { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em; }
.cell { margin: 10px 0; }
.input_area, .highlight { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; }
.input_area pre, .highlight pre { margin: 0; padding: 8px 10px; overflow-x: auto; font-size: 13px; line-height: 1.4; }
.prompt { display: none; }
.output_area { margin: 6px 0 6px 0; overflow-x: auto; }
.output_area pre { margin: 0; padding: 4px 10px; font-size: 13px; white-space: pre-wrap; }
.output_stderr pre { background: #fdd; }
.output_subarea table { border-collapse: collapse; font-size: 13px; margin: 4px 0; }
.output_subarea th, .output_subarea td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
.output_subarea caption { caption-side: top; text-align: left; font-weight: bold; padding: 2px 0; }
.output_png img, .cfcml-figure img { max-width: 100%; height: auto; }
.text_cell_render { padding: 0 2px; }
.anchor-link { visibility: hidden; margin-left: 0.3em; text-decoration: none; color: #999; }
h1:hover .anchor-link, h2:hover .anchor-link, h3:hover .anchor-link { visibility: visible; }
ul.notebooks { list-style: none; padding: 0; } ul.notebooks li { margin: 0 0 18px; }
ul.notebooks a { font-size: 1.15em; font-weight: 600; }
footer { max-width: 1060px; margin: 40px auto 20px; padding: 0 24px; color: #777; font-size: 12px; }
"""

MATHJAX_CONFIG = """<script type="text/x-mathjax-config">
MathJax.Hub.Config({
  tex2jax: { inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
             processEscapes: true, processEnvironments: true },
  SVG: { font: 'TeX' }, showMathMenu: false, messageStyle: 'none', menuSettings: { zoom: 'None' }
});
</script>"""


def page(title, body, root, math):
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>%s</title>" % html.escape(title),
        '<link rel="stylesheet" href="%sassets/site.css">' % root,
        '<link rel="stylesheet" href="%sassets/pygments.css">' % root,
    ]
    if math:
        head += [MATHJAX_CONFIG, '<script src="%sassets/mathjax/MathJax.js?config=TeX-AMS_SVG"></script>' % root]
    # plotly.js before the outputs: their scripts find window.Plotly and draw at once.
    head.append('<script src="%sassets/plotly.js" charset="utf-8"></script>' % root)
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n%s\n</head>\n<body>\n"
            "<header class=\"site\"><a href=\"%sindex.html\">cfcml notebooks</a></header>\n"
            "<main>\n%s\n</main>\n<footer>Executed with the tslab kernel by <code>npm run docs</code>.</footer>\n"
            "</body>\n</html>\n") % ("\n".join(head), root, body)


def copy_assets(out):
    assets = os.path.join(out, "assets")
    os.makedirs(assets, exist_ok=True)
    with open(os.path.join(assets, "site.css"), "w") as f:
        f.write(CSS)
    with open(os.path.join(assets, "pygments.css"), "w") as f:
        f.write(HtmlFormatter(style="default").get_style_defs(".highlight"))
    plotly = os.path.join(ROOT, "node_modules", "plotly.js-dist", "plotly.js")
    if not os.path.exists(plotly):
        sys.exit("docs: %s is missing; run `npm install`" % plotly)
    shutil.copyfile(plotly, os.path.join(assets, "plotly.js"))
    if not os.path.exists(os.path.join(MATHJAX_SRC, "MathJax.js")):
        print("docs: no MathJax at %s (Debian: apt-get install libjs-mathjax, or `npm run setup`); "
              "maths stays as TeX source" % MATHJAX_SRC)
        return False
    dst = os.path.join(assets, "mathjax")
    shutil.rmtree(dst, ignore_errors=True)
    for part in MATHJAX_PARTS:
        src = os.path.join(MATHJAX_SRC, part)
        target = os.path.join(dst, part)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        # Debian links some files to other packages; copy the content, never the link.
        if os.path.isdir(src):
            shutil.copytree(src, target, symlinks=False)
        else:
            shutil.copyfile(src, target)
    return True


def summary(nb):
    """The notebook's title (first heading) and first paragraph (markdown source, plain text)."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.strip().split("\n")
        title = re.sub(r"^#+\s*", "", lines[0]).strip()
        paras = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
        first = re.sub(r"\s+", " ", paras[0]) if paras else ""
        return title, first
    return "(untitled)", ""


def md_inline(text):
    """Plain text with `code`, **bold** and *italics* kept, for the index (maths is left to MathJax)."""
    t = html.escape(text)
    t = re.sub(r"`([^`]+)`", r"<code>\1</code>", t)
    t = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", t)
    return re.sub(r"(?<![*\w])\*([^*\s][^*]*)\*(?!\*)", r"<em>\1</em>", t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*")
    ap.add_argument("--out", default=os.path.join(ROOT, "site"))
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    if args.names:
        paths = [p for p in paths if any(os.path.basename(p).startswith(n.replace(".ipynb", "")) for n in args.names)]
    if not paths:
        sys.exit("docs: no notebook matches %s" % " ".join(args.names))
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    math = copy_assets(out)
    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    entries, failed = [], []
    for path in paths:
        name = os.path.basename(path)
        executed = os.path.join(os.path.dirname(path), ".executed", name)
        if not (args.reuse and os.path.exists(executed)):
            if not run_notebooks.run(path):
                failed.append(name)
                continue
        nb = nbformat.read(executed, as_version=4)
        body, _ = exporter.from_notebook_node(nb)
        title, first = summary(nb)
        html_name = name.replace(".ipynb", ".html")
        with open(os.path.join(out, html_name), "w", encoding="utf-8") as f:
            f.write(page(title, body, "", math))
        entries.append((html_name, title, first))
        print("docs: %s" % os.path.join(os.path.relpath(out, ROOT), html_name))
    items = "\n".join('<li><a href="%s">%s</a><br>%s</li>' % (h, md_inline(t), md_inline(p)) for h, t, p in entries)
    body = ("<h1>cfcml: coarse-to-fine crossmodal learning, in notebooks</h1>\n"
            "<p>Each page is a notebook executed top to bottom on the synthetic Derm7pt cohort. Figures are "
            "interactive (hover, zoom); they show as pictures where scripts do not run.</p>\n"
            "<ul class=\"notebooks\">\n%s\n</ul>") % items
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(page("cfcml notebooks", body, "", math))  # the first paragraphs hold maths too
    print("docs: %s (%d page(s))" % (os.path.join(os.path.relpath(out, ROOT), "index.html"), len(entries)))
    if failed:
        print("docs: FAILED to execute: %s" % ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
