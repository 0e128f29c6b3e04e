/**
 * A tiny assembler for hand-written WebAssembly kernels that work in place on the tfjs-wasm heap: function bodies
 * in the WebAssembly text format's flat (non-folded) instruction syntax, one module importing the backend's memory
 * as `env.memory`. Written at load time from the text in the kernel's source, so there is no build step, no
 * generated binary to keep in sync and no dependency (this project has no C or WAT compiler); the engine validates
 * the result when it compiles it.
 *
 * It knows only the instructions in `OPS` (what the kernels use; add more as needed from the WebAssembly binary
 * format's opcode tables). Syntax: `;;` comments; `local.get $name`; `block $label` / `loop $label` / `if` …
 * `else` … `end` (no block results); `br $label` / `br_if $label`; `i32.const 7`, `f64.const 0.5`; memory
 * instructions take optional `offset=N`, and the lane instructions a lane index last.
 */

export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128';

export interface AsmFunction {
  /** Exported under this name. */
  name: string;
  params: [string, ValType][];
  locals: [string, ValType][];
  body: string;
}

const VALTYPE: Record<ValType, number> = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b };

/** How an instruction's immediates are written. */
type Kind = 'plain' | 'local' | 'block' | 'branch' | 'end' | 'i32' | 'f64' | 'mem' | 'lane' | 'memlane';

/** mnemonic → [opcode bytes (0xfd-prefixed ones with their LEB128 sub-opcode), kind, natural alignment as log2]. */
const OPS: Record<string, [number[], Kind, number?]> = {
  block: [[0x02], 'block'],
  loop: [[0x03], 'block'],
  if: [[0x04], 'block'],
  else: [[0x05], 'end'],
  end: [[0x0b], 'end'],
  br: [[0x0c], 'branch'],
  br_if: [[0x0d], 'branch'],
  return: [[0x0f], 'plain'],
  drop: [[0x1a], 'plain'],
  'local.get': [[0x20], 'local'],
  'local.set': [[0x21], 'local'],
  'local.tee': [[0x22], 'local'],
  'f32.load': [[0x2a], 'mem', 2],
  'f64.load': [[0x2b], 'mem', 3],
  'f32.store': [[0x38], 'mem', 2],
  'f64.store': [[0x39], 'mem', 3],
  'i32.const': [[0x41], 'i32'],
  'f64.const': [[0x44], 'f64'],
  'i32.eqz': [[0x45], 'plain'],
  'i32.eq': [[0x46], 'plain'],
  'i32.ne': [[0x47], 'plain'],
  'i32.lt_u': [[0x49], 'plain'],
  'i32.add': [[0x6a], 'plain'],
  'i32.sub': [[0x6b], 'plain'],
  'i32.mul': [[0x6c], 'plain'],
  'i32.and': [[0x71], 'plain'],
  'i32.shl': [[0x74], 'plain'],
  'f64.sqrt': [[0x9f], 'plain'],
  'f64.add': [[0xa0], 'plain'],
  'f64.sub': [[0xa1], 'plain'],
  'f64.mul': [[0xa2], 'plain'],
  'f64.div': [[0xa3], 'plain'],
  'f64.max': [[0xa5], 'plain'],
  'f32.demote_f64': [[0xb6], 'plain'],
  'f64.convert_i32_u': [[0xb8], 'plain'],
  'f64.promote_f32': [[0xbb], 'plain'],
  'v128.load': [[0xfd, 0x00], 'mem', 4],
  'v128.store': [[0xfd, 0x0b], 'mem', 4],
  'f64x2.splat': [[0xfd, 0x14], 'plain'],
  'f64x2.extract_lane': [[0xfd, 0x21], 'lane'],
  'v128.store64_lane': [[0xfd, 0x5b], 'memlane', 3],
  'v128.load64_zero': [[0xfd, 0x5d], 'mem', 3],
  'f32x4.demote_f64x2_zero': [[0xfd, 0x5e], 'plain'],
  'f64x2.promote_low_f32x4': [[0xfd, 0x5f], 'plain'],
  'f64x2.add': [[0xfd, 0xf0, 0x01], 'plain'],
  'f64x2.sub': [[0xfd, 0xf1, 0x01], 'plain'],
  'f64x2.mul': [[0xfd, 0xf2, 0x01], 'plain'],
};

function uleb(n: number, out: number[]): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error(`wasmAsm: ${n} is not a u32`);
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
}

function sleb(n: number, out: number[]): void {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new Error(`wasmAsm: ${n} is not an i32`);
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return;
    }
    out.push(b | 0x80);
  }
}

