/** Views of the data layer's results: pure `(data, {document}) => HTMLElement` functions. */
export { qualityReportView, type ViewOptions } from './quality-report-view.ts';
