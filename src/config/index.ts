export * from './hash.ts';
export * from './segmentation-config.ts';
