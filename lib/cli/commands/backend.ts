import type { CommandSpec } from '../args';
import { backendReport, initBackend } from '../../backend';

export const backendCommand: CommandSpec = {
  name: 'backend',
  summary: 'pick the compute backend and print it with the kernels this project registered',
  options: [],
  async run() {
    const name = await initBackend();
    const report = backendReport();
    console.log(`backend: ${name}`);
    console.log(`project kernels (${report.projectKernels.length}): ${report.projectKernels.join(', ') || '(none)'}`);
    return 0;
  },
};
