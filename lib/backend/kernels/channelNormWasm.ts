/**
 * The channel LayerNorm's row loops (channelNorm.ts) as a WebAssembly SIMD module that works in place on the
 * tfjs-wasm heap: it imports the backend's own WebAssembly.Memory, so the kernels pass tensor addresses, taken
 * from the heap at each call, and nothing is copied. Assembled at load time (wasmAsm.ts).
 *
 * The arithmetic is the JavaScript loops' in float64: two channels at a time as f64x2 (each float32 pair loaded and
 * promoted in one step), four per loop iteration, every output rounded once to float32 on the store; an odd last
 * channel is done alone in scalar float64. The forward's element operations are the loops' own, in the same order;
 * only its row sums Σx, Σx² are added in another order (even and odd channels apart, then together), which moves
 * them by float64 rounding. The backward reads a row twice, not three times: Σx, Σx², Σg, Σg·x in one pass, with
 * Σg·x̂ = r·(Σg·x − μ·Σg), then dx, dγ and dβ (float64 per channel, over the rows in order, as the loops).
 */
import { assemble, type AsmFunction } from './wasmAsm';

/** float32 pair at `base` + $j + `off` as f64x2. */
const pair = (base: string, off: number): string => `local.get ${base} local.get $j i32.add v128.load64_zero offset=${off} f64x2.promote_low_f32x4`;
/** The last, odd channel at `base` + $n2 as f64. */
const last = (base: string): string => `local.get ${base} local.get $n2 i32.add f32.load f64.promote_f32`;

/**
 * A loop over a row's even channels: `body(off, k)` for the pair at $j + off, four channels per iteration (pairs
 * k = 0 and 1, their own accumulators for parallel adds), then one pair alone where C mod 4 is 2 or 3.
 */
function pairs(label: string, body: (off: number, k: number) => string): string {
  return `
    i32.const 0 local.set $j
    block $${label}e
      local.get $n4 i32.eqz br_if $${label}e
      loop $${label}
        ${body(0, 0)}
        ${body(8, 1)}
        local.get $j i32.const 16 i32.add local.tee $j local.get $n4 i32.lt_u br_if $${label}
      end
    end
    local.get $n2 local.get $n4 i32.ne
    if
      ${body(0, 0)}
    end`;
}

/** The two lanes of accumulators a0 + a1 added, as f64. */
const total = (a: string): string => `local.get $${a}0 local.get $${a}1 f64x2.add local.tee $v f64x2.extract_lane 0 local.get $v f64x2.extract_lane 1 f64.add`;
const zero = (...names: string[]): string => names.map((n) => `f64.const 0 f64x2.splat local.set $${n}`).join('\n');

/**
 * A row's sums Σx and Σx² (pairs into $s0/$s1, $q0/$q1; the odd channel, kept in $t, into $sum, $sq) with `more`
 * sums of the same pass, then μ, r = 1/√(max(Σx²/C − μ², 0) + ε) (as rowStats in channelNorm.ts) and their splats.
 */
function rowStats(more: { zero: string[]; pair: (off: number, k: number) => string; totals: string; odd: string }): string {
  return `
  ${zero('s0', 's1', 'q0', 'q1', ...more.zero)}
  ${pairs('st', (off, k) => `
    ${pair('$xr', off)} local.tee $v local.get $s${k} f64x2.add local.set $s${k}
    local.get $v local.get $v f64x2.mul local.get $q${k} f64x2.add local.set $q${k}
    ${more.pair(off, k)}`)}
  ${total('s')} local.set $sum
  ${total('q')} local.set $sq
  ${more.totals}
  local.get $odd
  if
    ${last('$xr')} local.set $t
    local.get $sum local.get $t f64.add local.set $sum
    local.get $sq local.get $t local.get $t f64.mul f64.add local.set $sq
    ${more.odd}
  end
  local.get $sum local.get $invC f64.mul local.set $mu
  f64.const 1
  local.get $sq local.get $invC f64.mul local.get $mu local.get $mu f64.mul f64.sub f64.const 0 f64.max
  local.get $eps f64.add f64.sqrt f64.div local.set $r
  local.get $mu f64x2.splat local.set $mu2
  local.get $r f64x2.splat local.set $r2`;
}

