/**
 * Wires workshop mode into the app: the Present and Audience window buttons, the scenario
 * gallery and decision log under the notebook, the presenter's side of the audience link, and
 * the audience window itself (opened with `?audience`: presentation layout, read-only, no toolbar,
 * following the presenter).
 */
import type { FileValue, InputNode, NotebookEngine } from '../../runtime/index.ts';
import type { TbNotebook } from '../../ui/tb-notebook.ts';
import type { Host } from '../../workers/host.ts';
import type { KeptFile } from '../file-store.ts';
import { download } from '../download.ts';
import { audienceLink, channelName, presenterLink, type Channel, type FileNote } from './audience.ts';
import { evaluateScenario, type OutcomeNodes } from './evaluate.ts';
import { workshopStore } from './workshop-store.ts';
import './tb-workshop-panel.ts';
import type { TbWorkshopPanel } from './tb-workshop-panel.ts';

/** The query parameter of the audience window. */
export const AUDIENCE_PARAM = 'audience';

export function isAudienceWindow(search: string): boolean {
  return new URLSearchParams(search).has(AUDIENCE_PARAM);
}

const noteOf = (file: FileValue | null): FileNote | null => (file ? { name: file.name, size: file.bytes.byteLength } : null);

export interface PresenterSetup {
  readonly page: TbNotebook;
  readonly engine: NotebookEngine;
  readonly toolbar: HTMLElement;
  readonly host: Host;
  readonly dataFile: InputNode<FileValue | null>;
  readonly nodes: OutcomeNodes;
  readonly storage: Storage;
  readonly window: Window;
}

/** The facilitator's window: buttons, gallery, decision log, locks kept, and the link to the audience. */
export function setupPresenter(o: PresenterSetup): TbWorkshopPanel {
  const { page, engine, toolbar } = o;
  const document = page.ownerDocument;
  const panel = document.createElement('tb-workshop-panel');
  panel.slot = 'workshop';
  const section = () => {
    const slides = page.slides();
    return page.presentation ? (slides[page.slide] ?? { id: 'notebook', title: 'Notebook' }) : { id: 'notebook', title: 'Notebook' };
  };
  panel.host = {
    engine,
    store: workshopStore(o.storage, engine.notebook.id),
    data: () => ({ source: engine.getInput(o.dataFile)?.name ?? 'the sample', fingerprint: null }),
    evaluate: (scenario, signal) =>
      evaluateScenario(scenario, {
        notebook: engine.notebook,
        nodes: o.nodes,
        given: { host: o.host, [o.dataFile.name]: engine.getInput(o.dataFile) },
        source: engine.getInput(o.dataFile)?.name ?? 'the sample',
        signal,
      }),
    section,
    download: (name, text, type) => download(document, name, text, type),
  };
  panel.load();
  // The locks the room agreed come back with the workshop; one that no longer applies is dropped.
  for (const name of panel.state.locks) {
    try {
      engine.lock(name, true);
    } catch {
      /* not an input of this notebook any more: nothing to lock */
    }
  }
  engine.onLock(() => panel.keepLocks(engine.lockedInputs()));
  page.append(panel);

  const channel: Channel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName(engine.notebook.id));
  const link = channel ? presenterLink(engine, channel, { slide: () => page.slide, file: () => noteOf(engine.getInput(o.dataFile)) }) : null;
  page.addEventListener('tb-slide', (e) => link?.slide((e as CustomEvent<{ index: number }>).detail.index));
  page.addEventListener('tb-run', (e) => link?.run((e as CustomEvent<{ name: string }>).detail.name));

  const status = toolbar.querySelector('output');
  const button = (label: string, id: string, action: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = label;
    b.addEventListener('click', action);
    toolbar.insertBefore(b, status);
    return b;
  };
  const present = button('Present', 'present', () => {
    page.presentation = !page.presentation;
    panel.presentation = page.presentation;
    present.textContent = page.presentation ? 'Leave presentation' : 'Present';
    present.setAttribute('aria-pressed', String(page.presentation));
    if (page.presentation) page.focus();
  });
  present.setAttribute('aria-pressed', 'false');
  button('Audience window', 'open-audience', () => {
    const url = new URL(o.window.location.href);
    url.search = `?${AUDIENCE_PARAM}`;
    url.hash = '';
    o.window.open(url.toString(), 'tierbook-audience', 'popup');
  });
  return panel;
}

export interface AudienceSetup {
  readonly page: TbNotebook;
  readonly engine: NotebookEngine;
  readonly dataFile: InputNode<FileValue | null>;
  /** Reads the data file kept in this browser (the presenter's). */
  readonly loadFile: () => Promise<KeptFile | null>;
}

/** The audience window: presentation layout, nothing to operate, following the presenter. */
export function setupAudience(o: AudienceSetup): void {
  const { page, engine } = o;
  const document = page.ownerDocument;
  page.presentation = true;
  page.readOnly = true;
  document.title = `${engine.notebook.title} (audience)`;
  const notice = document.createElement('p');
  notice.slot = 'toolbar';
  notice.className = 'tb-audience-note';
  notice.setAttribute('role', 'status');
  notice.textContent = 'Audience view: follows the facilitator’s window.';
  page.append(notice);
  if (typeof BroadcastChannel === 'undefined') {
    notice.textContent = 'This browser cannot link windows (no BroadcastChannel): the audience view cannot follow.';
    return;
  }
  audienceLink(engine, new BroadcastChannel(channelName(engine.notebook.id)), {
    slide: (index) => (page.slide = index),
    file: async (note) => {
      const kept = note ? await o.loadFile() : null;
      const file = kept && note && kept.name === note.name ? { name: kept.name, bytes: kept.bytes } : null;
      if (note && !file) notice.textContent = `The facilitator’s file ${note.name} is not in this browser’s storage yet; showing the sample.`;
      engine.setInput(o.dataFile, file);
    },
    problem: (message) => (notice.textContent = message),
  });
}
