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
export type Danfo = any;
export declare function loadDanfo(): Danfo;
