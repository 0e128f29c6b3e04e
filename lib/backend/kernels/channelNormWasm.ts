/**
 * The channel LayerNorm's row loops (channelNorm.ts) as a WebAssembly SIMD module that works in place on the
 * tfjs-wasm heap: it imports the backend's own WebAssembly.Memory, so the kernels pass tensor addresses, taken
 * from the heap at each call, and nothing is copied. Assembled at load time (wasmAsm.ts).
 *
 * The arithmetic is the JavaScript loops' own, in float64: two channels at a time as f64x2 (each float32 pair
 * loaded and promoted in one step), every element's operations in the same order, rounded once to float32 on the
 * store. Only the row sums (Σx, Σx², Σg, Σg·x̂) are added in another order (even and odd channels apart, then
 * together), which moves them by float64 rounding; dγ and dβ accumulate per channel over the rows in float64 as
 * before. An odd last channel is done alone in scalar float64.
 */
import { assemble, type AsmFunction } from './wasmAsm';

/** Row statistics of the row at $xr: $mu and $r = 1/√(max(Σx²/C − μ², 0) + ε), as rowStats in channelNorm.ts. */
const STATS = `
  f64.const 0 f64x2.splat local.set $s
  f64.const 0 f64x2.splat local.set $q
  i32.const 0 local.set $j
  block $e1
    local.get $n2 i32.eqz br_if $e1
    loop $c1
      local.get $xr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 local.set $v
      local.get $s local.get $v f64x2.add local.set $s
      local.get $q local.get $v local.get $v f64x2.mul f64x2.add local.set $q
      local.get $j i32.const 8 i32.add local.tee $j local.get $n2 i32.lt_u br_if $c1
    end
  end
  local.get $s f64x2.extract_lane 0 local.get $s f64x2.extract_lane 1 f64.add local.set $sum
  local.get $q f64x2.extract_lane 0 local.get $q f64x2.extract_lane 1 f64.add local.set $sq
  local.get $odd
  if
    local.get $xr local.get $n2 i32.add f32.load f64.promote_f32 local.set $t
    local.get $sum local.get $t f64.add local.set $sum
    local.get $sq local.get $t local.get $t f64.mul f64.add local.set $sq
  end
  local.get $sum local.get $cf f64.div local.set $mu
  f64.const 1
  local.get $sq local.get $cf f64.div local.get $mu local.get $mu f64.mul f64.sub f64.const 0 f64.max
  local.get $eps f64.add f64.sqrt f64.div local.set $r
  local.get $mu f64x2.splat local.set $mu2
  local.get $r f64x2.splat local.set $r2
`;

/** Per-call set-up shared by both functions: $n2 = bytes of the even channels, $nb = bytes of a row. */
const SETUP = `
  local.get $C i32.const -2 i32.and i32.const 2 i32.shl local.set $n2
  local.get $C i32.const 2 i32.shl local.set $nb
  local.get $C i32.const 1 i32.and local.set $odd
  local.get $C f64.convert_i32_u local.set $cf
`;

const STATS_LOCALS: [string, 'i32' | 'f64' | 'v128'][] = [
  ['j', 'i32'], ['n2', 'i32'], ['nb', 'i32'], ['odd', 'i32'],
  ['s', 'v128'], ['q', 'v128'], ['v', 'v128'], ['mu2', 'v128'], ['r2', 'v128'],
  ['sum', 'f64'], ['sq', 'f64'], ['t', 'f64'], ['mu', 'f64'], ['r', 'f64'], ['cf', 'f64'],
];

/** y = ((x − μ)·r)·γ + β per row; P rows of C channels; x, gamma, beta, y are byte addresses of float32 data. */
const FORWARD: AsmFunction = {
  name: 'forward',
  params: [['xr', 'i32'], ['g', 'i32'], ['b', 'i32'], ['yr', 'i32'], ['P', 'i32'], ['C', 'i32'], ['eps', 'f64']],
  locals: STATS_LOCALS,
  body: `${SETUP}
  block $done
    local.get $P i32.eqz br_if $done
    loop $row
      ${STATS}
      i32.const 0 local.set $j
      block $e2
        local.get $n2 i32.eqz br_if $e2
        loop $c2
          local.get $yr local.get $j i32.add
          local.get $xr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4
          local.get $mu2 f64x2.sub local.get $r2 f64x2.mul
          local.get $g local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 f64x2.mul
          local.get $b local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 f64x2.add
          f32x4.demote_f64x2_zero v128.store64_lane 0
          local.get $j i32.const 8 i32.add local.tee $j local.get $n2 i32.lt_u br_if $c2
        end
      end
      local.get $odd
      if
        local.get $yr local.get $n2 i32.add
        local.get $xr local.get $n2 i32.add f32.load f64.promote_f32
        local.get $mu f64.sub local.get $r f64.mul
        local.get $g local.get $n2 i32.add f32.load f64.promote_f32 f64.mul
        local.get $b local.get $n2 i32.add f32.load f64.promote_f32 f64.add
        f32.demote_f64 f32.store
      end
      local.get $xr local.get $nb i32.add local.set $xr
      local.get $yr local.get $nb i32.add local.set $yr
      local.get $P i32.const 1 i32.sub local.tee $P br_if $row
    end
  end`,
};

