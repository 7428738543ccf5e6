import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NotebookFiles } from '../../../src/core';

/** An in-memory notebook: URIs are relative paths. */
export class MemoryFiles implements NotebookFiles {
  readonly files = new Map<string, Uint8Array>();

  constructor(initial: Record<string, string | Uint8Array> = {}) {
    for (const [uri, content] of Object.entries(initial)) this.write(uri, content);
  }

  write(uri: string, content: string | Uint8Array): void {
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  async list(): Promise<readonly string[]> {
    return [...this.files.keys()].filter((u) => u.endsWith('.md')).sort();
  }

  async read(uri: string): Promise<Uint8Array> {
    const bytes = this.files.get(uri);
    if (!bytes) throw new Error(`${uri} does not exist`);
    return bytes;
  }
}

/** Every file under `dir` (recursively) as relative path → bytes. */
export function readTree(dir: string, prefix = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) Object.assign(out, readTree(full, rel));
    else out[rel] = readFileSync(full);
  }
  return out;
}
