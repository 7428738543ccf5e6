/**
 * `npm run bench`: the performance benchmark of the notebook core against the naive path.
 *
 * Built by scripts/bench.mjs into out/bench/main.js and run with `node --expose-gc`.
 *
 *   npm run bench                               sizes 1000,10000,100000
 *   npm run bench -- --sizes 1000,10k           chosen sizes (k = thousand)
 *   npm run bench -- --quick                    CI smoke run: sizes 200,1000, one repetition
 *   npm run bench -- --cpu-prof                 also write V8 CPU profiles to out/bench/prof/
 *
 * Options: --seed <n> (default 20261121), --reps <n> (cold and warm repetitions, and
 * passes of the phase breakdown; default
 * 15 up to 2k notes, 7 up to 50k, then 3: a run at 1k takes about 0.1 s and varies by a
 * third from one to the next, so small sizes take more runs for a stable median),
 * --updates <n> (one-file updates timed, default 200), --naive-sample <n> (largest
 * number of files the naive path parses; above it, an evenly spread sample is parsed and
 * the time extrapolated linearly, default 10000), --check-limit <n> (largest notebook the
 * remark-only reference core loads in full to compare findings, default 20000),
 * --update-budget <s> (seconds the one-file updates may take in all, default 120: a
 * superlinear update path stops early and the table says how many edits were timed),
 * --no-save (do not write bench-results/<date>.json). When the FindingsEngine alone takes
 * over 5 s, the child does one repetition and skips the computeFindings cross-checks.
 *
 * The parent process generates the notebooks (seeded, cached under the OS temp dir, see
 * generate.ts) and runs ONE CHILD PROCESS PER SIZE, so that memory is measured from a
 * clean baseline and one size's garbage or JIT state does not leak into the next. In the
 * child, in this order:
 *  1. ours cold: NoteIndex + loadNotebook(NodeNotebookFiles) + FindingsEngine, first in a
 *     fresh process (JIT cold, as when the extension activates), with memory measured
 *     around it;
 *  2. one-file updates on that index: index.setText + engine.update on random notes; then
 *     the index is let go, so that every later run starts from the same heap, as a fresh
 *     editor does;
 *  3. further cold repetitions, and warm starts from a persisted ParseCache (when
 *     src/core exports one), compared with the first cold load by a per-file digest;
 *  4. where the time goes: the cold path split into phases with the core's internals;
 *  5. the naive path: read + gray-matter + unified/remark-parse/remark-gfm on each file,
 *     collecting task-list items;
 *  6. correctness: the naive path's task items equal ours; and the same core built with
 *     every body going through remark (reference-core.js) gives the same action items,
 *     problems, sections and findings as ours.
 * It is a benchmark, not a test: timings never fail the run; a correctness mismatch does
 * (exit code 1).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import matter from 'gray-matter';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import * as core from '../../src/core';
import {
  computeFindings,
  countOverdue,
  FindingsEngine,
  groupOpenItems,
  loadNotebook,
  NoteIndex,
  NOTE_TYPES,
  parseBytes,
  type Finding,
  type LoadOptions,
  type ParsedFile,
} from '../../src/core';
import { scanFast } from '../../src/core/parse/blocks';
import { readFrontMatter } from '../../src/core/parse/frontMatter';
import { remarkBlocks } from '../../src/core/parse/remarkBlocks';
import { decodeNote, splitLines, stripBom } from '../../src/core/parse/text';
import { NodeNotebookFiles } from '../../src/cli/nodeFiles';
import { BENCH_TODAY, generateNotebook, Rng, type GeneratedNotebook } from './generate';

const REPO = resolve(__dirname, '..', '..');
const OUT = join(REPO, 'out', 'bench');
const RESULT_MARK = '@@RESULT ';
/** Above this, the FindingsEngine is too slow to rebuild for checks and repetitions. */
const HEAVY_FINDINGS_MS = 5000;

// ---------------------------------------------------------------------------------------
// Options

interface Options {
  readonly sizes: number[];
  readonly quick: boolean;
  readonly seed: number;
  readonly reps?: number;
  readonly updates: number;
  readonly naiveSample: number;
  readonly checkLimit: number;
  /** Seconds the one-file updates may take in all (a superlinear update path stops early). */
  readonly updateBudgetS: number;
  readonly save: boolean;
  readonly cpuProf: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = (text: string): number => {
    const m = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(text.trim());
    if (!m) throw new Error(`not a size: ${text}`);
    return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
  };
  const quick = argv.includes('--quick');
  const sizes = value('--sizes');
  const reps = value('--reps');
  return {
    quick,
    sizes: sizes ? sizes.split(',').map(count) : quick ? [200, 1000] : [1000, 10000, 100000],
    seed: Number(value('--seed') ?? 20261121),
    ...(reps !== undefined ? { reps: Number(reps) } : quick ? { reps: 1 } : {}),
    updates: Number(value('--updates') ?? (quick ? 50 : 200)),
    naiveSample: count(value('--naive-sample') ?? '10000'),
    checkLimit: count(value('--check-limit') ?? '20000'),
    updateBudgetS: Number(value('--update-budget') ?? 120),
    save: !argv.includes('--no-save'),
    cpuProf: argv.includes('--cpu-prof'),
  };
}

// ---------------------------------------------------------------------------------------
// Results

interface Stats {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly mean: number;
  readonly n: number;
}

interface SizeResult {
  readonly size: number;
  readonly files: number;
  readonly notes: number;
  readonly bytes: number;
  readonly actionItems: number;
  readonly findings: number;
  readonly ours: {
    /** First cold run in a fresh process (JIT cold), ms. */
    readonly coldFirst: number;
    /** Every cold run, ms (the first included). */
    readonly coldRuns: number[];
    readonly coldMedian: number;
    /** Of the first run: loadNotebook alone, and the FindingsEngine constructor. */
    readonly loadMs: number;
    readonly engineMs: number;
    readonly memory: Memory;
  };
  readonly warm:
    | { readonly available: false; readonly reason: string }
    | {
        readonly available: true;
        readonly runs: number[];
        readonly median: number;
        readonly cacheBytes: number;
        readonly sameAsCold: boolean;
        /** Heap held after the first warm start (index, engine and the cache kept with them), MB. */
        readonly retainedMB: number;
      };
  readonly update: Stats & {
    /** Edits planned (fewer are done when the update budget runs out). */
    readonly planned: number;
    readonly byType: Record<string, Stats>;
    /** undefined when skipped (findings too slow to recompute in full). */
    readonly incrementalEqualsFull: boolean | undefined;
    /**
     * After each update, what the editor's views recompute: the overdue count (status bar
     * and badge), the open items in due-date groups (the Action Items view) and the
     * newest sessions (the Sessions view's first page).
     */
    readonly views: Stats;
  };
  readonly naive: {
    /** Measured (or extrapolated) time for the whole notebook, ms. */
    readonly cold: number;
    readonly sampled: number;
    readonly extrapolated: boolean;
    readonly listMs: number;
    readonly perFileMs: number;
    readonly update: Stats;
    /** Heap held by the naive results after gc (scaled up when sampled), MB. */
    readonly retainedMB: number;
  };
  readonly breakdown: Breakdown;
  readonly check: Check;
}