/**
 * dx = r·((dy·γ − mean g) − x̂·mean(g·x̂)) per row with g = dy·γ, x̂ = (x − μ)·r; dγ += dy·x̂ and dβ += dy into the
 * float64 accumulators at `acc` (C of each, dγ first: 8-byte aligned, zeroed by the caller).
 */
const BACKWARD: AsmFunction = {
  name: 'backward',
  params: [['dyr', 'i32'], ['xr', 'i32'], ['g', 'i32'], ['dxr', 'i32'], ['acc', 'i32'], ['P', 'i32'], ['C', 'i32'], ['eps', 'f64']],
  locals: [...STATS_LOCALS, ['accB', 'i32'], ['a', 'i32'], ['d', 'v128'], ['xh', 'v128'], ['gg', 'v128'], ['sg', 'v128'], ['sgx', 'v128'],
    ['sgS', 'f64'], ['sgxS', 'f64'], ['ds', 'f64'], ['xhs', 'f64'], ['ggs', 'f64']],
  body: `${SETUP}
  local.get $acc local.get $C i32.const 3 i32.shl i32.add local.set $accB
  block $done
    local.get $P i32.eqz br_if $done
    loop $row
      ${STATS}
      f64.const 0 f64x2.splat local.set $sg
      f64.const 0 f64x2.splat local.set $sgx
      i32.const 0 local.set $j
      block $e2
        local.get $n2 i32.eqz br_if $e2
        loop $c2
          local.get $dyr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 local.set $d
          local.get $xr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4
          local.get $mu2 f64x2.sub local.get $r2 f64x2.mul local.set $xh
          local.get $d local.get $g local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 f64x2.mul local.set $gg
          local.get $sg local.get $gg f64x2.add local.set $sg
          local.get $sgx local.get $gg local.get $xh f64x2.mul f64x2.add local.set $sgx
          local.get $j i32.const 1 i32.shl local.set $a
          local.get $acc local.get $a i32.add
          local.get $acc local.get $a i32.add v128.load local.get $d local.get $xh f64x2.mul f64x2.add v128.store
          local.get $accB local.get $a i32.add
          local.get $accB local.get $a i32.add v128.load local.get $d f64x2.add v128.store
          local.get $j i32.const 8 i32.add local.tee $j local.get $n2 i32.lt_u br_if $c2
        end
      end
      local.get $sg f64x2.extract_lane 0 local.get $sg f64x2.extract_lane 1 f64.add local.set $sgS
      local.get $sgx f64x2.extract_lane 0 local.get $sgx f64x2.extract_lane 1 f64.add local.set $sgxS
      local.get $odd
      if
        local.get $dyr local.get $n2 i32.add f32.load f64.promote_f32 local.set $ds
        local.get $xr local.get $n2 i32.add f32.load f64.promote_f32 local.get $mu f64.sub local.get $r f64.mul local.set $xhs
        local.get $ds local.get $g local.get $n2 i32.add f32.load f64.promote_f32 f64.mul local.set $ggs
        local.get $sgS local.get $ggs f64.add local.set $sgS
        local.get $sgxS local.get $ggs local.get $xhs f64.mul f64.add local.set $sgxS
        local.get $n2 i32.const 1 i32.shl local.set $a
        local.get $acc local.get $a i32.add
        local.get $acc local.get $a i32.add f64.load local.get $ds local.get $xhs f64.mul f64.add f64.store
        local.get $accB local.get $a i32.add
        local.get $accB local.get $a i32.add f64.load local.get $ds f64.add f64.store
      end
      local.get $sgS local.get $cf f64.div local.set $sgS
      local.get $sgxS local.get $cf f64.div local.set $sgxS
      local.get $sgS f64x2.splat local.set $sg
      local.get $sgxS f64x2.splat local.set $sgx
      i32.const 0 local.set $j
      block $e3
        local.get $n2 i32.eqz br_if $e3
        loop $c3
          local.get $dxr local.get $j i32.add
          local.get $r2
          local.get $dyr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4
          local.get $g local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4 f64x2.mul
          local.get $sg f64x2.sub
          local.get $xr local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4
          local.get $mu2 f64x2.sub local.get $r2 f64x2.mul local.get $sgx f64x2.mul
          f64x2.sub f64x2.mul
          f32x4.demote_f64x2_zero v128.store64_lane 0
          local.get $j i32.const 8 i32.add local.tee $j local.get $n2 i32.lt_u br_if $c3
        end
      end
      local.get $odd
      if
        local.get $dxr local.get $n2 i32.add
        local.get $r
        local.get $dyr local.get $n2 i32.add f32.load f64.promote_f32
        local.get $g local.get $n2 i32.add f32.load f64.promote_f32 f64.mul
        local.get $sgS f64.sub
        local.get $xr local.get $n2 i32.add f32.load f64.promote_f32
        local.get $mu f64.sub local.get $r f64.mul local.get $sgxS f64.mul
        f64.sub f64.mul
        f32.demote_f64 f32.store
      end
      local.get $xr local.get $nb i32.add local.set $xr
      local.get $dyr local.get $nb i32.add local.set $dyr
      local.get $dxr local.get $nb i32.add local.set $dxr
      local.get $P i32.const 1 i32.sub local.tee $P br_if $row
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
