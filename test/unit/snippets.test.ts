import { strict as assert } from 'node:assert';
import { parseText } from '../../src/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REQUIRED_SNIPPET_PREFIXES } from '../snippetPrefixes';

/** One entry of a VS Code `.code-snippets` file. */
interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

const SNIPPETS_PATH = join(process.cwd(), 'snippets', 'mentoring.code-snippets');
const snippets = JSON.parse(readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;

/** Note types of format v1. */
const NOTE_TYPES = ['goal', 'session', 'mentor', 'review'];

/** Front matter keys whose values are an enum in format v1. */
const ENUMS: Record<string, string[]> = {
  type: NOTE_TYPES,
  status: ['active', 'achieved', 'paused', 'dropped'],
  horizon: ['short', 'long'],
  cadence: ['weekly', 'biweekly', 'monthly'],
};

/** Front matter keys that hold a calendar date. */
const DATE_KEYS = ['date', 'target', 'next'];

/** Snippet variables the snippets may use, as VS Code would resolve them on 2026-11-21. */
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '11',
  CURRENT_DATE: '21',
  CURRENT_MONTH_NAME: 'November',
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The prefixes of a snippet as a list. */
function prefixes(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

/** The body of a snippet as one string, lines joined with `\n`. */
function bodyText(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/** The snippet with the given prefix. */
function byPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => prefixes(s).includes(prefix));
  assert.ok(found, `a snippet has prefix ${prefix}`);
  return found;
}

/**
 * Expands a snippet body as VS Code would when the user accepts every default: tab stops
 * and mirrors take their placeholder text, choices their first option, variables the
 * values in {@link VARIABLES}. Throws on syntax VS Code would not expand as intended.
 */
function expand(body: string): string {
  const values = new Map<string, string>();
  let i = 0;

  /** Expands until an unescaped `}` (when nested) or the end of the body. */
  function sequence(nested: boolean): string {
    let out = '';
    while (i < body.length) {
      const c = body[i] ?? '';
      if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
      } else if (c === '}' && nested) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (nested) throw new Error('unclosed ${ in snippet body');
    return out;
  }

  /** Expands the `$…` construct at `i`. */
  function dollar(): string {
    i++; // $
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return resolve(simple[0], undefined);
    }
    if (body[i] !== '{') throw new Error(`stray $ at ${i - 1}`);
    i++; // {
    const head = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (!head) throw new Error(`bad \${ at ${i}`);
    const id = head[0];
    i += id.length;
    const next = body[i];
    if (next === '}') {
      i++;
      return resolve(id, undefined);
    }
    if (next === ':') {
      i++;
      const fallback = sequence(true);
      i++; // }
      return resolve(id, fallback);
    }
    if (next === '|') {
      const end = body.indexOf('|}', i);
      if (end < 0 || !/^\d+$/.test(id)) throw new Error(`bad choice at ${i}`);
      const options = body.slice(i + 1, end).split(',');
      i = end + 2;
      return resolve(id, options[0]);
    }
    throw new Error(`unexpected "${next}" after \${${id}`);
  }

  /** The text a tab stop or variable stands for. */
  function resolve(id: string, fallback: string | undefined): string {
    if (/^\d+$/.test(id)) {
      if (fallback !== undefined && !values.has(id)) values.set(id, fallback);
      return values.get(id) ?? fallback ?? '';
    }
    const value = VARIABLES[id];
    if (value === undefined) throw new Error(`unknown snippet variable ${id}`);
    return value;
  }

  return sequence(false);
}

/** The YAML front matter of an expanded body, or undefined when it has none. */
function frontMatter(text: string): Record<string, unknown> | undefined {
  const match = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
  if (!match) return undefined;
  const data: unknown = parseYaml(match[1] ?? '');
  assert.ok(data !== null && typeof data === 'object' && !Array.isArray(data));
  return data as Record<string, unknown>;
}