interface Memory {
  readonly baselineRssMB: number;
  /** Heap + external + array buffers held after the cold load, after gc, MB. */
  readonly retainedMB: number;
  readonly rssAfterGcMB: number;
  /** Highest RSS during the cold load, above the baseline, MB. */
  readonly peakRssMB: number;
}

interface Breakdown {
  readonly listMs: number;
  readonly readMs: number;
  readonly decodeMs: number;
  readonly splitMs: number;
  readonly frontMatterMs: number;
  readonly scanFastMs: number;
  readonly remarkMs: number;
  readonly parseTotalMs: number;
  readonly indexSetMs: number;
  readonly engineMs: number;
  readonly computeFindingsMs: number;
  readonly notes: number;
  readonly fallbacks: number;
  readonly fallbackReasons: { reason: string; count: number; example: string }[];
}

interface Check {
  /** Task items (uri, line, done) of the naive remark path vs ours, on the naive sample. */
  readonly naiveItemsMatch: boolean;
  readonly naiveItems: number;
  /** Files whose task items differ. */
  readonly naiveMismatches: number;
  readonly naiveDiffs: string[];
  /** Ours vs the core with every body through remark. */
  readonly reference: {
    readonly scope: 'full' | 'sample';
    readonly files: number;
    readonly ms?: number;
    readonly itemsMatch: boolean;
    readonly problemsMatch: boolean;
    readonly sectionsMatch: boolean;
    /** undefined when the scope is a sample (findings need the whole notebook). */
    readonly findingsMatch?: boolean;
    readonly diffs: string[];
  };
}

interface BundleInfo {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly top: { input: string; bytes: number }[];
}

// ---------------------------------------------------------------------------------------
// Small helpers

const now = (): number => performance.now();
const MB = 1024 * 1024;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
  return {
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    n: sorted.length,
  };
}

function median(values: readonly number[]): number {
  return stats(values).p50;
}

function heapNow(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function fmtMB(mb: number): string {
  return `${mb.toFixed(mb >= 100 ? 0 : 1)} MB`;
}

function fmtSize(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

// ---------------------------------------------------------------------------------------
// The naive path: gray-matter + unified/remark on every file

const naiveProcessor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

interface MdNode {
  type: string;
  checked?: boolean | null;
  children?: MdNode[];
  position?: { start: { line: number } };
}

interface NaiveNote {
  readonly uri: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly items: { line: number; done: boolean }[];
}

const LOOSE_TYPE = /^type[ \t]*:[ \t]*["']?([A-Za-z]+)/m;

/**
 * What a straightforward implementation does with one file: gray-matter for the front
 * matter (with an options object, which turns off its unbounded content cache), keep
 * notes with a known `type` (when the YAML is broken, a `type:` line still counts, as in
 * ours), and the GFM task-list items of the remark tree, at the line of their paragraph.
 */
function naiveParse(uri: string, text: string): NaiveNote | undefined {
  let data: Record<string, unknown>;
  let type: unknown;
  try {
    data = matter(text, {}).data as Record<string, unknown>;
    type = data.type;
  } catch {
    data = {};
    type = LOOSE_TYPE.exec(text.slice(0, 4096))?.[1];
  }
  const typeName = typeof type === 'string' ? type.trim().toLowerCase() : '';
  if (!(NOTE_TYPES as readonly string[]).includes(typeName)) return undefined;
  const tree = naiveProcessor.parse(text) as MdNode;
  const items: { line: number; done: boolean }[] = [];
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') {
      const first = node.children?.[0];
      const line = (first?.position ?? node.position)?.start.line;
      if (line !== undefined) items.push({ line: line - 1, done: node.checked });
    }
    if (node.children) for (const c of node.children) stack.push(c);
  }
  items.sort((a, b) => a.line - b.line);
  return { uri, type: typeName, data, items };
}

// ---------------------------------------------------------------------------------------
// Warm start through the ParseCache, when the core has one

interface ParseCacheLike {
  serialize(): string | Uint8Array;
}
interface ParseCacheClass {
  new (): ParseCacheLike;
  deserialize(data: string | Uint8Array): ParseCacheLike;
}

/** The core's ParseCache, if this version of src/core exports one. */
function parseCacheClass(): ParseCacheClass | undefined {
  const found = (core as unknown as Record<string, unknown>)['ParseCache'];
  return typeof found === 'function' ? (found as ParseCacheClass) : undefined;
}

function emptyCache(cls: ParseCacheClass): ParseCacheLike {
  try {
    return new cls();
  } catch {
    return cls.deserialize('');
  }
}

// ---------------------------------------------------------------------------------------
// One-file edits

/** The text of a note after one of three small edits (toggle, reschedule, add an item). */
function editNote(text: string, kind: number, rng: Rng): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (kind === 1) {
    const date = /(📅 |due:)(\d{4}-\d{2}-\d{2})/.exec(text);
    if (date) {
      const day = String(rng.range(1, 28)).padStart(2, '0');
      const next = `${date[2]!.slice(0, 8)}${day}`;
      return text.slice(0, date.index) + date[1] + next + text.slice(date.index + date[0].length);
    }
  }
  if (kind !== 2) {
    const box = /^([ \t]*[-*+] )\[([ xX])\]/m.exec(text);
    if (box) {
      const mark = box[2] === ' ' ? 'x' : ' ';
      const at = box.index + box[1]!.length;
      return `${text.slice(0, at)}[${mark}]${text.slice(at + 3)}`;
    }
  }
  const sep = text.endsWith('\n') ? '' : eol;
  return `${text}${sep}- [ ] Follow up on the benchmark @kim 📅 2026-12-0${rng.range(1, 9)} #resource${eol}`;
}

// ---------------------------------------------------------------------------------------
// Comparisons

function findingsKey(list: readonly Finding[]): string {
  return JSON.stringify(
    [...list].sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.code.localeCompare(b.code) ||
        a.message.localeCompare(b.message),
    ),
  );
}

function sameFindings(
  a: ReadonlyMap<string, readonly Finding[]>,
  b: ReadonlyMap<string, readonly Finding[]>,
  diffs: string[],
  label: string,
): boolean {
  let same = true;
  for (const uri of new Set([...a.keys(), ...b.keys()])) {
    const x = findingsKey(a.get(uri) ?? []);
    const y = findingsKey(b.get(uri) ?? []);
    if (x !== y) {
      same = false;
      if (diffs.filter((d) => d.startsWith(`${label} `)).length < 3)
        diffs.push(`${label} ${uri}: ${contrast(x, y)}`);
    }
  }
  return same;
}

/** `a` and `b` around where they first differ. */
function contrast(a: string, b: string, context = 100): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - context);
  const cut = (s: string): string =>
    `${from > 0 ? '…' : ''}${s.slice(from, i + context)}${s.length > i + context ? '…' : ''}`;
  return `${cut(a)} != ${cut(b)}`;
}

