import * as tf from '@tensorflow/tfjs';
import { CfcmlError } from '../util/errors';
import { deriveSeed, Rng } from '../util/random';
import { classify, makeClassifier } from './classifier';
import { compressImage, compressTabular, makeImageCompression, makeTabularCompression, type ImageCompression } from './compression';
import { cieStage, makeCrossAttention, type CrossAttention } from './crossAttention';
import { fuse, makeFusion } from './fusion';
import { channelNorm, linear, makeChannelNorm, makeLinear, type ChannelNorm, type Linear, type TokenConv } from './layers';
import { ParamStore } from './params';
import { backboneEncoder } from './backbone';
import { makeTabularTokenizer, type TabularTokenizer } from './tabularTokenizer';
import type { CFCMLConfig, CFCMLModel, EncoderParams, ForwardOptions, ForwardOutput, ImageEncoder } from './types';
import { variantSpec } from './variants';

/**
 * The CFCML model (docs/METHOD.md, coarse stage C1–C4) and its baselines, assembled from the parts in this
 * folder according to `variantSpec(config.variant)`. Weights are plain tf.Variables in one ParamStore.
 *
 * Modality order everywhere (z, tokens, attention, completed): image modalities first, then tabular.
 */
export function createModel(config: CFCMLConfig): CFCMLModel {
  const spec = variantSpec(config.variant);
  const preset = config.model;
  const D = preset.width;
  const I = spec.useImages ? config.images.length : 0;
  const useTab = spec.useTabular;
  validateConfig(config, spec.useImages, useTab);
  const store = new ParamStore(config.seed);
  const dropoutRng = new Rng(deriveSeed(config.seed, 'dropout'));

  // ---- image encoders: one shared, or one per modality -------------------------------------------------
  const shared = preset.sharedEncoder && I > 1;
  if (shared) {
    const k0 = config.images[0];
    if (!config.images.every((m) => m.kind === k0.kind && m.channels === k0.channels)) {
      throw new CfcmlError('a shared encoder needs all image modalities of the same kind and channel count', { where: 'model.sharedEncoder' });
    }
  }
  const sizes = config.images.map((_, m) => imageSizeOf(config, m));
  const factory = config.encoder ?? backboneEncoder(preset);
  // encoders[encoderOf[m]] encodes image modality m. A shared encoder is built once per distinct view size,
  // every build over the same weights (`encoder0/…`): the later builds find the weights the first made.
  const encoders: ImageEncoder[] = [];
  const encoderOf: number[] = [];
  const encoderSizes: string[] = [];
  for (let m = 0; m < I; m++) {
    const key = sizes[m].join('x');
    const same = shared ? encoderSizes.indexOf(key) : -1;
    if (same >= 0) {
      encoderOf.push(same);
      continue;
    }
    const e = shared ? 0 : m;
    const prefix = `encoder${e}/`;
    const params: EncoderParams =
      shared && encoders.length > 0
        ? sharedParams(store, prefix, () => `${viewName(config, 0)} at ${sizes[0].join('×')} and ${viewName(config, m)} at ${sizes[m].join('×')}`)
        : {
            add: (k, shape, init) => store.add(prefix + k, shape, init, 'encoder'),
            adopt: (k, variable) => store.adopt(prefix + k, variable, 'encoder'),
          };
    const img = config.images[m];
    encoderOf.push(encoders.length);
    encoderSizes.push(key);
    encoders.push(forView(config, m, sizes[m], () => factory({ kind: img.kind, channels: img.channels, imageSize: sizes[m], widths: preset.encoderWidths, params, freezeStages: preset.freezeStages })));
  }
  // Token counts N_s of each stage, found by a probe forward per encoder (works for any pluggable encoder).
  const encoderShapes = encoders.map((enc, k) => {
    const m = encoderOf.indexOf(k);
    return forView(config, m, sizes[m], () => probeStages(enc, config.images[m].channels, sizes[m]));
  });
  const shapesOf = (m: number) => encoderShapes[encoderOf[m]];

  const stages = spec.multiGranularity ? [0, 1, 2, 3] : [3];
  const M = I + (useTab ? 1 : 0);
  const names = [...Array.from({ length: I }, (_, m) => `image${m}`), ...(useTab ? ['tabular'] : [])];
  const tokensOf = (m: number) => (m < I ? preset.imgTokens : preset.tabTokens); // L_m

  // ---- tabular path (both families) ---------------------------------------------------------------------
  let tokenizer: TabularTokenizer | null = null;
  let tabCompression: TokenConv | null = null;
  if (useTab) {
    tokenizer = makeTabularTokenizer(store, 'tabular/tokenizer', config.tabular, D);
    tabCompression = makeTabularCompression(store, 'tabular/compress', config.tabular.length, preset.tabTokens);
  }

  // ---- the coarse stage of the architecture, then (C4) -----------------------------------------------------
  const cieOn = spec.cie && M > 1;
  const layout: Layout = { I, names, stages, shapesOf, tokensOf, useTab, cieOn };
  const head: Head = spec.architecture === 'cfcml' ? makeCfcmlHead(store, layout, config) : makePooledHead(store, layout, D);
  // (C4): one classifier on the concatenated embeddings, or (`additive`) one per modality, logits summed.
  const classifiers = spec.additiveHead
    ? names.map((n) => makeClassifier(store, `classifier/${n}`, 1, D, config.numClasses, preset.dropout))
    : [makeClassifier(store, 'classifier', M, D, config.numClasses, preset.dropout)];
  const classifyAll = (z: tf.Tensor2D[], training: boolean, seed: number): tf.Tensor2D =>
    spec.additiveHead
      ? (tf.addN(z.map((zm, m) => classify([zm], classifiers[m], training, deriveSeed(seed, 'additive', m)))) as tf.Tensor2D)
      : classify(z, classifiers[0], training, seed);

  // ---- forward ---------------------------------------------------------------------------------------------
  const encode = (images: tf.Tensor[], training: boolean): tf.Tensor[][] => {
    if (!shared) return images.map((x, m) => encoders[m].apply(x, training));
    // One pass per encoder build over its views stacked on the batch axis: with one size for every view (one
    // build), half the ops of two passes, same result.
    const B = images[0].shape[0];
    const out: tf.Tensor[][] = images.map(() => []);
    encoders.forEach((enc, k) => {
      const views = encoderOf.flatMap((e, m) => (e === k ? [m] : []));
      const outs = enc.apply(views.length === 1 ? images[views[0]] : tf.concat(views.map((m) => images[m]), 0), training);
      const perStage = outs.map((F) => (views.length === 1 ? [F] : tf.split(F, views.map(() => B), 0)));
      views.forEach((m, j) => (out[m] = perStage.map((parts) => parts[j])));
    });
    return out;
  };

  const forward = (images: tf.Tensor[], tabular: tf.Tensor2D, opts: ForwardOptions): ForwardOutput => {
    validateInputs(config, images, tabular, I, useTab);
    const seed = opts.seed ?? dropoutRng.seed();
    return tf.tidy(() => {
      const F = I > 0 ? encode(images.slice(0, I), opts.training) : []; // [m][s]: [B, (d,) h, w, C_s]
      const T = tokenizer ? tokenizer.apply(tabular) : null; // [B, K, D]
      const PtRaw = T && tabCompression ? compressTabular(T, tabCompression) : null; // (C1) [B, L_tab, D]
      const Pt = PtRaw && head.kind === 'cfcml' && head.tabNorm ? (channelNorm(PtRaw, head.tabNorm) as tf.Tensor3D) : PtRaw;
      const coarse = head.kind === 'cfcml' ? cfcmlEmbeddings(head, layout, F, Pt) : pooledEmbeddings(head, F, Pt);
      const logits = classifyAll(coarse.z, opts.training, seed); // (C4) [B, C]
      const out: ForwardOutput = { z: coarse.z, logits };
      if (opts.intermediates) out.intermediates = { stageFeatures: F, tokens: coarse.tokens, attention: coarse.attention, completed: coarse.completed };
      return out as unknown as tf.TensorContainer;
    }) as unknown as ForwardOutput;
  };

  return {
    config,
    modalityNames: names,
    forward,
    classify: classifyAll,
    classifierVariables: classifiers.flatMap((c) => [c.fc1.w, c.fc1.b, c.fc2.w, c.fc2.b, c.out.w, c.out.b]),
    weights: store.entries,
    paramCount: () => store.paramCount(),
    summary: () => store.summary(`CFCML variant '${config.variant}': ${names.join(', ')}; stages ${stages.map((s) => s + 1).join(',')}; CIE ${cieOn ? (spec.singleHead ? 'single-head' : `${preset.heads} heads`) : 'off'}${preset.tokenNorm ? '; token norm' : ''}`),
    getWeightData: () => store.getWeightData(),
    setWeightData: (w) => store.setWeightData(w),
    dispose: () => store.dispose(),
  };
}

