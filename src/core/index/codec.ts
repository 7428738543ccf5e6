/**
 * A compact encoding of parsed files for the warm-start cache. Each file becomes one flat
 * array of numbers, strings and nulls: no keys, ranges as four numbers, and every string
 * (a mentor, a date, a section title, an item's words) written as its place in a table of
 * strings the files of one cache share. It is a fraction of the size of the objects' JSON
 * and several times faster to read back, which is what a warm start spends its time on.
 * Decoding rebuilds exactly what the parser builds (the same keys in the same order, the
 * same shared positions, strings, sections, front-matter values and lists; see
 * sharedValues.ts), and throws on anything malformed, so a damaged entry is re-parsed
 * rather than trusted.
 */
import { withTaskFields } from '../model/actionItems';
import { parseCadence } from '../model/cadence';
import {
  goalNote,
  mentorNote,
  NONE,
  reviewNote,
  sessionNote,
  type NoteFields,
} from '../model/notes';
import {
  GOAL_HORIZONS,
  GOAL_STATUSES,
  NOTE_TYPES,
  type ActionItem,
  type Finding,
  type GoalHorizon,
  type GoalStatus,
  type ItemLink,
  type Located,
  type Note,
  type ParsedFile,
  type Priority,
  type Range,
  type Section,
  type Severity,
} from '../model/types';
import type { LocalDate } from '../model/dates';
import { sharedIds, sharedLocated, sharedSection, sharedSections } from '../parse/sharedValues';
import { lineRange, range, shared, sharedDate } from '../parse/text';

/** One encoded file: numbers, strings and nulls. */
export type EncodedFile = (string | number | null)[];

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const PRIORITIES: readonly Priority[] = ['highest', 'high', 'medium', 'low', 'lowest'];
const LINK_KINDS: readonly ItemLink['kind'][] = ['wiki', 'tag'];

/**
 * Strings shared by the files of one serialized cache: each distinct string (a date, a
 * goal id, a section title, an item's words) is stored once, and files refer to it by its
 * position. Reading a warm start then makes each string once, not once per file, and the
 * strings that recur are already the same string when they are shared.
 */
export class StringTable {
  private readonly indexes = new Map<string, number>();
  /** The strings, in the order they were first written. */
  readonly strings: string[] = [];

  /** The position of `s`, added if new. */
  indexOf(s: string): number {
    let k = this.indexes.get(s);
    if (k === undefined) {
      k = this.strings.length;
      this.indexes.set(s, k);
      this.strings.push(s);
    }
    return k;
  }
}

/** Encodes a parsed file, its strings written as references into `table` (`-1 - position`). */
export function encodeFile(file: ParsedFile, table: StringTable): EncodedFile {
  const out: EncodedFile = [];
  const w = new Writer(out, table);
  w.num(file.problems.length);
  for (const p of file.problems) w.finding(p, file.uri);
  const note = file.note;
  if (!note) {
    w.opt(undefined);
    return out;
  }
  w.str(note.type);
  w.str(note.id);
  w.range(note.idRange);
  w.opt(note.title);
  w.located(note.mentor);
  w.num(note.sections.length);
  for (const s of note.sections) {
    w.str(s.title);
    w.num(s.depth);
    w.num(s.line);
    w.num(s.endLine);
    w.bool(s.hasContent);
  }
  w.num(note.unreadableFields.length);
  for (const f of note.unreadableFields) w.str(f);
  w.range(note.typeRange);
  w.range(note.frontMatterRange);
  w.num(note.lineCount);
  switch (note.type) {
    case 'goal':
      w.str(note.status);
      w.opt(note.horizon);
      w.located(note.target);
      w.opt(note.measure);
      break;
    case 'session':
      w.located(note.date);
      w.num(note.goals.length);
      for (const g of note.goals) w.located(g);
      w.located(note.next);
      w.bool(note.hasFeedback);
      break;
    case 'mentor':
      w.opt(note.name);
      w.opt(note.cadence?.value.text);
      if (note.cadence) w.range(note.cadence.range);
      w.opt(note.channel);
      break;
    case 'review':
      w.located(note.date);
      w.opt(note.period);
      break;
  }
  w.num(note.actionItems.length);
  for (const item of note.actionItems) w.item(item);
  return out;
}

/**
 * Decodes what {@link encodeFile} wrote for `uri`, with the strings of the table it was
 * written with; throws if it is malformed. What a table's strings come to (shared copies,
 * checked dates) is remembered by position for as long as the table lives, so a table
 * may grow after a first decode but its strings must never change in place.
 */
