import { CfcmlError } from '../util/errors';
import { closest } from '../util/suggest';

/**
 * A small, strict command-line parser for the `cfcml` commands: every option is declared, unknown ones
 * and bad values are refused with a message that names the option and what it expects.
 */
export type OptionType = 'string' | 'number' | 'integer' | 'boolean';

export interface OptionSpec {
  /** Long name without dashes: `data` for `--data`. */
  name: string;
  type: OptionType;
  /** One line for --help. */
  help: string;
  /** Default value shown in --help and used when absent. */
  default?: string | number | boolean;
  /** Allowed values (string options). */
  choices?: readonly string[];
  /** Must be given. */
  required?: boolean;
  /** Placeholder in --help, e.g. `<dir>`. */
  metavar?: string;
  /** Numbers: smallest allowed value (inclusive), e.g. 1 for sizes and counts. */
  min?: number;
  /** Numbers: the value must be strictly greater than 0 (learning rates, scales). */
  positive?: boolean;
  /** Numbers: largest allowed value (inclusive). */
  max?: number;
}

export interface CommandSpec {
  name: string;
  /** One line for `cfcml --help`. */
  summary: string;
  /** Positional arguments description for usage, e.g. `<derm7pt|men>`. */
  positionals?: { name: string; help: string; choices?: readonly string[]; required?: boolean }[];
  options: OptionSpec[];
  /** Extra text after the options in --help (examples). */
  epilog?: string;
  run(args: ParsedArgs): Promise<number | void>;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | number | boolean | undefined>;
}

export function parseArgs(cmd: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options: Record<string, string | number | boolean | undefined> = {};
  const positionals: string[] = [];
  const byName = new Map(cmd.options.map((o) => [o.name, o]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      let name = a.slice(2);
      let value: string | undefined;
      const eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      let spec = byName.get(name);
      if (!spec && name.startsWith('no-') && byName.get(name.slice(3))?.type === 'boolean') {
        spec = byName.get(name.slice(3))!;
        if (value !== undefined) throw new CfcmlError(`option --${name} takes no value`);
        options[spec.name] = false;
        continue;
      }
      if (!spec) {
        const known = cmd.options.map((o) => `--${o.name}`).join(', ');
        const near = closest(name, [...cmd.options.map((o) => o.name), 'help']);
        throw new CfcmlError(`unknown option --${name} for 'cfcml ${cmd.name}'${near ? ` (did you mean --${near}?)` : ''}; known options: ${known || '(none)'}`);
      }
      if (spec.type === 'boolean') {
        if (value === undefined) options[spec.name] = true;
        else if (value === 'true' || value === 'false') options[spec.name] = value === 'true';
        else throw new CfcmlError(`option --${name} expects true or false, got '${value}'`);
        continue;
      }
      if (value === undefined) {
        if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new CfcmlError(`option --${name} needs a value (${spec.metavar ?? spec.type})`);
        value = argv[++i];
      }
      options[spec.name] = convert(spec, value);
    } else if (/^-[A-Za-z]/.test(a) && a !== '-h') {
      const near = closest(a.replace(/^-+/, ''), cmd.options.map((o) => o.name));
      throw new CfcmlError(`unknown option ${a} for 'cfcml ${cmd.name}': options take two dashes${near ? `; did you mean --${near}?` : ''}`);
    } else positionals.push(a);
  }
  for (const spec of cmd.options) {
    if (options[spec.name] === undefined) {
      if (spec.required) throw new CfcmlError(`'cfcml ${cmd.name}' needs --${spec.name} ${spec.metavar ?? ''}`.trim());
      if (spec.default !== undefined) options[spec.name] = spec.default;
    }
  }
  const pos = cmd.positionals ?? [];
  pos.forEach((p, k) => {
    if (positionals[k] === undefined) {
      if (p.required) throw new CfcmlError(`'cfcml ${cmd.name}' needs <${p.name}>: ${p.help}`);
    } else if (p.choices && !p.choices.includes(positionals[k])) {
      const near = closest(positionals[k], p.choices);
      throw new CfcmlError(`<${p.name}> must be one of ${p.choices.join(', ')}; got '${positionals[k]}'${near ? ` (did you mean '${near}'?)` : ''}`);
    }
  });
  if (positionals.length > pos.length) throw new CfcmlError(`unexpected argument '${positionals[pos.length]}' for 'cfcml ${cmd.name}'`);
  return { positionals, options };
}

