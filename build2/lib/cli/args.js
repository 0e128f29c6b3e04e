"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatCommandLine = exports.bool = exports.num = exports.str = exports.formatHelp = exports.parseArgs = void 0;
const errors_1 = require("../util/errors");
const suggest_1 = require("../util/suggest");
function parseArgs(cmd, argv) {
    const options = {};
    const positionals = [];
    const byName = new Map(cmd.options.map((o) => [o.name, o]));
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (a.startsWith('--')) {
            let name = a.slice(2);
            let value;
            const eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.slice(eq + 1);
                name = name.slice(0, eq);
            }
            let spec = byName.get(name);
            if (!spec && name.startsWith('no-') && byName.get(name.slice(3))?.type === 'boolean') {
                spec = byName.get(name.slice(3));
                if (value !== undefined)
                    throw new errors_1.CfcmlError(`option --${name} takes no value`);
                options[spec.name] = false;
                continue;
            }
            if (!spec) {
                const known = cmd.options.map((o) => `--${o.name}`).join(', ');
                const near = (0, suggest_1.closest)(name, [...cmd.options.map((o) => o.name), 'help']);
                throw new errors_1.CfcmlError(`unknown option --${name} for 'cfcml ${cmd.name}'${near ? ` (did you mean --${near}?)` : ''}; known options: ${known || '(none)'}`);
            }
            if (spec.type === 'boolean') {
                if (value === undefined)
                    options[spec.name] = true;
                else if (value === 'true' || value === 'false')
                    options[spec.name] = value === 'true';
                else
                    throw new errors_1.CfcmlError(`option --${name} expects true or false, got '${value}'`);
                continue;
            }
            if (value === undefined) {
                if (i + 1 >= argv.length || argv[i + 1].startsWith('--'))
                    throw new errors_1.CfcmlError(`option --${name} needs a value (${spec.metavar ?? spec.type})`);
                value = argv[++i];
            }
            options[spec.name] = convert(spec, value);
        }
        else if (/^-[A-Za-z]/.test(a) && a !== '-h') {
            const near = (0, suggest_1.closest)(a.replace(/^-+/, ''), cmd.options.map((o) => o.name));
            throw new errors_1.CfcmlError(`unknown option ${a} for 'cfcml ${cmd.name}': options take two dashes${near ? `; did you mean --${near}?` : ''}`);
        }
        else
            positionals.push(a);
    }
    for (const spec of cmd.options) {
        if (options[spec.name] === undefined) {
            if (spec.required)
                throw new errors_1.CfcmlError(`'cfcml ${cmd.name}' needs --${spec.name} ${spec.metavar ?? ''}`.trim());
            if (spec.default !== undefined)
                options[spec.name] = spec.default;
        }
    }
    const pos = cmd.positionals ?? [];
    pos.forEach((p, k) => {
        if (positionals[k] === undefined) {
            if (p.required)
                throw new errors_1.CfcmlError(`'cfcml ${cmd.name}' needs <${p.name}>: ${p.help}`);
        }
        else if (p.choices && !p.choices.includes(positionals[k])) {
            const near = (0, suggest_1.closest)(positionals[k], p.choices);
            throw new errors_1.CfcmlError(`<${p.name}> must be one of ${p.choices.join(', ')}; got '${positionals[k]}'${near ? ` (did you mean '${near}'?)` : ''}`);
        }
    });
    if (positionals.length > pos.length)
        throw new errors_1.CfcmlError(`unexpected argument '${positionals[pos.length]}' for 'cfcml ${cmd.name}'`);
    return { positionals, options };
}
exports.parseArgs = parseArgs;
function convert(spec, value) {
    if (spec.type === 'string') {
        if (spec.choices && !spec.choices.includes(value)) {
            const near = (0, suggest_1.closest)(value, spec.choices);
            throw new errors_1.CfcmlError(`option --${spec.name} must be one of ${spec.choices.join(', ')}; got '${value}'${near ? ` (did you mean '${near}'?)` : ''}`);
        }
        return value;
    }
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
        throw new errors_1.CfcmlError(`option --${spec.name} expects ${spec.type === 'integer' ? 'a whole number' : 'a number'}, got '${value}'${spec.type === 'number' ? ' (e.g. 0.001 or 1e-3)' : ''}`);
    }
    if (spec.type === 'integer' && !Number.isInteger(n))
        throw new errors_1.CfcmlError(`option --${spec.name} expects a whole number, got '${value}'`);
    if (spec.positive && !(n > 0))
        throw new errors_1.CfcmlError(`option --${spec.name} must be greater than 0, got ${value}`);
    if (spec.min !== undefined && n < spec.min)
        throw new errors_1.CfcmlError(`option --${spec.name} must be at least ${spec.min}, got ${value}`);
    if (spec.max !== undefined && n > spec.max)
        throw new errors_1.CfcmlError(`option --${spec.name} must be at most ${spec.max}, got ${value}`);
    return n;
}
function formatHelp(cmd) {
    const pos = (cmd.positionals ?? []).map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`)).join(' ');
    const lines = [`Usage: cfcml ${cmd.name}${pos ? ' ' + pos : ''} [options]`, '', cmd.summary, ''];
    if (cmd.positionals?.length) {
        lines.push('Arguments:');
        for (const p of cmd.positionals)
            lines.push(`  ${p.name.padEnd(22)} ${p.help}${p.choices ? ` (${p.choices.join(' | ')})` : ''}`);
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
    if (cmd.epilog)
        lines.push('', cmd.epilog);
    return lines.join('\n');
}
exports.formatHelp = formatHelp;
/** Typed accessors for parsed options (the parser already validated types). */
function str(a, name) {
    const v = a.options[name];
    return v === undefined ? undefined : String(v);
}
exports.str = str;
function num(a, name) {
    const v = a.options[name];
    return v === undefined ? undefined : Number(v);
}
exports.num = num;
function bool(a, name) {
    return a.options[name] === true;
}
exports.bool = bool;
/** Quote one shell word when it needs it (POSIX sh single quotes). */
function shellWord(w) {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}
/**
 * The command line that repeats `args` (positionals, then every option given or defaulted, in the spec's
 * order), with `set` applied on top (e.g. `{ resume: true }`): what to run to resume an interrupted run.
 */
function formatCommandLine(cmd, args, set = {}) {
    const words = ['cfcml', cmd.name, ...args.positionals];
    const values = { ...args.options, ...set };
    for (const o of cmd.options) {
        const v = values[o.name];
        if (v === undefined || v === o.default)
            continue;
        if (o.type === 'boolean') {
            if (v === true)
                words.push(`--${o.name}`);
            else if (o.default === true)
                words.push(`--no-${o.name}`);
        }
        else
            words.push(`--${o.name}`, String(v));
    }
    return words.map(shellWord).join(' ');
}
exports.formatCommandLine = formatCommandLine;
//# sourceMappingURL=args.js.map