export function decodeFile(uri: string, data: unknown, strings: readonly string[]): ParsedFile {
  if (!Array.isArray(data)) throw new Error('not an encoded file');
  let memo = sharedMemos.get(strings);
  if (!memo) {
    // Sized to the table: entries are filled in any order.
    const n = strings.length;
    memo = { copies: new Array(n), singles: new Array(n), dates: new Array(n) };
    sharedMemos.set(strings, memo);
  }
  reader.start(data, strings, memo);
  try {
    return decodeWith(reader, uri);
  } finally {
    // Nothing of this cache is kept by the reader between files.
    reader.start(NONE, NONE, NO_MEMO);
  }
}

function decodeWith(r: Reader, uri: string): ParsedFile {
  const problemCount = r.count();
  const problems = r.list(problemCount, () => r.finding(uri));
  const typeName = r.optStr();
  if (typeName === undefined) {
    r.end();
    return { uri, problems };
  }
  const type = r.oneOf(typeName, NOTE_TYPES);
  const id = r.str();
  const idRange = r.range();
  const title = r.optShared();
  const mentor = r.located();
  const sectionCount = r.count();
  // Arguments are read left to right, in the order they were written.
  const sections = sharedSections(
    r.list(sectionCount, (): Section =>
      sharedSection(r.sharedStr(), r.num(), r.num(), r.num(), r.bool()),
    ),
  );
  const unreadableCount = r.count();
  const unreadableFields = r.list(unreadableCount, () => r.str());
  const typeRange = r.range();
  const frontMatterRange = r.range();
  const lineCount = r.num();

  const common = (actionItems: ActionItem[]): NoteFields => ({
    uri,
    id,
    idRange,
    title,
    mentor,
    actionItems,
    sections,
    unreadableFields,
    typeRange,
    frontMatterRange,
    lineCount,
  });

  let note: Note;
  switch (type) {
    case 'goal': {
      const status = r.oneOf(r.str(), GOAL_STATUSES) as GoalStatus;
      const horizonText = r.optStr();
      const horizon =
        horizonText === undefined
          ? undefined
          : (r.oneOf(horizonText, GOAL_HORIZONS) as GoalHorizon);
      const target = r.fieldDate();
      const measure = r.optShared();
      note = goalNote(common(r.items(uri)), status, horizon, target, measure);
      break;
    }
    case 'session': {
      const date = r.fieldDate();
      const goalCount = r.count();
      const goals = r.list(goalCount, () => {
        const goal = r.located();
        if (!goal) throw new Error('missing goal');
        return goal;
      });
      const next = r.fieldDate();
      const hasFeedback = r.bool();
      note = sessionNote(common(r.items(uri)), date, goals, next, hasFeedback);
      break;
    }
    case 'mentor': {
      const name = r.optShared();
      const cadenceText = r.optStr();
      const cadenceRange = cadenceText === undefined ? undefined : r.range();
      const channel = r.optShared();
      const items = r.items(uri);
      const cadenceValue =
        cadenceText === undefined ? undefined : parseCadence(shared(cadenceText));
      if (cadenceText !== undefined && !cadenceValue) throw new Error('bad cadence');
      const cadence =
        cadenceValue && cadenceRange ? { value: cadenceValue, range: cadenceRange } : undefined;
      note = mentorNote(common(items), name, cadence, channel);
      break;
    }
    case 'review': {
      const date = r.fieldDate();
      const period = r.optShared();
      note = reviewNote(common(r.items(uri)), date, period);
      break;
    }
  }
  r.end();
  return { uri, note, problems };
}

/** `value` as the shared date, checked again: nothing that is not a real date gets through. */
function checkedDate(value: string): LocalDate {
  const date = sharedDate(value);
  if (date === undefined) throw new Error('not a date');
  return date;
}

class Writer {
  constructor(
    private readonly out: EncodedFile,
    private readonly table: StringTable,
  ) {}

  str(s: string): void {
    this.out.push(-1 - this.table.indexOf(s));
  }

  num(n: number): void {
    this.out.push(n);
  }

  bool(b: boolean): void {
    this.out.push(b ? 1 : 0);
  }

  opt(s: string | undefined): void {
    if (s === undefined) this.out.push(null);
    else this.str(s);
  }

  range(r: Range): void {
    this.out.push(r.start.line, r.start.character, r.end.line, r.end.character);
  }

  located(l: Located<string> | undefined): void {
    if (!l) this.out.push(null);
    else {
      this.str(l.value);
      this.range(l.range);
    }
  }

  strings(list: readonly string[]): void {
    this.num(list.length);
    for (const s of list) this.str(s);
  }

