import { readFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORDED_PACKAGES } from '../host-packages.ts';

/** Where the command writes; tests capture it. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The package root (two folders above this file). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function readDataFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    throw readError(path, error);
  }
}

/** A file's name for a reader that opens it itself (bytes left empty), after checking it can be read. */
export async function namedFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    return { name: basename(path), bytes: new Uint8Array(0) };
  } catch (error) {
    throw readError(path, error);
  }
}

function readError(path: string, error: unknown): Error {
  const code = (error as { code?: string }).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(error);
  return new Error(`cannot read ${path}: ${reason}`, { cause: error });
}

export async function writeOutputs(dir: string, files: Record<string, string>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    await writeFile(path, text);
    written.push(path);
  }
  return written;
}

async function versionOf(name: string): Promise<string> {
  try {
    const text = await readFile(join(ROOT, 'node_modules', name, 'package.json'), 'utf8');
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export async function packageVersions(): Promise<{ version: string; packages: Record<string, string> }> {
  const own = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const packages: Record<string, string> = {};
  for (const name of RECORDED_PACKAGES) packages[name] = await versionOf(name);
  return { version: own.version, packages };
}