/** How the modalities and stages are laid out for the coarse stage (image modalities first, then tabular). */
interface Layout {
  I: number;
  names: string[];
  /** Encoder stages (0-based) the coarse stage reads: all four with multi-granularity, else the last. */
  stages: number[];
  shapesOf: (m: number) => StageShape[];
  /** L_m: tokens of modality m after compression. */
  tokensOf: (m: number) => number;
  useTab: boolean;
  cieOn: boolean;
}

/** The CFCML family's weights: (C1) per stage and image modality, (C2) per stage and modality, (C3) per modality. */
interface CfcmlHead {
  kind: 'cfcml';
  compression: ImageCompression[][]; // [stage index][image modality]
  /** preset.tokenNorm: LayerNorm over D of every compressed image token, [stage index][image modality]. */
  tokenNorms: ChannelNorm[][];
  /** preset.tokenNorm: the tabular tokens P_t are normalised once (they are reused at every stage). */
  tabNorm: ChannelNorm | null;
  cie: CrossAttention[][] | null; // [stage index][modality]
  fusion: TokenConv[];
}

/** The baselines' weights (late fusion and the one-modality variants): a projection of each pooled last stage to D. */
interface PooledHead {
  kind: 'pooled';
  proj: Linear[];
}

type Head = CfcmlHead | PooledHead;

