import * as fs from 'fs';
import * as path from 'path';
import { convertLegacyCheckpoint, isLegacyCheckpoint, loadCheckpoint } from '../../run/checkpoint';
import { CfcmlError } from '../../util/errors';
import type { CommandSpec } from '../args';

/** The `.ckpt` files under `target` (a file, or a folder searched recursively), sorted. */
function checkpointFiles(target: string): string[] {
  if (!fs.existsSync(target)) throw new CfcmlError('no such file or folder', { where: target });
  if (!fs.statSync(target).isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.ckpt')) out.push(p);
    }
  };
  walk(target);
  return out;
}

export const checkpointCommand: CommandSpec = {
  name: 'checkpoint',
  summary: 'verify checkpoints (sha256), or convert ones of the format before safetensors (CFCMLCK1)',
  positionals: [
    { name: 'action', help: "'verify' checks every checkpoint's checksums; 'convert' rewrites CFCMLCK1 checkpoints as safetensors", choices: ['verify', 'convert'], required: true },
    { name: 'path', help: 'a .ckpt file, or a folder (run directory, sweep) searched for .ckpt files', required: true },
  ],
  options: [],
  epilog: '\nExamples:\n  cfcml checkpoint verify runs/s\n  cfcml checkpoint convert runs/old-run\n',
  async run(a) {
    const [action, target] = a.positionals;
    const files = checkpointFiles(path.resolve(target));
    if (files.length === 0) throw new CfcmlError('no .ckpt files found', { where: target });
    let bad = 0;
    let converted = 0;
    for (const file of files) {
      try {
        if (action === 'convert') {
          const did = convertLegacyCheckpoint(file);
          converted += did ? 1 : 0;
          console.log(`${file}: ${did ? 'converted to safetensors' : 'safetensors already'}`);
        } else if (isLegacyCheckpoint(fs.readFileSync(file))) {
          loadCheckpoint(file);
          console.log(`${file}: readable, format before safetensors (CFCMLCK1, no checksum); convert with: cfcml checkpoint convert ${file}`);
        } else {
          const ck = loadCheckpoint<{ epoch?: number; partial?: { epoch: number; step: number } }>(file);
          const at = ck.meta.partial ? `epoch ${ck.meta.partial.epoch + 1}, step ${ck.meta.partial.step}` : ck.meta.epoch !== undefined ? `after epoch ${ck.meta.epoch}` : '';
          console.log(`${file}: ok (sha256 verified, ${ck.arrays.length} tensors${at ? `, ${at}` : ''})`);
        }
      } catch (e) {
        if (!(e instanceof CfcmlError)) throw e;
        bad++;
        console.log(`${e.message}`);
      }
    }
    if (action === 'convert') console.log(`${converted} of ${files.length} checkpoints converted${bad ? `, ${bad} unreadable` : ''}`);
    else console.log(`${files.length - bad} of ${files.length} checkpoints good`);
    return bad > 0 ? 1 : 0;
  },
};
