import type { CommandSpec } from '../args';
import { backendReport, initBackend } from '../../backend';
import { channelNormKernelPath } from '../../backend/kernels/channelNorm';

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
    return 0;
  },
};
