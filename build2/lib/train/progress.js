"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Progress = void 0;
function fmtTime(s) {
    if (!Number.isFinite(s))
        return '?';
    const m = Math.floor(s / 60);
    const r = Math.round(s % 60);
    return m > 0 ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}
function fmtTerms(terms) {
    return Object.entries(terms)
        .map(([k, v]) => `${k} ${v.toFixed(4)}`)
        .join('  ');
}
class Progress {
    constructor(mode = 'auto', out = process.stderr) {
        this.started = Date.now();
        this.lastDraw = 0;
        this.out = out;
        this.mode = mode === 'auto' ? (out.isTTY ? 'bar' : 'line') : mode;
    }
    step(info) {
        if (this.mode !== 'bar')
            return;
        const now = Date.now();
        if (now - this.lastDraw < 100 && info.step < info.steps)
            return;
        this.lastDraw = now;
        const width = 24;
        const filled = Math.round((info.step / info.steps) * width);
        const rate = info.elapsed > 0 ? info.step / info.elapsed : 0;
        const eta = rate > 0 ? (info.steps - info.step) / rate : NaN;
        const line = `epoch ${info.epoch + 1}/${info.epochs} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` +
            `${info.step}/${info.steps}  ${fmtTerms(info.terms)}  ${rate.toFixed(2)} it/s  eta ${fmtTime(eta)}`;
        const cols = this.out.columns ?? 120;
        this.out.write('\r' + line.slice(0, cols - 1).padEnd(Math.min(cols - 1, line.length)));
    }
    /** End of an epoch: one summary line in both bar and line modes. */
    epoch(text) {
        if (this.mode === 'none')
            return;
        if (this.mode === 'bar')
            this.out.write('\r\x1b[K');
        this.out.write(`${text}  [${fmtTime((Date.now() - this.started) / 1000)}]\n`);
    }
    message(text) {
        if (this.mode === 'none')
            return;
        if (this.mode === 'bar')
            this.out.write('\r\x1b[K');
        this.out.write(text + '\n');
    }
}
exports.Progress = Progress;
//# sourceMappingURL=progress.js.map