import { describe, expect, it } from 'vitest';
import { parseAssignmentsCsv } from '../../src/config/assignments-file.ts';
import { assignmentsCsv, STRATEGIC } from '../../src/config/segmentation-config.ts';

describe('assignments.csv with a confidence column', () => {
  it('adds each customer’s confidence after its cluster, and reads back the clusters', () => {
    const ids = ['A', 'B', 'C', 'D'];
    const labels = [0, 1, -1, STRATEGIC];
    const text = assignmentsCsv(ids, labels, 'customer_id', [1, 0.62346, NaN, NaN]);
    expect(text.split(/\r?\n/).filter(Boolean)).toEqual(['customer_id,cluster,confidence', 'A,1,1', 'B,2,0.6235', 'C,,', 'D,strategic,']);
    const back = parseAssignmentsCsv(text, 'assignments.csv');
    expect(back.ids).toEqual(ids);
    expect(back).toEqual(parseAssignmentsCsv(assignmentsCsv(ids, labels), 'assignments.csv'));
    expect(() => parseAssignmentsCsv('id,cluster,confidence\nA,1\n', 'c.csv')).toThrow('c.csv, line 2: 2 cells (expected id,cluster,confidence)');
    expect(() => parseAssignmentsCsv('id,cluster,score\nA,1,1\n', 's.csv')).toThrow('expected <id column>,cluster[,confidence]');
  });
});
