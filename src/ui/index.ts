/** Registers every Tierbook element and re-exports the shell's public API. */
export { TbCellFrame } from './tb-cell-frame.ts';
export { TbFilePicker } from './tb-file-picker.ts';
export { TbMultiselect } from './tb-multiselect.ts';
export { TbNotebook } from './tb-notebook.ts';
export { TbPlot } from './tb-plot.ts';
export { TbSelect } from './tb-select.ts';
export { TbSlider } from './tb-slider.ts';
export { TbTable } from './tb-table.ts';
export { TbWeights } from './tb-weights.ts';
export { fire, type TbEvents, type TbFileDetail, type TbInputDetail, type SortDirection } from './fire.ts';
export type { TableColumn } from './table-model.ts';
export { anchorId, statusLook } from './status.ts';
export * from './charts/index.ts';
