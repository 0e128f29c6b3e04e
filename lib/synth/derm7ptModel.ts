import { CfcmlError } from '../util/errors';
import { Rng, deriveSeed } from '../util/random';
import { DERM7PT_COLUMNS } from '../data/derm7pt';
import type { Split } from '../data/spec';
import { DERM7PT_COUNTS, derm7ptFileNames, derm7ptFiles, derm7ptSlots, drawDiagnosis, scaledCount, sevenPointScore } from './derm7ptRelease';
import type { OracleRow } from './oracle';
import { fitLogistic, logit, softmaxRef } from './oracle';
import { sigmoid } from './raster';
import { nestedDraws } from './nested';
import type { NestedLayout } from './nested';

/**
 * Synthetic Derm7pt: a generative model with crossmodal interaction, decisive local detail, complementary
 * views and an exact oracle, so that a model's AUC can be read against what the data allows.
 *
 * What is drawn, from what (y = 0 NEV, 1 MEL; every table is P(level | y) unless said otherwise):
 *
 *   y                        fixed per split by the release's class counts (docs/DATA.md); the oracle's
 *                            prior is the cohort's MEL fraction π = 252 / 827.
 *   record | y               difficulty, elevation, location, sex: independent given y (tables below; the
 *                            location weights follow the release's marginals, shifted towards the trunk
 *                            and head for MEL). `management` is a decision taken after the diagnosis: with the
 *                            leak (default, as in the release) every MEL is excised; NEV, and every case
 *                            without the leak, are excised with a probability that depends on elevation
 *                            and difficulty only, so given those fields management carries no evidence.
 *   global findings | y      asymmetry (0/1/2 axes) and the number of colours (1–4: light brown, dark
 *                            brown, black, blue-grey): the ABCD rule's A and C. Large structures, drawn in
 *                            both views; they survive a globally pooled, low-resolution feature.
 *   clinic-only | y          diameter (three bins: < 6, 6–10, ≥ 10 mm: the D of ABCD) and actinic damage
 *                            of the surrounding skin (lentigines): the clinical photo shows the lesion at its
 *                            true size among its surroundings; the dermoscope frames the lesion alone, at
 *                            a normalised magnification, so neither is in the dermoscopic view.
 *   derm-only | y, record    dots/globules (absent/regular/irregular), streaks (absent/regular/irregular),
 *                            regression (white scar + blue peppering), and the pigment network
 *                            (absent/typical/atypical) — on acral skin the parallel pattern instead
 *                            (furrow = NEV, ridge = MEL). Small, local structures, drawn only in the
 *                            dermoscopic view at a size that survives the cpu preset's 64 px.
 *
 * The crossmodal interaction (`interaction: 'context'`): what a dermoscopic finding means depends on the
 * record, as in the clinic.
 *   - Diagnostic difficulty. A case is rated difficult precisely when its dermoscopy misleads: a
 *     featureless, nevoid melanoma or a nevus with atypical (dysplastic) features. So with difficulty low
 *     the local findings are drawn from the table of the true class; medium and high, from the other
 *     class's table with the probability `DERM7PT_DISCORDANCE` gives (some: equivocal; most: discordant).
 *   - Location. On acral skin (palms, soles) there is no pigment network: the parallel-ridge pattern means
 *     melanoma and the parallel-furrow pattern a nevus, and elsewhere neither appears.
 * So p(y | image, record) is not a product of per-modality terms: the record says how to read the image.
 * With `interaction: 'none'` (the null control, an additive design) every finding is drawn from
 * its true class's table whatever the record (no acral pattern), so image ⟂ record | y and the joint
 * log-odds are exactly the sum of the per-modality log-odds.
 *
 * The oracle (`derm7ptPosteriors`) enumerates the only parts of the record the findings depend on
 * (difficulty × acral or not), so every posterior is exact. It conditions on the record without
 * `management` (the trainer leaves the leak out; without the leak it carries no evidence given the rest).
 * The parameters were fixed from oracle numbers alone (DERM7PT_COHORT_VERSION), before any network was
 * trained on the cohort.
 */

/**
 * The design's version, written to cohort.json. Frozen from oracle numbers alone before any network was
 * trained on it (docs/DATA.md, "The oracle at the freeze"): a change of the tables below is a new version.
 */
