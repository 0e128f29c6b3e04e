"""Writes test/fixtures/reference/safetensors/mixed.safetensors: tensors of five dtypes and metadata, laid out
exactly as the safetensors specification says (8-byte LE header length, JSON header, byte buffer), by NumPy's
own dtype conversion, so the TypeScript reader is checked against NumPy's float16/int64 encodings, not its own.
Run with Debian's python3 (numpy): /usr/bin/python3 scripts/reference/safetensors_fixture.py
The expected float32 values go to mixed.json beside it."""
import json, os, struct, sys
import numpy as np

out = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'fixtures', 'reference', 'safetensors')
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(3)
tensors = {
    'a.weight': rng.standard_normal((2, 3)).astype(np.float32),
    'b.half': rng.standard_normal((4,)).astype(np.float16),
    'c.double': rng.standard_normal((1, 2, 2)).astype(np.float64),
    'd.index': np.array([[0, 5, -7], [2**40, 1, 2]], dtype=np.int64),
    'e.bytes': np.array([0, 255, 17], dtype=np.uint8),
}
codes = {np.float32: 'F32', np.float16: 'F16', np.float64: 'F64', np.int64: 'I64', np.uint8: 'U8'}
header, buf, off = {'__metadata__': {'format': 'pt', 'note': 'fixture'}}, b'', 0
for name, t in tensors.items():
    raw = t.astype(t.dtype.newbyteorder('<')).tobytes()
    header[name] = {'dtype': codes[t.dtype.type], 'shape': list(t.shape), 'data_offsets': [off, off + len(raw)]}
    buf += raw
    off += len(raw)
h = json.dumps(header).encode()
h += b' ' * ((8 - len(h) % 8) % 8)
with open(os.path.join(out, 'mixed.safetensors'), 'wb') as f:
    f.write(struct.pack('<Q', len(h)) + h + buf)
with open(os.path.join(out, 'mixed.json'), 'w') as f:
    json.dump({k: {'shape': list(v.shape), 'values': v.astype(np.float64).ravel().tolist()} for k, v in tensors.items()}, f)
print('wrote', out)