function name(s: string, out: number[]): void {
  const b = Buffer.from(s, 'utf8');
  uleb(b.length, out);
  out.push(...b);
}

/** A section: id, then its content's byte length, then the content. */
function section(id: number, content: number[], out: number[]): void {
  out.push(id);
  uleb(content.length, out);
  out.push(...content);
}

/** One function body's code: local declarations, then the instructions, then `end`. */
function code(f: AsmFunction): number[] {
  const index = new Map<string, number>();
  [...f.params, ...f.locals].forEach(([n], i) => {
    if (index.has(`$${n}`)) throw new Error(`wasmAsm ${f.name}: local $${n} declared twice`);
    index.set(`$${n}`, i);
  });
  const out: number[] = [];
  uleb(f.locals.length, out);
  for (const [, t] of f.locals) {
    uleb(1, out);
    out.push(VALTYPE[t]);
  }
  const labels: (string | null)[] = []; // innermost last
  const tokens = f.body.replace(/;;[^\n]*/g, ' ').split(/\s+/).filter((t) => t.length > 0);
  const fail = (msg: string): never => {
    throw new Error(`wasmAsm ${f.name}: ${msg}`);
  };
  let i = 0;
  const next = (what: string): string => (i < tokens.length ? tokens[i++] : fail(`${what} missing at the end`));
  while (i < tokens.length) {
    const op = tokens[i++];
    const spec = OPS[op] ?? fail(`unknown instruction ${op}`);
    const [bytes, kind, align] = spec;
    out.push(...bytes);
    switch (kind) {
      case 'plain':
        break;
      case 'local': {
        const n = next(`${op}'s local`);
        uleb(index.get(n) ?? fail(`unknown local ${n}`), out);
        break;
      }
      case 'block':
        labels.push(tokens[i]?.startsWith('$') ? tokens[i++] : null);
        out.push(0x40); // no result
        break;
      case 'end':
        if (op === 'end') {
          if (labels.length === 0) fail('end without block');
          labels.pop();
        }
        break;
      case 'branch': {
        const l = next(`${op}'s label`);
        const depth = labels.lastIndexOf(l);
        if (depth < 0) fail(`${op} to unknown label ${l}`);
        uleb(labels.length - 1 - depth, out);
        break;
      }
      case 'i32':
        sleb(Number(next('i32.const value')), out);
        break;
      case 'f64': {
        const v = Number(next('f64.const value'));
        if (Number.isNaN(v)) fail('f64.const needs a number');
        out.push(...new Uint8Array(new Float64Array([v]).buffer));
        break;
      }
      case 'mem':
      case 'memlane': {
        let offset = 0;
        if (tokens[i]?.startsWith('offset=')) offset = Number(tokens[i++].slice(7));
        uleb(align ?? 0, out);
        uleb(offset, out);
        if (kind === 'memlane') out.push(Number(next(`${op}'s lane`)));
        break;
      }
      case 'lane':
        out.push(Number(next(`${op}'s lane`)));
        break;
    }
  }
  if (labels.length > 0) fail('block without end');
  out.push(0x0b);
  return out;
}

/**
 * The binary module: `env.memory` imported (a shared memory, as the threaded tfjs-wasm build's, needs `shared`:
 * its limits are then declared up to the 4 GiB most), the functions exported under their names.
 */
export function assemble(functions: AsmFunction[], memory: { shared: boolean }): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(functions.length, types);
  for (const f of functions) {
    types.push(0x60);
    uleb(f.params.length, types);
    for (const [, t] of f.params) types.push(VALTYPE[t]);
    uleb(0, types); // no results
  }
  section(1, types, out);
  const imports: number[] = [];
  uleb(1, imports);
  name('env', imports);
  name('memory', imports);
  imports.push(0x02);
  if (memory.shared) {
    imports.push(0x03);
    uleb(0, imports);
    uleb(65536, imports);
  } else {
    imports.push(0x00);
    uleb(0, imports);
  }
  section(2, imports, out);
  const funcs: number[] = [];
  uleb(functions.length, funcs);
  functions.forEach((_, k) => uleb(k, funcs));
  section(3, funcs, out);
  const exports: number[] = [];
  uleb(functions.length, exports);
  functions.forEach((f, k) => {
    name(f.name, exports);
    exports.push(0x00);
    uleb(k, exports);
  });
  section(7, exports, out);
  const bodies: number[] = [];
  uleb(functions.length, bodies);
  for (const f of functions) {
    const c = code(f);
    uleb(c.length, bodies);
    bodies.push(...c);
  }
  section(10, bodies, out);
  return Uint8Array.from(out);
}