export const DERM7PT_COHORT_VERSION = '2.0';
export type Derm7ptInteraction = 'context' | 'none';
export const DERM7PT_INTERACTIONS: readonly Derm7ptInteraction[] = ['context', 'none'];

/** Prior P(MEL) of the oracle: the cohort's MEL fraction over all splits (release counts). */
export const DERM7PT_PRIOR = 252 / 827;

type Table = readonly (readonly number[])[];
/** P(level | y): row 0 NEV, row 1 MEL. */
export const DERM7PT_TABLES = {
  difficulty: [[0.5, 0.36, 0.14], [0.3, 0.4, 0.3]] as Table, // low, medium, high
  elevation: [[0.46, 0.44, 0.1], [0.56, 0.34, 0.1]] as Table, // flat, palpable, nodular
  // upper limbs, head neck, back, lower limbs, chest, abdomen, buttocks, acral, genital areas
  location: [[0.15, 0.06, 0.26, 0.22, 0.08, 0.12, 0.04, 0.05, 0.02], [0.1, 0.12, 0.34, 0.16, 0.13, 0.07, 0.02, 0.03, 0.03]] as Table,
  sex: [[0.55, 0.45], [0.45, 0.55]] as Table, // female, male
  asymmetry: [[0.5, 0.35, 0.15], [0.4, 0.38, 0.22]] as Table, // 0, 1, 2 axes
  colours: [[0.26, 0.45, 0.22, 0.07], [0.2, 0.4, 0.28, 0.12]] as Table, // 1..4 colours
  diameter: [[0.45, 0.4, 0.15], [0.25, 0.42, 0.33]] as Table, // < 6, 6–10, ≥ 10 mm
  sunDamage: [[0.7, 0.3], [0.52, 0.48]] as Table, // absent, present
  dots: [[0.4, 0.48, 0.12], [0.22, 0.13, 0.65]] as Table, // absent, regular, irregular
  streaks: [[0.8, 0.14, 0.06], [0.48, 0.07, 0.45]] as Table, // absent, regular, irregular
  regression: [[0.93, 0.07], [0.5, 0.5]] as Table, // absent, present
  network: [[0.2, 0.68, 0.12], [0.2, 0.18, 0.62]] as Table, // absent, typical, atypical (non-acral skin)
  parallel: [[0.88, 0.12], [0.12, 0.88]] as Table, // furrow, ridge (acral skin)
};
/** Probability that the local findings are drawn from the other class's tables, per difficulty level. */
export const DERM7PT_DISCORDANCE = [0, 0.4, 0.9] as const;

export const DIFFICULTY_LEVELS = ['low', 'medium', 'high'] as const;
export const ELEVATION_LEVELS = ['flat', 'palpable', 'nodular'] as const;
export const LOCATION_LEVELS = ['upper limbs', 'head neck', 'back', 'lower limbs', 'chest', 'abdomen', 'buttocks', 'acral', 'genital areas'] as const;
export const SEX_LEVELS = ['female', 'male'] as const;
const ACRAL = 7;
const DIAMETER_BINS: readonly [number, number][] = [[3, 6], [6, 10], [10, 16]];
/** Network levels: 0 absent, 1 typical, 2 atypical, 3 parallel furrow, 4 parallel ridge. */
export const NETWORK_LEVELS = ['absent', 'typical', 'atypical', 'parallel furrow', 'parallel ridge'] as const;

/** The record's fields that carry evidence (indices into the level lists above). */
export interface DermRecord {
  difficulty: number;
  elevation: number;
  location: number;
  sex: number;
}

/** The latent findings the two pictures render. */
export interface DermFindings {
  asymmetry: number;
  /** Number of colours minus one (0..3). */
  colours: number;
  diameterBin: number;
  diameterMm: number;
  sunDamage: number;
  dots: number;
  streaks: number;
  regression: number;
  network: number;
}

export interface PlannedCase {
  row: number;
  split: Split;
  /** 0 NEV, 1 MEL, -1 left out (BCC, SK, misc.). */
  label: number;
  diagnosis: string;
  record: DermRecord;
  findings: DermFindings;
  meta: Record<string, string>;
  renderSeed: number;
  /** Clinic and derm images are one file (the dermoscopic one), as in 9 cases of the release. */
  sameFile: boolean;
  /** Record fields left blank in meta.csv (`missingness`); empty without it. */
  missing: DermField[];
}