interface FileParts {
  items: string;
  problems: string;
  sections: string;
}

function partsOf(file: ParsedFile | undefined): FileParts {
  return {
    items: JSON.stringify(file?.note?.actionItems ?? []),
    problems: JSON.stringify(file?.problems ?? []),
    sections: JSON.stringify(file?.note?.sections ?? []),
  };
}

// ---------------------------------------------------------------------------------------
// The child: one size

async function runSize(
  size: number,
  dir: string,
  options: Options,
  generated: GeneratedNotebook,
): Promise<SizeResult> {
  const files = new NodeNotebookFiles(dir);
  const tag = `[${fmtSize(size)}]`;
  // The files the naive path parses: an evenly spread sample when the notebook is large.
  const listed = await files.list();
  const sampleSize = size <= options.naiveSample ? listed.length : options.naiveSample;
  const sample = Array.from(
    { length: sampleSize },
    (_, k) => listed[Math.floor((k * listed.length) / sampleSize)]!,
  );

  // The operating system's file cache is warmed first (every file read once, untimed), so
  // both paths read from memory: otherwise whichever runs first pays for the disk, and a
  // first run varied by a factor of two from one bench to the next.
  const warmed = now();
  for (const uri of listed) readFileSync(join(dir, ...uri.split('/')));
  log(`${tag} file cache warmed: ${listed.length} files read in ${fmtMs(now() - warmed)}`);

  // 1–3. Our index is let go before anything after the first load and its edits is timed.
  const ours = await measureOurs(files, dir, size, options, sample, tag);
  gc();

  // 4. Where the time goes.
  // Each phase's best of `reps` runs: a major GC landing in one phase is noise here.
  const engineKnown = ours.heavy ? ours.engineMs : undefined;
  let breakdown = await measureBreakdown(files, engineKnown);
  for (let r = 1; r < ours.reps; r++) {
    const again = await measureBreakdown(files, engineKnown);
    const merged: Record<string, unknown> = { ...breakdown };
    for (const [key, value] of Object.entries(again))
      if (key.endsWith('Ms')) merged[key] = Math.min(value as number, merged[key] as number);
    breakdown = merged as unknown as Breakdown;
  }
  const b = breakdown;
  log(
    `${tag} breakdown: read ${fmtMs(b.readMs)}, decode ${fmtMs(b.decodeMs)}, split ${fmtMs(b.splitMs)}, front matter ${fmtMs(b.frontMatterMs)}, scan ${fmtMs(b.scanFastMs)}, remark ${fmtMs(b.remarkMs)} (${b.fallbacks}/${b.notes} notes), parse total ${fmtMs(b.parseTotalMs)}, index ${fmtMs(b.indexSetMs)}, engine ${fmtMs(b.engineMs)}`,
  );

  // 5. The naive path.
  gc();
  const listStart = now();
  const uris = await files.list();
  const naiveListMs = now() - listStart;
  const naiveHeap0 = heapNow();
  let t = now();
  const naiveNotes = new Map<string, NaiveNote>();
  for (const uri of sample) {
    const text = readFileSync(join(dir, ...uri.split('/'))).toString('utf8');
    const note = naiveParse(uri, text);
    if (note) naiveNotes.set(uri, note);
  }
  const naiveFilesMs = now() - t;
  gc();
  const naiveRetained = ((heapNow() - naiveHeap0) / MB) * (uris.length / sample.length);
  const extrapolated = sample.length < uris.length;
  const naiveCold = naiveListMs + naiveFilesMs * (uris.length / sample.length);
  const naiveUpdateTimes: number[] = [];
  for (const { uri, text } of ours.edited) {
    t = now();
    naiveParse(uri, text);
    naiveUpdateTimes.push(now() - t);
  }
  log(
    `${tag} naive ${fmtMs(naiveCold)}${extrapolated ? ` (extrapolated from ${sample.length} files)` : ''}`,
  );

  // 6. Correctness.
  const naiveDiffs: string[] = [];
  let naiveItems = 0;
  let naiveMismatches = 0;
  for (const uri of sample) {
    const mine = ours.sample.get(uri)?.lines ?? '';
    const theirs = (naiveNotes.get(uri)?.items ?? []).map((i) => `${i.line}:${i.done}`).join(', ');
    naiveItems += naiveNotes.get(uri)?.items.length ?? 0;
    if (mine === theirs) continue;
    naiveMismatches++;
    if (naiveDiffs.length < 8) naiveDiffs.push(`${uri}: ours [${mine}] naive [${theirs}]`);
  }
  const whole = listed.length <= options.checkLimit;
  const reference = await checkReference(files, whole, ours.sample, sample, dir, tag);

  return {
    size,
    files: generated.files,
    notes: ours.notes,
    bytes: generated.bytes,
    actionItems: ours.actionItems,
    findings: ours.findings,
    ours: {
      coldFirst: ours.coldRuns[0]!,
      coldRuns: ours.coldRuns,
      coldMedian: median(ours.coldRuns),
      loadMs: ours.loadMs,
      engineMs: ours.engineMs,
      memory: ours.memory,
    },
    warm: ours.warm,
    update: ours.update,
    naive: {
      cold: naiveCold,
      sampled: sample.length,
      extrapolated,
      listMs: naiveListMs,
      perFileMs: naiveFilesMs / sample.length,
      update: stats(naiveUpdateTimes),
      retainedMB: naiveRetained,
    },
    breakdown,
    check: {
      naiveItemsMatch: naiveMismatches === 0,
      naiveItems,
      naiveMismatches,
      naiveDiffs,
      reference,
    },
  };
}

/** Our side of one file, as the checks compare it. */
interface OursFile extends FileParts {
  /** `line:done` of each action item. */
  readonly lines: string;
}

interface OursOutcome {
  readonly coldRuns: number[];
  readonly loadMs: number;
  readonly engineMs: number;
  readonly memory: Memory;
  /** The findings took over HEAVY_FINDINGS_MS. */
  readonly heavy: boolean;
  readonly reps: number;
  readonly warm: SizeResult['warm'];
  readonly update: SizeResult['update'];
  readonly edited: { uri: string; text: string }[];
  readonly notes: number;
  readonly actionItems: number;
  readonly findings: number;
  /** Our parse of the naive sample's files. */
  readonly sample: Map<string, OursFile>;
}

