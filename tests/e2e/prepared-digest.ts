// Prints the SHA-256 of the sample's prepared matrix at default settings, as Node computes it
// (run by paths.test.mjs with `node --import tsx`, to compare with the page's, bit for bit).
import { createHash } from 'node:crypto';
import { createEngine } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { prepared } from '../../cells/prepare.ts';

const engine = createEngine(segmentation, {});
const { matrix } = await engine.value(prepared);
engine.dispose();
const bytes = new Uint8Array(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength);
process.stdout.write(`${matrix.n}x${matrix.d}:${createHash('sha256').update(bytes).digest('hex')}`);