/** What the coarse stage hands on: the embeddings z, and for `intermediates` the tokens, attention and completed tokens per stage. */
interface CoarseOutput {
  z: tf.Tensor2D[];
  tokens: tf.Tensor3D[][];
  attention: (tf.Tensor4D | null)[][];
  completed: tf.Tensor3D[][];
}

function makeCfcmlHead(store: ParamStore, layout: Layout, config: CFCMLConfig): CfcmlHead {
  const preset = config.model;
  const D = preset.width;
  const { I, names, stages, shapesOf, tokensOf, useTab, cieOn } = layout;
  const spec = variantSpec(config.variant);
  const compression: ImageCompression[][] = [];
  const tokenNorms: ChannelNorm[][] = [];
  for (const s of stages) {
    compression.push(
      Array.from({ length: I }, (_, m) => {
        const { channels, tokens } = shapesOf(m)[s];
        return makeImageCompression(store, `compress/stage${s + 1}/image${m}`, channels, tokens, D, preset.imgTokens);
      }),
    );
    if (preset.tokenNorm) tokenNorms.push(Array.from({ length: I }, (_, m) => makeChannelNorm(store, `compress/stage${s + 1}/image${m}/norm`, D, 'head')));
  }
  const tabNorm = preset.tokenNorm && useTab ? makeChannelNorm(store, 'tabular/compress/norm', D, 'head') : null;
  let cie: CrossAttention[][] | null = null;
  if (cieOn) {
    const heads = spec.singleHead ? 1 : preset.heads;
    cie = stages.map((s) => names.map((name) => makeCrossAttention(store, `cie/stage${s + 1}/${name}`, D, heads)));
  }
  const fusion = names.map((name, m) => makeFusion(store, `fusion/${name}`, stages.length * (cieOn ? 2 : 1) * tokensOf(m), tokensOf(m)));
  return { kind: 'cfcml', compression, tokenNorms, tabNorm, cie, fusion };
}