/** Steps 1–3: ours cold (with memory), warm, one-file updates. */
async function measureOurs(
  files: NodeNotebookFiles,
  dir: string,
  size: number,
  options: Options,
  sample: readonly string[],
  tag: string,
): Promise<OursOutcome> {
  const reps = options.reps ?? (size <= 2_000 ? 15 : size <= 50_000 ? 7 : 3);
  // The first index is built, weighed and edited in a function of its own, and let go
  // when it returns: the later cold runs and the warm starts then start from the same
  // heap, as a fresh editor does, and not beside a notebook's worth of objects every
  // collection would mark again (at 100k, 270 MB).
  const first = await firstCold(files, dir, size, options, sample, tag);
  const { coldFirst, heavy } = first;
  const repsNow = heavy ? 1 : reps;
  const coldRuns = [coldFirst];
  for (let r = 1; r < repsNow; r++) coldRuns.push(await coldRun(files));
  if (repsNow > 1) log(`${tag} ours cold runs ${coldRuns.map(fmtMs).join(', ')}`);

  // 2. Warm start.
  const warm = await warmStart(files, first.digest, repsNow, tag);
  return { ...first.outcome, coldRuns, reps: repsNow, warm };
}

/**
 * One more cold load, in a function of its own: an async function's suspended frame keeps
 * its locals, so an index built in a loop of the caller stays alive through the next run
 * (at 100k, 215 MB every collection of that run marks again).
 */
async function coldRun(files: NodeNotebookFiles): Promise<number> {
  gc();
  const t = now();
  const index = new NoteIndex();
  await loadNotebook(files, index);
  new FindingsEngine(index, BENCH_TODAY);
  return now() - t;
}

/** What {@link firstCold} hands on. */
interface FirstCold {
  readonly coldFirst: number;
  readonly heavy: boolean;
  /** Each file's parse and findings, digested, to compare the warm starts with. */
  readonly digest: Map<string, string>;
  readonly outcome: Omit<OursOutcome, 'coldRuns' | 'reps' | 'warm'>;
}

/** Steps 1 and 3: ours cold, first in this process (with memory), then one-file updates. */
async function firstCold(
  files: NodeNotebookFiles,
  dir: string,
  size: number,
  options: Options,
  sample: readonly string[],
  tag: string,
): Promise<FirstCold> {
  // 1. Ours, cold: first in this fresh process, with memory around it.
  gc();
  const baseline = process.memoryUsage();
  const baseHeap = heapNow();
  let peakRss = baseline.rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 2);
  let t = now();
  const index = new NoteIndex();
  await loadNotebook(files, index);
  const loadMs = now() - t;
  const engine = new FindingsEngine(index, BENCH_TODAY);
  const coldFirst = now() - t;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
  gc();
  const memory: Memory = {
    baselineRssMB: baseline.rss / MB,
    retainedMB: (heapNow() - baseHeap) / MB,
    rssAfterGcMB: (process.memoryUsage.rss() - baseline.rss) / MB,
    peakRssMB: (peakRss - baseline.rss) / MB,
  };
  log(
    `${tag} ours cold ${fmtMs(coldFirst)} (load ${fmtMs(loadMs)}, findings ${fmtMs(coldFirst - loadMs)}); retained ${fmtMB(memory.retainedMB)}, peak RSS +${fmtMB(memory.peakRssMB)}`,
  );
  // When the findings alone take seconds (a superlinear rule), everything built on them
  // is too: one repetition, and the full recomputes used as checks are skipped.
  const heavy = coldFirst - loadMs > HEAVY_FINDINGS_MS;
  if (heavy)
    log(
      `${tag} FindingsEngine took over ${fmtMs(HEAVY_FINDINGS_MS)}: one repetition, computeFindings checks skipped`,
    );
  const noteFiles = [...index.files()].filter((f) => f.note);
  const allFindings = engine.all();
  let findingCount = 0;
  for (const list of allFindings.values()) findingCount += list.length;
  let itemCount = 0;
  for (const f of noteFiles) itemCount += f.note!.actionItems.length;
  // Before the edits below (which put every file back, but are best not relied on).
  const digest = digestOf(index, allFindings);

  // 3. One-file updates.
  const rng = new Rng(options.seed ^ size);
  const pool = noteFiles.map((f) => f.uri).sort();
  const picks = rng.sample(pool, Math.min(options.updates, pool.length));
  const updateTimes: number[] = [];
  const viewTimes: number[] = [];
  const byType = new Map<string, number[]>();
  const edited: { uri: string; text: string }[] = [];
  const updatesStart = now();
  for (let i = 0; i < picks.length; i++) {
    if (now() - updatesStart > options.updateBudgetS * 1000) {
      log(`${tag} update budget of ${options.updateBudgetS} s spent after ${i} edits`);
      break;
    }
    const uri = picks[i]!;
    const original = readFileSync(join(dir, ...uri.split('/')), 'utf8');
    const text = editNote(original, i % 3, rng);
    edited.push({ uri, text });
    const type = index.file(uri)?.note?.type ?? 'other';
    t = now();
    index.setText(uri, text);
    engine.update([uri]);
    const dt = now() - t;
    updateTimes.push(dt);
    byType.set(type, [...(byType.get(type) ?? []), dt]);
    t = now();
    countOverdue(index, BENCH_TODAY);
    groupOpenItems(index, BENCH_TODAY);
    index.recentSessions(101); // the Sessions view's first page, and whether there is more
    viewTimes.push(now() - t);
    // Put the file back (untimed), so the notebook matches the disk again.
    index.setText(uri, original);
    engine.update([uri]);
    // Now and then a goal is created and deleted again (New Goal, then undo): every note
    // naming an unknown id could change with the goals, only those with that id or one
    // close to it may.
    if (i % 10 === 0) {
      const goalUri = `goals/bench-created-${i}.md`;
      t = now();
      index.setText(
        goalUri,
        `---\ntype: goal\nid: bench-created-${i}\ntarget: 2027-06-30\nmeasure: m\n---\n`,
      );
      engine.update([goalUri]);
      const created = now() - t;
      t = now();
      index.delete(goalUri);
      engine.update([goalUri]);
      const deleted = now() - t;
      for (const [type, dt] of [
        ['goal created', created],
        ['goal deleted', deleted],
      ] as const)
        byType.set(type, [...(byType.get(type) ?? []), dt]);
    }
  }
  const incrementalEqualsFull = heavy
    ? undefined
    : sameFindings(engine.all(), computeFindings(index, BENCH_TODAY), [], 'incremental');
  const update = {
    ...stats(updateTimes),
    planned: picks.length,
    byType: Object.fromEntries([...byType].map(([k, v]) => [k, stats(v)])),
    incrementalEqualsFull,
    views: stats(viewTimes),
  };
  log(
    `${tag} update p50 ${fmtMs(update.p50)}, p95 ${fmtMs(update.p95)}, max ${fmtMs(update.max)} (${update.n} edits); incremental = full: ${incrementalEqualsFull}; views after each: p50 ${fmtMs(update.views.p50)}, p95 ${fmtMs(update.views.p95)}`,
  );
  const created = update.byType['goal created'];
  const deleted = update.byType['goal deleted'];
  if (created && deleted)
    log(
      `${tag} a goal created: p50 ${fmtMs(created.p50)}, max ${fmtMs(created.max)}; deleted: p50 ${fmtMs(deleted.p50)}, max ${fmtMs(deleted.max)} (${created.n} each)`,
    );

  const sampled = new Map<string, OursFile>();
  for (const uri of sample) {
    const file = index.file(uri);
    const lines = (file?.note?.actionItems ?? []).map((i) => `${i.line}:${i.done}`).join(', ');
    sampled.set(uri, { lines, ...partsOf(file) });
  }
  return {
    coldFirst,
    heavy,
    digest,
    outcome: {
      loadMs,
      engineMs: coldFirst - loadMs,
      memory,
      heavy,
      update,
      edited,
      notes: noteFiles.length,
      actionItems: itemCount,
      findings: findingCount,
      sample: sampled,
    },
  };
}

