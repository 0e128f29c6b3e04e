"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const node_test_1 = require("node:test");
const strict_1 = __importDefault(require("node:assert/strict"));
const args_1 = require("../../lib/cli/args");
const cmd = {
    name: 'demo',
    summary: 'a demo command',
    positionals: [{ name: 'dataset', help: 'which', choices: ['derm7pt', 'men'], required: true }],
    options: [
        { name: 'data', type: 'string', required: true, help: 'folder' },
        { name: 'epochs', type: 'integer', default: 3, help: 'epochs' },
        { name: 'lr', type: 'number', help: 'rate' },
        { name: 'leak', type: 'boolean', default: true, help: 'leak' },
        { name: 'variant', type: 'string', choices: ['full', 'no-mg'], default: 'full', help: 'v' },
    ],
    async run() { },
};
(0, node_test_1.test)('parses options, defaults, booleans and --no-flags', () => {
    const a = (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--lr=0.5', '--no-leak']);
    strict_1.default.deepEqual(a.positionals, ['men']);
    strict_1.default.deepEqual(a.options, { data: 'x', lr: 0.5, leak: false, epochs: 3, variant: 'full' });
});
(0, node_test_1.test)('refuses unknown options and bad values with a clear message', () => {
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--epoch', '3']), /unknown option --epoch.*known options: --data, --epochs/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--epochs', '2.5']), /--epochs expects a whole number, got '2.5'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--lr', 'fast']), /--lr expects a number, got 'fast'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--variant', 'big']), /--variant must be one of full, no-mg; got 'big'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men']), /needs --data/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['cats', '--data', 'x']), /<dataset> must be one of derm7pt, men; got 'cats'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data']), /--data needs a value/);
});
(0, node_test_1.test)('help lists every option with its default', () => {
    const h = (0, args_1.formatHelp)(cmd);
    strict_1.default.match(h, /Usage: cfcml demo <dataset> \[options\]/);
    strict_1.default.match(h, /--epochs <integer>\s+epochs \(default: 3\)/);
    strict_1.default.match(h, /--variant <string>\s+v \(one of: full, no-mg; default: full\)/);
});
(0, node_test_1.test)('an unknown option suggests the closest known one; far-off names get the list only', () => {
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--epoch', '3']), /unknown option --epoch for 'cfcml demo' \(did you mean --epochs\?\)/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--varient', 'full']), /did you mean --variant\?/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--learning', '3']), (e) => e instanceof Error && !/did you mean/.test(e.message) && /known options: --data/.test(e.message));
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '-epochs', '3']), /unknown option -epochs .*two dashes; did you mean --epochs\?/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['men', '--data', 'x', '--variant', 'no_mg']), /got 'no_mg' \(did you mean 'no-mg'\?\)/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(cmd, ['derm', '--data', 'x']), /got 'derm' \(did you mean 'derm7pt'\?\)/);
});
(0, node_test_1.test)('sizes must be ≥ their minimum, rates > 0, numbers numeric', () => {
    const sized = {
        ...cmd,
        options: [
            { name: 'batch-size', type: 'integer', min: 1, help: 'b' },
            { name: 'lr', type: 'number', positive: true, help: 'r' },
            { name: 'dropout', type: 'number', min: 0, max: 1, help: 'd' },
        ],
    };
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--batch-size', '0']), /--batch-size must be at least 1, got 0/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--batch-size', '-4']), /--batch-size must be at least 1, got -4/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--lr', '0']), /--lr must be greater than 0, got 0/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--lr=-1e-3']), /--lr must be greater than 0, got -1e-3/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--lr', '1e-3x']), /--lr expects a number, got '1e-3x' \(e\.g\. 0\.001 or 1e-3\)/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--lr', 'NaN']), /--lr expects a number, got 'NaN'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--lr', 'Infinity']), /--lr expects a number, got 'Infinity'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(sized, ['men', '--dropout', '1.5']), /--dropout must be at most 1, got 1.5/);
    strict_1.default.deepEqual((0, args_1.parseArgs)(sized, ['men', '--batch-size', '1', '--lr', '1e-4', '--dropout', '0']).options, { 'batch-size': 1, lr: 1e-4, dropout: 0 });
});
(0, node_test_1.test)('cfcml train refuses zero/negative sizes and a learning rate that is not a number before loading anything', async () => {
    const { trainCommand } = await Promise.resolve().then(() => __importStar(require('../../lib/cli/commands/train')));
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--batch-size', '0']), /--batch-size must be at least 1, got 0/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--epochs', '-2']), /--epochs must be at least 1, got -2/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--image-size', '0']), /--image-size must be at least 8, got 0/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--lr', 'fast']), /--lr expects a number, got 'fast'/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--lr', '-0.1']), /--lr must be greater than 0/);
    strict_1.default.throws(() => (0, args_1.parseArgs)(trainCommand, ['--data', 'x', '--batchsize', '4']), /did you mean --batch-size\?/);
});
(0, node_test_1.test)('formatCommandLine repeats the given options (not the defaults), quotes what needs it, and applies overrides', async () => {
    const { formatCommandLine } = await Promise.resolve().then(() => __importStar(require('../../lib/cli/args')));
    const a = (0, args_1.parseArgs)(cmd, ['men', '--data', "my data/it's", '--epochs', '3', '--lr', '0.01', '--no-leak']);
    strict_1.default.equal(formatCommandLine(cmd, a, { variant: 'no-mg' }), "cfcml demo men --data 'my data/it'\\''s' --lr 0.01 --no-leak --variant no-mg");
});
//# sourceMappingURL=args.test.js.map