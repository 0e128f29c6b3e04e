/**
 * The flat-WAT assembler behind the channel LayerNorm's SIMD module (lib/backend/kernels/wasmAsm.ts): what it
 * assembles runs on an imported memory, plain or shared, with the immediates it encodes (memory offsets, lanes,
 * labels at depth, negative and multi-byte constants), and bad text fails with the function and what is wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble, type AsmFunction } from '../../lib/backend/kernels/wasmAsm';

/** out[k] = Σ_i (in[i] + c) over n float32 at `src` (pairs as f64x2), the sum twice at `dst` (f64) and its float32 after. */
const SUM: AsmFunction = {
  name: 'sum',
  params: [['src', 'i32'], ['n', 'i32'], ['dst', 'i32'], ['c', 'f64']],
  locals: [['j', 'i32'], ['acc', 'v128'], ['s', 'f64']],
  body: `
    f64.const 0 f64x2.splat local.set $acc
    i32.const 0 local.set $j
    block $out
      loop $pairs
        local.get $j local.get $n i32.const -2 i32.and i32.const 2 i32.shl i32.lt_u i32.eqz br_if $out ;; to the outer label
        local.get $acc
        local.get $src local.get $j i32.add v128.load64_zero f64x2.promote_low_f32x4
        local.get $c f64x2.splat f64x2.add f64x2.add local.set $acc
        local.get $j i32.const 8 i32.add local.set $j
        br $pairs
      end
    end
    local.get $acc f64x2.extract_lane 0 local.get $acc f64x2.extract_lane 1 f64.add local.set $s
    local.get $n i32.const 1 i32.and
    if
      local.get $s local.get $src local.get $j i32.add f32.load f64.promote_f32 local.get $c f64.add f64.add local.set $s
    end
    local.get $dst local.get $s f64.store
    local.get $dst local.get $s f64.store offset=8
    local.get $dst local.get $s f32.demote_f64 f32.store offset=16
    local.get $dst local.get $acc v128.store offset=32`,
};

function run(shared: boolean): void {
  const memory = new WebAssembly.Memory(shared ? { initial: 1, maximum: 4, shared: true } : { initial: 1 });
  const { sum } = new WebAssembly.Instance(new WebAssembly.Module(assemble([SUM], { shared })), { env: { memory } }).exports;
  assert.equal(typeof sum, 'function');
  const f32 = new Float32Array(memory.buffer, 0, 7);
  f32.set([1.5, -2, 3.25, 1e-3, 7, 0.5, 100]);
  (sum as (src: number, n: number, dst: number, c: number) => void)(0, 7, 64, -130.75);
  // In the module's order: even and odd elements of the first six in two lanes, the lanes added, then the last.
  const v = [1.5, -2, 3.25, Math.fround(1e-3), 7, 0.5, 100].map((x) => x - 130.75);
  const lane0 = 0 + v[0] + v[2] + v[4];
  const lane1 = 0 + v[1] + v[3] + v[5];
  const want = lane0 + lane1 + v[6];
  const out = new Float64Array(memory.buffer, 64, 2);
  assert.equal(out[0], want);
  assert.equal(out[1], want);
  assert.equal(new Float32Array(memory.buffer, 80, 1)[0], Math.fround(want));
  assert.deepEqual([...new Float64Array(memory.buffer, 96, 2)], [lane0, lane1]);
}

test('an assembled function runs on an imported plain memory', () => run(false));
test('and on an imported shared memory (the threaded tfjs-wasm build)', () => run(true));

test('bad text fails naming the function and the fault', () => {
  const bad = (body: string, locals: AsmFunction['locals'] = []) => () => assemble([{ name: 'f', params: [['a', 'i32']], locals, body }], { shared: false });
  assert.throws(bad('local.get $a i32.popcnt drop'), /wasmAsm f: unknown instruction i32.popcnt/);
  assert.throws(bad('local.get $b drop'), /wasmAsm f: unknown local \$b/);
  assert.throws(bad('block $x br $y end'), /wasmAsm f: br to unknown label \$y/);
  assert.throws(bad('block $x'), /wasmAsm f: block without end/);
  assert.throws(bad('end'), /wasmAsm f: end without block/);
  assert.throws(bad('local.get'), /wasmAsm f: local.get's local missing at the end/);
  assert.throws(bad('i32.const 0 drop', [['a', 'f64']]), /wasmAsm f: local \$a declared twice/);
});
