"""PyTorch twin of the cfcml model (lib/model) and its training loss (lib/train/loss.ts, lib/hrm).

Written as one would write the model in PyTorch: NCHW/NCDHW convolutions (nn.Conv2d/Conv3d), nn.LayerNorm
over channels, nn.Embedding, nn.Conv1d over the token axis, nn.MultiheadAttention for CIE, nn.Linear and
nn.Dropout in the classifier; the HRM losses vectorised over classes, modalities and samples. It has the
same parameters as cfcml (same count, printed by `python3 cfcml_twin.py --count`) and loads the weights
cfcml saves: `load_cfcml(model, weights)` takes cfcml keys (`encoder0/stage1/stem/conv/kernel`, ...) with
cfcml's layouts, and `read_checkpoint(path)` reads a cfcml `.ckpt` file (a safetensors file; the trainer's `w:` arrays).

Layout conversions (cfcml -> torch):
  Linear kernel [in, out]               -> weight [out, in]                 (transpose)
  conv kernel [kh, kw, cin, cout]       -> weight [cout, cin, kh, kw]       (3D: [kd, kh, kw, cin, cout])
  token conv kernel [3, N_in, N_out]    -> Conv1d weight [N_out, N_in, 3]
  CIE q/k/v kernels [D, D]              -> rows 0:D, D:2D, 2D:3D of MultiheadAttention.in_proj_weight
Convolutions use TF's 'same' padding (extra pad at the end when the total is odd), as tfjs does.

Used by scripts/reference/make_twin_fixtures.py (fidelity fixtures) and scripts/bench/twin_bench.py.
Runs on Debian's /usr/bin/python3 with python3-torch (1.13).
"""
import hashlib
import json
import math
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# ---------------------------------------------------------------------------------------------------------
# Variants (lib/model/variants.ts)
# ---------------------------------------------------------------------------------------------------------
_FULL = dict(architecture='cfcml', useImages=True, useTabular=True, multiGranularity=True, cie=True, singleHead=False)


def variant_spec(v):
    if v in ('full', 'no-sam', 'no-up', 'no-cp', 'no-hrm'):
        return dict(_FULL)
    if v == 'no-mg':
        return {**_FULL, 'multiGranularity': False}
    if v == 'no-cie':
        return {**_FULL, 'cie': False}
    if v == 'single-head':
        return {**_FULL, 'singleHead': True}
    if v == 'no-tabular':
        return {**_FULL, 'useTabular': False}
    if v == 'image-only':
        return {**_FULL, 'architecture': 'pooled', 'useTabular': False}
    if v == 'tabular-only':
        return {**_FULL, 'architecture': 'pooled', 'useImages': False}
    if v == 'late-fusion':
        return {**_FULL, 'architecture': 'pooled'}
    raise ValueError(f'unknown variant {v}')


def hrm_weights_for(variant, base):
    if variant in ('full', 'no-mg', 'no-cie', 'single-head', 'no-tabular'):
        return dict(base)
    if variant == 'no-sam':
        return {**base, 'sam': 0}
    if variant == 'no-up':
        return {**base, 'up': 0}
    if variant == 'no-cp':
        return {**base, 'cp': 0}
    return {'sam': 0, 'up': 0, 'cp': 0}


