/**
 * The files a reviewer gives: the config under review (read and validated whole, never run),
 * optionally the previous config and the data file. Data inputs: kept by the page, never in a
 * link or an export.
 */
import { cell, fileInput, type FileValue } from '../src/runtime/index.ts';
import { parseConfigFile } from '../src/config/load-config.ts';
import type { SegmentationConfig } from '../src/config/config-schema.ts';

/** A config file as the reviewer gave it: the parsed document (with its envelope) and the config. */
export interface OpenedConfig {
  readonly fileName: string;
  readonly document: unknown;
  readonly config: SegmentationConfig;
}

export const reviewedFile = fileInput({
  name: 'reviewedFile',
  title: 'Config to review',
  accept: '.json,application/json',
  description:
    'The exported segmentation config (config.json). It is read here, in this browser; nothing is uploaded, and nothing in it is run.',
});

export const previousFile = fileInput({
  name: 'previousFile',
  title: 'Previous config (optional)',
  accept: '.json,application/json',
  description:
    'The config in force before this one: the review lists every change and the customers who move.',
});

export const reviewDataFile = fileInput({
  name: 'reviewDataFile',
  title: 'Data file (optional)',
  accept: '.csv,.tsv,.txt,.json,.arrow,.parquet,.gz',
  description:
    'The data the config was built from: read with the config’s import options and scored with the frozen config, to check that the assignments reproduce. A config built on the bundled sample is checked against it without a file.',
});

function open(file: FileValue): OpenedConfig {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
  const { config, document } = parseConfigFile(text, file.name);
  return { fileName: file.name, document, config };
}

/** The config under review, read and validated; null until one is given. */
export const opened = cell({
  name: 'opened',
  title: 'Config under review',
  hidden: true,
  inputs: { reviewedFile },
  run: ({ reviewedFile }): OpenedConfig | null => (reviewedFile === null ? null : open(reviewedFile)),
});

/** The previous config, when one is given. */
export const previousOpened = cell({
  name: 'previousOpened',
  title: 'Previous config',
  hidden: true,
  inputs: { previousFile },
  run: ({ previousFile }): OpenedConfig | null => (previousFile === null ? null : open(previousFile)),
});