  finding(f: Finding, uri: string): void {
    this.opt(f.uri === uri ? undefined : f.uri);
    this.range(f.range);
    this.str(f.code);
    this.str(f.severity);
    this.str(f.message);
    const data = f.data ? Object.entries(f.data) : undefined;
    this.out.push(data ? data.length : -1);
    // Values may be numbers, so they are written as they are, never as back-references.
    for (const [k, v] of data ?? []) {
      this.str(k);
      this.out.push(v);
    }
  }

  item(item: ActionItem): void {
    this.num(item.line);
    this.range(item.checkboxRange);
    this.str(item.status);
    this.bool(item.done);
    this.str(item.text);
    this.opt(item.due);
    if (item.due !== undefined) this.range(item.dueRange!);
    this.opt(item.doneDate);
    this.opt(item.scheduled);
    this.opt(item.start);
    this.opt(item.created);
    this.opt(item.cancelled);
    this.opt(item.priority);
    this.opt(item.recurrence);
    this.opt(item.owner);
    this.strings(item.goals);
    this.num(item.links.length);
    for (const l of item.links) {
      this.str(l.kind);
      this.str(l.id);
      this.range(l.range);
    }
    this.strings(item.tags);
    this.opt(item.mentor);
    this.bool(item.milestone);
    this.bool(item.checklist);
    this.opt(item.section);
  }
}

/** What a table's strings come to, found once per table rather than once per use. */
interface TableMemo {
  /** The shared copy (text.ts `shared`) of each string, by its position, once asked for. */
  readonly copies: (string | undefined)[];
  /** The shared one-id list (an item's tags or goals) of each string, once asked for. */
  readonly singles: (readonly string[] | undefined)[];
  /** Each string that is a date, checked, as the shared date. */
  readonly dates: (LocalDate | undefined)[];
}

/**
 * The memo of each table of strings being decoded: the files of a cache name the same ids,
 * mentors, titles and tags over and over. Held as long as the table is.
 */
const sharedMemos = new WeakMap<readonly string[], TableMemo>();
const NO_MEMO: TableMemo = { copies: [], singles: [], dates: [] };

class Reader {
  private i = 0;
  private data: readonly unknown[] = NONE;
  /** The strings of the cache's {@link StringTable}, referred to as `-1 - position`. */
  private tableStrings: readonly string[] = NONE;
  /** What its strings come to, as far as known. */
  private memo: TableMemo = NO_MEMO;

  /** Starts reading `data`, with the table `tableStrings` and its memo. */
  start(data: readonly unknown[], tableStrings: readonly string[], memo: TableMemo): void {
    this.i = 0;
    this.data = data;
    this.tableStrings = tableStrings;
    this.memo = memo;
  }

  private next(): unknown {
    if (this.i >= this.data.length) throw new Error('truncated entry');
    return this.data[this.i++];
  }

  str(): string {
    return this.text(this.next());
  }

  optStr(): string | undefined {
    const v = this.next();
    return v === null ? undefined : this.text(v);
  }

  /** The table's string that `v` refers to. */
  private text(v: unknown): string {
    return this.tableStrings[this.position(v)]!;
  }