# ---------------------------------------------------------------------------------------------------------
# Layers
# ---------------------------------------------------------------------------------------------------------
def _same_pad(n, k, s):
    out = -(-n // s)
    total = max((out - 1) * s + k - n, 0)
    return total // 2, total - total // 2


class SameConv(nn.Module):
    """Bias-free Conv2d/Conv3d with TF 'same' padding: padding=1 for 3x3 stride 1, an F.pad only when needed."""

    def __init__(self, dims, cin, cout, k, s):
        super().__init__()
        self.k, self.s = list(k), list(s)
        self.sym = all(kk == 3 and ss == 1 for kk, ss in zip(k, s))
        conv = nn.Conv2d if dims == 2 else nn.Conv3d
        self.conv = conv(cin, cout, tuple(k), stride=tuple(s), padding=1 if self.sym else 0, bias=False)

    def forward(self, x):
        if not self.sym:
            pads = [_same_pad(n, k, s) for n, k, s in zip(x.shape[2:], self.k, self.s)]
            if any(p != (0, 0) for p in pads):
                flat = []
                for lo, hi in reversed(pads):
                    flat += [lo, hi]
                x = F.pad(x, flat)
        return self.conv(x)


class ChannelNorm(nn.LayerNorm):
    """LayerNorm over the channel axis at each position of an N C ... tensor (ConvNeXt's channels_first LN)."""

    def forward(self, x):
        return F.layer_norm(x.movedim(1, -1), self.normalized_shape, self.weight, self.bias, self.eps).movedim(-1, 1)


class Block(nn.Module):
    def __init__(self, dims, c):
        super().__init__()
        self.conv1, self.norm1 = SameConv(dims, c, c, [3] * dims, [1] * dims), ChannelNorm(c)
        self.conv2, self.norm2 = SameConv(dims, c, c, [3] * dims, [1] * dims), ChannelNorm(c)

    def forward(self, h):
        r = F.relu(self.norm1(self.conv1(h)))
        return F.relu(h + self.norm2(self.conv2(r)))


class Stage(nn.Module):
    def __init__(self, dims, cin, c, k, blocks):
        super().__init__()
        self.conv, self.norm = SameConv(dims, cin, c, k, k), ChannelNorm(c)
        self.blocks = nn.ModuleList([Block(dims, c) for _ in range(blocks)])

    def forward(self, h):
        h = F.relu(self.norm(self.conv(h)))
        for b in self.blocks:
            h = b(h)
        return h


class ResidualEncoder(nn.Module):
    """lib/model/residualEncoder.ts: stem (kernel = stride) + 3 down convs (2, stride 2), 1 basic block each."""

    def __init__(self, dims, cin, widths, blocks=1, stem=None):
        super().__init__()
        self.dims = dims
        stem = stem or ([4, 4] if dims == 2 else [2, 4, 4])
        self.stages = nn.ModuleList(
            [Stage(dims, cin if s == 0 else widths[s - 1], c, stem if s == 0 else [2] * dims, blocks) for s, c in enumerate(widths)]
        )

    def forward(self, x):  # x: [B, C, (D,) H, W]
        h = (x - 0.5) * 4 if self.dims == 2 else x
        outs = []
        for st in self.stages:
            h = st(h)
            outs.append(h)
        return outs


class TabularTokenizer(nn.Module):
    """Categorical field: an embedding row (one table, per-field offsets); numeric: x * w_k + b_k.

    Fields with 'missing': True (all or none) have a learned token m_k: a cell holding the level count
    (categorical) or NaN (numeric) is missing, and its token is m_k (lib/model/tabularTokenizer.ts):
    t_k = (1 - mu) * token(clean x) + mu * m_k, with the missing cells cleaned to 0 first.
    """

    def __init__(self, fields, width):
        super().__init__()
        self.cat = [k for k, f in enumerate(fields) if f['kind'] == 'categorical']
        self.num = [k for k, f in enumerate(fields) if f['kind'] != 'categorical']
        offs, tot = [], 0
        for k in self.cat:
            offs.append(tot)
            tot += fields[k]['levels']
        self.register_buffer('offsets', torch.tensor(offs, dtype=torch.long), persistent=False)
        self.embedding = nn.Embedding(tot, width) if self.cat else None
        self.scale = nn.Parameter(torch.randn(len(self.num), width)) if self.num else None
        self.bias = nn.Parameter(torch.zeros(len(self.num), width)) if self.num else None
        with_missing = sum(1 for f in fields if f.get('missing'))
        if with_missing not in (0, len(fields)):
            raise ValueError('the tokenizer needs a missing token for all tabular fields or none')
        self.missing = nn.Parameter(torch.zeros(len(fields), width)) if with_missing else None
        self.bounds = [float(f['levels']) if f['kind'] == 'categorical' else math.inf for f in fields]
        order = self.cat + self.num
        self.inverse = [order.index(k) for k in range(len(fields))]
        self.identity = self.inverse == list(range(len(fields)))

    def forward(self, tab):  # [B, K] -> [B, K, D]
        mask = None
        if self.missing is not None:
            miss = torch.isnan(tab) | (tab >= torch.tensor(self.bounds, dtype=tab.dtype))
            mask = miss.to(tab.dtype).unsqueeze(2)  # [B, K, 1]
            tab = torch.where(miss, torch.zeros_like(tab), tab)
        parts = []
        if self.embedding is not None:
            parts.append(self.embedding(tab[:, self.cat].long() + self.offsets))
        if self.scale is not None:
            parts.append(tab[:, self.num].unsqueeze(2) * self.scale + self.bias)
        t = parts[0] if len(parts) == 1 else torch.cat(parts, 1)
        t = t if self.identity else t[:, self.inverse]
        return t if mask is None else (1 - mask) * t + mask * self.missing


def token_conv(n_in, n_out):
    """Conv1d over the token axis: tokens [B, N_in, D] are the channels, D the length."""
    return nn.Conv1d(n_in, n_out, 3, padding=1)


class ImageCompression(nn.Module):
    def __init__(self, channels, n_tokens, width, out_tokens):
        super().__init__()
        self.proj = nn.Linear(channels, width)
        self.conv = token_conv(n_tokens, out_tokens)

    def forward(self, f):  # [B, C, ...] -> [B, L, D]
        return self.conv(self.proj(f.flatten(2).transpose(1, 2)))


class Classifier(nn.Module):
    def __init__(self, modalities, width, classes, rate):
        super().__init__()
        hidden = max(16, width // 8)
        self.fc1, self.fc2, self.out = nn.Linear(modalities * width, width), nn.Linear(width, hidden), nn.Linear(hidden, classes)
        self.drop = nn.Dropout(rate)

    def forward(self, z):
        x = torch.cat(z, 1)
        return self.out(self.drop(F.relu(self.fc2(self.drop(F.relu(self.fc1(x)))))))


# ---------------------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------------------
class CFCMLTwin(nn.Module):
    """config: the CFCMLConfig fields as a dict (images, imageSize, tabular, numClasses, variant, model)."""

    def __init__(self, config):
        super().__init__()
        self.config = config
        spec = variant_spec(config['variant'])
        self.spec = spec
        p = config['model']
        D = p['width']
        self.I = I = len(config['images']) if spec['useImages'] else 0
        self.use_tab = spec['useTabular']
        self.M = M = I + (1 if self.use_tab else 0)
        self.names = [f'image{m}' for m in range(I)] + (['tabular'] if self.use_tab else [])
        self.shared = p['sharedEncoder'] and I > 1
        self.dims = 2 if (config['images'][0]['kind'] == '2d') else 3
        self.encoders = nn.ModuleList(
            [ResidualEncoder(self.dims, config['images'][e]['channels'], p['encoderWidths']) for e in range(1 if self.shared else I)]
        )
        shapes = []
        with torch.no_grad():
            for e, enc in enumerate(self.encoders):
                outs = enc(torch.zeros(1, config['images'][e]['channels'], *config['imageSize']))
                shapes.append([(o.shape[1], int(np.prod(o.shape[2:]))) for o in outs])
        shape_of = lambda m: shapes[0 if self.shared else m]
        self.stages = [0, 1, 2, 3] if spec['multiGranularity'] else [3]
        self.tokenizer = TabularTokenizer(config['tabular'], D) if self.use_tab else None
        self.tab_compress = token_conv(len(config['tabular']), p['tabTokens']) if self.use_tab else None
        self.cie_on = spec['cie'] and M > 1
        tokens_of = lambda m: p['imgTokens'] if m < I else p['tabTokens']
        if spec['architecture'] == 'cfcml':
            self.compress = nn.ModuleList(
                [nn.ModuleList([ImageCompression(*shape_of(m)[s], D, p['imgTokens']) for m in range(I)]) for s in self.stages]
            )
            # model.tokenNorm: LayerNorm over D of every compressed token (per stage and image modality; one for P_t).
            self.token_norm = bool(p.get('tokenNorm'))
            if self.token_norm:
                self.norms = nn.ModuleList([nn.ModuleList([nn.LayerNorm(D, eps=1e-5) for _ in range(I)]) for _ in self.stages])
                self.tab_norm = nn.LayerNorm(D, eps=1e-5) if self.use_tab else None
            heads = 1 if spec['singleHead'] else p['heads']
            self.cie = (
                nn.ModuleList([nn.ModuleList([nn.MultiheadAttention(D, heads, batch_first=True) for _ in range(M)]) for _ in self.stages])
                if self.cie_on
                else None
            )
            self.fusion = nn.ModuleList(
                [token_conv(len(self.stages) * (2 if self.cie_on else 1) * tokens_of(m), tokens_of(m)) for m in range(M)]
            )
        else:
            self.pool = nn.ModuleList([nn.Linear(shape_of(m)[3][0], D) for m in range(I)])
        self.classifier = Classifier(M, D, config['numClasses'], p['dropout'])

    def encode(self, images):
        if not self.shared:
            return [self.encoders[m](x) for m, x in enumerate(images)]
        B = images[0].shape[0]
        outs = self.encoders[0](torch.cat(images, 0))
        per = [o.split(B, 0) for o in outs]
        return [[per[s][m] for s in range(4)] for m in range(len(images))]

    def embed(self, images, tab):
        """images[m]: [B, C, (D,) H, W]; tab [B, K] -> z (list of [B, D], images first, then tabular)."""
        Fm = self.encode(images[: self.I]) if self.I else []
        Pt = self.tab_compress(self.tokenizer(tab)) if self.use_tab else None
        if self.spec['architecture'] == 'cfcml':
            if self.token_norm and Pt is not None:
                Pt = self.tab_norm(Pt)
            completed = [[] for _ in range(self.M)]
            for si, s in enumerate(self.stages):
                P = [self.compress[si][m](Fm[m][s]) for m in range(self.I)]
                if self.token_norm:
                    P = [self.norms[si][m](P[m]) for m in range(self.I)]
                if Pt is not None:
                    P.append(Pt)
                for m in range(self.M):
                    if self.cie is None:
                        completed[m].append(P[m])
                        continue
                    others = [P[j] for j in range(self.M) if j != m]
                    ctx = others[0] if len(others) == 1 else torch.cat(others, 1)
                    S, _ = self.cie[si][m](P[m], ctx, ctx, need_weights=False)
                    completed[m].append(torch.cat([P[m], S], 1))
            return [self.fusion[m](torch.cat(completed[m], 1)).mean(1) for m in range(self.M)]
        z = [self.pool[m](Fm[m][3].flatten(2).mean(2)) for m in range(self.I)]
        if Pt is not None:
            z.append(Pt.mean(1))
        return z

    def forward(self, images, tab):
        z = self.embed(images, tab)
        return z, self.classifier(z)


# ---------------------------------------------------------------------------------------------------------
# HRM losses (lib/hrm/losses.ts, METHOD.md H1-H8), vectorised
# ---------------------------------------------------------------------------------------------------------
def _l2n(x):
    return x / x.pow(2).sum(-1, keepdim=True).clamp_min(1e-24).sqrt()


def _anchor(s, pos, setm, eps):
    out = -1e9
    lse_p = torch.logsumexp(s + (1 - pos) * out, -1)
    lse_all = torch.logsumexp(s + (1 - setm) * out, -1)
    return -torch.log(torch.exp(lse_p - lse_all) + eps)


def hrm_losses(z, labels, C, tau=0.07, eps=1e-8):
    M = len(z)
    B, D = z[0].shape
    dt = z[0].dtype
    Y = F.one_hot(labels, C).to(dt)  # [B, C]
    counts = Y.sum(0)  # [C]
    present = (counts > 0).to(dt)
    zh = _l2n(torch.stack(z))  # [M, B, D]
    sums = torch.einsum('bc,mbd->mcd', Y, zh)  # [M, C, D]
    P = _l2n(sums / counts.clamp_min(1)[None, :, None])  # (H1) [M, C, D]
    Q = _l2n(sums.sum(0) / (counts * M).clamp_min(1)[:, None])  # (H2) [C, D]
    sim = lambda a, b: (a @ b.transpose(-1, -2) + 1) / tau  # (H3), log
    eye = torch.eye(C, dtype=dt)
    other_present = (1 - eye) * present[None, :]
    # (H5)
    protos = torch.cat([Q[None], P], 0).reshape((M + 1) * C, D)
    s_proto = sim(zh.reshape(M * B, D), protos).reshape(M, B, (M + 1) * C)
    s_sample = sim(zh, zh)
    pos_proto = Y.repeat(1, M + 1)
    neg_sample = 1 - Y @ Y.T
    l_sam = _anchor(torch.cat([s_proto, s_sample], 2), torch.cat([pos_proto, torch.zeros_like(neg_sample)], 1), torch.cat([pos_proto, neg_sample], 1), eps)
    sam = (l_sam / counts[labels][None, :]).sum()
    # (H6)
    Pf = P.reshape(M * C, D)
    l_up = _anchor(
        sim(Pf, torch.cat([Q, Pf], 0)),
        torch.cat([eye.repeat(M, 1), torch.zeros(M * C, M * C, dtype=dt)], 1),
        torch.cat([eye.repeat(M, 1), other_present.repeat(M, M)], 1),
        eps,
    )
    up = (l_up * present.repeat(M)).sum() / M
    # (H7)
    l_cp = _anchor(
        sim(Q, torch.cat([Pf, Q], 0)),
        torch.cat([eye.repeat(1, M), torch.zeros(C, C, dtype=dt)], 1),
        torch.cat([eye.repeat(1, M), other_present], 1),
        eps,
    )
    cp = (l_cp * present).sum() / C
    return sam, up, cp


def cfcml_loss(z, logits, labels, C, weights, tau=0.07):
    """(H8) as lib/train/loss.ts cfcmlLoss: a zero-weight term is neither computed (if all are 0) nor added."""
    ce = F.cross_entropy(logits, labels)
    zero = torch.zeros((), dtype=logits.dtype)
    if not any(weights[k] > 0 for k in ('sam', 'up', 'cp')) or len(z) == 0:
        return dict(total=ce, ce=ce, sam=zero, up=zero, cp=zero)
    sam, up, cp = hrm_losses(z, labels, C, tau)
    total = ce
    for k, v in (('sam', sam), ('up', up), ('cp', cp)):
        if weights[k] != 0:
            total = total + weights[k] * v
    return dict(total=total, ce=ce, sam=sam, up=up, cp=cp)


# ---------------------------------------------------------------------------------------------------------
# cfcml weight keys <-> torch parameters
# ---------------------------------------------------------------------------------------------------------
def _conv_to_torch(a):
    return np.transpose(a, (3, 2, 0, 1)) if a.ndim == 4 else np.transpose(a, (4, 3, 0, 1, 2))


def _conv_to_cfcml(a):
    return np.transpose(a, (2, 3, 1, 0)) if a.ndim == 4 else np.transpose(a, (2, 3, 4, 1, 0))


def _entries(model):
    """(cfcml key, torch parameter, row slice or None, to_torch, to_cfcml) for every cfcml weight."""
    T = lambda a: np.transpose(a)
    tok_t = lambda a: np.transpose(a, (2, 1, 0))
    out = []

    def lin(key, mod):
        out.append((f'{key}/kernel', mod.weight, None, T, T))
        out.append((f'{key}/bias', mod.bias, None, None, None))

    def tok(key, mod):
        out.append((f'{key}/kernel', mod.weight, None, tok_t, tok_t))
        out.append((f'{key}/bias', mod.bias, None, None, None))

    def norm(key, mod):
        out.append((f'{key}/gamma', mod.weight, None, None, None))
        out.append((f'{key}/beta', mod.bias, None, None, None))

    for e, enc in enumerate(model.encoders):
        for s, st in enumerate(enc.stages):
            entry = 'stem' if s == 0 else 'down'
            base = f'encoder{e}/stage{s + 1}'
            out.append((f'{base}/{entry}/conv/kernel', st.conv.conv.weight, None, _conv_to_torch, _conv_to_cfcml))
            norm(f'{base}/{entry}/norm', st.norm)
            for b, blk in enumerate(st.blocks):
                out.append((f'{base}/block{b}/conv1/kernel', blk.conv1.conv.weight, None, _conv_to_torch, _conv_to_cfcml))
                norm(f'{base}/block{b}/norm1', blk.norm1)
                out.append((f'{base}/block{b}/conv2/kernel', blk.conv2.conv.weight, None, _conv_to_torch, _conv_to_cfcml))
                norm(f'{base}/block{b}/norm2', blk.norm2)
    if model.tokenizer is not None:
        t = model.tokenizer
        if t.embedding is not None:
            out.append(('tabular/tokenizer/embedding', t.embedding.weight, None, None, None))
        if t.scale is not None:
            out.append(('tabular/tokenizer/numeric/scale', t.scale, None, None, None))
            out.append(('tabular/tokenizer/numeric/bias', t.bias, None, None, None))
        if t.missing is not None:
            out.append(('tabular/tokenizer/missing', t.missing, None, None, None))
        tok('tabular/compress/conv', model.tab_compress)
    if model.spec['architecture'] == 'cfcml':
        D = model.config['model']['width']
        for si, s in enumerate(model.stages):
            for m in range(model.I):
                c = model.compress[si][m]
                lin(f'compress/stage{s + 1}/image{m}/proj', c.proj)
                tok(f'compress/stage{s + 1}/image{m}/conv', c.conv)
                if model.token_norm:
                    norm(f'compress/stage{s + 1}/image{m}/norm', model.norms[si][m])
        if model.token_norm and model.tab_norm is not None:
            norm('tabular/compress/norm', model.tab_norm)
        if model.cie is not None:
            for si, s in enumerate(model.stages):
                for m, name in enumerate(model.names):
                    a = model.cie[si][m]
                    key = f'cie/stage{s + 1}/{name}'
                    for j, part in enumerate('qkv'):
                        out.append((f'{key}/{part}/kernel', a.in_proj_weight, slice(j * D, (j + 1) * D), T, T))
                        out.append((f'{key}/{part}/bias', a.in_proj_bias, slice(j * D, (j + 1) * D), None, None))
                    lin(f'{key}/o', a.out_proj)
        for m, name in enumerate(model.names):
            tok(f'fusion/{name}/conv', model.fusion[m])
    else:
        for m in range(model.I):
            lin(f'pool/image{m}/proj', model.pool[m])
    for part in ('fc1', 'fc2', 'out'):
        lin(f'classifier/{part}', getattr(model.classifier, part))
    return out


def load_cfcml(model, weights):
    """Assign cfcml weights {key: array in cfcml layout}. Every key must be there and no other."""
    entries = _entries(model)
    keys = {e[0] for e in entries}
    missing, unknown = keys - set(weights), set(weights) - keys
    if missing or unknown:
        raise KeyError(f'cannot load cfcml weights: missing {sorted(missing)}, unknown {sorted(unknown)}')
    with torch.no_grad():
        for key, param, rows, to_t, _ in entries:
            a = np.asarray(weights[key])
            a = to_t(a) if to_t else a
            target = param[rows] if rows is not None else param
            if tuple(target.shape) != a.shape:
                raise ValueError(f'{key}: cfcml shape {np.asarray(weights[key]).shape} does not fit torch {tuple(target.shape)}')
            target.copy_(torch.from_numpy(np.ascontiguousarray(a)).to(param.dtype))


def cfcml_arrays(model, grads=False):
    """{key: array in cfcml layout} of the weights, or of their .grad with grads=True."""
    res = {}
    for key, param, rows, _, to_c in _entries(model):
        t = param.grad if grads else param.data
        if rows is not None:
            t = t[rows]
        a = t.detach().cpu().numpy()
        res[key] = np.ascontiguousarray(to_c(a) if to_c else a)
    return res


def param_count(model):
    return sum(p.numel() for p in model.parameters())


# ---------------------------------------------------------------------------------------------------------
# cfcml checkpoint files (lib/run/checkpoint.ts) are safetensors files: an 8-byte little-endian header
# length, a JSON header (each tensor's dtype, shape and byte range, and `__metadata__`), then the tensor bytes.
# cfcml's `__metadata__` holds `meta` (JSON text), `sha256` (of the tensor bytes) and `meta_sha256` (of the
# `meta` text). Debian has no python3-safetensors, so the format is read and written here with json + numpy;
# `safetensors.torch.load_file` reads the same files where that package is installed.
# ---------------------------------------------------------------------------------------------------------
CHECKPOINT_FORMAT = 'cfcml-checkpoint/2'
_NP_DTYPE = {'F32': '<f4', 'F64': '<f8', 'F16': '<f2', 'I64': '<i8', 'I32': '<i4', 'I16': '<i2', 'I8': 'i1', 'U8': 'u1', 'BOOL': 'u1'}


def read_checkpoint(path):
    """-> (meta, {name: float32 array}); checks both checksums."""
    with open(path, 'rb') as f:
        buf = f.read()
    (n,) = struct.unpack('<Q', buf[:8])
    if len(buf) < 8 + n:
        raise ValueError(f'{path}: not a safetensors file (or truncated): header length {n}, {len(buf)} bytes')
    header = json.loads(buf[8 : 8 + n].decode('utf8'))
    info = header.pop('__metadata__', {})
    data = buf[8 + n :]
    if info.get('format') != CHECKPOINT_FORMAT:
        raise ValueError(f'{path}: not a cfcml checkpoint (metadata format {info.get("format")!r})')
    if hashlib.sha256(data).hexdigest() != info['sha256']:
        raise ValueError(f'{path}: tensor bytes do not match their sha256 (corrupt file)')
    if hashlib.sha256(info['meta'].encode('utf8')).hexdigest() != info['meta_sha256']:
        raise ValueError(f'{path}: metadata does not match its sha256 (corrupt file)')
    arrays = {}
    for name, e in header.items():
        b, end = e['data_offsets']
        arrays[name] = np.frombuffer(data[b:end], dtype=_NP_DTYPE[e['dtype']]).astype(np.float32).reshape(e['shape'])
    return json.loads(info['meta']), arrays


def write_checkpoint(path, meta, arrays):
    """arrays: list of (name, array); written as float32 in the order given, as lib/run/checkpoint.ts writes."""
    header, blobs, offset = {}, [], 0
    for name, a in arrays:
        a = np.ascontiguousarray(np.asarray(a, dtype='<f4'))
        header[name] = {'dtype': 'F32', 'shape': list(a.shape), 'data_offsets': [offset, offset + a.nbytes]}
        offset += a.nbytes
        blobs.append(a.tobytes())
    data = b''.join(blobs)
    meta_text = json.dumps(meta, separators=(',', ':'))
    info = {
        'format': CHECKPOINT_FORMAT,
        'meta': meta_text,
        'meta_sha256': hashlib.sha256(meta_text.encode('utf8')).hexdigest(),
        'sha256': hashlib.sha256(data).hexdigest(),
    }
    text = json.dumps({'__metadata__': info, **header}, separators=(',', ':')).encode('utf8')
    text += b' ' * ((8 - len(text) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + data)


def weights_from_checkpoint(path):
    """The model weights (`w:` arrays) of a cfcml checkpoint, keyed as load_cfcml wants them."""
    meta, arrays = read_checkpoint(path)
    return meta, {k[2:]: v for k, v in arrays.items() if k.startswith('w:')}


def to_torch_images(a):
    """cfcml channels-last [B, (D,) H, W, C] -> torch channels-first."""
    return torch.from_numpy(np.ascontiguousarray(np.moveaxis(a, -1, 1)))


if __name__ == '__main__':
    import argparse

    ap = argparse.ArgumentParser(description='Parameter count of the twin for a config JSON (as in a fixture meta).')
    ap.add_argument('config', help='JSON file with a CFCMLConfig-like dict, or a cfcml .ckpt whose meta has it')
    args = ap.parse_args()
    if args.config.endswith('.ckpt'):
        cfg = read_checkpoint(args.config)[0]['config']
    else:
        with open(args.config) as f:
            cfg = json.load(f)
    print(param_count(CFCMLTwin(cfg)))
