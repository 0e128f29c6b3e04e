"""Writes test/fixtures/reference/nifti/: a corpus of tiny NIfTI volumes in different orientations, data types,
byte orders and header versions, and beside each what nibabel reads from it after `as_closest_canonical`:
the canonical voxel array (<name>.canonical.f32: float32 little-endian, x fastest, as get_fdata() gives it),
the canonical affine, the stored orientation codes (aff2axcodes) and the voxel sizes, all in manifest.json.
Headers are built with nibabel's own header classes (set_sform/set_qform/set_slope_inter), so every file is
one nibabel writes and reads; the reference values come from nib.load on the written file.
Run with Debian's python3 (python3-nibabel): /usr/bin/python3 scripts/reference/nifti_corpus.py"""
import gzip, io, json, math, os
import numpy as np
import nibabel as nib
from fixture_dir import fresh_fixture_dir

out = fresh_fixture_dir('nifti')
rng = np.random.default_rng(26)


def rot_z(deg):
    t = math.radians(deg)
    return np.array([[math.cos(t), -math.sin(t), 0], [math.sin(t), math.cos(t), 0], [0, 0, 1]])


def affine(cols, zooms, origin=(0, 0, 0)):
    """cols: 3x3 direction matrix (columns = voxel axes in world); zooms scale the columns."""
    a = np.eye(4)
    a[:3, :3] = np.asarray(cols, dtype=float) * np.asarray(zooms, dtype=float)[None, :]
    a[:3, 3] = origin
    return a


P = lambda *rows: np.array(rows, dtype=float)  # noqa: E731
# Each case: name, what it covers, shape, dtype, header version, byte order, which transforms are set.
cases = [
    dict(name='ras_uint8.nii.gz', covers='RAS+ already (no reorientation), uint8, sform, gzip', shape=(4, 5, 6), dtype=np.uint8,
         sform=affine(np.eye(3), (1, 1, 1), (-2, -3, 4))),
    dict(name='lps_int16_scaled.nii', covers='LPS (x and y reversed), int16 with scl_slope 0.5 and scl_inter -3, plain .nii', shape=(5, 4, 3), dtype=np.int16,
         sform=affine(np.diag([-1, -1, 1]), (0.9, 0.9, 2.5), (40, 50, -10)), slope_inter=(0.5, -3.0)),
    dict(name='las_qform_int32.nii.gz', covers='LAS from the qform alone (sform_code 0), int32', shape=(3, 4, 5), dtype=np.int32,
         qform=affine(np.diag([-1, 1, 1]), (2, 2, 2), (10, -5, 0))),
    dict(name='permuted_asr_float32.nii.gz', covers='permuted axes (stored i=A, j=S, k=R), float32, anisotropic voxels', shape=(6, 3, 4), dtype=np.float32,
         sform=affine(P([0, 0, 1], [1, 0, 0], [0, 1, 0]), (0.5, 3.0, 0.8))),
    dict(name='oblique_float64.nii', covers='oblique (20 degrees about z), float64, LPS-like after the rotation', shape=(4, 4, 3), dtype=np.float64,
         sform=affine(rot_z(20) @ np.diag([-1, -1, 1]), (1.2, 1.2, 2))),
    dict(name='bigendian_psr_int16.nii', covers='big-endian int16, permuted and reversed (P, S, R)', shape=(5, 3, 4), dtype=np.int16, endian='>',
         sform=affine(P([0, 0, 1], [-1, 0, 0], [0, 1, 0]), (1, 1, 1.5))),
    dict(name='nifti2_lip_float32.nii.gz', covers='NIfTI-2 header, float32, LIP (y and z swapped)', shape=(4, 3, 5), dtype=np.float32, version=2,
         sform=affine(P([-1, 0, 0], [0, 0, -1], [0, -1, 0]), (1, 2, 1))),
    dict(name='nifti2_qform_bigendian_int32.nii', covers='NIfTI-2 big-endian, qform only (quaternion rotation), int32, RPI', shape=(3, 5, 4), dtype=np.int32, version=2, endian='>',
         qform=affine(np.diag([1, -1, -1]), (1, 1, 1), (3, 3, 3))),
    dict(name='singleton4d_rpi_uint8.nii.gz', covers='a trailing 4th dimension of size 1, uint8, RPI', shape=(4, 3, 5, 1), dtype=np.uint8,
         sform=affine(np.diag([1, -1, -1]), (1, 1, 1))),
    dict(name='sform_beats_qform.nii.gz', covers='qform_code 2 >= sform_code 1 with different orientations: the sform wins (as nibabel), int16', shape=(3, 4, 5), dtype=np.int16,
         sform=affine(P([0, 1, 0], [1, 0, 0], [0, 0, -1]), (1, 1, 1)), qform=affine(np.diag([-1, 1, 1]), (1, 1, 1)), qform_code=2, sform_code=1),
    dict(name='no_transform_float32.nii', covers='qform_code = sform_code = 0: the Analyze base affine (x reversed, LAS)', shape=(4, 3, 3), dtype=np.float32,
         zooms=(1.5, 1, 2)),
    dict(name='qfac_minus1_uint8.nii.gz', covers='qform with qfac = -1 (pixdim[0] = -1, z reversed: RAI)', shape=(3, 3, 4), dtype=np.uint8,
         qform=affine(np.diag([1, 1, -1]), (1, 1, 1))),
    dict(name='slope_zero_int16.nii', covers='scl_slope 0 with scl_inter 7: no scaling at all (nibabel ignores both)', shape=(3, 4, 3), dtype=np.int16,
         sform=affine(np.eye(3), (1, 1, 1)), raw_slope_inter=(0.0, 7.0)),
]