export interface Derm7ptPlanOptions {
  seed: number;
  scale?: number;
  leak?: boolean;
  interaction?: Derm7ptInteraction;
  /** Blank record cells (absent or rate 0: none, and the plan is exactly the one without the option). */
  missingness?: Derm7ptMissingness;
  /** The nested layout for learning curves (planNested); absent: the release's layout, shuffled. */
  nested?: NestedLayout;
}

/**
 * Synthetic missingness of the record (`cfcml synth derm7pt --missing RATE [--missing-mechanism mnar]`).
 * Each of a case's record cells (difficulty, elevation, location, sex, management) is left blank
 * independently:
 *   mcar — with probability `rate`, whatever the case (missing completely at random);
 *   mnar — with probability min(1, 1.25 · rate) for a NEV and 0.5 · rate for a MEL: a suspicious lesion
 *          gets a complete record, a banal one a sketchy record (missingness depends on the hidden class,
 *          so it is evidence; about `rate` of the cells are blank at the release's class mix).
 * Lesions left out of the task (BCC, SK, …) are blanked as under mcar. The draws come from their own
 * stream (seeded by the cohort seed), so the rest of the plan and every picture are those of the same seed
 * without missingness.
 */
export interface Derm7ptMissingness {
  rate: number;
  mechanism: 'mcar' | 'mnar';
}
export const MISSING_MECHANISMS = ['mcar', 'mnar'] as const;

/** The record fields the oracle conditions on (management is left out: see the file comment). */
export type DermField = keyof DermRecord;
export const DERM_FIELDS: readonly DermField[] = ['difficulty', 'elevation', 'location', 'sex'];
/** meta.csv column of each record field, management included. */
const RECORD_COLUMNS: Record<DermField | 'management', string> = {
  difficulty: 'level_of_diagnostic_difficulty',
  elevation: 'elevation',
  location: 'location',
  sex: 'sex',
  management: 'management',
};

/** Probability that one record cell of a class-y case is blank (y = -1: a left-out lesion). */
export function blankProbability(m: Derm7ptMissingness, y: number): number {
  if (m.mechanism === 'mcar' || y < 0) return m.rate;
  return y === 0 ? Math.min(1, 1.25 * m.rate) : 0.5 * m.rate;
}

/** P(this pattern of blank evidence fields | y): evidence under mnar, a constant (dropped) under mcar. */
function patternLikelihood(m: Derm7ptMissingness | undefined, missing: readonly DermField[], y: number): number {
  if (!m || m.mechanism === 'mcar') return 1;
  const q = blankProbability(m, y);
  return DERM_FIELDS.reduce((acc, k) => acc * (missing.includes(k) ? q : 1 - q), 1);
}

const T = DERM7PT_TABLES;

function draw(rng: Rng, t: Table, y: number): number {
  return rng.categorical([...t[y]]);
}

/** P(local findings | y, difficulty, acral) under the design's interaction. */
function localLikelihood(f: DermFindings, y: number, difficulty: number, acral: boolean, interaction: Derm7ptInteraction): number {
  const ctx = interaction === 'context';
  const w = ctx ? DERM7PT_DISCORDANCE[difficulty] : 0;
  const table = (c: number): number => {
    let p = T.dots[c][f.dots] * T.streaks[c][f.streaks] * T.regression[c][f.regression];
    const parallelSite = ctx && acral;
    if (f.network >= 3) p *= parallelSite ? T.parallel[c][f.network - 3] : 0;
    else p *= parallelSite ? 0 : T.network[c][f.network];
    return p;
  };
  return (1 - w) * table(y) + (w > 0 ? w * table(1 - y) : 0);
}

