/**
 * Which file the saved settings were made for (name and size), kept in web storage beside them.
 * Small and without IndexedDB, so the page's first script can read it (src/boot.ts: whether to
 * fetch the bundled sample before the app asks for it).
 */

export interface DataNote {
  readonly name: string;
  readonly size: number;
}

const noteKey = (notebookId: string) => `tierbook:${notebookId}:data`;

export function readDataNote(storage: Pick<Storage, 'getItem'>, notebookId: string): DataNote | null {
  try {
    const note = JSON.parse(storage.getItem(noteKey(notebookId)) ?? 'null') as Partial<DataNote> | null;
    return note && typeof note.name === 'string' && typeof note.size === 'number' ? { name: note.name, size: note.size } : null;
  } catch {
    return null;
  }
}

export function writeDataNote(storage: Pick<Storage, 'setItem' | 'removeItem'>, notebookId: string, note: DataNote | null): void {
  try {
    if (note) storage.setItem(noteKey(notebookId), JSON.stringify(note));
    else storage.removeItem(noteKey(notebookId));
  } catch {
    // Full or disabled storage: the note then lasts for the session only.
  }
}

