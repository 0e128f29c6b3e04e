"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadDanfo = void 0;
let cached = null;
function tfRegistries() {
    const globals = globalThis._tfGlobals;
    if (!globals)
        return [];
    return ['kernelRegistry', 'gradRegistry'].map((k) => globals.get(k)).filter((m) => m instanceof Map);
}
function loadDanfo() {
    if (cached)
        return cached;
    // Make sure cfcml's tfjs registered first, so its entries are the ones restored.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require('@tensorflow/tfjs');
    const registries = tfRegistries();
    const snapshots = registries.map((r) => new Map(r));
    const warn = console.warn;
    const log = console.log;
    const quiet = (orig) => (...args) => {
        const s = String(args[0] ?? '');
        if (/already registered|Overriding the gradient|Platform node has already been set|backend was already registered/.test(s))
            return;
        orig(...args);
    };
    console.warn = quiet(warn);
    console.log = quiet(log);
    try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        cached = require('danfojs-node');
    }
    finally {
        console.warn = warn;
        console.log = log;
        registries.forEach((r, i) => {
            for (const [k, v] of snapshots[i])
                r.set(k, v);
        });
    }
    return cached;
}
exports.loadDanfo = loadDanfo;
//# sourceMappingURL=danfo.js.map