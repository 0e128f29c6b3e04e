import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { chromium } from 'playwright-core';
import { rocCurveFigure } from '../../lib/plots/curves';
import { confusionMatrixFigure } from '../../lib/plots/heatmaps';
import { DEFAULT_CHROMIUM, closeRenderer, rendererStats, renderFigure, saveFigure } from '../../lib/plots/render';
import { CfcmlError } from '../../lib/util/errors';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcml-plots-'));
after(async () => {
  await closeRenderer();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const roc = rocCurveFigure([
  { name: 'CFCML', fpr: [0, 0.1, 0.3, 1], tpr: [0, 0.6, 0.9, 1], auc: 0.91, ci: [0.88, 0.94] },
  { name: 'image only', fpr: [0, 0.2, 0.5, 1], tpr: [0, 0.4, 0.8, 1], auc: 0.8 },
]);

/** Width and height from a PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
function pngSize(b: Buffer): { width: number; height: number } {
  assert.deepEqual([...b.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(b.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('saveFigure writes a real PNG, SVG and PDF of the requested size, reusing one browser', async () => {
  const launchesBefore = rendererStats().launches;
  const files = await saveFigure(roc, path.join(tmp, 'figures', 'roc'), { formats: ['png', 'svg', 'pdf'], width: 500, height: 400, scale: 2 });
  assert.deepEqual(files, ['png', 'svg', 'pdf'].map((e) => path.join(tmp, 'figures', `roc.${e}`)));
  assert.deepEqual(fs.readdirSync(path.join(tmp, 'figures')).sort(), ['roc.pdf', 'roc.png', 'roc.svg'], 'no temp files left');

  assert.deepEqual(pngSize(fs.readFileSync(files[0])), { width: 1000, height: 800 });

  const svg = fs.readFileSync(files[1], 'utf8');
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  assert.match(root, /\swidth="1000"/);
  assert.match(root, /\sheight="800"/);
  assert.match(root, /viewBox="0 0 500 400"/);

  const pdf = fs.readFileSync(files[2]);
  assert.equal(pdf.subarray(0, 5).toString('ascii'), '%PDF-');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  assert.ok(box, 'PDF has a MediaBox');
  // 500×400 CSS px = 375×300 pt at 96 px/in.
  assert.ok(Math.abs(+box[1] - 375) < 1 && Math.abs(+box[2] - 300) < 1, `MediaBox ${box[1]}×${box[2]}`);

  // A second, different figure: same browser.
  const png2 = await renderFigure(confusionMatrixFigure([[5, 1], [2, 7]], ['a', 'b'], { normalize: 'true' }), { width: 300, height: 300, scale: 1 });
  assert.deepEqual(pngSize(png2), { width: 300, height: 300 });
  assert.equal(rendererStats().launches - launchesBefore, 1, 'one browser launch for all renders');

  // The SVG is a real image: a browser decodes it at its stated size.
  const browser = await chromium.launch({ executablePath: DEFAULT_CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const dims = await page.evaluate(async (src) => {
      const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
      const img = new Image();
      img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(src)));
      await img.decode();
      return { parseError: doc.getElementsByTagName('parsererror').length, w: img.naturalWidth, h: img.naturalHeight };
    }, svg);
    assert.deepEqual(dims, { parseError: 0, w: 1000, h: 800 });
  } finally {
    await browser.close();
  }
});

test('closeRenderer closes the browser; a closed or dead browser is replaced on the next render', async () => {
  await renderFigure(roc, { width: 200, height: 150, scale: 1 });
  const first = rendererStats();
  assert.ok(first.open && first.pid);
  await closeRenderer();
  assert.equal(rendererStats().open, false);
  assert.equal(isAlive(first.pid), false, 'chromium process gone');
  await closeRenderer(); // idempotent

  assert.deepEqual(pngSize(await renderFigure(roc, { width: 200, height: 150, scale: 1 })), { width: 200, height: 150 });
  const second = rendererStats();
  assert.equal(second.launches, first.launches + 1);

  // Killed from outside (OOM killer, crash): forgotten, and the next render launches a new one.
  assert.ok(second.pid);
  process.kill(second.pid, 'SIGKILL');
  for (let i = 0; i < 50 && rendererStats().open; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(rendererStats().open, false, 'dead browser forgotten');
  assert.deepEqual(pngSize(await renderFigure(roc, { width: 200, height: 150, scale: 1 })), { width: 200, height: 150 });
  assert.equal(rendererStats().launches, second.launches + 1);
  await closeRenderer();
});

test('a missing Chromium is a CfcmlError naming /usr/bin/chromium and the apt command', async () => {
  await closeRenderer();
  process.env.CFCML_CHROMIUM = path.join(tmp, 'no-such-chromium');
  try {
    await assert.rejects(renderFigure(roc), (e: unknown) => {
      assert.ok(e instanceof CfcmlError);
      assert.match(e.message, /no-such-chromium/);
      assert.match(e.message, /\/usr\/bin\/chromium/);
      assert.match(e.message, /apt-get install chromium/);
      return true;
    });
  } finally {
    delete process.env.CFCML_CHROMIUM;
  }
});

test('bad sizes are rejected before any browser work', async () => {
  await assert.rejects(renderFigure(roc, { width: 0 }), /width must be a positive number/);
});

test('a script that renders and never calls closeRenderer still exits, and leaves no browser behind', () => {
  const renderJs = path.resolve(__dirname, '../../lib/plots/render.js');
  const script = `
    const r = require(${JSON.stringify(renderJs)});
    r.renderFigure({ data: [{ y: [1, 3, 2] }], layout: {} }, { width: 100, height: 80, scale: 1 })
      .then((b) => { console.log(JSON.stringify({ bytes: b.length, pid: r.rendererStats().pid })); });`;
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(res.signal, null, `child hung (killed by ${res.signal}); stderr: ${res.stderr}`);
  assert.equal(res.status, 0, res.stderr);
  const { bytes, pid } = JSON.parse(res.stdout.trim());
  assert.ok(bytes > 100);
  assert.equal(isAlive(pid), false, 'browser closed at exit');
});