function makePooledHead(store: ParamStore, layout: Layout, D: number): PooledHead {
  return { kind: 'pooled', proj: Array.from({ length: layout.I }, (_, m) => makeLinear(store, `pool/image${m}/proj`, layout.shapesOf(m)[3].channels, D, 'head')) };
}

/** (C1) → (C2) per stage, (C3) per modality: the CFCML family's embeddings from the stage maps F[m][s] and P_t. */
function cfcmlEmbeddings(head: CfcmlHead, layout: Layout, F: tf.Tensor[][], Pt: tf.Tensor3D | null): CoarseOutput {
  const tokens: tf.Tensor3D[][] = [];
  const attention: (tf.Tensor4D | null)[][] = [];
  const completed: tf.Tensor3D[][] = [];
  layout.stages.forEach((s, si) => {
    const P = F.map((Fm, m) => {
      const Pm = compressImage(Fm[s], head.compression[si][m]); // (C1) [B, L_img, D]
      return head.tokenNorms.length > 0 ? (channelNorm(Pm, head.tokenNorms[si][m]) as tf.Tensor3D) : Pm;
    });
    if (Pt) P.push(Pt); // P_t is reused at every stage
    const stageOut = cieStage(P, head.cie ? head.cie[si] : null); // (C2)
    tokens.push(P);
    attention.push(stageOut.attention);
    completed.push(stageOut.completed);
  });
  const z = layout.names.map((_, m) => fuse(completed.map((perModality) => perModality[m]), head.fusion[m])); // (C3) [B, D]
  return { z, tokens, attention, completed };
}

/** The baselines' embeddings: each image modality's last stage averaged over space and projected to D; the tabular tokens averaged. */
function pooledEmbeddings(head: PooledHead, F: tf.Tensor[][], Pt: tf.Tensor3D | null): CoarseOutput {
  const z = F.map((Fm, m) => {
    const F4 = Fm[3];
    const pooled = tf.mean(F4, Array.from({ length: F4.rank - 2 }, (_, a) => a + 1)); // [B, C_4]
    return linear(pooled, head.proj[m]) as tf.Tensor2D; // [B, D]
  });
  if (Pt) z.push(tf.mean(Pt, 1) as tf.Tensor2D); // [B, D]
  return { z, tokens: [], attention: [], completed: [] };
}

interface StageShape {
  channels: number;
  /** N_s: number of spatial positions. */
  tokens: number;
  shape: number[];
}

function probeStages(enc: ImageEncoder, channels: number, imageSize: readonly number[]): StageShape[] {
  return tf.tidy(() => {
    const outs = enc.apply(tf.zeros([1, ...imageSize, channels]), false);
    if (outs.length !== 4) throw new CfcmlError(`an image encoder must return 4 stage maps, got ${outs.length}`, { where: 'config.encoder' });
    return outs.map((F, s) => {
      if (F.rank !== imageSize.length + 2) {
        throw new CfcmlError(`encoder stage ${s + 1} has shape [${F.shape}], expected rank ${imageSize.length + 2} (channels last)`, { where: 'config.encoder' });
      }
      const sp = F.shape.slice(1, -1);
      return { channels: F.shape[F.rank - 1], tokens: sp.reduce((a, b) => a * b, 1), shape: F.shape.slice(1) };
    });
  });
}

function validateConfig(config: CFCMLConfig, useImages: boolean, useTab: boolean): void {
  const p = config.model;
  if (!(config.numClasses >= 2)) throw new CfcmlError(`numClasses must be >= 2, got ${config.numClasses}`, { where: 'config.numClasses' });
  if (useImages) {
    if (config.images.length === 0) throw new CfcmlError(`variant '${config.variant}' needs at least one image modality`, { where: 'config.images' });
    for (const [m, img] of config.images.entries()) {
      const rank = img.kind === '2d' ? 2 : 3;
      const size = imageSizeOf(config, m);
      if (size.length !== rank) {
        throw new CfcmlError(`${viewName(config, m)} is ${img.kind} but its size is [${size}]`, { where: img.size ? `config.images[${m}].size` : 'config.imageSize' });
      }
    }
  }
  if (useTab && config.tabular.length === 0) throw new CfcmlError(`variant '${config.variant}' needs tabular fields`, { where: 'config.tabular' });
  for (const [name, v] of [['width', p.width], ['imgTokens', p.imgTokens], ['tabTokens', p.tabTokens], ['heads', p.heads]] as const) {
    if (!(Number.isInteger(v) && v >= 1)) throw new CfcmlError(`${name} must be a positive integer, got ${v}`, { where: `model.${name}` });
  }
}

