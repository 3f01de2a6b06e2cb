import type { Notebook } from '../src/runtime/index.ts';
import { segmentation } from './segmentation.ts';

/** Every notebook the app and the command know, by id. */
export const NOTEBOOKS: Readonly<Record<string, Notebook>> = { segmentation };