describe('snippets', () => {
  const entries = Object.entries(snippets);

  it('has snippets', () => {
    assert.ok(entries.length >= REQUIRED_SNIPPET_PREFIXES.length);
  });

  it('gives every snippet an mn- prefix, a description and a Markdown scope', () => {
    for (const [name, snippet] of entries) {
      assert.ok(prefixes(snippet).length > 0, name);
      for (const prefix of prefixes(snippet)) assert.match(prefix, /^mn-[a-z-]+$/, name);
      assert.equal(typeof snippet.description, 'string', name);
      assert.ok((snippet.description ?? '').trim().length >= 10, `${name} describes itself`);
      assert.equal(snippet.scope, 'markdown', name);
      assert.ok(bodyText(snippet).trim().length > 0, `${name} has a body`);
    }
  });

  it('uses each prefix once', () => {
    const all = entries.flatMap(([, snippet]) => prefixes(snippet));
    assert.deepEqual(all, [...new Set(all)]);
  });

  it('has the snippets the product promises', () => {
    for (const prefix of REQUIRED_SNIPPET_PREFIXES) byPrefix(prefix);
  });

  it('expands every body, with known variables only', () => {
    for (const [name, snippet] of entries) {
      const text = expand(bodyText(snippet));
      assert.doesNotMatch(text, /\$/, `${name} expands every $`);
    }
  });

  it('writes front matter only with a note type of format v1', () => {
    let withFrontMatter = 0;
    for (const [name, snippet] of entries) {
      const text = expand(bodyText(snippet));
      if (!text.startsWith('---')) continue;
      const data = frontMatter(text);
      assert.ok(data, `${name}: front matter is closed`);
      withFrontMatter++;
      assert.ok(NOTE_TYPES.includes(String(data.type)), `${name}: type ${String(data.type)}`);
    }
    assert.ok(withFrontMatter >= 4, 'session, goal, mentor and review snippets write front matter');
  });

  it('fills front matter with valid dates and enum values, for every choice', () => {
    for (const [name, snippet] of entries) {
      const body = bodyText(snippet);
      const data = frontMatter(expand(body));
      if (!data) continue;
      for (const key of DATE_KEYS) {
        // `next:` is left for the mentee to fill in (a date set by default would be
        // reported missed the day after).
        if (key in data && data[key] !== null)
          assert.match(String(data[key]), ISO_DATE, `${name}: ${key}`);
      }
      for (const [key, allowed] of Object.entries(ENUMS)) {
        if (key in data) assert.ok(allowed.includes(String(data[key])), `${name}: ${key}`);
        const choice = new RegExp(`^${key}: \\$\\{\\d+\\|([^|]*)\\|\\}`, 'm').exec(body);
        for (const option of choice?.[1]?.split(',') ?? []) {
          assert.ok(allowed.includes(option), `${name}: ${key} choice ${option}`);
        }
      }
    }
  });

  it('builds the notes of format v1', () => {
    const session = frontMatter(expand(bodyText(byPrefix('mn-session'))));
    assert.equal(session?.type, 'session');
    assert.deepEqual(Object.keys(session ?? {}).sort(), [
      'date',
      'goals',
      'mentor',
      'next',
      'type',
    ]);
    assert.equal(session?.next, null, 'next: is left empty');
    const sessionText = expand(bodyText(byPrefix('mn-session')));
    const headings = sessionText.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, ['## Agenda', '## Notes', '## Feedback', '## Action items']);

    const goal = frontMatter(expand(bodyText(byPrefix('mn-goal'))));
    assert.equal(goal?.type, 'goal');
    assert.equal(goal?.status, 'active');
    for (const key of ['title', 'horizon', 'target', 'measure', 'mentor']) {
      assert.ok(goal && key in goal, `goal has ${key}`);
    }
    assert.match(expand(bodyText(byPrefix('mn-goal'))), /^## Milestones$/m);

    const mentor = frontMatter(expand(bodyText(byPrefix('mn-expectations'))));
    assert.equal(mentor?.type, 'mentor');
    for (const key of ['id', 'name', 'cadence', 'channel']) {
      assert.ok(mentor && key in mentor, `mentor has ${key}`);
    }
    const agreement = expand(bodyText(byPrefix('mn-expectations')));
    assert.match(agreement, /Confidentiality/);
    assert.match(agreement, /Boundaries/);

    const review = frontMatter(expand(bodyText(byPrefix('mn-self-assessment'))));
    assert.equal(review?.type, 'review');
    assert.match(expand(bodyText(byPrefix('mn-self-assessment'))), /^## Checklist$/m);
  });

  it('writes action items in the format v1 line syntax', () => {
    const action = /^- \[ \] \S.* (📅 |due:)\d{4}-\d{2}-\d{2}( [#@]\S+)?$/;
    assert.equal(expand(bodyText(byPrefix('mn-action'))), '- [ ] what 📅 2026-11-21');
    assert.equal(expand(bodyText(byPrefix('mn-action-due'))), '- [ ] what due:2026-11-21');
    for (const [name, snippet] of entries) {
      const text = expand(bodyText(snippet));
      // A self-assessment's checklist: statements to tick, with no date (not follow-ups).
      const checklist = /^## Checklist$/m.test(text)
        ? text.slice(
            text.indexOf('## Checklist'),
            text.indexOf('\n## ', text.indexOf('## Checklist') + 1),
          )
        : '';
      for (const line of text.split('\n')) {
        if (!line.startsWith('- [ ]')) continue;
        if (checklist.includes(line)) assert.doesNotMatch(line, /📅|due:/, `${name}: ${line}`);
        else assert.match(line, action, `${name}: ${line}`);
      }
    }
  });

  it('writes the self-assessment checklist as task lines to tick, as review notes are read', () => {
    const text = expand(bodyText(byPrefix('mn-self-assessment')));
    const note = parseText('file:///r.md', text).note;
    assert.equal(note?.type, 'review');
    const checklist = note!.actionItems.filter((i) => i.checklist);
    assert.equal(checklist.length, 9);
    // The adjustment with a date is a follow-up.
    assert.deepEqual(
      note!.actionItems.filter((i) => !i.checklist).map((i) => i.text),
      ['one change I will make'],
    );
  });

  it('offers the question "when do we meet again?"', () => {
    const next = byPrefix('mn-next');
    assert.match(next.description ?? '', /when do we meet again/i);
    assert.match(expand(bodyText(next)), /^next: 2026-11-21$/);
  });
});
