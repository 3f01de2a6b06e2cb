/**
 * The archive as a folder, for the command: `index.json` lists the versions, and each version
 * has its own folder with `config.json` and `assignments.csv` exactly as archived.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveIndexSchema, type ArchiveIndex, type ArchiveStore, type ArchiveVersion } from '../config/archive.ts';

const INDEX = 'index.json';

export class FileArchive implements ArchiveStore {
  constructor(private readonly dir: string) {}

  private async index(): Promise<ArchiveIndex> {
    let text: string;
    try {
      text = await readFile(join(this.dir, INDEX), 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return { kind: 'tierbook-archive', version: 1, versions: [] };
      throw error;
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      document = null;
    }
    const parsed = archiveIndexSchema.safeParse(document);
    if (!parsed.success) throw new Error(`${join(this.dir, INDEX)}: not a Tierbook archive index; was the folder used for something else?`);
    return parsed.data;
  }

  async list(): Promise<ArchiveVersion[]> {
    return (await this.index()).versions;
  }

  async put(version: ArchiveVersion, configText: string, assignmentsText: string): Promise<void> {
    const index = await this.index();
    const folder = join(this.dir, version.id);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'config.json'), configText);
    await writeFile(join(folder, 'assignments.csv'), assignmentsText);
    index.versions.push(version);
    await writeFile(join(this.dir, INDEX), `${JSON.stringify(index, null, 2)}\n`);
  }

  async read(id: string): Promise<{ configText: string; assignmentsText: string }> {
    if (!(await this.list()).some((v) => v.id === id)) throw new Error(`${this.dir}: no archived version ${id}`);
    const folder = join(this.dir, id);
    return { configText: await readFile(join(folder, 'config.json'), 'utf8'), assignmentsText: await readFile(join(folder, 'assignments.csv'), 'utf8') };
  }
}