/** Per-call set-up: $n4, $n2 = bytes of the channels in fours and in pairs, $nb = bytes of a row, $invC = 1/C. */
const SETUP = `
  local.get $C i32.const -4 i32.and i32.const 2 i32.shl local.set $n4
  local.get $C i32.const -2 i32.and i32.const 2 i32.shl local.set $n2
  local.get $C i32.const 2 i32.shl local.set $nb
  local.get $C i32.const 1 i32.and local.set $odd
  f64.const 1 local.get $C f64.convert_i32_u f64.div local.set $invC
`;

const STATS_LOCALS: [string, 'i32' | 'f64' | 'v128'][] = [
  ['j', 'i32'], ['n4', 'i32'], ['n2', 'i32'], ['nb', 'i32'], ['odd', 'i32'],
  ['s0', 'v128'], ['s1', 'v128'], ['q0', 'v128'], ['q1', 'v128'], ['v', 'v128'], ['mu2', 'v128'], ['r2', 'v128'],
  ['sum', 'f64'], ['sq', 'f64'], ['t', 'f64'], ['mu', 'f64'], ['r', 'f64'], ['invC', 'f64'],
];

/** Next row: advance the pointers by a row, count $P down, loop while rows are left. */
const nextRow = (...ptrs: string[]): string => `
  ${ptrs.map((p) => `local.get ${p} local.get $nb i32.add local.set ${p}`).join('\n')}
  local.get $P i32.const 1 i32.sub local.tee $P br_if $row`;

/** y = ((x − μ)·r)·γ + β per row; P rows of C channels; x, gamma, beta, y are byte addresses of float32 data. */
const FORWARD: AsmFunction = {
  name: 'forward',
  params: [['xr', 'i32'], ['g', 'i32'], ['b', 'i32'], ['yr', 'i32'], ['P', 'i32'], ['C', 'i32'], ['eps', 'f64']],
  locals: STATS_LOCALS,
  body: `${SETUP}
  block $done
    local.get $P i32.eqz br_if $done
    loop $row
      ${rowStats({ zero: [], pair: () => '', totals: '', odd: '' })}
      ${pairs('y', (off) => `
        local.get $yr local.get $j i32.add
        ${pair('$xr', off)} local.get $mu2 f64x2.sub local.get $r2 f64x2.mul
        ${pair('$g', off)} f64x2.mul
        ${pair('$b', off)} f64x2.add
        f32x4.demote_f64x2_zero v128.store64_lane offset=${off} 0`)}
      local.get $odd
      if
        local.get $yr local.get $n2 i32.add
        ${last('$xr')} local.get $mu f64.sub local.get $r f64.mul
        ${last('$g')} f64.mul
        ${last('$b')} f64.add
        f32.demote_f64 f32.store
      end
      ${nextRow('$xr', '$yr')}
    end
  end`,
};

/**
 * dx = r·((g − mean g) − x̂·mean(g·x̂)) per row with g = dy·γ, x̂ = (x − μ)·r; dγ += dy·x̂ and dβ += dy into the
 * float64 accumulators at `acc` (C of each, dγ first: 8-byte aligned, zeroed by the caller). Two passes over a
 * row: the sums Σx, Σx², Σg and Σg·x first, with Σg·x̂ = r·(Σg·x − μ·Σg) (its cancellation costs about
 * ε_float64·|μ|/σ relative, milder than the variance's), then dx, dγ and dβ.
 */
