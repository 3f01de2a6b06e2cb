/**
 * Build step (vite.config.ts runs it): imports the bundled sample with the notebook's default
 * import settings and writes the snapshot into the folder given, under its settings' name.
 * Prints the file name.
 *
 *   node --import tsx src/workers/build-sample-snapshot.ts <folder>
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../runtime/index.ts';
import { segmentation, segmentationApp } from '../../notebooks/segmentation.ts';
import { SAMPLE_ORDERS_NAME } from './tasks.ts';
import { TASKS } from './task-table.ts';
import { encodeSampleSnapshot, sampleSnapshotName } from './sample-snapshot.ts';
import { importSpec } from '../../cells/data.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: build-sample-snapshot.ts <folder>');
const engine = createEngine(segmentation, { initial: { [segmentationApp.dataFile.name]: null } });
const spec = await engine.value(importSpec);
engine.dispose();
const result = await TASKS.importData({ onProgress: () => {}, signal: new AbortController().signal }, null, SAMPLE_ORDERS_NAME, spec);
const name = await sampleSnapshotName(spec);
writeFileSync(join(folder, name), encodeSampleSnapshot(result));
process.stdout.write(name);
