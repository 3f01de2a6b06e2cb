import { describe, expect, it } from 'vitest';
import { restore, type KeptFile } from '../../src/app/file-store.ts';
import { readDataNote, writeDataNote } from '../../src/app/data-note.ts';
import { memoryStorage } from '../runtime/helpers.ts';

const kept = (name: string, size: number): KeptFile => ({ name, size, bytes: new Uint8Array(size), savedAt: '2026-11-30T00:00:00Z' });

describe('restoring an uploaded file (issue 7 point 10)', () => {
  it('restores the kept file with the settings made for it', () => {
    expect(restore(kept('orders.csv', 10), { name: 'orders.csv', size: 10 })).toEqual({ file: kept('orders.csv', 10), useSettings: true });
  });

  it('opens the sample with its settings when no file was kept', () => {
    expect(restore(null, null)).toEqual({ file: null, useSettings: true });
  });

  it('never applies one file\'s settings to other data silently: a lost file means the sample with defaults, said plainly', () => {
    expect(restore(null, { name: 'orders.csv', size: 10 }, 'quota exceeded')).toEqual({
      file: null,
      useSettings: false,
      message: "Your file orders.csv could not be restored from this browser's storage (quota exceeded); the sample is shown with default settings.",
    });
    expect(restore(kept('other.csv', 10), { name: 'orders.csv', size: 10 }).useSettings).toBe(false);
    expect(restore(kept('orders.csv', 11), { name: 'orders.csv', size: 10 }).useSettings).toBe(false);
  });

  it('keeps the note of which file the settings are for beside them', () => {
    const storage = memoryStorage();
    expect(readDataNote(storage, 'seg')).toBeNull();
    writeDataNote(storage, 'seg', { name: 'orders.csv', size: 10 });
    expect(readDataNote(storage, 'seg')).toEqual({ name: 'orders.csv', size: 10 });
    storage.setItem('tierbook:seg:data', '{broken');
    expect(readDataNote(storage, 'seg')).toBeNull();
    writeDataNote(storage, 'seg', null);
    expect(storage.map.has('tierbook:seg:data')).toBe(false);
  });
});