/** Draw the record and findings of one case of (drawing) class y. */
export function drawDermCase(rng: Rng, y: number, interaction: Derm7ptInteraction): { record: DermRecord; findings: DermFindings } {
  const record: DermRecord = {
    difficulty: draw(rng, T.difficulty, y),
    elevation: draw(rng, T.elevation, y),
    location: draw(rng, T.location, y),
    sex: draw(rng, T.sex, y),
  };
  const diameterBin = draw(rng, T.diameter, y);
  const [lo, hi] = DIAMETER_BINS[diameterBin];
  const ctx = interaction === 'context';
  // The class whose tables the local findings come from ("apparent" class: see the discordance above).
  const apparent = ctx && rng.bernoulli(DERM7PT_DISCORDANCE[record.difficulty]) ? 1 - y : y;
  const acral = ctx && record.location === ACRAL;
  const findings: DermFindings = {
    asymmetry: draw(rng, T.asymmetry, y),
    colours: draw(rng, T.colours, y),
    diameterBin,
    diameterMm: rng.uniform(lo, hi),
    sunDamage: draw(rng, T.sunDamage, y),
    dots: draw(rng, T.dots, apparent),
    streaks: draw(rng, T.streaks, apparent),
    regression: draw(rng, T.regression, apparent),
    network: acral ? 3 + draw(rng, T.parallel, apparent) : draw(rng, T.network, apparent),
  };
  return { record, findings };
}

/**
 * Posteriors P(MEL | evidence) of one case, for every evidence subset but `additive`, given the record's
 * observed fields only: a field in `missing` is marginalised out. Its table factor sums to 1 over its
 * levels and drops; where the local findings depend on it (difficulty, acral site), their likelihood is
 * averaged over its levels under P(level | y). With `missingness` of mechanism mnar the pattern of blanks
 * is evidence too and multiplies the record's likelihood (tabular and joint).
 */
export function derm7ptPosteriors(
  r: DermRecord,
  f: DermFindings,
  interaction: Derm7ptInteraction,
  sameFile = false,
  missing: readonly DermField[] = [],
  missingness?: Derm7ptMissingness,
): Record<string, number> {
  const prior = [1 - DERM7PT_PRIOR, DERM7PT_PRIOR];
  const post = (lik: (y: number) => number): number => {
    const a = prior[0] * lik(0);
    const b = prior[1] * lik(1);
    return b / (a + b);
  };
  const seen = (k: DermField) => !missing.includes(k);
  const tab = (y: number) =>
    (seen('difficulty') ? T.difficulty[y][r.difficulty] : 1) *
    (seen('elevation') ? T.elevation[y][r.elevation] : 1) *
    (seen('location') ? T.location[y][r.location] : 1) *
    (seen('sex') ? T.sex[y][r.sex] : 1) *
    patternLikelihood(missingness, missing, y);
  const glob = (y: number) => T.asymmetry[y][f.asymmetry] * T.colours[y][f.colours];
  const clin = (y: number) => (sameFile ? 1 : T.diameter[y][f.diameterBin] * T.sunDamage[y][f.sunDamage]);
  // The local findings given the observed record: a blank difficulty or location is averaged over P(· | y).
  const localJoint = (y: number) => {
    const pa = T.location[y][ACRAL];
    const sites: [boolean, number][] = seen('location') ? [[r.location === ACRAL, 1]] : [[true, pa], [false, 1 - pa]];
    const levels: [number, number][] = seen('difficulty') ? [[r.difficulty, 1]] : [0, 1, 2].map((d) => [d, T.difficulty[y][d]]);
    let s = 0;
    for (const [d, wd] of levels) for (const [acral, wa] of sites) s += wd * wa * localLikelihood(f, y, d, acral, interaction);
    return s;
  };
  // Image evidence alone: sum the local likelihood over the parts of the record it depends on.
  const localMarg = (y: number) => {
    let s = 0;
    for (let d = 0; d < 3; d++) {
      const pa = T.location[y][ACRAL];
      s += T.difficulty[y][d] * (pa * localLikelihood(f, y, d, true, interaction) + (1 - pa) * localLikelihood(f, y, d, false, interaction));
    }
    return s;
  };
  // A shared file shows the dermoscopic picture in both slots: its "clinic" view has the derm findings.
  const clinicView = sameFile ? (y: number) => glob(y) * localMarg(y) : (y: number) => glob(y) * clin(y);
  return {
    joint: post((y) => tab(y) * glob(y) * clin(y) * localJoint(y)),
    tabular: post(tab),
    image: post((y) => glob(y) * clin(y) * localMarg(y)),
    clinic: post(clinicView),
    derm: post((y) => glob(y) * localMarg(y)),
    image_global: post(glob),
  };
}

/**
 * Weights of the additive oracle: logistic regression of y on [logit p_tabular, logit p_image], fit by
 * maximum likelihood on 20 000 cases drawn from the generative model itself (a fixed seed, independent of
 * the cohort's seed: it is a property of the design, not of one draw), with the cohort's class prior.
 * With `missingness`, the 20 000 cases get blank record cells by the same rule (from a second stream, so
 * the draws of the cases are those without it) and p_tabular is given their observed fields.
 */
