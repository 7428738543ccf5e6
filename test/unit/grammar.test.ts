import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One capture of a `match` rule. */
interface Capture {
  name?: string;
}

/** A rule of the injection grammar: a `match` rule or an `include`. */
interface Rule {
  comment?: string;
  include?: string;
  match?: string;
  name?: string;
  captures?: Record<string, Capture>;
}

/** The shape of `syntaxes/mentoring.injection.tmLanguage.json`. */
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

/** A scope applied to the half-open range [start, end) of a line. */
interface Span {
  start: number;
  end: number;
  scope: string;
}

const GRAMMAR_PATH = join(process.cwd(), 'syntaxes', 'mentoring.injection.tmLanguage.json');
const grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as Grammar;

/** Top-level scopes that common themes color. */
const THEMED_ROOTS = ['constant', 'entity', 'keyword', 'markup', 'meta', 'punctuation', 'string'];

/** Every value of a `name` or `contentName` key anywhere in `node`. */
function scopeNames(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) scopeNames(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') found.push(value);
      else scopeNames(value, found);
    }
  }
  return found;
}

/** The `match` rules in the order the grammar tries them, with the repository key of each. */
function orderedRules(): { key: string; rule: Rule }[] {
  return grammar.patterns.map((pattern) => {
    const include = pattern.include ?? '';
    assert.ok(include.startsWith('#'), 'top-level patterns are repository includes');
    const key = include.slice(1);
    const rule = grammar.repository[key];
    assert.ok(rule, `include ${pattern.include} resolves`);
    return { key, rule };
  });
}

/**
 * Compiles a grammar regex as JavaScript. The `u` flag makes JavaScript reject the
 * Oniguruma-only escapes (`\A`, `\G`, `\h`, `\z`, …) instead of reading them as letters,
 * and `d` gives capture positions.
 */
function compile(source: string): RegExp {
  return new RegExp(source, 'dgu');
}

const compiled = orderedRules().map(({ key, rule }) => ({
  key,
  rule,
  regex: compile(rule.match ?? ''),
}));

/**
 * Tokenizes one line the way TextMate applies a flat list of `match` rules: from the
 * current position the earliest match wins, ties go to the rule listed first.
 */
function tokenize(line: string): Span[] {
  const spans: Span[] = [];
  let position = 0;
  while (position <= line.length) {
    let best: { match: RegExpExecArray; rule: Rule } | undefined;
    for (const { rule, regex } of compiled) {
      regex.lastIndex = position;
      const match = regex.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { match, rule };
    }
    if (!best) break;
    const { match, rule } = best;
    const end = match.index + match[0].length;
    if (rule.name) spans.push({ start: match.index, end, scope: rule.name });
    for (const [group, capture] of Object.entries(rule.captures ?? {})) {
      const range = match.indices?.[Number(group)];
      if (range && capture.name)
        spans.push({ start: range[0], end: range[1], scope: capture.name });
    }
    position = end > match.index ? end : end + 1;
  }
  return spans;
}

/** The scopes the grammar gives to the first occurrence of `text` in `line`, sorted. */
function scopesAt(line: string, text: string): string[] {
  const start = line.indexOf(text);
  assert.ok(start >= 0, `"${text}" occurs in "${line}"`);
  const end = start + text.length;
  return tokenize(line)
    .filter((span) => span.start <= start && span.end >= end)
    .map((span) => span.scope)
    .sort();
}

/** The scopes given to exactly `text`: spans that start and end with it. */
function exactScopes(line: string, text: string): string[] {
  const start = line.indexOf(text);
  assert.ok(start >= 0, `"${text}" occurs in "${line}"`);
  const end = start + text.length;
  return tokenize(line)
    .filter((span) => span.start === start && span.end === end)
    .map((span) => span.scope)
    .sort();
}

/** The source of each lookbehind group `(?<=…)` / `(?<!…)` in `source`. */
function lookbehinds(source: string): string[] {
  const found: string[] = [];
  for (let i = source.indexOf('(?<'); i >= 0; i = source.indexOf('(?<', i + 1)) {
    if (source[i + 3] !== '=' && source[i + 3] !== '!') continue;
    let depth = 0;
    let inClass = false;
    for (let j = i; j < source.length; j++) {
      const c = source[j];
      if (c === '\\') {
        j++;
      } else if (inClass) {
        if (c === ']') inClass = false;
      } else if (c === '[') {
        inClass = true;
      } else if (c === '(') {
        depth++;
      } else if (c === ')' && --depth === 0) {
        found.push(source.slice(i + 4, j));
        break;
      }
    }
  }
  return found;
}

