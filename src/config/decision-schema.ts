/**
 * The workshop decision log's entry shape, shared by the config schema (its `decisions`
 * section), the workshop's scenario files and the notebook input that holds the log.
 */
import { z } from '../data/zod.ts';

/** A decision the room took, or a question it left open. */
export const DECISION_KINDS = ['decision', 'question'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Longest text of one entry, in characters (a paragraph, not a document). */
export const DECISION_TEXT_MAX = 2000;

export const decisionEntrySchema = z.strictObject({
  id: z.string().min(1).max(40).describe('Unique within the log, e.g. d3.'),
  section: z.string().min(1).max(200).describe('Id of the notebook section it was recorded in.'),
  sectionTitle: z.string().max(200).describe('Title of that section when it was recorded.'),
  kind: z.enum(DECISION_KINDS),
  text: z.string().min(1).max(DECISION_TEXT_MAX).describe('What was decided or asked, as plain text.'),
  at: z.iso.datetime().describe('ISO 8601 time it was recorded.'),
  scenario: z.string().max(200).nullable().describe('Name of the scenario chosen when it was recorded, or null.'),
});

export type DecisionEntry = z.infer<typeof decisionEntrySchema>;

export const decisionLogSchema = z.array(decisionEntrySchema).max(5000);
