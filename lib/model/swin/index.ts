/** lib/model/swin: a Swin Transformer image encoder by timm's names and layouts, and its pretrained-weight loader. */
export { swinEncoder, swinStageOf, IMAGENET_MEAN, IMAGENET_STD } from './encoder';
export { SWIN_T, stageGeometry, type SwinOptions, type StageGeometry } from './config';
export { loadSwinWeights, assignTimmWeights, isSkippedTimmName, timmName, type NamedVariable } from './weights';
export { windowPartition, windowReverse } from './windows';
export { cyclicShift, shiftRegions, shiftedWindowMask } from './shiftedWindows';
export { relativePositionIndex } from './windowAttention';
