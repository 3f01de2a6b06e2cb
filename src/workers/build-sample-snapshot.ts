/**
 * Build step (vite.config.ts runs it): runs the notebook on the bundled sample with its default
 * settings as far as the clustering behind the first chart, recording the import and the calls
 * of `RECORDED_TASKS` with their replies, and writes them gzip-compressed as the snapshot into the
 * folder given, under its settings' name. Prints the file name.
 *
 *   node --import tsx src/workers/build-sample-snapshot.ts <folder>
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { recordSampleSnapshot } from './record-sample.ts';
import { encodeSampleSnapshot, sampleSnapshotName } from './sample-snapshot.ts';

const folder = process.argv[2];
if (!folder) throw new Error('usage: build-sample-snapshot.ts <folder>');
const { spec, snapshot } = await recordSampleSnapshot();
const name = await sampleSnapshotName(spec);
// Compressed: a static host sends a .bin file as it is (the worker inflates it).
writeFileSync(join(folder, name), gzipSync(encodeSampleSnapshot(snapshot), { level: 9 }));
process.stdout.write(name);
