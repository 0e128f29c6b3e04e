"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.identity = void 0;
const util_1 = require("./util");
function identity(args) {
    const { inputs, backend } = args;
    const { x } = inputs;
    if (x.dtype === 'string')
        return (0, util_1.run)('Identity', backend, inputs);
    backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}
exports.identity = identity;
//# sourceMappingURL=identity.js.map