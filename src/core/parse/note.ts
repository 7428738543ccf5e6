/**
 * Turns one Markdown file into a notebook {@link Note} (or nothing, when its front matter
 * has no known `type`), with every problem found on the way as a precise finding.
 */
import { withTaskFields } from '../model/actionItems';
import { isNoCadence, parseCadence, type Cadence } from '../model/cadence';
import {
  goalNote,
  mentorNote,
  NONE,
  reviewNote,
  sessionNote,
  type NoteFields,
} from '../model/notes';
import { dateProblem, type LocalDate } from '../model/dates';
import { clipText, MAX_MESSAGE } from '../model/words';
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
  type NoteType,
  type ParsedFile,
  type Range,
  type Section,
} from '../model/types';
import { CODES } from '../rules/codes';
import { editDistance } from '../rules/findings';
import { scanBlocks, type BlockScan } from './blocks';
import { readFrontMatter, type Field, type FrontMatter } from './frontMatter';
import { sharedIds, sharedLocated, sharedSection, sharedSections } from './sharedValues';
import { readTaskMetadata } from './taskLine';
import {
  decodeNote,
  lineRange,
  NOTE_HEAD_BYTES,
  own,
  ownNarrow,
  shared,
  sharedDate,
  splitLines,
  stripBom,
  utf16Encoding,
} from './text';

/**
 * True when `head`, the first bytes of a file that cannot be read as a note (too large,
 * binary), starts with front matter naming a known `type`: the file means to be a note and
 * is reported. Any other such file is one of the repository's other files, and ignored as
 * every Markdown file without a notebook `type` is (a 3 MB CHANGELOG.md is not an error).
 */
export function headIsNote(head: Uint8Array): boolean {
  const bytes = head.length > NOTE_HEAD_BYTES ? head.subarray(0, NOTE_HEAD_BYTES) : head;
  // A note saved as UTF-16 is still a note (reported: save it as UTF-8).
  let raw: string;
  try {
    raw = new TextDecoder(utf16Encoding(bytes) ?? 'utf-8', { fatal: false }).decode(bytes);
  } catch {
    raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes); // a runtime without UTF-16BE
  }
  const text = stripBom(raw);
  return noteTypeOf(readFrontMatter(splitLines(text))) !== undefined;
}

/**
 * A file whose `type:` is one or two letters off a note type (`gaol`, `sessions`), in front
 * matter with a field only notes write, was meant to be a note: it is reported rather than
 * silently left out of the notebook. Any other file belongs to some other tool, and is
 * ignored.
 */
function misspeltType(uri: string, fm: FrontMatter): readonly Finding[] {
  const field = fm.fields.get('type');
  if (typeof field?.value !== 'string') return NONE;
  // Only front matter that reads like a note's: other tools' files have types too (Hugo's
  // `type: preview`, a Jekyll `coal`, `mentee`), without a mentor, goals or cadence.
  if (!NOTEBOOK_KEYS.some((key) => fm.fields.has(key))) return NONE;
  const written = field.value.trim().toLowerCase();
  if (written.length < 3) return NONE;
  const near = NOTE_TYPES.find((t) => editDistance(written, t, 3) < 3);
  if (!near) return NONE;
  return [
    finding(
      uri,
      field.range,
      CODES.invalidField,
      `type: ${field.value.trim()} is not a note type, so this file is not part of the notebook. Did you mean "${near}"? (goal, session, mentor or review)`,
      'warning',
      { written: field.value.trim(), suggestion: near },
    ),
  ];
}

/** The front-matter keys each note type reads. */
const NOTE_KEYS: Record<NoteType, readonly string[]> = {
  goal: ['type', 'id', 'title', 'status', 'horizon', 'target', 'measure', 'mentor'],
  session: ['type', 'id', 'title', 'date', 'mentor', 'goals', 'next'],
  mentor: ['type', 'id', 'title', 'name', 'cadence', 'channel'],
  review: ['type', 'id', 'title', 'date', 'period', 'mentor'],
};

/**
 * A key this note type does not read but meant one it does: written with capitals
 * (`Date:`; keys are case-sensitive) or a letter or two off (`mentr:`, `goal:` in a
 * session). Other keys belong to the user or another tool, and are left alone.
 */
