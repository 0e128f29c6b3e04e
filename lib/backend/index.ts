// Placeholder: the backend helper replaces this with the real selection + wasm kernels.
import * as tf from '@tensorflow/tfjs';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';
let picked: BackendName | null = null;

export async function initBackend(): Promise<BackendName> {
  if (picked) return picked;
  await tf.setBackend('cpu');
  picked = 'cpu';
  return picked;
}

export function backendReport(): { backend: BackendName | null; projectKernels: string[] } {
  return { backend: picked, projectKernels: [] };
}
