import { canonicalJson } from './hash.ts';
import type { SegmentationConfig } from './config-schema.ts';
import { sealConfig } from './integrity.ts';

/**
 * Pretty JSON with sorted keys (two-space indent, a final newline), so two exports of the same
 * segmentation diff cleanly. Whitespace and key order never count for a hash: hashes are taken
 * over the canonical form (`canonicalJson`) of the parsed document.
 */
export function configToJson(config: SegmentationConfig): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(config)), null, 2)}\n`;
}

/** The text an export writes: the config sealed with a fresh integrity record, as pretty sorted JSON. */
export async function exportConfigText(config: SegmentationConfig): Promise<string> {
  return configToJson(await sealConfig(config));
}
