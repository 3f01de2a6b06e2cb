/** A workshop panel host for jsdom tests: no scenario evaluation, downloads collected in `downloads`. */
import type { NotebookEngine } from '../../../src/runtime/index.ts';
import type { WorkshopHost } from '../../../src/app/workshop/tb-workshop-panel.ts';
import { workshopStore } from '../../../src/app/workshop/workshop-store.ts';

export function testHost(engine: NotebookEngine, storage: Storage, downloads: { name: string; text: string }[], section = { id: 'one', title: 'One' }): WorkshopHost {
  return {
    engine,
    store: workshopStore(storage, engine.notebook.id),
    data: () => ({ source: 'orders.csv', fingerprint: null }),
    evaluate: () => Promise.reject(new Error('not in this test')),
    section: () => section,
    download: (name, text) => void downloads.push({ name, text }),
  };
}
