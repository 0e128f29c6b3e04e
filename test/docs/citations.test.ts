import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

/** Every docs file a code comment cites exists, and every quoted heading (docs file, then "Heading") is a heading there. */
const ROOT = path.join(__dirname, '../../..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function headings(doc: string): Set<string> {
  return new Set(
    fs
      .readFileSync(path.join(ROOT, 'docs', doc), 'utf8')
      .split('\n')
      .filter((l) => /^#{1,6} /.test(l))
      .map((l) => l.replace(/^#+ /, '').trim()),
  );
}

test('code comments cite documents and headings that exist', () => {
  let citations = 0;
  let quoted = 0;
  for (const file of [...files(path.join(ROOT, 'lib')), ...files(path.join(ROOT, 'test')), ...files(path.join(ROOT, 'scripts', 'records'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b([A-Z]+\.md)\b(?:[,:]? \(?"([^"]+)")?/g)) {
      const [, doc, heading] = m;
      if (doc === 'README.md') continue;
      citations++;
      const where = `${path.relative(ROOT, file)} cites ${doc}${heading ? ` "${heading}"` : ''}`;
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', doc)), `${where}: no docs/${doc}`);
      if (heading) {
        quoted++;
        assert.ok(headings(doc).has(heading), `${where}: no such heading`);
      }
    }
  }
  assert.ok(citations >= 20 && quoted >= 6, `found ${citations} citations, ${quoted} with a heading`);
});
