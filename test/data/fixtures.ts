import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import sharp from 'sharp';
import { formatCsv, parseCsv } from '../../lib/util/csv';
import { DERM7PT_COLUMNS } from '../../lib/data/derm7pt';

/** A fresh temporary folder. */
export function tmpDir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cfcml-${tag}-`));
}

/** One hand-written meta.csv row (the 19 columns), with the checklist filled with plain values. */
export function metaRow(caseNum: number, diagnosis: string, clinic: string, derm: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    case_num: String(caseNum),
    diagnosis,
    seven_point_score: '1',
    pigment_network: 'typical',
    streaks: 'absent',
    pigmentation: 'absent',
    regression_structures: 'absent',
    dots_and_globules: 'regular',
    blue_whitish_veil: 'absent',
    vascular_structures: 'absent',
    level_of_diagnostic_difficulty: 'low',
    elevation: 'flat',
    location: 'back',
    sex: 'female',
    management: 'clinical follow up',
    clinic,
    derm,
    case_id: `T${caseNum}`,
    notes: '',
    ...over,
  };
}

/**
 * A tiny folder in the real release_v0 format, written by hand (not by the generator): 8 rows, real JPEGs
 * of assorted sizes and `.jpg`/`.JPG` names, one case with one file for both images, one BCC and one SK row.
 */
export async function writeTinyDerm7pt(root: string): Promise<{ rows: Record<string, string>[] }> {
  const rows = [
    metaRow(1, 'clark nevus', 'Aa/c1.JPG', 'Aa/d1.jpg'),
    metaRow(2, 'melanoma (in situ)', 'Aa/c2.jpg', 'Aa/d2.JPG', { management: 'excision', location: 'head neck', sex: 'male', elevation: 'palpable' }),
    metaRow(3, 'basal cell carcinoma', 'Bb/c3.jpg', 'Bb/d3.jpg'),
    metaRow(4, 'reed or spitz nevus', 'Bb/d4.jpg', 'Bb/d4.jpg', { notes: 'same file, "quoted", with comma' }),
    metaRow(5, 'melanoma (more than 1.5 mm)', 'Bb/c5.jpg', 'Bb/d5.jpg', { management: 'excision', level_of_diagnostic_difficulty: 'high' }),
    metaRow(6, 'seborrheic keratosis', 'Cc/c6.jpg', 'Cc/d6.jpg'),
    metaRow(7, 'dermal nevus', 'Cc/c7.jpg', 'Cc/d7.jpg', { location: 'acral' }),
    metaRow(8, 'melanoma', 'Cc/c8.jpg', 'Cc/d8.jpg', { management: 'excision', elevation: 'nodular' }),
  ];
  fs.mkdirSync(path.join(root, 'meta'), { recursive: true });
  fs.writeFileSync(path.join(root, 'meta', 'meta.csv'), formatCsv(DERM7PT_COLUMNS, rows));
  const idx = (ks: number[]) => formatCsv(['indexes'], ks.map((k) => [k]));
  fs.writeFileSync(path.join(root, 'meta', 'train_indexes.csv'), idx([0, 1, 2, 3]));
  fs.writeFileSync(path.join(root, 'meta', 'valid_indexes.csv'), idx([4, 5]));
  fs.writeFileSync(path.join(root, 'meta', 'test_indexes.csv'), idx([6, 7]));
  let k = 0;
  for (const r of rows) {
    for (const rel of new Set([r.clinic, r.derm])) {
      const file = path.join(root, 'images', rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      k++;
      const [w, h] = k % 2 ? [96, 64] : [80, 80];
      await sharp({ create: { width: w, height: h, channels: 3, background: { r: 40 * (k % 6), g: 120, b: 200 - 10 * k } } })
        .jpeg()
        .toFile(file);
    }
  }
  return { rows };
}

/** Rewrite one cell of meta.csv. */
export function editMeta(root: string, row: number, column: string, value: string): void {
  const file = path.join(root, 'meta', 'meta.csv');
  const text = fs.readFileSync(file, 'utf8');
  // Reparse and rewrite through formatCsv, so quoting stays right.
  const t = parseCsv(text, file);
  t.rows[row][column] = value;
  fs.writeFileSync(file, formatCsv(t.header, t.rows));
}
