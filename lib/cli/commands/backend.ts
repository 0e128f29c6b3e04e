import type { CommandSpec } from '../args';
import { backendReport, initBackend } from '../../backend';
import { channelNormKernelPath } from '../../backend/kernels/channelNorm';
import { numericsFingerprint } from '../../run/numerics';

export const backendCommand: CommandSpec = {
  name: 'backend',
  summary: 'pick the compute backend and print it with the kernels this project registered and the dense products\' path (native BLAS or wasm)',
  options: [],
  async run() {
    const name = await initBackend();
    const report = backendReport();
    console.log(`backend: ${name}`);
    console.log(`project kernels (${report.projectKernels.length}): ${report.projectKernels.join(', ') || '(none)'}`);
    const cp = report.computePath;
    if (cp) {
      console.log(`dense products: ${cp.path} (${cp.reason})`);
      if (cp.path === 'wasm') console.log(`native BLAS: ${cp.blas.library ?? `none (${cp.blas.reason})`}`);
      console.log(`channel LayerNorm: ${channelNormKernelPath()}`);
    }
    // Which arithmetic a run started now would record: runs with different ones never share a table.
    console.log(`numerics fingerprint: ${numericsFingerprint()} (recorded in every run's options.json; a sweep refuses to mix them)`);
    return 0;
  },
};