export function derm7ptAdditiveWeights(interaction: Derm7ptInteraction, missingness?: Derm7ptMissingness): number[] {
  const m = missingness && missingness.rate > 0 ? missingness : undefined;
  const key = m ? `${interaction}|${m.mechanism}|${m.rate}` : interaction;
  const cached = additiveCache.get(key);
  if (cached) return cached;
  const rng = new Rng(deriveSeed(20260, 'derm7pt-v2-additive', interaction));
  const blanks = m ? new Rng(deriveSeed(20260, 'derm7pt-additive-missing', interaction, m.mechanism, m.rate)) : undefined;
  const X: number[][] = [];
  const Y: number[] = [];
  for (let i = 0; i < 20000; i++) {
    const y = rng.bernoulli(DERM7PT_PRIOR) ? 1 : 0;
    const { record, findings } = drawDermCase(rng, y, interaction);
    const missing = m && blanks ? DERM_FIELDS.filter(() => blanks.bernoulli(blankProbability(m, y))) : [];
    const p = derm7ptPosteriors(record, findings, interaction, false, missing, m);
    X.push([logit(p.tabular), logit(p.image)]);
    Y.push(y);
  }
  const w = fitLogistic(X, Y, 2)[0];
  additiveCache.set(key, w);
  return w;
}
const additiveCache = new Map<string, number[]>();

/**
 * The oracle row of a planned case (task cases only), given its observed record: `missing` defaults to the
 * plan's blank fields; `missingness` (the cohort's rule) makes the pattern evidence under mnar and picks the
 * additive weights fitted under the same rule.
 */
export function derm7ptOracleRow(c: PlannedCase, interaction: Derm7ptInteraction, missingness?: Derm7ptMissingness, missing: readonly DermField[] = c.missing): OracleRow {
  const p = derm7ptPosteriors(c.record, c.findings, interaction, c.sameFile, missing, missingness);
  const w = derm7ptAdditiveWeights(interaction, missingness);
  const additive = softmaxRef([w], [1, logit(p.tabular), logit(p.image)])[1];
  const all: Record<string, number> = { joint: p.joint, additive, tabular: p.tabular, image: p.image, clinic: p.clinic, derm: p.derm, image_global: p.image_global };
  return { id: c.meta.case_num, split: c.split, label: c.label, p: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, [1 - v, v]])) };
}

/** The release's checklist columns, filled from the findings so that meta.csv describes the pictures. */
function checklist(f: DermFindings, rng: Rng): Record<string, string> {
  const network = f.network === 2 || f.network === 4 ? 'atypical' : f.network === 0 ? 'absent' : 'typical';
  const streaks = ['absent', 'regular', 'irregular'][f.streaks];
  const dots = ['absent', 'regular', 'irregular'][f.dots];
  const regression = f.regression ? rng.pick(['combinations', 'white areas', 'blue areas']) : 'absent';
  const irregularPig = f.asymmetry >= 1 && f.colours >= 2;
  const pigmentation = irregularPig ? (f.asymmetry === 2 ? 'localized irregular' : 'diffuse irregular') : f.colours >= 1 ? 'diffuse regular' : 'absent';
  const veil = f.colours >= 3 ? 'present' : 'absent';
  const vascular = 'absent';
  const criteria: Record<string, string> = {
    pigment_network: network,
    streaks,
    pigmentation,
    regression_structures: regression,
    dots_and_globules: dots,
    blue_whitish_veil: veil,
    vascular_structures: vascular,
  };
  return { seven_point_score: String(sevenPointScore(criteria)), ...criteria };
}

/** Draw every row of the synthetic meta.csv (no pixels). Deterministic in (seed, scale, leak, interaction, nested, missingness). */
export function planDerm7pt(opts: Derm7ptPlanOptions): PlannedCase[] {
  if (opts.nested) return planNested(opts, opts.nested);
  const scale = opts.scale ?? 1;
  const rng = new Rng(deriveSeed(opts.seed, 'derm7pt-v2-plan'));
  const slots = derm7ptSlots(scale);
  rng.shuffle(slots);
  return withMissingness(slots.map((s, row) => planCase(rng, s, row, derm7ptFiles(row, scale), opts)), opts);
}

