import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The layering of lib/ that docs/ARCHITECTURE.md states (its ```layers block) is the one the code has: every
 * import in lib/ goes to its own folder or to a lower line of the block, and no file imports itself back
 * through others. A failure names the file and the import.
 */
const ROOT = path.join(__dirname, '../../..');
const LIB = path.join(ROOT, 'lib');

/** One line of the block: its units, each a folder ("run"), a file set ("train/{trainer,evalRun}.ts") or a root file ("index.ts"). */
type Layers = string[][];

/** The ```layers block of a Markdown text, top line first. */
function parseLayers(markdown: string): Layers {
  const m = /```layers\n([\s\S]*?)```/.exec(markdown);
  if (!m) throw new Error('no ```layers block');
  return m[1]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split('|').map((u) => u.trim()));
}

/** The unit a file (path relative to lib/, with '/') belongs to: a file set naming it, else its folder, else itself at the root. */
function unitOf(file: string, layers: Layers): string | undefined {
  const units = layers.flat();
  for (const u of units) {
    const set = /^(.+)\/\{(.+)\}\.ts$/.exec(u);
    if (set && set[2].split(',').some((name) => `${set[1]}/${name.trim()}.ts` === file)) return u;
  }
  const top = file.includes('/') ? file.split('/')[0] : file;
  return units.includes(top) ? top : undefined;
}

/** Relative imports of every file: file → [specifier, resolved file or undefined][] (paths relative to `lib`). */
function importGraph(lib: string): Map<string, [string, string | undefined][]> {
  const list = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const rel = (f: string) => path.relative(lib, f).split(path.sep).join('/');
  const graph = new Map<string, [string, string | undefined][]>();
  for (const file of list(lib)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true); // imports, exports-from, import(), require()
    const deps: [string, string | undefined][] = [];
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), spec);
      if (spec.endsWith('.json') || path.relative(lib, base).startsWith('..')) continue; // data files (package.json, read relative to the build)
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((t) => fs.existsSync(t));
      deps.push([spec, target && rel(target)]);
    }
    graph.set(rel(file), deps);
  }
  return graph;
}

/** Every import that goes sideways or up in the layers, or whose file's unit is not in them. */
function layerViolations(graph: Map<string, [string, string | undefined][]>, layers: Layers): string[] {
  const level = new Map<string, number>();
  layers.forEach((line, i) => line.forEach((u) => level.set(u, layers.length - i)));
  const out: string[] = [];
  for (const [file, deps] of graph) {
    const from = unitOf(file, layers);
    if (from === undefined) {
      out.push(`lib/${file}: its folder is on no line of the layers`);
      continue;
    }
    for (const [spec, target] of deps) {
      if (target === undefined) {
        out.push(`lib/${file} imports '${spec}', which is no file of lib/`);
        continue;
      }
      const to = unitOf(target, layers);
      if (to === undefined || to === from) continue; // an unknown target folder is reported as a file of its own
      if (level.get(to)! >= level.get(from)!) out.push(`lib/${file} imports '${spec}' (lib/${target}): ${from} may not import ${to}, which is not below it`);
    }
  }
  return out;
}

/** Every import cycle between files, as a path `a → b → … → a` (one per strongly connected group). */
function importCycles(graph: Map<string, [string, string | undefined][]>): string[] {
  const next = (f: string) => (graph.get(f) ?? []).map(([, t]) => t).filter((t): t is string => t !== undefined);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || next(v).includes(v)) groups.push(group);
    }
  };
  for (const f of [...graph.keys()].sort()) if (!index.has(f)) visit(f);
  // One concrete cycle per group: a shortest path back to its first file, inside the group.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = [...group].sort()[0];
    const prev = new Map<string, string>();
    const queue = [start];
    let end: string | undefined;
    while (queue.length && end === undefined) {
      const v = queue.shift()!;
      for (const w of next(v)) {
        if (!inGroup.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!prev.has(w)) {
          prev.set(w, v);
          queue.push(w);
        }
      }
    }
    const cycle = [start];
    for (let v = end; v !== undefined && v !== start; v = prev.get(v)) cycle.splice(1, 0, v);
    return [...cycle, start].map((f) => `lib/${f}`).join(' → ');
  });
}

const layers = parseLayers(fs.readFileSync(path.join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8'));

test('every folder of lib/ is on a line of docs/ARCHITECTURE.md\'s layers, and every line names folders that exist', () => {
  const folders = fs.readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const f of folders) assert.ok(unitOf(`${f}/x.ts`, layers) !== undefined, `lib/${f}/ is on no line of the layers`);
  for (const u of layers.flat()) {
    const set = /^(.+)\/\{(.+)\}\.ts$/.exec(u);
    const paths = set ? set[2].split(',').map((n) => path.join(LIB, set[1], `${n.trim()}.ts`)) : [path.join(LIB, u)];
    for (const p of paths) assert.ok(fs.existsSync(p), `the layers name ${path.relative(ROOT, p)}, which does not exist`);
  }
});

test('every import in lib/ follows the stated layering', () => {
  const graph = importGraph(LIB);
  assert.ok(graph.size > 100, `read ${graph.size} files`);
  const edges = [...graph.values()].reduce((n, d) => n + d.length, 0);
  assert.ok(edges > 300, `found ${edges} imports`);
  assert.deepEqual(layerViolations(graph, layers), []);
});

test('no import cycle between files of lib/', () => {
  assert.deepEqual(importCycles(importGraph(LIB)), []);
});

test('the checks fail where they should: an upward or sideways import, an unknown folder, a cycle', () => {
  const toy: Layers = [['cli'], ['train/{loop}.ts'], ['run'], ['train', 'synth'], ['util']];
  const g = (edges: [string, string][]) => {
    const m = new Map<string, [string, string | undefined][]>();
    for (const [a, b] of edges) {
      if (!m.has(a)) m.set(a, []);
      if (!m.has(b)) m.set(b, []);
      m.get(a)!.push([`./${b}`, b]);
    }
    return m;
  };
  assert.equal(unitOf('train/loop.ts', toy), 'train/{loop}.ts');
  assert.equal(unitOf('train/loss.ts', toy), 'train');
  assert.deepEqual(layerViolations(g([['train/loop.ts', 'run/dir.ts'], ['run/dir.ts', 'train/loss.ts'], ['cli/a.ts', 'util/x.ts']]), toy), []);
  assert.deepEqual(layerViolations(g([['train/loss.ts', 'run/dir.ts']]), toy), [
    "lib/train/loss.ts imports './run/dir.ts' (lib/run/dir.ts): train may not import run, which is not below it",
  ]);
  assert.match(layerViolations(g([['synth/a.ts', 'train/loss.ts']]), toy)[0], /synth may not import train/);
  assert.match(layerViolations(g([['gap/a.ts', 'util/x.ts']]), toy)[0], /lib\/gap\/a\.ts: its folder is on no line/);
  assert.deepEqual(importCycles(g([['run/a.ts', 'run/b.ts'], ['run/b.ts', 'run/c.ts'], ['run/c.ts', 'run/a.ts'], ['run/c.ts', 'util/x.ts']])), [
    'lib/run/a.ts → lib/run/b.ts → lib/run/c.ts → lib/run/a.ts',
  ]);
  assert.deepEqual(importCycles(g([['run/a.ts', 'run/b.ts'], ['run/b.ts', 'util/x.ts']])), []);
});
