import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { loadDanfo } from '../../lib/notebook/danfo';
import { formatTable } from '../../lib/notebook/table';

test('loading danfojs leaves tfjs gradients and kernels exactly as they were', async () => {
  await tf.setBackend('cpu');
  const globals = (globalThis as unknown as { _tfGlobals: Map<string, Map<string, unknown>> })._tfGlobals;
  const grads = globals.get('gradRegistry')!;
  const kernels = globals.get('kernelRegistry')!;
  const convGrad = grads.get('Conv2D');
  const matMulKernel = kernels.get('cpu_BatchMatMul');
  assert.ok(convGrad && matMulKernel);
  const before = new Map(grads);
  const x = tf.randomNormal([1, 5, 5, 2], 0, 1, 'float32', 3);
  const w = tf.randomNormal([3, 3, 2, 2], 0, 1, 'float32', 4);
  const g1 = tf.grad((f) => tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same')))(w);
  const dfd = loadDanfo();
  const df = new dfd.DataFrame({ a: [1, 2, 3] });
  assert.deepEqual(df.sum({ axis: 0 }).values, [6]);
  assert.equal(grads.get('Conv2D'), convGrad, 'Conv2D gradient is still cfcml tfjs 4.22 one');
  assert.equal(kernels.get('cpu_BatchMatMul'), matMulKernel);
  for (const [k, v] of before) assert.equal(grads.get(k), v, `gradient ${k} unchanged`);
  const g2 = tf.grad((f) => tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same')))(w);
  assert.deepEqual(Array.from(await g2.data()), Array.from(await g1.data()));
  tf.dispose([x, w, g1, g2]);
});

test('formatTable pads columns and formats numbers', () => {
  const t = formatTable([{ field: 'sex', auc: 0.51234 }, { field: 'management', auc: 1 }], { digits: 3 });
  assert.equal(t, ['field       auc', '----------  -----', 'sex         0.512', 'management  1'].join('\n'));
});
