// An esbuild plugin for the web build: an extension on the web has no local disk, so the
// composition root's `./vscode/localDisk` (Node's file system) becomes `src/web/localDisk.ts`.
// Used by esbuild.mjs and by the bench's production bundles. Paths are taken from the
// importer itself, so a build from a copy with `src` linked in resolves the same way.
import { dirname, join, sep } from 'node:path';

const COMPOSITION_ROOT = `${sep}src${sep}extension.ts`;

/** @type {import('esbuild').Plugin} */
export const webLocalDisk = {
  name: 'web-local-disk',
  setup(build) {
    build.onResolve({ filter: /^\.\/vscode\/localDisk$/ }, (args) =>
      args.importer.endsWith(COMPOSITION_ROOT)
        ? { path: join(dirname(args.importer), 'web', 'localDisk.ts') }
        : undefined,
    );
  },
};
