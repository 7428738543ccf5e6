import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Welcome {
  readonly view: string;
  readonly contents: string;
  readonly when?: string;
}

const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
  contributes: { viewsWelcome: Welcome[]; views: { mentoringNotes: { id: string }[] } };
};

type Context = Readonly<Record<string, number | boolean>>;

/** Evaluates the `when` clauses used here: terms joined by `&&`, each `key`, `!key`, `key == n` or `key > n`. */
function holds(when: string | undefined, context: Context): boolean {
  if (!when) return true;
  return when.split('&&').every((raw) => {
    const term = raw.trim();
    const compare = /^([\w.]+) (==|>) (\d+)$/.exec(term);
    if (compare) {
      const value = Number(context[compare[1]!] ?? 0);
      return compare[2] === '==' ? value === Number(compare[3]) : value > Number(compare[3]);
    }
    if (term.startsWith('!')) return !context[term.slice(1)];
    assert.match(term, /^[\w.]+$/, `a term this test can evaluate: ${term}`);
    return !!context[term];
  });
}

const STATES: Context[] = [0, 1, 2].flatMap((workspaceFolderCount) =>
  [false, true].map((ready) => ({ workspaceFolderCount, 'mentoringNotes.ready': ready })),
);

describe('package.json: welcome content of the views', () => {
  const welcomes = manifest.contributes.viewsWelcome;
  const views = manifest.contributes.views.mentoringNotes.map((v) => v.id);

  it('gives each view exactly one welcome in every state (no folder, reading, read)', () => {
    for (const view of views)
      for (const state of STATES) {
        const shown = welcomes.filter((w) => w.view === view && holds(w.when, state));
        assert.equal(shown.length, 1, `${view} in ${JSON.stringify(state)}`);
      }
  });

  it('offers to create notes only once the notes are read (a big notebook takes seconds)', () => {
    const creates = /command:mentoringNotes\.(newGoal|newSession|prepareNextMeeting)/;
    for (const w of welcomes.filter((w) => creates.test(w.contents)))
      for (const state of STATES.filter((s) => !s['mentoringNotes.ready']))
        assert.equal(holds(w.when, state), false, `${w.view}: ${w.contents}`);
  });

  it('says each view is reading the notes until then', () => {
    for (const view of views) {
      const reading = welcomes.find(
        (w) =>
          w.view === view &&
          holds(w.when, { workspaceFolderCount: 1, 'mentoringNotes.ready': false }),
      );
      assert.match(reading?.contents ?? '', /Reading your notes/, view);
    }
  });
});