  /** The position in the table that `v` refers to. */
  private position(v: unknown): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v >= 0)
      throw new Error('expected a string');
    const k = -1 - v;
    if (k >= this.tableStrings.length) throw new Error('expected a string');
    return k;
  }

  /** The shared copy of the table's string at `k`. */
  private sharedAt(k: number): string {
    return (this.memo.copies[k] ??= shared(this.tableStrings[k]!));
  }

  /** A string that recurs across notes (an id, a title, a tag), as its shared copy. */
  sharedStr(): string {
    return this.sharedAt(this.position(this.next()));
  }

  optShared(): string | undefined {
    const v = this.next();
    return v === null ? undefined : this.sharedAt(this.position(v));
  }

  num(): number {
    const v = this.next();
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('expected an integer');
    return v;
  }

  count(): number {
    const n = this.num();
    if (n < 0 || n > this.data.length) throw new Error('bad count');
    return n;
  }

  bool(): boolean {
    const v = this.num();
    if (v !== 0 && v !== 1) throw new Error('expected 0 or 1');
    return v === 1;
  }

  /** `value`, which must be one of `allowed`, as the constant held there (one copy kept, not one per note). */
  oneOf<T extends string>(value: string, allowed: readonly T[]): T {
    const i = (allowed as readonly string[]).indexOf(value);
    if (i < 0) throw new Error(`unexpected "${value}"`);
    return allowed[i]!;
  }

  /**
   * `n` values read by `read`, in a list of exactly that size, or the shared empty list
   * (lists built by pushing keep room for 17 values: a quarter of a warm start's memory).
   */
  list<T>(n: number, read: () => T): readonly T[] {
    if (n === 0) return NONE;
    const out = new Array<T>(n);
    for (let k = 0; k < n; k++) out[k] = read();
    return out;
  }

  /** A position's line or character: never negative. */
  private place(): number {
    const n = this.num();
    if (n < 0) throw new Error('negative position');
    return n;
  }

  range(): Range {
    const startLine = this.place();
    const startCharacter = this.place();
    const endLine = this.place();
    const endCharacter = this.place();
    // One-line ranges come from the shared table, as the parser hands them out.
    return startLine === endLine
      ? lineRange(startLine, startCharacter, endCharacter)
      : range(startLine, startCharacter, endLine, endCharacter);
  }

  /** A date, checked again: nothing that is not a real date reaches the date arithmetic. */
  optDate(): LocalDate | undefined {
    const v = this.next();
    if (v === null) return undefined;
    const k = this.position(v);
    return (this.memo.dates[k] ??= checkedDate(this.tableStrings[k]!));
  }

  /** A front-matter date, shared as the parser shares it. */
  fieldDate(): Located<LocalDate> | undefined {
    const value = this.optDate();
    return value === undefined ? undefined : sharedLocated(value, this.range());
  }

  located(): Located<string> | undefined {
    const value = this.optShared();
    return value === undefined ? undefined : sharedLocated(value, this.range());
  }

  strings(previous: readonly string[] | undefined): readonly string[] {
    const n = this.count();
    if (n === 0) return NONE;
    if (n === 1) {
      // Most lists: one tag, one goal.
      const k = this.position(this.next());
      const id = this.sharedAt(k);
      // Items of one note share their goal list, as in the general case below.
      if (previous && previous.length === 1 && previous[0] === id) return previous;
      return (this.memo.singles[k] ??= sharedIds([id]));
    }
    const list = this.list(n, () => this.sharedStr());
    // Items of one note share their goal list, as the parser hands them out.
    if (previous && previous.length === n && previous.every((g, k) => g === list[k]))
      return previous;
    return sharedIds(list);
  }

  finding(uri: string): Finding {
    const own = this.optStr();
    const range = this.range();
    const code = this.str();
    const severity = this.oneOf(this.str(), SEVERITIES);
    const message = this.str();
    const dataCount = this.num();
    if (dataCount < 0) return { uri: own ?? uri, range, code, severity, message };
    const data: Record<string, string | number> = {};
    for (let k = 0; k < dataCount; k++) {
      const key = this.str();
      const v = this.next();
      if (typeof v !== 'string' && typeof v !== 'number') throw new Error('bad finding data');
      data[key] = v;
    }
    return { uri: own ?? uri, range, code, severity, message, data };
  }

  items(uri: string): ActionItem[] {
    const n = this.count();
    const items = new Array<ActionItem>(n);
    let goals: readonly string[] | undefined;
    for (let k = 0; k < n; k++) {
      const line = this.num();
      const checkboxRange = this.range();
      const status = this.str();
      const done = this.bool();
      // The words as the cache's table holds them: already their own copy, one per text.
      const text = this.str();
      const due = this.optDate();
      const dueRange = due === undefined ? undefined : this.range();
      const doneDate = this.optDate();
      const scheduled = this.optDate();
      const start = this.optDate();
      const created = this.optDate();
      const cancelled = this.optDate();
      const priorityText = this.optStr();
      const priority =
        priorityText === undefined ? undefined : this.oneOf(priorityText, PRIORITIES);
      const recurrence = this.optStr();
      const owner = this.optShared();
      goals = this.strings(goals);
      const linkCount = this.count();
      let links: readonly ItemLink[] = NONE;
      if (linkCount) {
        links = this.list(linkCount, (): ItemLink => ({
          kind: this.oneOf(this.str(), LINK_KINDS),
          id: this.sharedStr(),
          range: this.range(),
        }));
      }
      const tags = this.strings(undefined);
      const item: ActionItem = {
        uri,
        line,
        checkboxRange,
        status,
        done,
        text,
        due,
        dueRange,
        doneDate,
        owner,
        goals,
        links,
        tags,
        mentor: this.optShared(),
        milestone: this.bool(),
        checklist: this.bool(),
        section: this.optShared(),
      };
      // The same keys as the parser's, in its order.
      items[k] = withTaskFields(item, {
        scheduled,
        start,
        created,
        cancelled,
        priority,
        recurrence,
      });
    }
    return items;
  }

  end(): void {
    if (this.i !== this.data.length) throw new Error('trailing data');
  }
}

/**
 * The one reader, reused for every file. Besides sparing an object per file, it keeps the
 * reader's object layout alive: optimized code for its methods depends on that layout,
 * which the engine discards in a full collection once no reader is left, and the code with
 * it, so every later cache load (a rescan, another workspace) decoded unoptimized again
 * (at 1k notes, half as fast).
 */
const reader = new Reader();
