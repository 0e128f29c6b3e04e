/**
 * danfojs-node, loaded safely next to cfcml's tfjs.
 *
 * danfojs-node 1.2 brings its own tfjs 3.21 (through the package.json override that maps
 * `@tensorflow/tfjs-node` to plain tfjs). Both tfjs copies share tfjs's global registries
 * (`globalThis._tfGlobals`: kernels and gradients). Loading 3.21 after 4.22 would print one "already
 * registered" warning per kernel and — worse — *replace every gradient* with 3.21's version, silently
 * changing training in the same process. So this loader snapshots both registries, requires danfojs,
 * restores every entry that existed before (new entries only 3.21 knows are harmless and kept), and hides
 * exactly those warnings.
 */
// The DataFrame API is typed loosely on purpose: danfojs's own types pull in its tfjs 3 typings.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Danfo = any;

let cached: Danfo | null = null;

type Registry = Map<string, unknown>;

function tfRegistries(): Registry[] {
  const globals = (globalThis as { _tfGlobals?: Map<string, unknown> })._tfGlobals;
  if (!globals) return [];
  return ['kernelRegistry', 'gradRegistry'].map((k) => globals.get(k)).filter((m): m is Registry => m instanceof Map);
}

export function loadDanfo(): Danfo {
  if (cached) return cached;
  // Make sure cfcml's tfjs registered first, so its entries are the ones restored.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require('@tensorflow/tfjs');
  const registries = tfRegistries();
  const snapshots = registries.map((r) => new Map(r));
  const warn = console.warn;
  const log = console.log;
  const quiet = (orig: (...a: unknown[]) => void) => (...args: unknown[]) => {
    const s = String(args[0] ?? '');
    if (/already registered|Overriding the gradient|Platform node has already been set|backend was already registered/.test(s)) return;
    orig(...args);
  };
  console.warn = quiet(warn);
  console.log = quiet(log);
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    cached = require('danfojs-node');
  } finally {
    console.warn = warn;
    console.log = log;
    registries.forEach((r, i) => {
      for (const [k, v] of snapshots[i]) r.set(k, v);
    });
  }
  return cached;
}