function convert(spec: OptionSpec, value: string): string | number {
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(value)) {
      const near = closest(value, spec.choices);
      throw new CfcmlError(`option --${spec.name} must be one of ${spec.choices.join(', ')}; got '${value}'${near ? ` (did you mean '${near}'?)` : ''}`);
    }
    return value;
  }
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new CfcmlError(`option --${spec.name} expects ${spec.type === 'integer' ? 'a whole number' : 'a number'}, got '${value}'${spec.type === 'number' ? ' (e.g. 0.001 or 1e-3)' : ''}`);
  }
  if (spec.type === 'integer' && !Number.isInteger(n)) throw new CfcmlError(`option --${spec.name} expects a whole number, got '${value}'`);
  if (spec.positive && !(n > 0)) throw new CfcmlError(`option --${spec.name} must be greater than 0, got ${value}`);
  if (spec.min !== undefined && n < spec.min) throw new CfcmlError(`option --${spec.name} must be at least ${spec.min}, got ${value}`);
  if (spec.max !== undefined && n > spec.max) throw new CfcmlError(`option --${spec.name} must be at most ${spec.max}, got ${value}`);
  return n;
}

export function formatHelp(cmd: CommandSpec): string {
  const pos = (cmd.positionals ?? []).map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`)).join(' ');
  const lines = [`Usage: cfcml ${cmd.name}${pos ? ' ' + pos : ''} [options]`, '', cmd.summary, ''];
  if (cmd.positionals?.length) {
    lines.push('Arguments:');
    for (const p of cmd.positionals) lines.push(`  ${p.name.padEnd(22)} ${p.help}${p.choices ? ` (${p.choices.join(' | ')})` : ''}`);
    lines.push('');
  }
  lines.push('Options:');
  for (const o of cmd.options) {
    const flag = `--${o.name}${o.type === 'boolean' ? '' : ' ' + (o.metavar ?? `<${o.type}>`)}`;
    const range = [o.positive ? '> 0' : '', o.min !== undefined ? `≥ ${o.min}` : '', o.max !== undefined ? `≤ ${o.max}` : ''].filter(Boolean).join(', ');
    const extra = [o.choices ? `one of: ${o.choices.join(', ')}` : '', range, o.default !== undefined ? `default: ${o.default}` : '', o.required ? 'required' : '']
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${flag.padEnd(22)} ${o.help}${extra ? ` (${extra})` : ''}`);
  }
  lines.push(`  ${'--help'.padEnd(22)} show this help`);
  if (cmd.epilog) lines.push('', cmd.epilog);
  return lines.join('\n');
}

/** Typed accessors for parsed options (the parser already validated types). */
export function str(a: ParsedArgs, name: string): string | undefined {
  const v = a.options[name];
  return v === undefined ? undefined : String(v);
}
export function num(a: ParsedArgs, name: string): number | undefined {
  const v = a.options[name];
  return v === undefined ? undefined : Number(v);
}
export function bool(a: ParsedArgs, name: string): boolean {
  return a.options[name] === true;
}

/** Quote one shell word when it needs it (POSIX sh single quotes). */
function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line that repeats `args` (positionals, then every option given or defaulted, in the spec's
 * order), with `set` applied on top (e.g. `{ resume: true }`): what to run to resume an interrupted run.
 */
export function formatCommandLine(cmd: CommandSpec, args: ParsedArgs, set: Record<string, string | number | boolean | undefined> = {}): string {
  const words = ['cfcml', cmd.name, ...args.positionals];
  const values = { ...args.options, ...set };
  for (const o of cmd.options) {
    const v = values[o.name];
    if (v === undefined || v === o.default) continue;
    if (o.type === 'boolean') {
      if (v === true) words.push(`--${o.name}`);
      else if (o.default === true) words.push(`--no-${o.name}`);
    } else words.push(`--${o.name}`, String(v));
  }
  return words.map(shellWord).join(' ');
}
