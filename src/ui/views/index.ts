/** Views of the data layer's results: pure `(data, {document}) => HTMLElement` functions, every value set as text. */
export { qualityReportView, type ViewOptions } from './quality-report-view.ts';
export { mappingView } from './mapping-view.ts';
export { dictionaryView } from './dictionary-view.ts';
export { issuesView } from './issues-view.ts';
