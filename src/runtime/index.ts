export * from './node.ts';
export * from './state.ts';
export { cell, input, type CellSpec, type InputSpec } from './define.ts';
export { createEngine, type EngineOptions } from './engine.ts';
export { CellError } from './errors.ts';
export { webStorageStore, resolveInitialInputs, type InputStore } from './persist.ts';
export { inputsFromQuery, queryFromInputs, WEIGHT_PREFIX } from './url.ts';
export * from './inputs.ts';
export { collectNodes } from './graph.ts';
