/**
 * AvgPoolGrad on wasm for non-overlapping, unpadded windows (filter = stride, e.g. 2×2/2): the
 * gradient is dy spread evenly over each window,
 *   dx[b, oh·kh + i, ow·kw + j, c] = dy[b, oh, ow, c] / (kh·kw),
 * i.e. one broadcasting Multiply of dy viewed [B, OH, 1, OW, 1, C] by a [1, 1, KH, 1, KW, 1] constant.
 * The stock kernel loops per element (≈33 ms for [32,64,64,16] → [32,32,32,16]). Other pooling
 * geometries fall back to it.
 */
import * as tf from '@tensorflow/tfjs';
import { free, KernelArgs, run, view } from './util';

export const KERNEL_NAME = 'AvgPoolGrad';

export function avgPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { inputs, backend, attrs = {} } = args;
  const { dy, input: x } = inputs;
  const { filterSize, strides, pad } = attrs as {
    filterSize: number | [number, number];
    strides: number | [number, number];
    pad: 'valid' | 'same' | number;
  };
  const ci = tf.backend_util.computePool2DInfo(x.shape as [number, number, number, number], filterSize, strides, 1, pad);
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = ci;
  const { outHeight: oh, outWidth: ow, inHeight: H, inWidth: W, batchSize: b, inChannels: c } = ci;
  const p = ci.padInfo;
  if (kh !== sh || kw !== sw || oh * kh !== H || ow * kw !== W || p.top || p.left || p.bottom || p.right || dy.dtype !== 'float32') {
    return run(KERNEL_NAME, backend, inputs, attrs);
  }
  const scale = backend.makeOutput([1, 1, kh, 1, kw, 1], 'float32');
  (backend.typedArrayFromHeap(scale) as Float32Array).fill(1 / (kh * kw));
  const dx = run('Multiply', backend, { a: view(dy, [b, oh, 1, ow, 1, c]), b: scale }); // [B, OH, KH, OW, KW, C]
  free(backend, scale);
  return view(dx, [b, H, W, c]);
}
