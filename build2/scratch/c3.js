const tf = require('@tensorflow/tfjs');
const be = require('../lib/backend');
const M = require('../bench/measure');
(async () => {
  await be.initBackend({ backend: 'wasm', quiet: true });
  for (const [xs, c] of [[[24,8,12,12,8],8],[[24,4,6,6,16],16],[[24,2,3,3,24],24]]) {
    const x = tf.randomNormal(xs), dy = tf.randomNormal([...xs.slice(0,4), c]);
    const f = () => tf.engine().runKernel('Conv3DBackpropFilterV2', { x, dy }, { strides: 1, pad: 'same', filterShape: [3,3,3,xs[4],c] });
    const t = M.timedPaths(['native-blas','wasm'], () => f().dispose(), 5, 1);
    console.log(JSON.stringify(xs), 'native', t['native-blas'].median.toFixed(1), 'wasm', t.wasm.median.toFixed(1));
  }
})();
