// How the web extension is built, shared by esbuild.mjs and the bench's production bundles
// (which once drifted from it). Extensions on the web run in a worker: no DOM (`worker`
// picks packages' DOM-free builds), no Buffer (a small stand-in is injected), and no local
// disk: the composition root's `./vscode/localDisk` (Node's file system) becomes
// `src/web/localDisk.ts`. Paths in the plugin are taken from the importer itself, so a
// build from a copy with `src` linked in resolves the same way.
import { dirname, join, sep } from 'node:path';

const COMPOSITION_ROOT = `${sep}src${sep}extension.ts`;

/** @type {import('esbuild').Plugin} */
const webLocalDisk = {
  name: 'web-local-disk',
  setup(build) {
    build.onResolve({ filter: /^\.\/vscode\/localDisk$/ }, (args) =>
      args.importer.endsWith(COMPOSITION_ROOT)
        ? { path: join(dirname(args.importer), 'web', 'localDisk.ts') }
        : undefined,
    );
  },
};

/** The web extension's build options, without output file, `define` or minification. */
export const webExtension = {
  entryPoints: ['src/web/extension.ts'],
  platform: 'browser',
  format: 'cjs',
  external: ['vscode'],
  conditions: ['worker'],
  inject: ['src/web/bufferShim.ts'],
  plugins: [webLocalDisk],
};