function misspeltKey(
  uri: string,
  type: NoteType,
  field: Field,
  fields: ReadonlyMap<string, Field>,
): Finding | undefined {
  const keys = NOTE_KEYS[type];
  const written = field.key;
  if (keys.includes(written)) return undefined;
  const lower = written.toLowerCase();
  if (WORDS_NOT_KEYS.has(lower)) return undefined;
  // Beside the key it would mean, it is not that key misspelt (and writing it would set
  // the key twice).
  if (keys.includes(lower) && !fields.has(lower))
    return finding(
      uri,
      field.keyRange,
      CODES.invalidField,
      `"${written}" is not read: keys are lowercase. Write ${lower}:`,
      'warning',
      { written, suggestion: lower },
    );
  if (lower.length < 3) return undefined;
  // A letter off (added, dropped, changed) or two letters swapped: `mentee` is a word of
  // its own, not `mentor` misspelt.
  const near = keys.find(
    (k) =>
      k.length >= 3 &&
      !fields.has(k) &&
      (editDistance(lower, k, 2) <= 1 || swapsTwoLetters(lower, k)),
  );
  if (!near) return undefined;
  return finding(
    uri,
    field.keyRange,
    CODES.invalidField,
    `"${written}" is not a field of a ${type} note, so it is not read. Did you mean ${near}:?`,
    'warning',
    { written, suggestion: near },
  );
}

/** Keys one letter off a note's that are words of their own, not misspellings. */
const WORDS_NOT_KEYS = new Set(['data', 'text']);

