// An esbuild plugin for the web build: an extension on the web has no local disk, so the
// composition root's `./vscode/localDisk` (Node's file system) becomes `src/web/localDisk.ts`.
// Used by esbuild.mjs and by the bench's production bundles.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {import('esbuild').Plugin} */
export const webLocalDisk = {
  name: 'web-local-disk',
  setup(build) {
    build.onResolve({ filter: /\/localDisk$/ }, (args) =>
      args.importer === join(root, 'src', 'extension.ts')
        ? { path: join(root, 'src', 'web', 'localDisk.ts') }
        : undefined,
    );
  },
};