/** Each file's action items, problems and findings, as one string per file. */
function digestOf(
  index: NoteIndex,
  findings: ReadonlyMap<string, readonly Finding[]>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const uri of new Set([...index.uris(), ...findings.keys()])) {
    const parts = partsOf(index.file(uri));
    const key = `${parts.items}\n${parts.problems}\n${findingsKey(findings.get(uri) ?? [])}`;
    out.set(uri, createHash('sha1').update(key).digest('base64'));
  }
  return out;
}

/** What a measurement holds on to while the heap is weighed. */
const kept: unknown[] = [];

async function warmStart(
  files: NodeNotebookFiles,
  coldDigest: ReadonlyMap<string, string>,
  reps: number,
  tag: string,
): Promise<SizeResult['warm']> {
  const cls = parseCacheClass();
  if (!cls) {
    log(`${tag} warm n/a: src/core exports no ParseCache yet`);
    return { available: false, reason: 'src/core exports no ParseCache' };
  }
  try {
    // Fill a cache with a cold load and persist it, as the extension does on shutdown. In
    // a function of its own, so that the index and cache it fills (a whole notebook's
    // parse) and the text written are garbage before anything is timed: a local here
    // would stay alive through every run below and slow their collections (at 100k, 0.6 s
    // of a 3.5 s warm start).
    const { path, cacheBytes, asText } = await persistedCache(cls, files);
    const runs: number[] = [];
    let sameAsCold = true;
    let retainedMB = NaN;
    // In a function of its own, so that the bytes read are garbage once it returns.
    const restore = async (): Promise<ParseCacheLike> => {
      const raw = await readFile(path);
      return cls.deserialize(asText ? raw.toString('utf8') : raw);
    };
    for (let r = 0; r < reps; r++) {
      const run = await warmRun(files, restore, r === 0 ? coldDigest : undefined);
      runs.push(run.ms);
      if (run.checked) {
        retainedMB = run.checked.retainedMB;
        sameAsCold = run.checked.diffs.length === 0;
        for (const d of run.checked.diffs.slice(0, 3))
          log(`${tag}   warm differs from cold in ${d}`);
      }
    }
    rmSync(path, { force: true });
    log(
      `${tag} warm ${runs.map(fmtMs).join(', ')} (cache ${fmtMB(cacheBytes / MB)}); retained ${fmtMB(retainedMB)} with the cache; same as cold: ${sameAsCold}`,
    );
    return { available: true, runs, median: median(runs), cacheBytes, sameAsCold, retainedMB };
  } catch (error) {
    const reason = `ParseCache failed: ${error instanceof Error ? error.message : String(error)}`;
    log(`${tag} warm n/a: ${reason}`);
    return { available: false, reason };
  }
}

/**
 * One warm start, in a function of its own (see {@link coldRun}). Given the cold load's
 * digest, it also weighs what the warm start keeps and compares it with the cold load.
 */
async function warmRun(
  files: NodeNotebookFiles,
  restore: () => Promise<ParseCacheLike>,
  coldDigest?: ReadonlyMap<string, string>,
): Promise<{ ms: number; checked?: { retainedMB: number; diffs: string[] } }> {
  gc();
  const base = heapNow();
  const t = now();
  const restored = await restore();
  const index = new NoteIndex();
  await loadNotebook(files, index, { cache: restored } as LoadOptions);
  const engine = new FindingsEngine(index, BENCH_TODAY);
  const ms = now() - t;
  if (!coldDigest) return { ms };
  // The extension keeps the cache beside the index (to save it again later).
  kept.push(restored, index, engine);
  gc();
  const retainedMB = (heapNow() - base) / MB;
  kept.length = 0;
  const digest = digestOf(index, engine.all());
  const diffs: string[] = [];
  for (const uri of new Set([...coldDigest.keys(), ...digest.keys()]))
    if (coldDigest.get(uri) !== digest.get(uri)) diffs.push(uri);
  return { ms, checked: { retainedMB, diffs } };
}

/** Writes the cache of a cold load of `files` to a file: where, its size, and whether it is text. */
async function persistedCache(
  cls: ParseCacheClass,
  files: NodeNotebookFiles,
): Promise<{ path: string; cacheBytes: number; asText: boolean }> {
  const cache = emptyCache(cls);
  await loadNotebook(files, new NoteIndex(), { cache } as LoadOptions);
  const data = cache.serialize();
  const path = join(tmpdir(), `mentoring-notes-bench-cache-${process.pid}.bin`);
  writeFileSync(path, data);
  return { path, cacheBytes: statSync(path).size, asText: typeof data === 'string' };
}

/** The cold path again, phase by phase, with the core's internals (synchronous per phase). */
/**
 * `engineKnown`: the FindingsEngine time already measured, when it is too slow to run
 * again (then computeFindings is not timed either).
 */
