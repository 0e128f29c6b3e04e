/** HRM, the fine stage of CFCML: prototypes (H1)–(H2), anchor losses (H4)–(H7), total (H8), prototype memory. */
export { hrmLosses, hrmTotal, anchorLoss, HRM_DEFAULTS } from './losses';
export type { HrmOptions, HrmLosses, HrmWeights } from './losses';
export { computePrototypes, classLayout, l2Normalize } from './prototypes';
export type { Prototypes, ClassLayout } from './prototypes';
export { PrototypeMemory, PROTOTYPE_MEMORY_DEFAULTS } from './memory';
export type { PrototypeMemoryOptions, PrototypeSnapshot } from './memory';
