// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-notebook.ts';
import type { TbNotebook } from '../../src/ui/tb-notebook.ts';
import type { TbCellFrame } from '../../src/ui/tb-cell-frame.ts';
import { cellNode, fakeEngine } from './fake-engine.ts';
import { $, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

describe('a cell waiting on a hidden cell that runs', () => {
  it('shows that run: running, its progress and a Cancel that stops the hidden cell', async () => {
    const sweep = cellNode('sweep', { title: 'k sweep', hidden: true });
    const prepared = cellNode('prepared', { title: 'Prepared', hidden: true, inputs: { sweep } });
    const chooseK = cellNode('chooseK', { title: 'Choosing k', inputs: { prepared }, view: () => 'chart' });
    const other = cellNode('other', { title: 'Other' });
    const engine = fakeEngine({ id: 'wait', title: 'Waiting', items: [sweep, prepared, chooseK, other] });
    const el = document.createElement('tb-notebook') as TbNotebook;
    el.engine = engine;
    document.body.append(el);
    engine.emit('sweep', { status: 'running', hasValue: false, version: 0, progress: { fraction: 0.3, message: 'k sweep' } });
    engine.emit('prepared', { status: 'pending', hasValue: false, version: 0 });
    engine.emit('chooseK', { status: 'pending', hasValue: false, version: 0 });
    engine.emit('other', { status: 'pending', hasValue: false, version: 0 });
    await settle(el);
    const frame = $<TbCellFrame>(el, '#cell-chooseK');
    expect(frame.state?.status).toBe('running');
    expect($(frame, 'progress')).toBeTruthy();
    expect($(frame, '.progress-text').textContent).toContain('k sweep');
    $(frame, 'button.cancel').click();
    expect(engine.cancelled).toEqual(['sweep']);
    // A cell that waits on no hidden run stays pending.
    expect($<TbCellFrame>(el, '#cell-other').state?.status).toBe('pending');
  });
});
