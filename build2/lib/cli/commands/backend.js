"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.backendCommand = void 0;
const backend_1 = require("../../backend");
exports.backendCommand = {
    name: 'backend',
    summary: 'pick the compute backend and print it with the kernels this project registered and the dense products\' path (native BLAS or wasm)',
    options: [],
    async run() {
        const name = await (0, backend_1.initBackend)();
        const report = (0, backend_1.backendReport)();
        console.log(`backend: ${name}`);
        console.log(`project kernels (${report.projectKernels.length}): ${report.projectKernels.join(', ') || '(none)'}`);
        const cp = report.computePath;
        if (cp) {
            console.log(`dense products: ${cp.path} (${cp.reason})`);
            if (cp.path === 'wasm')
                console.log(`native BLAS: ${cp.blas.library ?? `none (${cp.blas.reason})`}`);
        }
        return 0;
    },
};
//# sourceMappingURL=backend.js.map