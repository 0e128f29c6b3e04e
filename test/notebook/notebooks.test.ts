/**
 * The tracked notebooks as files: clean (no outputs, no execution counts — a reader's run never lands in
 * git; `npm run notebooks` never saves over them in the tests), on the repo-local tslab kernel, code a
 * reader can read without scrolling sideways (lines ≤ 100 characters), no `as any`, and no copies of what
 * the library provides (cohort synthesis, the seven-point rule, the backend line on stderr).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const DIR = path.resolve(__dirname, '..', '..', '..', 'notebooks');
const ROOT = path.resolve(DIR, '..');

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}
const text = (c: Cell) => (Array.isArray(c.source) ? c.source.join('') : c.source);
const notebooks = fs.readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();

test('the notebooks are numbered 00, 01, … without gaps, and the README lists each of them', () => {
  assert.ok(notebooks.length >= 7, `only ${notebooks.length} notebooks`);
  assert.deepEqual(notebooks.map((f) => f.slice(0, 3)), notebooks.map((_, i) => `${String(i).padStart(2, '0')}-`));
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const listed = [...readme.matchAll(/^\| `(\d\d-[\w-]+)` \|/gm)].map((m) => `${m[1]}.ipynb`);
  assert.deepEqual(listed, notebooks, "the README's notebook table lists exactly the notebooks/ files");
});

for (const file of notebooks) {
  test(`${file}: clean, tslab kernel, readable code, library helpers instead of copies`, () => {
    const nb = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as { cells: Cell[]; metadata: { kernelspec?: { name?: string } } };
    assert.equal(nb.metadata.kernelspec?.name, 'tslab');
    const code = nb.cells.filter((c) => c.cell_type === 'code');
    assert.ok(code.length > 0);
    code.forEach((c, i) => {
      assert.deepEqual(c.outputs ?? [], [], `code cell ${i} has outputs: run \`/usr/bin/python3 scripts/strip_outputs.py notebooks/${file}\``);
      assert.equal(c.execution_count ?? null, null, `code cell ${i} has an execution count`);
      for (const line of text(c).split('\n')) assert.ok(line.length <= 100, `code cell ${i}: ${line.length} chars: ${line}`);
      const src = text(c);
      assert.ok(!/\bas any\b/.test(src), `code cell ${i} uses \`as any\``);
      assert.ok(!/synthDerm7pt\(/.test(src), `code cell ${i} synthesises the cohort itself (use ensureCohort)`);
      assert.ok(!/pigment_network:\s*\(/.test(src), `code cell ${i} copies the seven-point rule (use SEVEN_POINT)`);
      assert.ok(!/await initBackend\(\)/.test(src), `code cell ${i}: initBackend() without { quiet: true } writes to stderr`);
      assert.ok(!/^\s*await saveFigure\(/m.test(src), `code cell ${i}: a bare saveFigure prints its paths (use show(fig, { save }))`);
      // tslab prints the value of a cell's last expression: `await initBackend()` last would print `wasm`.
      const lastLine = src.trimEnd().split('\n').pop() ?? '';
      assert.ok(!/^await (initBackend|ensureCohort|saveFigure)\(/.test(lastLine), `code cell ${i} ends with a value that tslab prints: ${lastLine}`);
    });
  });
}