describe('grammar injection', () => {
  describe('structure', () => {
    it('is a Markdown injection with its own scope name', () => {
      assert.equal(grammar.scopeName, 'mentoring-notes.injection');
      const selector = grammar.injectionSelector.split(/\s+/);
      assert.equal(selector[0], 'L:text.html.markdown');
      for (const excluded of ['-comment', '-markup.raw', '-markup.fenced_code']) {
        assert.ok(selector.includes(excluded), `selector excludes ${excluded}`);
      }
    });

    it('suffixes every scope name with .mentoring-notes under a themed top-level scope', () => {
      const names = scopeNames(grammar);
      assert.ok(names.length > 0);
      for (const name of names) {
        assert.match(name, /^[a-z]+(\.[a-z0-9_-]+)*\.mentoring-notes$/, name);
        assert.ok(THEMED_ROOTS.includes(name.split('.')[0] ?? ''), `${name} has a themed root`);
      }
    });

    it('includes every repository rule, and every rule is a match rule', () => {
      const included = orderedRules().map(({ key }) => key);
      assert.deepEqual([...included].sort(), Object.keys(grammar.repository).sort());
      for (const [key, rule] of Object.entries(grammar.repository)) {
        assert.equal(typeof rule.match, 'string', `${key} has a match`);
        assert.ok(rule.name ?? rule.captures, `${key} gives a scope`);
      }
    });
  });

  describe('regexes are portable between Oniguruma and JavaScript', () => {
    for (const [key, rule] of Object.entries(grammar.repository)) {
      const source = rule.match ?? '';

      it(`${key} compiles as a JavaScript RegExp`, () => {
        assert.doesNotThrow(() => compile(source));
      });

      it(`${key} avoids classes whose meaning differs between the engines`, () => {
        // Oniguruma's \w, \d and \b are Unicode-aware, JavaScript's are ASCII-only.
        assert.doesNotMatch(source, /(^|[^\\])(\\\\)*\\[wWdDbB]/);
      });

      it(`${key} uses only fixed-length lookbehinds (Oniguruma rejects others)`, () => {
        for (const body of lookbehinds(source)) {
          const outsideClasses = body.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
          assert.doesNotMatch(outsideClasses, /[*+?{|]/, `lookbehind (${body}) is fixed-length`);
        }
      });
    }
  });

  describe('due dates', () => {
    it('highlights the emoji form', () => {
      const line = '- [ ] Draft the roadmap summary 📅 2026-11-28';
      assert.deepEqual(exactScopes(line, '📅'), ['keyword.other.due.mentoring-notes']);
      assert.deepEqual(exactScopes(line, '2026-11-28'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
      assert.deepEqual(scopesAt('📅 2026-12-01', '2026-12-01'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
    });

    it('accepts no space and the emoji variation selector', () => {
      assert.deepEqual(scopesAt('📅2026-12-01', '2026-12-01'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
      assert.deepEqual(scopesAt('📅\uFE0F 2026-12-01', '2026-12-01'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
    });

    it('highlights the ASCII form', () => {
      const line = '- [ ] Introduce me to Sam due:2026-11-30.';
      assert.deepEqual(exactScopes(line, 'due'), ['keyword.other.due.mentoring-notes']);
      assert.deepEqual(exactScopes(line, '2026-11-30'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
    });

    it('leaves impossible dates and look-alikes alone', () => {
      for (const [line, text] of [
        ['📅 2026-13-01', '2026-13-01'],
        ['📅 2026-12-32', '2026-12-32'],
        ['📅 2026-12-1', '2026-12-1'],
        ['📅 2026-12-011', '2026-12-011'],
        ['overdue:2026-11-30', '2026-11-30'],
        ['due: 2026-11-30', '2026-11-30'],
        ['released 2026-11-30', '2026-11-30'],
      ] as const) {
        assert.deepEqual(scopesAt(line, text), [], line);
      }
    });
  });

  describe('done, scheduled, start and created dates', () => {
    it('scopes each Obsidian Tasks date by its emoji', () => {
      const line =
        '- [x] Outline ➕ 2026-11-01 🛫 2026-11-02 ⏳ 2026-11-03 📅 2026-12-01 ✅ 2026-11-28';
      assert.deepEqual(exactScopes(line, '2026-11-01'), [
        'constant.numeric.date.created.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(line, '2026-11-02'), [
        'constant.numeric.date.start.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(line, '2026-11-03'), [
        'constant.numeric.date.scheduled.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(line, '2026-12-01'), [
        'constant.numeric.date.due.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(line, '2026-11-28'), [
        'constant.numeric.date.done.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(line, '✅'), ['keyword.other.done.mentoring-notes']);
    });

    it('accepts the variation selector after the done mark', () => {
      assert.deepEqual(scopesAt('✅\uFE0F 2026-11-28', '2026-11-28'), [
        'constant.numeric.date.done.mentoring-notes',
      ]);
    });
  });

  describe('owners', () => {
    const owner = 'entity.name.tag.owner.mentoring-notes';

    it('highlights @person on an action item', () => {
      const line = '- [ ] Introduce me to Sam @alex-rivera due:2026-11-30';
      assert.deepEqual(exactScopes(line, '@alex-rivera'), [owner]);
      assert.deepEqual(scopesAt(line, '@'), [
        owner,
        'punctuation.definition.tag.owner.mentoring-notes',
      ]);
    });

    it('takes dotted and non-ASCII names but not the full stop after them', () => {
      assert.deepEqual(exactScopes('Ask @sam.lee today', '@sam.lee'), [owner]);
      assert.deepEqual(exactScopes('Thanks to @josé-garcía.', '@josé-garcía'), [owner]);
      assert.deepEqual(scopesAt('Thanks to @josé-garcía.', '.'), []);
      assert.deepEqual(exactScopes('(@alex)', '@alex'), [owner]);
      assert.deepEqual(exactScopes('@alex at the start of a line', '@alex'), [owner]);
    });

    it('is not an e-mail address, a path or a bare @', () => {
      for (const [line, text] of [
        ['Mail user@example.com first', '@example'],
        ['a@b.com', '@b'],
        ['first.last@example.org', '@example'],
        ['https://example.com/@alex', '@alex'],
        ['meet @ noon', '@'],
      ] as const) {
        assert.deepEqual(scopesAt(line, text), [], line);
      }
    });
  });

  describe('goal links', () => {
    const goal = 'markup.underline.link.goal.mentoring-notes';

    it('highlights #goal-id after whitespace', () => {
      const line = '- [ ] Draft the summary 📅 2026-11-28 #public-speaking';
      assert.deepEqual(exactScopes(line, '#public-speaking'), [goal]);
      assert.deepEqual(exactScopes('Plan\t#2027-promotion', '#2027-promotion'), [goal]);
    });

    it('is not a heading, a URL fragment or an issue number', () => {
      for (const [line, text] of [
        ['# Heading', '#'],
        ['## Action items', '#'],
        ['#public-speaking at the start of a line', '#public-speaking'],
        ['see https://example.com/page#section', '#section'],
        ['[jump](#milestones)', '#milestones'],
        ['fixed in #42', '#42'],
        ['a lone # sign', '#'],
      ] as const) {
        assert.deepEqual(scopesAt(line, text), [], line);
      }
    });

    it('highlights [[goal-id]] and [[goal-id|label]]', () => {
      assert.deepEqual(exactScopes('See [[public-speaking]].', 'public-speaking'), [goal]);
      assert.deepEqual(exactScopes('See [[public-speaking]].', '[['), [
        'punctuation.definition.link.begin.mentoring-notes',
      ]);
      const aliased = 'See [[public-speaking|the talk goal]]';
      assert.deepEqual(exactScopes(aliased, 'public-speaking'), [goal]);
      assert.deepEqual(exactScopes(aliased, 'the talk goal'), [
        'string.other.link.title.mentoring-notes',
      ]);
      assert.deepEqual(exactScopes(aliased, '[[public-speaking|the talk goal]]'), [
        'meta.link.goal.mentoring-notes',
      ]);
    });

    it('leaves empty and single brackets alone', () => {
      assert.deepEqual(scopesAt('an empty [[]] pair', '[[]]'), []);
      assert.deepEqual(scopesAt('- [ ] task [x]', '[x]'), []);
    });
  });

  it('highlights a full action item line from the note format', () => {
    const line = '- [ ] Introduce me to Sam @alex-rivera due:2026-11-30 #public-speaking';
    const scopes = tokenize(line).map(
      (span) => `${line.slice(span.start, span.end)} ${span.scope}`,
    );
    assert.deepEqual(scopes, [
      '@alex-rivera entity.name.tag.owner.mentoring-notes',
      '@ punctuation.definition.tag.owner.mentoring-notes',
      'due keyword.other.due.mentoring-notes',
      ': punctuation.separator.key-value.mentoring-notes',
      '2026-11-30 constant.numeric.date.due.mentoring-notes',
      '#public-speaking markup.underline.link.goal.mentoring-notes',
      '# punctuation.definition.link.goal.mentoring-notes',
    ]);
  });
});