async function measureBreakdown(
  files: NodeNotebookFiles,
  engineKnown?: number,
): Promise<Breakdown> {
  gc();
  let t = now();
  const uris = await files.list();
  const listMs = now() - t;
  const time = {
    readMs: 0,
    decodeMs: 0,
    splitMs: 0,
    frontMatterMs: 0,
    scanFastMs: 0,
    remarkMs: 0,
    parseTotalMs: 0,
  };
  const parsed: ParsedFile[] = [];
  const reasons = new Map<string, { count: number; example: string }>();
  let notes = 0;
  let fallbacks = 0;
  // In chunks, so that the texts and lines of a large notebook are not all alive at once.
  const CHUNK = 5000;
  for (let from = 0; from < uris.length; from += CHUNK) {
    const chunk = uris.slice(from, from + CHUNK);
    t = now();
    const bytes: Uint8Array[] = new Array(chunk.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < chunk.length) {
          const i = next++;
          bytes[i] = await files.read(chunk[i]!);
        }
      }),
    );
    time.readMs += now() - t;
    t = now();
    const texts = bytes.map((b) => {
      const d = decodeNote(b);
      return d.ok ? stripBom(d.text) : '';
    });
    time.decodeMs += now() - t;
    t = now();
    const lines = texts.map((text) => splitLines(text));
    time.splitMs += now() - t;
    t = now();
    const fms = lines.map((l) => readFrontMatter(l));
    time.frontMatterMs += now() - t;
    const isNote = fms.map((fm) => {
      const type = fm.fields.get('type');
      const name = typeof type?.value === 'string' ? type.value.trim().toLowerCase() : fm.typeHint;
      return !!name && (NOTE_TYPES as readonly string[]).includes(name);
    });
    notes += isNote.filter(Boolean).length;
    t = now();
    const fallback: number[] = [];
    for (let i = 0; i < chunk.length; i++)
      if (isNote[i] && !scanFast(lines[i]!, fms[i]!.bodyStartLine)) fallback.push(i);
    time.scanFastMs += now() - t;
    fallbacks += fallback.length;
    t = now();
    for (const i of fallback) remarkBlocks(texts[i]!);
    time.remarkMs += now() - t;
    t = now();
    for (let i = 0; i < chunk.length; i++) parsed.push(parseBytes(chunk[i]!, bytes[i]!));
    time.parseTotalMs += now() - t;

    // Why files left the fast path: the first line the scanner gives up on (a prefix
    // that fails keeps failing, so a binary search over prefixes finds it).
    for (const i of fallback) {
      const ls = lines[i]!;
      const start = fms[i]!.bodyStartLine;
      let lo = start;
      let hi = ls.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (scanFast(ls.slice(0, mid + 1), start)) lo = mid + 1;
        else hi = mid;
      }
      const line = ls[lo] ?? '';
      const reason = classifyFallback(line, ls[lo - 1] ?? '');
      const entry = reasons.get(reason) ?? { count: 0, example: line };
      entry.count++;
      reasons.set(reason, entry);
    }
  }

  const index = new NoteIndex();
  t = now();
  for (const p of parsed) index.set(p);
  const indexSetMs = now() - t;
  let engineMs = engineKnown ?? NaN;
  let computeFindingsMs = NaN;
  if (engineKnown === undefined) {
    t = now();
    new FindingsEngine(index, BENCH_TODAY);
    engineMs = now() - t;
    t = now();
    computeFindings(index, BENCH_TODAY);
    computeFindingsMs = now() - t;
  }
  const fallbackReasons = [...reasons]
    .map(([reason, v]) => ({ reason, count: v.count, example: v.example }))
    .sort((a, b) => b.count - a.count);
  return {
    listMs,
    ...time,
    indexSetMs,
    engineMs,
    computeFindingsMs,
    notes,
    fallbacks,
    fallbackReasons,
  };
}

function classifyFallback(line: string, previous: string): string {
  const rest = line.trimStart();
  const indent = line.length - rest.length;
  if (rest.startsWith('>')) return 'block quote holding a block';
  if (rest.startsWith('<')) return 'HTML block';
  if (rest.startsWith('|') || /^\|?[ \t]*:?-+:?[ \t]*\|/.test(rest)) return 'table';
  if (/^(?:=+|-+)[ \t]*$/.test(rest) && previous.trim() !== '') return 'setext heading';
  if (indent >= 4) return 'indented code';
  if (/^\[\^/.test(rest)) return 'footnote';
  if (/^(?:[-*+]|\d{1,9}[.)])/.test(rest)) return 'list item shape';
  return 'other';
}

async function checkReference(
  files: NodeNotebookFiles,
  whole: boolean,
  oursSample: ReadonlyMap<string, OursFile>,
  sample: readonly string[],
  dir: string,
  tag: string,
): Promise<Check['reference']> {
  const load = createRequire(__filename);
  const ref = load(join(__dirname, 'reference-core.js')) as typeof core;
  const diffs: string[] = [];
  let itemsMatch = true;
  let problemsMatch = true;
  let sectionsMatch = true;
  const compare = (uri: string, a: FileParts, theirs: ParsedFile | undefined): void => {
    const b = partsOf(theirs);
    for (const key of ['items', 'problems', 'sections'] as const) {
      if (a[key] === b[key]) continue;
      if (key === 'items') itemsMatch = false;
      if (key === 'problems') problemsMatch = false;
      if (key === 'sections') sectionsMatch = false;
      const shown = diffs.filter((d) => d.startsWith(`${key} `)).length;
      if (shown < 3) diffs.push(`${key} ${uri}: ${contrast(a[key], b[key])}`);
    }
  };
  if (whole) {
    // Ours loaded again (the timed index was let go), then the reference.
    const ours = new NoteIndex();
    await loadNotebook(files, ours);
    const oursFindings = new FindingsEngine(ours, BENCH_TODAY).all();
    const t = now();
    const refIndex = new ref.NoteIndex();
    await ref.loadNotebook(files, refIndex);
    const refFindings = ref.computeFindings(refIndex, BENCH_TODAY);
    const ms = now() - t;
    const uris = new Set([...ours.uris(), ...refIndex.uris()]);
    for (const uri of uris) compare(uri, partsOf(ours.file(uri)), refIndex.file(uri));
    const findingsMatch = sameFindings(oursFindings, refFindings, diffs, 'findings');
    log(
      `${tag} reference (remark on every body, full notebook, ${fmtMs(ms)}): items ${itemsMatch}, problems ${problemsMatch}, sections ${sectionsMatch}, findings ${findingsMatch}`,
    );
    return {
      scope: 'full',
      files: uris.size,
      ms,
      itemsMatch,
      problemsMatch,
      sectionsMatch,
      findingsMatch,
      diffs,
    };
  }
  for (const uri of sample) {
    const parsed = ref.parseBytes(uri, readFileSync(join(dir, ...uri.split('/'))));
    compare(
      uri,
      oursSample.get(uri) ?? partsOf(undefined),
      parsed.note || parsed.problems.length ? parsed : undefined,
    );
  }
  log(
    `${tag} reference (remark on every body, ${sample.length}-file sample): items ${itemsMatch}, problems ${problemsMatch}, sections ${sectionsMatch}; findings not compared (needs the whole notebook, over --check-limit)`,
  );
  return { scope: 'sample', files: sample.length, itemsMatch, problemsMatch, sectionsMatch, diffs };
}

// ---------------------------------------------------------------------------------------
// The parent: generate, run each size in a child, report

function gitState(): string {
  const rev = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return `${rev.stdout.trim() || 'unknown'}${dirty.stdout.trim() ? ' (src modified)' : ''}`;
}