/** Blank the plan's record cells by `opts.missingness` (none, or rate 0: the plan as it is). */
function withMissingness(plan: PlannedCase[], opts: Derm7ptPlanOptions): PlannedCase[] {
  const m = opts.missingness;
  if (!m || m.rate === 0) return plan;
  if (!(m.rate >= 0 && m.rate <= 1)) throw new CfcmlError(`missing rate must be in [0, 1], got ${m.rate}`);
  const blanks = new Rng(deriveSeed(opts.seed, 'derm7pt-missing', m.mechanism, m.rate));
  for (const c of plan) {
    // A left-out lesion's drawing class is not kept; its cells are blanked as under mcar (blankProbability(m, -1)).
    const q = blankProbability(m, c.label);
    for (const k of [...DERM_FIELDS, 'management'] as const) {
      if (!blanks.bernoulli(q)) continue;
      c.meta[RECORD_COLUMNS[k]] = '';
      if (k !== 'management') c.missing.push(k);
    }
  }
  return plan;
}

/**
 * The nested layout, for learning curves (`cfcml synth derm7pt --nested`; nested.ts): test at the release's
 * counts, validation at `validScale` × them, training at `scale` × them; case numbers follow the plan's rows.
 */
function planNested(opts: Derm7ptPlanOptions, nested: NestedLayout): PlannedCase[] {
  const counts = (split: Split, s: number): [number, number][] => {
    const c = DERM7PT_COUNTS[split];
    return [
      [0, scaledCount(c.NEV, s)],
      [1, scaledCount(c.MEL, s)],
      [-1, scaledCount(c.other, s, 0)],
    ];
  };
  const drawn = nestedDraws(opts.seed, 'derm7pt-nested', opts.scale ?? 1, nested, counts);
  return withMissingness(
    drawn.map((d, row) => {
      // The same-file draw comes right after the ordering key: the order of a case's draws is part of the design.
      const files = derm7ptFileNames(row, d.rng.bernoulli(NESTED_SAME_FILE_RATE));
      return planCase(d.rng, d, row, files, opts);
    }),
    opts,
  );
}

/** The release's share of cases whose clinic and derm image are one file (9 of 1011). */
const NESTED_SAME_FILE_RATE = 9 / 1011;

/** One case of the plan, drawn from `rng` (the order of the draws is part of the design: do not reorder). */
function planCase(
  rng: Rng,
  s: { split: Split; label: number },
  row: number,
  files: { caseNum: number; sameFile: boolean; derm: string; clinic: string },
  opts: Derm7ptPlanOptions,
): PlannedCase {
  const leak = opts.leak ?? true;
  const interaction = opts.interaction ?? 'context';
  const diagnosis = drawDiagnosis(rng, s.label);
  // Left-out lesions (BCC, SK, ...) are drawn from a NEV/MEL mixture: they look like either.
  const y = s.label >= 0 ? s.label : rng.bernoulli(0.35) ? 1 : 0;
  const { record, findings } = drawDermCase(rng, y, interaction);
  const excisionP = sigmoid(-1.9 + 0.9 * +(record.elevation > 0) + 0.8 * record.difficulty);
  const management = leak && s.label === 1 ? 'excision' : rng.bernoulli(excisionP) ? 'excision' : rng.bernoulli(0.65) ? 'clinical follow up' : 'no further examination';
  const { caseNum, sameFile, derm, clinic } = files;
  const meta: Record<string, string> = {
    case_num: String(caseNum),
    diagnosis,
    ...checklist(findings, rng),
    level_of_diagnostic_difficulty: DIFFICULTY_LEVELS[record.difficulty],
    elevation: ELEVATION_LEVELS[record.elevation],
    location: LOCATION_LEVELS[record.location],
    sex: SEX_LEVELS[record.sex],
    management,
    clinic,
    derm,
    case_id: `SYN${String(caseNum).padStart(4, '0')}`,
    notes: row % 97 === 5 ? 'synthetic, drawn by cfcml v2; "no real patient"' : '',
  };
  for (const c of DERM7PT_COLUMNS) if (meta[c] === undefined) throw new Error(`planDerm7pt: column ${c} not filled`);
  return { row, split: s.split, label: s.label, diagnosis, record, findings, meta, renderSeed: rng.nextUint32(), sameFile, missing: [] };
}