function validateInputs(config: CFCMLConfig, images: tf.Tensor[], tabular: tf.Tensor2D, I: number, useTab: boolean): void {
  if (images.length < I) throw new CfcmlError(`expected ${I} image tensors, got ${images.length}`, { where: 'forward' });
  const B = I > 0 ? images[0].shape[0] : tabular.shape[0];
  for (let m = 0; m < I; m++) {
    const want = [B, ...imageSizeOf(config, m), config.images[m].channels];
    if (images[m].shape.join(',') !== want.join(',')) {
      throw new CfcmlError(`image ${m} has shape [${images[m].shape}], expected [${want}]`, { where: 'forward' });
    }
  }
  if (useTab && (tabular.rank !== 2 || tabular.shape[0] !== B || tabular.shape[1] !== config.tabular.length)) {
    throw new CfcmlError(`tabular has shape [${tabular.shape}], expected [${B}, ${config.tabular.length}]`, { where: 'forward' });
  }
}

/** The size of image modality `m`: its own, else the config's `imageSize`. */
export function imageSizeOf(config: Pick<CFCMLConfig, 'images' | 'imageSize'>, m: number): readonly number[] {
  return config.images[m].size ?? config.imageSize;
}

/** `view 'clinic'`, or `image 0` for a modality without a name. */
function viewName(config: Pick<CFCMLConfig, 'images'>, m: number): string {
  const name = config.images[m].name;
  return name === undefined ? `image ${m}` : `view '${name}'`;
}

/**
 * `f()`, with a CfcmlError about the image size (`where: 'imageSize'`) restated to name the view and its size:
 * with views of different sizes, which one the encoder cannot take.
 */
function forView<T>(config: Pick<CFCMLConfig, 'images'>, m: number, size: readonly number[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof CfcmlError) || e.where !== 'imageSize') throw e;
    const own = e.message.slice(e.where.length + 2);
    throw new CfcmlError(`${viewName(config, m)} at ${size.join('×')} (${size.length === 3 ? 'D×H×W' : 'H×W'}): ${own}`, { hint: e.hint, cause: e });
  }
}

/**
 * The params of a later build of a shared encoder: each weight it asks for is the first build's, which must
 * exist under the same key with the same shape (an encoder whose weights depend on the input size cannot be
 * shared across sizes).
 */
function sharedParams(store: ParamStore, prefix: string, views: () => string): EncoderParams {
  const existing = (key: string): tf.Variable => {
    const v = store.get(prefix + key);
    if (!v) throw new CfcmlError(`a shared encoder cannot serve ${views()}: at the second size it asks for a weight '${key}' the first did not make`, { where: 'model.sharedEncoder', hint: 'give the views one size, or set model.sharedEncoder=false' });
    return v;
  };
  return {
    add: (key, shape) => {
      const v = existing(key);
      if (v.shape.join('x') !== shape.join('x')) {
        throw new CfcmlError(`a shared encoder cannot serve ${views()}: its weight '${key}' is [${v.shape}] at one size and [${shape}] at the other`, { where: 'model.sharedEncoder', hint: 'give the views one size, or set model.sharedEncoder=false' });
      }
      return v;
    },
    adopt: (key, variable) => {
      if (existing(key) !== variable) throw new CfcmlError(`a shared encoder cannot serve ${views()}: it adopts another variable '${key}' at the second size`, { where: 'model.sharedEncoder' });
    },
  };
}