manifest = []
for c in cases:
    shape = c['shape']
    dt = np.dtype(c['dtype'])
    if dt.kind == 'f':
        data = rng.normal(0, 100, size=shape).astype(dt)
    else:
        lo, hi = (0, 255) if dt == np.uint8 else (-1000, 1000)
        data = rng.integers(lo, hi, size=shape).astype(dt)
    H = nib.Nifti2Header if c.get('version') == 2 else nib.Nifti1Header
    hdr = H(endianness=c.get('endian', '<'))
    hdr.set_data_dtype(dt)
    hdr.set_data_shape(shape)
    if 'zooms' in c:
        hdr.set_zooms(tuple(c['zooms']) + (1,) * (len(shape) - 3))
    if 'qform' in c:
        hdr.set_qform(c['qform'], code=c.get('qform_code', 1))
    else:
        hdr.set_qform(None, code=0)
    if 'sform' in c:
        hdr.set_sform(c['sform'], code=c.get('sform_code', 2))
    else:
        hdr.set_sform(None, code=0)
    if 'qform' not in c and 'sform' in c:
        hdr.set_zooms(tuple(np.sqrt((c['sform'][:3, :3] ** 2).sum(0))) + (1,) * (len(shape) - 3))
    if 'slope_inter' in c:
        hdr.set_slope_inter(*c['slope_inter'])
    else:
        hdr.set_slope_inter(1.0, 0.0)
    if 'raw_slope_inter' in c:
        hdr['scl_slope'], hdr['scl_inter'] = c['raw_slope_inter']
    buf = io.BytesIO()
    hdr.write_to(buf)  # header, then the 4-byte extension flag: the voxels start at vox_offset
    assert buf.tell() == int(hdr['vox_offset']), (buf.tell(), hdr['vox_offset'])
    buf.write(data.astype(hdr.get_data_dtype()).tobytes(order='F'))
    raw = buf.getvalue()
    name = c['name']
    path = os.path.join(out, name)
    with open(path, 'wb') as f:
        f.write(gzip.compress(raw, mtime=0) if name.endswith('.gz') else raw)

    img = nib.load(path)
    assert img.header.get_data_dtype().byteorder in ('=', '|', '<', '>')
    codes = ''.join(nib.aff2axcodes(img.affine))
    canon = nib.as_closest_canonical(img)
    arr = canon.get_fdata().astype(np.float32)
    arr3 = arr.reshape(arr.shape[:3])
    stem = name.split('.')[0]
    with open(os.path.join(out, stem + '.canonical.f32'), 'wb') as f:
        f.write(arr3.astype('<f4').tobytes(order='F'))
    manifest.append(dict(
        file=name, covers=c['covers'], version=c.get('version', 1), endian=c.get('endian', '<'), dtype=dt.name,
        stored_shape=list(shape), canonical_shape=list(arr3.shape), orientation=codes,
        canonical_orientation=''.join(nib.aff2axcodes(canon.affine)),
        canonical_affine=canon.affine.tolist(), spacing=nib.affines.voxel_sizes(canon.affine).tolist(),
        canonical=stem + '.canonical.f32'))
    print(f'{name:36s} {codes} -> {"".join(nib.aff2axcodes(canon.affine))} {shape} -> {arr3.shape}')

with open(os.path.join(out, 'manifest.json'), 'w') as f:
    json.dump(manifest, f, indent=1)
    f.write('\n')