/** True when `a` is `b` with two neighbouring letters swapped (`mentro`, `cadnece`). */
function swapsTwoLetters(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

/** Front-matter keys only notes of this notebook write (`date`, `status`, `title` are common). */
const NOTEBOOK_KEYS = [
  'mentor',
  'goals',
  'target',
  'measure',
  'horizon',
  'next',
  'cadence',
  'channel',
  'period',
];

/** The note type the front matter names (a broken block's `type:` line counts), if known. */
function noteTypeOf(fm: FrontMatter): NoteType | undefined {
  const typeField = fm.fields.get('type');
  const typeName =
    typeof typeField?.value === 'string' ? typeField.value.trim().toLowerCase() : fm.typeHint;
  return typeName && (NOTE_TYPES as readonly string[]).includes(typeName)
    ? (typeName as NoteType)
    : undefined;
}

/** Parses a note from its bytes (as read from disk). */
export function parseBytes(uri: string, bytes: Uint8Array): ParsedFile {
  const decoded = decodeNote(bytes);
  if (!decoded.ok) {
    if (!headIsNote(bytes)) return { uri, problems: NONE };
    return {
      uri,
      problems: [
        finding(uri, lineRange(0, 0, 0), CODES.unreadableFile, `Not read: ${decoded.reason}.`),
      ],
    };
  }
  const parsed = parseText(uri, decoded.text);
  if (!decoded.warning || !parsed.note) return parsed;
  const line = splitLines(stripBom(decoded.text)).findIndex((l) => l.includes('\uFFFD'));
  const at = Math.max(line, 0);
  const col = line >= 0 ? splitLines(stripBom(decoded.text))[line]!.indexOf('\uFFFD') : 0;
  return {
    ...parsed,
    problems: [
      finding(
        uri,
        lineRange(at, col, col + 1),
        CODES.unreadableFile,
        `Encoding: ${decoded.warning}.`,
        'warning',
      ),
      ...parsed.problems,
    ],
  };
}

/** Parses a note from its text (an open editor's, or decoded bytes). */
export function parseText(uri: string, rawText: string): ParsedFile {
  const text = stripBom(rawText);
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  const problems: Finding[] = [];

  const type = noteTypeOf(fm);
  if (!type) return { uri, problems: misspeltType(uri, fm) };
  const typeField = fm.fields.get('type');
  for (const p of fm.problems)
    problems.push(finding(uri, p.range, CODES.invalidFrontMatter, p.message));

  const fields = new FieldReader(uri, fm.fields, problems, fm.problems.length > 0);
  for (const field of fm.fields.values()) {
    const misspelt = misspeltKey(uri, type, field, fm.fields);
    if (misspelt) problems.push(misspelt);
  }
  // An unclosed block is not front matter to remark either, and what follows it reads
  // differently; only the full parser answers that exactly.
  const blocks = scanBlocks(lines, fm.bodyStartLine, text, fm.unclosed === true);
  if (blocks.refusal) {
    const at = lineRange(blocks.refusal.line, 0, lines[blocks.refusal.line]?.length ?? 0);
    problems.push(
      finding(uri, at, CODES.unreadableFile, `Read in part: ${blocks.refusal.message}.`, 'warning'),
    );
  }
  const sections = sharedSections(buildSections(lines, blocks, fm.bodyStartLine));
  const idField = fields.text('id');
  const id = idField?.value ?? fileStem(uri);
  const firstLine = lineRange(0, 0, lines[0]?.length ?? 0);
  const mentorField = fields.text('mentor');
  const mentor = mentorField && sharedLocated(mentorField.value, mentorField.range);
  const title = fields.text('title')?.value;
  // Items first (they report bad dates), then the rest of the fields; every note is built
  // in model/notes.ts, one shape per type.
  const common = (actionItems: ActionItem[]): NoteFields => ({
    uri,
    id,
    idRange: idField?.range ?? firstLine,
    title,
    mentor,
    actionItems,
    sections,
    unreadableFields: fields.unreadableFields(),
    typeRange: typeField?.range ?? firstLine,
    frontMatterRange: fm.range,
    lineCount: lines.length,
  });
  const done = (note: Note): ParsedFile => ({
    uri,
    note,
    problems: problems.length ? problems : NONE,
  });

  switch (type) {
    case 'goal': {
      const status = (fields.choice('status', GOAL_STATUSES) ?? 'active') as GoalStatus;
      const horizon = fields.choice('horizon', GOAL_HORIZONS) as GoalHorizon | undefined;
      const target = fields.date('target');
      const measure = fields.text('measure')?.value;
      const items = readActionItems(uri, lines, blocks, sections, problems, {
        mentor: mentor?.value,
        goals: [id],
        milestoneSection: (t) => /milestone/i.test(t),
      });
      return done(goalNote(common(items), status, horizon, target, measure));
    }
    case 'session': {
      const goals = fields.list('goals');
      const date = fields.date('date');
      const next = fields.date('next');
      const items = readActionItems(uri, lines, blocks, sections, problems, {
        mentor: mentor?.value,
        goals: goals.map((g) => g.value),
      });
      const feedback = sections.find((s) => /feedback/i.test(s.title));
      return done(sessionNote(common(items), date, goals, next, feedback?.hasContent ?? false));
    }
    case 'mentor': {
      const name = fields.text('name')?.value;
      const cadenceText = fields.text('cadence');
      let cadence: Located<Cadence> | undefined;
      // "as needed": meetings with no fixed rhythm, so no cadence to lapse.
      if (cadenceText && !isNoCadence(cadenceText.value)) {
        const parsed = parseCadence(cadenceText.value);
        if (parsed) cadence = { value: parsed, range: cadenceText.range };
        else
          problems.push(
            finding(
              uri,
              cadenceText.range,
              CODES.invalidField,
              `cadence "${cadenceText.value}" is not understood; use weekly, biweekly, monthly, quarterly, "every N days|weeks|months", "every other Tuesday", or "as needed" for no fixed rhythm`,
            ),
          );
      }
      const channel = fields.text('channel')?.value;
      const items = readActionItems(uri, lines, blocks, sections, problems, {
        mentor: id,
        goals: [],
      });
      return done(mentorNote(common(items), name, cadence, channel));
    }
    case 'review': {
      const date = fields.date('date');
      const period = fields.text('period')?.value;
      const items = readActionItems(uri, lines, blocks, sections, problems, {
        mentor: mentor?.value,
        goals: [],
        checklist: true,
      });
      return done(reviewNote(common(items), date, period));
    }
  }
}

/** Reads typed values out of the front matter, reporting wrong types at their range. */
class FieldReader {
  /** Keys written with a value that could not be used (`*`: the whole block). */
  readonly unreadable: string[];

  constructor(
    private readonly uri: string,
    private readonly fields: ReadonlyMap<string, Field>,
    private readonly problems: Finding[],
    blockUnreadable: boolean,
  ) {
    this.unreadable = blockUnreadable ? ['*'] : [];
  }

  /** The keys read so far that could not be used (call after the last read). */
  unreadableFields(): readonly string[] {
    return this.unreadable.length ? this.unreadable : NONE;
  }

  /** A scalar written as text (numbers are accepted and turned into text). */
  text(key: string): Located<string> | undefined {
    const f = this.fields.get(key);
    if (!f || f.value === null || f.value === undefined || f.value === '') return undefined;
    if (typeof f.value === 'string') {
      // An id is one per note; other values (mentor, status, titles like "1:1") recur.
      const value = f.value.trim();
      // Blank is no value: a mentor or id of '' would be the key the notebook uses for
      // sessions without a mentor.
      if (value === '') return undefined;
      return {
        value: key === 'id' ? own(value) : shared(value),
        range: f.range,
      };
    }
    if (typeof f.value === 'number' || typeof f.value === 'boolean')
      return { value: String(f.value), range: f.range };
    this.report(
      f,
      `${key} should be a single value, not ${kindOf(f.value)}`,
      CODES.invalidField,
      key,
    );
    return undefined;
  }

  /** A `YYYY-MM-DD` date. */
  date(key: string): Located<LocalDate> | undefined {
    const f = this.fields.get(key);
    if (!f || f.value === null || f.value === '') return undefined;
    if (typeof f.value !== 'string') {
      this.report(
        f,
        `${key} should be a date (YYYY-MM-DD), not ${kindOf(f.value)}`,
        CODES.invalidDate,
        key,
      );
      return undefined;
    }
    const value = f.value.trim();
    const date = sharedDate(value);
    if (date === undefined) {
      this.report(f, `${key}: ${dateProblem(value)!}`, CODES.invalidDate, key);
      return undefined;
    }
    return sharedLocated(date, f.range);
  }

  /** One of a fixed set of words. */
  choice(key: string, allowed: readonly string[]): string | undefined {
    const t = this.text(key);
    if (!t) return undefined;
    const v = t.value.toLowerCase();
    if (allowed.includes(v)) return v;
    this.report(
      { range: t.range },
      `${key} "${t.value}" is not one of ${allowed.join(', ')}`,
      CODES.invalidField,
      key,
    );
    return undefined;
  }

  /** A list of ids, written `[a, b]`, as a block list, or as a single value. */
  list(key: string): Located<string>[] {
    const f = this.fields.get(key);
    if (!f || f.value === null || f.value === '') return [];
    if (typeof f.value === 'string') {
      const text = f.value.trim();
      if (!text.includes(',')) return [sharedLocated(shared(text), f.range)];
      // `goals: a, b` is one string in YAML: read as the list it was meant to be, and say
      // how to write it.
      const ids: { id: string; range: Range }[] = [];
      // Each id's own place when the value is written on one line as read (plain or quoted),
      // so that findings and quick fixes on one of them point at it.
      const { start, end } = f.range;
      const written = end.character - start.character;
      const extra = start.line === end.line ? written - f.value.length : -1;
      // Plain (nothing around the value) or quoted (one quote each side); else unknown.
      const shift = extra === 0 ? 0 : extra === 2 ? 1 : -1;
      let at = 0;
      for (const piece of f.value.split(',')) {
        const id = piece.trim();
        const from = at + piece.indexOf(id);
        at += piece.length + 1;
        if (id === '') continue;
        const base = start.character + shift;
        ids.push({
          id,
          range: shift < 0 ? f.range : lineRange(start.line, base + from, base + from + id.length),
        });
      }
      this.problems.push(
        finding(
          this.uri,
          f.range,
          CODES.invalidField,
          `${key} is a list: write it in brackets, ${key}: [${ids.map((i) => i.id).join(', ')}]`,
          'warning',
        ),
      );
      return ids.map((i) => sharedLocated(shared(i.id), i.range));
    }
    if (!Array.isArray(f.value)) {
      this.report(f, `${key} should be a list like [goal-a, goal-b], not ${kindOf(f.value)}`);
      return [];
    }
    const out: Located<string>[] = [];
    f.value.forEach((v, i) => {
      const range = f.itemRanges[i] ?? f.range;
      if (typeof v === 'string' || typeof v === 'number')
        out.push(sharedLocated(shared(String(v).trim()), range));
      else this.report({ range }, `each entry of ${key} should be an id, not ${kindOf(v)}`);
    });
    // A copy sized exactly: a list grown by `push` keeps room for 16 entries, for every note.
    return out.slice();
  }

  private report(
    at: { range: Range },
    message: string,
    code: string = CODES.invalidField,
    key?: string,
  ): void {
    if (key) this.unreadable.push(key);
    this.problems.push(finding(this.uri, at.range, code, message));
  }
}

interface ItemContext {
  readonly mentor: string | undefined;
  /** Goals the whole note is about; every item counts toward them. */
  readonly goals: readonly string[];
  readonly milestoneSection?: (title: string) => boolean;
  /** Items are a self-assessment checklist. */
  readonly checklist?: boolean;
}

function readActionItems(
  uri: string,
  lines: readonly string[],
  blocks: BlockScan,
  sections: readonly Section[],
  problems: Finding[],
  context: ItemContext,
): ActionItem[] {
  const noteGoals = context.goals.length ? sharedIds(unique(context.goals)) : NONE;
  // `map`, not `push`: arrays built by pushing keep spare room, for every note.
  return blocks.tasks.map((site): ActionItem => {
    const line = lines[site.line]!;
    const after = site.column + 3;
    const rest = line.slice(after);
    const meta = readTaskMetadata(rest, site.line, after);
    for (const bad of meta.badDates)
      problems.push(finding(uri, bad.range, CODES.invalidDate, bad.message));
    const section = innermostSection(sections, site.line);
    const linkCount = meta.wikiLinks.length + meta.tags.length;
    let links: readonly ItemLink[] = NONE;
    if (linkCount) {
      // Sized exactly: an array literal with spreads keeps room for more (150 bytes a list).
      const list = new Array<ItemLink>(linkCount);
      let k = 0;
      for (const l of meta.wikiLinks) list[k++] = { kind: 'wiki', id: l.id, range: l.range };
      for (const t of meta.tags) list[k++] = { kind: 'tag', id: t.id, range: t.range };
      links = list;
    }
    // Every key present, in one order, so that all items share one shape (or two, with
    // the Obsidian Tasks fields: withTaskFields): smaller, and property reads in the rules
    // and views stay fast.
    const item: ActionItem = {
      uri,
      line: site.line,
      checkboxRange: lineRange(site.line, site.column, site.column + 3),
      status: site.status,
      done: site.status === 'x' || site.status === 'X',
      text: ownNarrow(meta.text),
      // Dates and owner: only those written on the line.
      due: meta.due,
      dueRange: meta.dueRange,
      doneDate: meta.doneDate,
      owner: meta.owner,
      // The note's goals. Which of them the item counts toward depends on the links on
      // its line that name a goal, which only the notebook knows (Notebook.goalsOfItem).
      goals: noteGoals,
      links,
      tags: meta.tags.length ? sharedIds(meta.tags.map((t) => t.id)) : NONE,
      mentor: context.mentor,
      milestone: !!section && !!context.milestoneSection?.(section.title),
      // A review's lines are statements to tick, except those with a due date: a dated
      // line ("one change I will make 📅 …") is a follow-up like any other. (Not an owner:
      // "I asked @sam for feedback" is a statement.)
      checklist: context.checklist === true && meta.due === undefined,
      section: section?.title,
    };
    return withTaskFields(item, meta);
  });
}

function buildSections(lines: readonly string[], blocks: BlockScan, bodyStart: number): Section[] {
  const hs = blocks.headings.filter((h) => h.line >= bodyStart);
  return hs.map((h, i) => {
    let end = lines.length - 1;
    for (let j = i + 1; j < hs.length; j++) {
      if (hs[j]!.depth <= h.depth) {
        end = hs[j]!.line - 1;
        break;
      }
    }
    const nextHeading = hs[i + 1]?.line ?? lines.length;
    let hasContent = false;
    for (let l = h.line + 1; l < Math.min(nextHeading, end + 1); l++) {
      if (lines[l]!.trim() !== '' && !/^<!--.*-->$/.test(lines[l]!.trim())) {
        hasContent = true;
        break;
      }
    }
    return sharedSection(shared(h.text), h.depth, h.line, end, hasContent);
  });
}

function innermostSection(sections: readonly Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (s.line < line && line <= s.endLine) found = s;
  return found;
}

/** The file name without folders and `.md`. */
export function fileStem(uri: string): string {
  const last = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
  let name = last;
  if (last.includes('%')) {
    try {
      name = decodeURIComponent(last);
    } catch {
      // A plain path with a `%` in it (`50% done.md`) is already decoded.
    }
  }
  return name.replace(/\.(md|markdown)$/i, '');
}

function finding(
  uri: string,
  range: Range,
  code: string,
  message: string,
  severity: Finding['severity'] = 'error',
  data?: Finding['data'],
): Finding {
  const capped = clipText(message, MAX_MESSAGE);
  return data
    ? { uri, range, code, severity, message: capped, data }
    : { uri, range, code, severity, message: capped };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a set of fields';
  return `a ${typeof value}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
