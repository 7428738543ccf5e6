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

describe('package.json: welcome content of the views', () => {
  const welcomes = manifest.contributes.viewsWelcome;

  it('offers to create notes only once the notes are read (a big notebook takes seconds)', () => {
    for (const w of welcomes) {
      const offersCreation =
        /command:mentoringNotes\.(newGoal|newSession|prepareNextMeeting|openExample)/.test(
          w.contents,
        );
      const noFolder = w.when === 'workspaceFolderCount == 0';
      if (offersCreation && !noFolder)
        assert.match(w.when ?? '', /(^|&& )mentoringNotes\.ready\b/, `${w.view}: ${w.contents}`);
    }
  });

  it('says each view is reading the notes until then', () => {
    for (const { id } of manifest.contributes.views.mentoringNotes) {
      const reading = welcomes.filter(
        (w) => w.view === id && /!mentoringNotes\.ready/.test(w.when ?? ''),
      );
      assert.equal(reading.length, 1, id);
      assert.match(reading[0]!.contents, /Reading your notes/);
    }
  });
});