function bundles(): { bundles: BundleInfo[]; coreRequireMs?: number } {
  const dir = join(OUT, 'prod');
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) return { bundles: [] };
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as {
    outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const out: BundleInfo[] = [];
  for (const [file, info] of Object.entries(meta.outputs)) {
    if (!file.endsWith('.js')) continue;
    const groups = new Map<string, number>();
    for (const [input, v] of Object.entries(info.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1]! : input.startsWith('src/') ? 'src/' : input;
      groups.set(key, (groups.get(key) ?? 0) + v.bytesInOutput);
    }
    const top = [...groups]
      .map(([input, bytes]) => ({ input, bytes }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6);
    const full = join(REPO, file);
    out.push({
      name: file.replace(/^out\/bench\/prod\//, ''),
      bytes: info.bytes,
      gzipBytes: gzipSync(readFileSync(full)).length,
      top,
    });
  }
  // Loading the minified core: a lower bound of what activation pays before any work.
  const coreFile = join(dir, 'core.js');
  let coreRequireMs: number | undefined;
  if (existsSync(coreFile)) {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = spawnSync(
        process.execPath,
        [
          '-e',
          `const t=process.hrtime.bigint();require(${JSON.stringify(coreFile)});console.log(Number(process.hrtime.bigint()-t)/1e6)`,
        ],
        { encoding: 'utf8' },
      );
      const ms = Number(r.stdout.trim());
      if (Number.isFinite(ms)) times.push(ms);
    }
    if (times.length) coreRequireMs = median(times);
  }
  return { bundles: out, ...(coreRequireMs !== undefined && { coreRequireMs }) };
}

function table(results: readonly SizeResult[]): string {
  const rows = [
    '| size | naive cold | ours cold | ratio | warm | warm/cold | update p50 | update p95 | memory (retained / peak RSS) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const naive = `${fmtMs(r.naive.cold)}${r.naive.extrapolated ? ` (extrapolated from ${fmtSize(r.naive.sampled)})` : ''}`;
    const warm = r.warm.available ? fmtMs(r.warm.median) : 'n/a';
    const warmRatio = r.warm.available ? (r.warm.median / r.ours.coldMedian).toFixed(2) : 'n/a';
    rows.push(
      `| ${fmtSize(r.size)} | ${naive} | ${fmtMs(r.ours.coldFirst)} | ${(r.naive.cold / r.ours.coldFirst).toFixed(0)}× | ${warm} | ${warmRatio} | ${fmtMs(r.update.p50)} | ${fmtMs(r.update.p95)}${r.update.n < r.update.planned ? ` (${r.update.n} of ${r.update.planned} edits in budget)` : ''} | ${fmtMB(r.ours.memory.retainedMB)} / +${fmtMB(r.ours.memory.peakRssMB)} |`,
    );
  }
  return rows.join('\n');
}

function details(results: readonly SizeResult[]): string {
  const rows = [
    '| size | files | MB | notes | items | findings | ours cold runs | update max | update p95 (goal) | goal created / deleted p95 | views after an update p50 / p95 | warm retained (with its cache) | naive update p50 / p95 | naive retained | remark fallbacks |',
    '|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const goal = r.update.byType['goal'];
    const created = r.update.byType['goal created'];
    const deleted = r.update.byType['goal deleted'];
    rows.push(
      `| ${fmtSize(r.size)} | ${r.files} | ${(r.bytes / MB).toFixed(1)} | ${r.notes} | ${r.actionItems} | ${r.findings} | ${r.ours.coldRuns.map(fmtMs).join(', ')} | ${fmtMs(r.update.max)} | ${goal ? `${fmtMs(goal.p95)} (${goal.n})` : '–'} | ${created && deleted ? `${fmtMs(created.p95)} / ${fmtMs(deleted.p95)}` : '–'} | ${fmtMs(r.update.views.p50)} / ${fmtMs(r.update.views.p95)} | ${r.warm.available ? fmtMB(r.warm.retainedMB) : 'n/a'} | ${fmtMs(r.naive.update.p50)} / ${fmtMs(r.naive.update.p95)} | ${fmtMB(r.naive.retainedMB)}${r.naive.extrapolated ? ' (scaled)' : ''} | ${r.breakdown.fallbacks} (${((100 * r.breakdown.fallbacks) / Math.max(1, r.breakdown.notes)).toFixed(1)}%) |`,
    );
  }
  return rows.join('\n');
}

function breakdownTable(results: readonly SizeResult[]): string {
  const rows = [
    '| size | list | read | decode | split lines | front matter | fast scan | remark fallback | rest of parse | index.set | FindingsEngine | computeFindings |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const b = r.breakdown;
    const rest =
      b.parseTotalMs - b.decodeMs - b.splitMs - b.frontMatterMs - b.scanFastMs - b.remarkMs;
    rows.push(
      `| ${fmtSize(r.size)} | ${[b.listMs, b.readMs, b.decodeMs, b.splitMs, b.frontMatterMs, b.scanFastMs, b.remarkMs, rest, b.indexSetMs, b.engineMs, b.computeFindingsMs].map(fmtMs).join(' | ')} |`,
    );
  }
  return rows.join('\n');
}

function checks(results: readonly SizeResult[]): { text: string; ok: boolean } {
  const lines: string[] = [];
  let ok = true;
  for (const r of results) {
    const c = r.check;
    const ref = c.reference;
    const refOk =
      ref.itemsMatch && ref.problemsMatch && ref.sectionsMatch && ref.findingsMatch !== false;
    const good =
      c.naiveItemsMatch &&
      refOk &&
      r.update.incrementalEqualsFull !== false &&
      (!r.warm.available || r.warm.sameAsCold);
    ok &&= good;
    lines.push(
      `- ${fmtSize(r.size)}: ${good ? 'OK' : 'MISMATCH'} — naive remark task items ${c.naiveItemsMatch ? 'match' : `DIFFER in ${c.naiveMismatches} files`} (${c.naiveItems} items in ${r.naive.sampled} files); ` +
        `remark-only core (${ref.scope === 'full' ? `whole notebook, ${fmtMs(ref.ms ?? NaN)}` : `${ref.files}-file sample`}): action items ${ref.itemsMatch ? 'match' : 'DIFFER'}, problems ${ref.problemsMatch ? 'match' : 'DIFFER'}, sections ${ref.sectionsMatch ? 'match' : 'DIFFER'}, findings ${ref.findingsMatch === undefined ? 'not compared (over --check-limit)' : ref.findingsMatch ? 'match' : 'DIFFER'}; ` +
        `incremental findings after ${r.update.n} edits = full recompute: ${r.update.incrementalEqualsFull === undefined ? 'skipped (findings too slow)' : r.update.incrementalEqualsFull ? 'yes' : 'NO'}` +
        (r.warm.available ? `; warm = cold: ${r.warm.sameAsCold ? 'yes' : 'NO'}` : ''),
    );
    for (const d of [...c.naiveDiffs.slice(0, 3), ...ref.diffs]) lines.push(`    - ${d}`);
  }
  return { text: lines.join('\n'), ok };
}

function targets(results: readonly SizeResult[], bundleInfo: ReturnType<typeof bundles>): string {
  const out: string[] = [];
  const mark = (ok: boolean | undefined): string => (ok === undefined ? '–' : ok ? '✓' : '✗');
  const at = (n: number): SizeResult | undefined => results.find((r) => r.size === n);
  const r10k = at(10000);
  if (r10k) {
    const ratio = r10k.naive.cold / r10k.ours.coldFirst;
    out.push(`- ${mark(ratio >= 50)} cold 10k at least 50× the naive path: ${ratio.toFixed(0)}×`);
  }
  for (const r of results) {
    if (r.warm.available)
      out.push(
        `- ${mark(r.warm.median <= r.ours.coldMedian / 2)} ${fmtSize(r.size)} warm ≤ ½ cold: ${(r.warm.median / r.ours.coldMedian).toFixed(2)}`,
      );
  }
  if (!results.some((r) => r.warm.available))
    out.push('- – warm start: n/a (no ParseCache in src/core)');
  const p95s = results.map((r) => r.update.p95);
  out.push(
    `- ${mark(Math.max(...p95s) <= 5)} one-file update ≤ 5 ms (p95 by size: ${results.map((r) => `${fmtSize(r.size)} ${fmtMs(r.update.p95)}`).join(', ')})`,
  );
  const goalChanges = results.map((r) => {
    const times = ['goal created', 'goal deleted'].map((k) => r.update.byType[k]?.p95 ?? NaN);
    return { size: r.size, p95: Math.max(...times) };
  });
  if (goalChanges.every((g) => !Number.isNaN(g.p95)))
    out.push(
      `- ${mark(Math.max(...goalChanges.map((g) => g.p95)) <= 5)} a goal created or deleted ≤ 5 ms (p95 by size: ${goalChanges.map((g) => `${fmtSize(g.size)} ${fmtMs(g.p95)}`).join(', ')})`,
    );
  if (results.length > 1) {
    const first = results[0]!;
    const last = results[results.length - 1]!;
    out.push(
      `- ${mark(last.update.p50 <= 2 * first.update.p50 + 0.5)} update flat with size: p50 ${fmtMs(first.update.p50)} at ${fmtSize(first.size)} → ${fmtMs(last.update.p50)} at ${fmtSize(last.size)}; max ${fmtMs(first.update.max)} → ${fmtMs(last.update.max)}`,
    );
  }
  const r100k = at(100000);
  if (r100k)
    out.push(
      `- ${mark(r100k.ours.memory.peakRssMB <= 150)} 100k memory ≤ 150 MB above baseline: retained ${fmtMB(r100k.ours.memory.retainedMB)}, peak RSS +${fmtMB(r100k.ours.memory.peakRssMB)}`,
    );
  const ext = bundleInfo.bundles.find((b) => b.name === 'extension.js');
  if (ext)
    out.push(
      `- ${mark(ext.bytes <= 1024 * 1024)} extension bundle ≤ 1 MB minified: ${fmtMB(ext.bytes / MB)}`,
    );
  out.push(
    '- – activation ≤ 50 ms: not measured here (needs VS Code); see the core require time above',
  );
  return out.join('\n');
}

async function parent(options: Options): Promise<void> {
  const started = new Date();
  log(
    `Mentoring Notes bench — sizes ${options.sizes.map(fmtSize).join(', ')}, seed ${options.seed}, today ${BENCH_TODAY}`,
  );
  const results: SizeResult[] = [];
  const generatedAll: GeneratedNotebook[] = [];
  for (const size of options.sizes) {
    let t = now();
    const generated = generateNotebook(size, options.seed);
    generatedAll.push(generated);
    log(
      `[${fmtSize(size)}] notebook ${generated.reused ? 'reused' : `generated in ${fmtMs(now() - t)}`}: ${generated.files} files, ${(generated.bytes / MB).toFixed(1)} MB at ${generated.dir}`,
    );
    const profDir = join(OUT, 'prof');
    if (options.cpuProf) mkdirSync(profDir, { recursive: true });
    t = now();
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=8192',
        ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
        __filename,
        '--child',
        JSON.stringify({ size, dir: generated.dir, options, generated }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * MB },
    );
    const line = child.stdout.split('\n').find((l) => l.startsWith(RESULT_MARK));
    if (child.status !== 0 || !line) {
      log(`[${fmtSize(size)}] child failed (status ${child.status}, signal ${child.signal})`);
      process.exitCode = 2;
      continue;
    }
    results.push(JSON.parse(line.slice(RESULT_MARK.length)) as SizeResult);
    log(`[${fmtSize(size)}] done in ${fmtMs(now() - t)}\n`);
  }

  const bundleInfo = bundles();
  const check = checks(results);
  const report = [
    '',
    `## Mentoring Notes benchmark — ${started.toISOString()}`,
    '',
    `node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB; git ${gitState()}; seed ${options.seed}; today ${BENCH_TODAY}`,
    '',
    'Naive: list + read + gray-matter + unified/remark-parse/remark-gfm/remark-frontmatter on every file, collecting task-list items (no findings: a lower bound of the naive path). Ours: NoteIndex + loadNotebook(NodeNotebookFiles) + FindingsEngine, first run in a fresh process. Ratio = naive cold / ours cold. Memory: heap retained by the index and engine after gc / highest RSS during the load, both above the baseline before loading.',
    '',
    table(results),
    '',
    details(results),
    '',
    'Views after an update: what the editor recomputes after each one-file update besides the index and findings (the overdue count of the status bar and badge, the open items in due-date groups of the Action Items view, the first page of the Sessions view).',
    '',
    '### Where the time goes (cold path, phase by phase)',
    '',
    breakdownTable(results),
    '',
    ...results.flatMap((r) =>
      r.breakdown.fallbackReasons.length
        ? [
            `Remark fallbacks at ${fmtSize(r.size)}: ${r.breakdown.fallbackReasons.map((f) => `${f.reason} ${f.count} (e.g. \`${f.example.trim().slice(0, 50)}\`)`).join('; ')}`,
          ]
        : [],
    ),
    '',
    '### Bundles (production, minified)',
    '',
    ...bundleInfo.bundles.map(
      (b) =>
        `- ${b.name}: ${(b.bytes / 1024).toFixed(0)} KB (${(b.gzipBytes / 1024).toFixed(0)} KB gzip); largest parts: ${b.top.map((x) => `${x.input} ${(x.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
    ),
    ...(bundleInfo.coreRequireMs !== undefined
      ? [
          `- require() of the minified core in a fresh node: ${fmtMs(bundleInfo.coreRequireMs)} (median of 5)`,
        ]
      : []),
    '',
    '### Correctness',
    '',
    check.text,
    '',
    '### Targets (informational; the bench never fails on timings)',
    '',
    targets(results, bundleInfo),
    '',
  ].join('\n');
  process.stdout.write(report);

  if (options.save && results.length) {
    const dir = join(REPO, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify(
        {
          date: started.toISOString(),
          node: process.version,
          cpus: cpus().length,
          cpu: cpus()[0]?.model,
          git: gitState(),
          options,
          today: BENCH_TODAY,
          notebooks: generatedAll,
          results,
          bundles: bundleInfo,
        },
        null,
        2,
      ),
    );
    log(`Saved ${file}`);
  }
  if (!check.ok) process.exitCode = 1;
}

async function child(payload: string): Promise<void> {
  const { size, dir, options, generated } = JSON.parse(payload) as {
    size: number;
    dir: string;
    options: Options;
    generated: GeneratedNotebook;
  };
  const result = await runSize(size, dir, options, generated);
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

const argv = process.argv.slice(2);
const childAt = argv.indexOf('--child');
(childAt >= 0 ? child(argv[childAt + 1]!) : parent(parseOptions(argv))).catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 2;
});
