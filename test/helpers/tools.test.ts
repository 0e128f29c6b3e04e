import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needTool } from './tools';

function withCi<T>(value: string | undefined, f: () => T): T {
  const before = process.env.CI;
  if (value === undefined) delete process.env.CI;
  else process.env.CI = value;
  try {
    return f();
  } finally {
    if (before === undefined) delete process.env.CI;
    else process.env.CI = before;
  }
}

test('needTool: a present tool goes on, in CI or not', (t) => {
  assert.equal(withCi('true', () => needTool(t, true, 'no Chromium')), true);
  assert.equal(withCi(undefined, () => needTool(t, true, 'no Chromium')), true);
});

test('needTool: under CI=true a missing tool fails the test, naming the tool', (t) => {
  assert.throws(() => withCi('true', () => needTool(t, false, 'no Chromium at /usr/bin/chromium')), /no Chromium at \/usr\/bin\/chromium\. CI=true/);
});

test('needTool: outside CI a missing tool skips the test with the reason', () => {
  const skipped: (string | undefined)[] = [];
  const context = { skip: (reason?: string) => void skipped.push(reason) };
  assert.equal(withCi(undefined, () => needTool(context, false, 'no nbconvert')), false);
  assert.equal(withCi('1', () => needTool(context, false, 'no SLURM')), false); // only CI=true is CI
  assert.deepEqual(skipped, ['no nbconvert', 'no SLURM']);
});
