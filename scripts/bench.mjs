// `npm run bench`: builds the benchmark and runs it. See scripts/bench/main.ts.
//   npm run bench                          sizes 1000,10000,100000
//   npm run bench -- --sizes 1000,10k      chosen sizes
//   npm run bench -- --quick               CI smoke run (200 and 1000 notes)
// Builds, with the options of esbuild.mjs (platform node, cjs, es2022):
//   out/bench/main.js            the harness (scripts/bench/main.ts)
//   out/bench/reference-core.js  the core with every note body parsed by remark, for the
//                                correctness check (note.ts imports remarkOnlyBlocks.ts
//                                instead of ./blocks)
//   out/bench/prod/              production (minified) extension, web extension and core,
//                                to report bundle sizes without touching dist/
// then runs `node --expose-gc out/bench/main.js <args>`, which runs one child process per
// size. Results: a Markdown report on stdout, JSON in bench-results/ (gitignored).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webExtension } from './lib/web-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const out = join('out', 'bench');
mkdirSync(join(out, 'prod'), { recursive: true });

const common = {
  bundle: true,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  sourcesContent: false,
};

/** Resolves `./blocks` imported by src/core/parse/note.ts to the remark-only shim. */
const remarkOnly = {
  name: 'remark-only-blocks',
  setup(build) {
    build.onResolve({ filter: /^\.\/blocks$/ }, (args) =>
      args.importer.endsWith(join('src', 'core', 'parse', 'note.ts'))
        ? { path: resolve('scripts/bench/remarkOnlyBlocks.ts') }
        : undefined,
    );
  },
};

const production = await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: join(out, 'prod', 'extension.js'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    minify: true,
    metafile: true,
  }),
  esbuild.build({
    ...common,
    ...webExtension,
    outfile: join(out, 'prod', 'web-extension.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    metafile: true,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: join(out, 'prod', 'core.js'),
    platform: 'node',
    format: 'cjs',
    minify: true,
    metafile: true,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['scripts/bench/main.ts'],
    outfile: join(out, 'main.js'),
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: join(out, 'reference-core.js'),
    platform: 'node',
    format: 'cjs',
    sourcemap: true,
    plugins: [remarkOnly],
  }),
]);
const outputs = {};
for (const result of production.slice(0, 3)) Object.assign(outputs, result.metafile.outputs);
writeFileSync(join(out, 'prod', 'meta.json'), JSON.stringify({ outputs }));

const run = spawnSync(
  process.execPath,
  ['--expose-gc', '--enable-source-maps', join(out, 'main.js'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
