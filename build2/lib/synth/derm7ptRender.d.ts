import { Rng } from '../util/random';
import { Canvas } from './raster';
import type { Lesion, View } from './lesion';
import type { PlannedCase } from './derm7ptModel';
/** Both lesions of a case: the same body (shape, colours); only the dermoscopic one has fine structures. */
export declare function makeLesions(c: PlannedCase): {
    clinic: Lesion;
    derm: Lesion;
};
/** The two views of a case. */
export declare function caseViews(rng: Rng, c: PlannedCase, clinic: readonly [number, number], derm: readonly [number, number]): {
    clinic: View;
    derm: View;
};
/** Actinic lentigines around the lesion in the clinical photo (sun-damaged skin), drawn after the lesion. */
export declare function drawLentigines(canvas: Canvas, view: View, rng: Rng): void;
