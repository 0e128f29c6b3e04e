/**
 * danfojs-node, loaded quietly. danfojs-node 1.2 brings its own tfjs 3.21 (through the package.json
 * override), whose kernels try to register a second time in tfjs's global registry and print one
 * "already registered" warning per kernel (hundreds of lines). cfcml's own tfjs (4.22) registered first,
 * so those warnings are harmless; this loader hides exactly them. Call `initBackend()` before it.
 */
// The DataFrame API is typed loosely on purpose: danfojs's own types pull in its tfjs 3 typings.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Danfo = any;

let cached: Danfo | null = null;

export function loadDanfo(): Danfo {
  if (cached) return cached;
  const warn = console.warn;
  const log = console.log;
  const quiet = (orig: (...a: unknown[]) => void) => (...args: unknown[]) => {
    const s = String(args[0] ?? '');
    if (/already registered|Platform node has already been set|backend was already registered/.test(s)) return;
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
  }
  return cached;
}