const BACKWARD: AsmFunction = {
  name: 'backward',
  params: [['dyr', 'i32'], ['xr', 'i32'], ['g', 'i32'], ['dxr', 'i32'], ['acc', 'i32'], ['P', 'i32'], ['C', 'i32'], ['eps', 'f64']],
  locals: [...STATS_LOCALS, ['accB', 'i32'], ['a', 'i32'], ['d', 'v128'], ['xh', 'v128'], ['gg', 'v128'],
    ['sg0', 'v128'], ['sg1', 'v128'], ['sgx0', 'v128'], ['sgx1', 'v128'], ['sg', 'v128'], ['sgx', 'v128'],
    ['sgS', 'f64'], ['sgxS', 'f64'], ['ds', 'f64'], ['xhs', 'f64'], ['ggs', 'f64']],
  body: `${SETUP}
  local.get $acc local.get $C i32.const 3 i32.shl i32.add local.set $accB
  block $done
    local.get $P i32.eqz br_if $done
    loop $row
      ${rowStats({
        zero: ['sg0', 'sg1', 'sgx0', 'sgx1'],
        pair: (off, k) => `
          ${pair('$dyr', off)} ${pair('$g', off)} f64x2.mul local.tee $gg local.get $sg${k} f64x2.add local.set $sg${k}
          local.get $gg local.get $v f64x2.mul local.get $sgx${k} f64x2.add local.set $sgx${k}`,
        totals: `${total('sg')} local.set $sgS ${total('sgx')} local.set $sgxS`,
        odd: `
          ${last('$dyr')} ${last('$g')} f64.mul local.set $ggs
          local.get $sgS local.get $ggs f64.add local.set $sgS
          local.get $sgxS local.get $ggs local.get $t f64.mul f64.add local.set $sgxS`,
      })}
      ;; mean g, and mean g·x̂ = r·(Σg·x − μ·Σg)/C
      local.get $sgxS local.get $mu local.get $sgS f64.mul f64.sub local.get $r f64.mul local.get $invC f64.mul
      local.tee $sgxS f64x2.splat local.set $sgx
      local.get $sgS local.get $invC f64.mul local.tee $sgS f64x2.splat local.set $sg
      ${pairs('dx', (off) => `
        ${pair('$dyr', off)} local.set $d
        ${pair('$xr', off)} local.get $mu2 f64x2.sub local.get $r2 f64x2.mul local.set $xh
        local.get $dxr local.get $j i32.add
        local.get $r2
        local.get $d ${pair('$g', off)} f64x2.mul local.get $sg f64x2.sub
        local.get $xh local.get $sgx f64x2.mul
        f64x2.sub f64x2.mul
        f32x4.demote_f64x2_zero v128.store64_lane offset=${off} 0
        local.get $j i32.const 1 i32.shl local.set $a
        local.get $acc local.get $a i32.add
        local.get $acc local.get $a i32.add v128.load offset=${2 * off} local.get $d local.get $xh f64x2.mul f64x2.add
        v128.store offset=${2 * off}
        local.get $accB local.get $a i32.add
        local.get $accB local.get $a i32.add v128.load offset=${2 * off} local.get $d f64x2.add
        v128.store offset=${2 * off}`)}
      local.get $odd
      if
        ${last('$dyr')} local.set $ds
        ${last('$xr')} local.get $mu f64.sub local.get $r f64.mul local.set $xhs
        local.get $dxr local.get $n2 i32.add
        local.get $r
        local.get $ds ${last('$g')} f64.mul local.get $sgS f64.sub
        local.get $xhs local.get $sgxS f64.mul
        f64.sub f64.mul
        f32.demote_f64 f32.store
        local.get $n2 i32.const 1 i32.shl local.set $a
        local.get $acc local.get $a i32.add
        local.get $acc local.get $a i32.add f64.load local.get $ds local.get $xhs f64.mul f64.add f64.store
        local.get $accB local.get $a i32.add
        local.get $accB local.get $a i32.add f64.load local.get $ds f64.add f64.store
      end
      ${nextRow('$xr', '$dyr', '$dxr')}
    end
  end`,
};

export interface ChannelNormWasm {
  forward(x: number, gamma: number, beta: number, y: number, P: number, C: number, eps: number): void;
  backward(dy: number, x: number, gamma: number, dx: number, acc: number, P: number, C: number, eps: number): void;
}

const instances = new WeakMap<WebAssembly.Memory, ChannelNormWasm>();

/** The module instantiated on `memory` (once per memory). Throws where the engine cannot compile it. */
export function channelNormWasm(memory: WebAssembly.Memory): ChannelNormWasm {
  let k = instances.get(memory);
  if (!k) {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const bytes = assemble([FORWARD, BACKWARD], { shared });
    const { forward, backward } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
    if (typeof forward !== 'function' || typeof backward !== 'function') throw new Error('channelNormWasm: module lacks its functions');
    k = { forward, backward } as ChannelNormWasm;
    instances.set(memory, k);
  }
  return k;
}
