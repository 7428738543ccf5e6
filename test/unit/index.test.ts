import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  compareItems,
  compareText,
  compareUris,
  computeFindings,
  FindingsEngine,
  isOpen,
  NoteIndex,
  parseText,
  type Finding,
  type LocalDate,
  type Notebook,
  type ParsedFile,
} from '../../src/core';

const NOTES = [
  '---\ntype: goal\ntarget: 2026-12-01\nmeasure: m\nmentor: alex\n---\n## Milestones\n- [ ] m1 📅 2026-11-01\n',
  '---\ntype: goal\nid: speaking\n---\n',
  '---\ntype: mentor\nid: alex\ncadence: weekly\n---\n',
  '---\ntype: session\ndate: 2026-11-01\nmentor: alex\ngoals: [speaking, g1]\nnext: 2026-11-08\n---\n- [ ] a 📅 2026-11-02 [[speaking]]\n',
  '---\ntype: session\ndate: 2026-11-15\nmentor: alex\n---\n## Feedback\nok\n- [x] b ✅ 2026-11-15\n',
  '# not a note\n',
  '---\ntype: goal\ntitle: [broken\n---\n',
  '---\ntype: mentor\nid: alex\nname: Alex R\ncadence: every 3 days\n---\n',
  '---\ntype: session\ndate: 2026-10-01\nmentor: sam\n---\n- [ ] c #speakng #resource\n',
  '---\ntype: goal\n---\n- [ ] d [[g1]] #g2\n',
  '---\ntype: mentor\nid: sam\n---\n',
  '---\ntype: session\ndate: 2026-11-20\nmentor: sam\n---\n- [ ] e 📅 2026-11-02\n- [ ] f ❌ 2026-11-03 📅 2026-11-01\n- [x] g 📅 2026-10-01\n- [ ] h 📅 2026-12-01\n',
  '---\ntype: review\ndate: 2026-11-20\n---\n- [ ] I speak up 📅 2026-11-01\n- [ ] I ask for feedback\n',
  '---\ntype: session\nmentor: alex\ngoals: [speaking, speaking, g2]\n---\n',
  '---\ntype: session\ndate: 2026-11-15\ngoals: [g1]\n---\n',
  // Ids close to a goal's, which "did you mean" suggests while that goal exists.
  '---\ntype: session\ndate: 2026-11-15\ngoals: [speakin]\n---\n- [ ] k [[speeking]]\n',
];

/** The findings engine's lookups of referring notes (private), to compare with a fresh engine's. */
function lookupsOf(engine: FindingsEngine): Record<string, [string, string[]][]> {
  const held = engine as unknown as Record<string, Map<string, Set<string>>>;
  const out: Record<string, [string, string[]][]> = {};
  for (const name of ['goalRefs', 'mentorRefs', 'unresolvedRefs']) {
    const map = held[name];
    assert.ok(map instanceof Map, name);
    out[name] = [...map]
      .map(([id, uris]): [string, string[]] => [id, [...uris].sort()])
      .sort((a, b) => compareText(a[0], b[0]));
  }
  return out;
}

/**
 * What the index keeps for the views (open items, overdue counts, sessions by goal, the
 * newest sessions) equals a walk over every note.
 */
function assertDerivedLists(nb: Notebook): void {
  const sessions = [...nb.notes()].filter((n) => n.type === 'session');
  assert.deepEqual(new Set(nb.sessions()), new Set(sessions), 'sessions');
  assert.equal([...nb.sessions()].length, sessions.length, 'each session once');
  const openItems = [...nb.actionItems()].filter(isOpen);
  for (const goal of ['speaking', 'g1', 'g2', 'resource', 'nope'])
    assert.deepEqual(
      new Set(nb.openItemsOfGoal(goal)),
      new Set(openItems.filter((i) => nb.goalsOfItem(i).includes(goal))),
      `open items of ${goal}`,
    );
  for (const goal of ['speaking', 'g1', 'g2', 'nope'])
    assert.deepEqual(
      new Set(nb.sessionsOfGoal(goal)),
      new Set(sessions.filter((s) => s.goals.some((g) => g.value === goal))),
      `sessions of ${goal}`,
    );
  const newest = sessions.sort(
    (a, b) =>
      (a.date ? 0 : 1) - (b.date ? 0 : 1) ||
      compareText(b.date?.value ?? '', a.date?.value ?? '') ||
      compareUris(a.uri, b.uri),
  );
  for (const limit of [0, 1, 2, 3, 5, 100])
    assert.deepEqual(nb.recentSessions(limit), newest.slice(0, limit), `newest ${limit}`);
  assert.deepEqual(nb.recentSessions(2.7), newest.slice(0, 2), 'a fractional limit');
  assert.deepEqual(nb.recentSessions(Number.NaN), [], 'NaN');
  assert.deepEqual(nb.recentSessions(-1), [], 'negative');
  assert.deepEqual(nb.recentSessions(Number.POSITIVE_INFINITY), newest, 'no limit');
  const open = [...nb.actionItems()].filter(isOpen).sort(compareItems);
  assert.deepEqual(nb.openItems(), open);
  for (const date of ['2026-10-01', '2026-11-02', '2026-11-03', '2026-12-02'] as LocalDate[])
    assert.equal(
      nb.countOpenDueBefore(date),
      open.filter((i) => i.due && i.due < date).length,
      `open items due before ${date}`,
    );
}

/** Everything observable about a notebook, in a canonical order. */
function snapshot(nb: Notebook): unknown {
  const findings = [...computeFindings(nb, '2026-11-21').entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([uri, list]) => [
      uri,
      list.map((f: Finding) => `${f.code}@${f.range.start.line}:${f.range.start.character}`),
    ]);
  const notes = [...nb.notes()].map((n) => `${n.uri}:${n.type}:${n.id}`).sort();
  const items = [...nb.actionItems()]
    .map((i) => `${i.uri}:${i.line}:${nb.goalsOfItem(i).sort().join(',')}`)
    .sort();
  return { findings, notes, items };
}

function sorted(findings: Map<string, Finding[]>): [string, Finding[]][] {
  return [...findings.entries()]
    .filter(([, l]) => l.length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}

describe('NoteIndex', () => {
  it('notifies listeners with the changed URI', () => {
    const index = new NoteIndex();
    const seen: string[] = [];
    const off = index.onDidChange((c) => seen.push(...c.uris));
    index.setText('a.md', NOTES[0]!);
    index.delete('a.md');
    index.delete('a.md'); // not held: no event
    off();
    index.setText('b.md', NOTES[1]!);
    assert.deepEqual(seen, ['a.md', 'a.md']);
  });

  it('does not keep files that are neither notes nor broken', () => {
    const index = new NoteIndex();
    index.setText('readme.md', '# hello\n');
    assert.equal(index.size, 0);
  });

  it('after random edits, creates, deletes and renames equals a fresh rebuild', () => {
    const uris = [
      'goals/g1.md',
      'goals/g2.md',
      'goals/speaking.md',
      'mentors/alex.md',
      'mentors/sam.md',
      's/1.md',
      's/2.md',
      'S/3.md',
      's/_4.md',
      'x.md',
    ];
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        uri: fc.constantFrom(...uris),
        note: fc.nat(NOTES.length - 1),
      }),
      fc.record({ kind: fc.constant('delete' as const), uri: fc.constantFrom(...uris) }),
      fc.record({
        kind: fc.constant('rename' as const),
        from: fc.constantFrom(...uris),
        to: fc.constantFrom(...uris),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const live = new NoteIndex();
        const engine = new FindingsEngine(live, '2026-11-21');
        const changed: string[] = [];
        live.onDidChange((c) => changed.push(...c.uris));
        const disk = new Map<string, string>();
        for (const o of ops) {
          if (o.kind === 'set') {
            disk.set(o.uri, NOTES[o.note]!);
            live.setText(o.uri, NOTES[o.note]!);
          } else if (o.kind === 'delete') {
            disk.delete(o.uri);
            live.delete(o.uri);
          } else if (disk.has(o.from) && o.from !== o.to) {
            const text = disk.get(o.from)!;
            disk.delete(o.from);
            disk.set(o.to, text);
            live.delete(o.from);
            live.setText(o.to, text);
          }
          engine.update(changed.splice(0));
          // The incremental findings always equal the rules run from scratch.
          assert.deepEqual(sorted(engine.all()), sorted(computeFindings(live, '2026-11-21')));
          assertDerivedLists(live);
        }
        const fresh = new NoteIndex();
        for (const [uri, text] of disk) fresh.setText(uri, text);
        assert.deepEqual(snapshot(live), snapshot(fresh));
        // The engine's own lookups too: nothing left behind by the edits.
        assert.deepEqual(lookupsOf(engine), lookupsOf(new FindingsEngine(live, '2026-11-21')));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps open items in order through scans, single edits and the same parse stored again', () => {
    const rng = fc.sample(fc.nat(NOTES.length - 1), { seed: 7, numRuns: 4000 });
    let r = 0;
    const index = new NoteIndex();
    const parsed = new Map<string, ParsedFile>();
    const setRandom = (uri: string): void => {
      const file = parseText(uri, NOTES[rng[r++ % rng.length]!]!);
      parsed.set(uri, file);
      index.set(file);
    };
    // A scan: far more changes than are kept in order one by one.
    for (let i = 0; i < 900; i++) setRandom(`n/${i % 700}.md`);
    assertDerivedLists(index);
    // Single edits and deletes, each read at once.
    for (let i = 0; i < 50; i++) {
      if (i % 5 === 4) index.delete(`n/${i * 7}.md`);
      else setRandom(`n/${(i * 13) % 700}.md`);
      assertDerivedLists(index);
    }
    // Another scan that stores the very same parses (as the warm-start cache does), then
    // deletes some, then edits: removed and added back while the order is not read.
    // (About a third of the notes have open items: three passes are well past the bound.)
    for (let pass = 0; pass < 3; pass++) for (const file of parsed.values()) index.set(file);
    for (let i = 0; i < 100; i++) index.delete(`n/${i * 3}.md`);
    for (let i = 0; i < 100; i++) setRandom(`n/${i * 5}.md`);
    assertDerivedLists(index);
  });

  it('takes a scan of the whole notebook as one rebuild, with the same findings and every URI touched', () => {
    const index = new NoteIndex();
    const engine = new FindingsEngine(index, '2026-11-21');
    const uris: string[] = [];
    for (let i = 0; i < 1200; i++) {
      const uri = `n/${i}.md`;
      uris.push(uri);
      index.setText(uri, NOTES[i % NOTES.length]!.replace('id: alex', `id: alex${i % 7}`));
    }
    const touched = engine.update(uris);
    assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')));
    for (const uri of engine.uris()) assert.ok(touched.has(uri), uri);
    // Deleting most of it again: every deleted file is touched, so its diagnostics clear.
    const gone = uris.slice(0, 1000);
    for (const uri of gone) index.delete(uri);
    const after = engine.update(gone);
    for (const uri of gone) assert.ok(after.has(uri), uri);
    assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')));
  });

  it('forgets its "did you mean" suggestions when a bulk change removes the goal they named', () => {
    const index = new NoteIndex();
    index.setText(
      'goals/public-speaking.md',
      '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n',
    );
    index.setText(
      's.md',
      '---\ntype: session\ndate: 2026-11-01\n---\n- [ ] rehearse #publc-speaking\n',
    );
    const engine = new FindingsEngine(index, '2026-11-21');
    assert.match(
      engine
        .get('s.md')
        .map((f) => f.message)
        .join(),
      /Did you mean #public-speaking/,
    );
    const changed = ['goals/public-speaking.md'];
    index.delete('goals/public-speaking.md');
    for (let i = 0; i < 300; i++) {
      changed.push(`n/${i}.md`);
      index.setText(`n/${i}.md`, '---\ntype: mentor\n---\n');
    }
    engine.update(changed);
    assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')));
    assert.doesNotMatch(
      engine
        .get('s.md')
        .map((f) => f.message)
        .join(),
      /Did you mean/,
    );
  });
});

describe('"did you mean" kept current as goals come and go', () => {
  const GOAL = '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n';
  const cases = {
    'a [[wiki link]]':
      '---\ntype: session\ndate: 2026-11-01\n---\n- [ ] rehearse [[publc-speaking]]\n',
    'a session goal': '---\ntype: session\ndate: 2026-11-01\ngoals: [publc-speaking]\n---\n',
    'a #tag': '---\ntype: session\ndate: 2026-11-01\n---\n- [ ] rehearse #publc-speaking\n',
  };
  for (const [what, note] of Object.entries(cases)) {
    it(`suggests a goal created after ${what} to it was written, and stops when it is deleted`, () => {
      const index = new NoteIndex();
      index.setText('s.md', note);
      const engine = new FindingsEngine(index, '2026-11-21');
      const messages = () =>
        engine
          .get('s.md')
          .map((f) => f.message)
          .join();
      assert.doesNotMatch(messages(), /Did you mean/);
      index.setText('goals/public-speaking.md', GOAL);
      engine.update(['goals/public-speaking.md']);
      assert.match(messages(), /Did you mean .?public-speaking/);
      assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')));
      index.delete('goals/public-speaking.md');
      engine.update(['goals/public-speaking.md']);
      assert.doesNotMatch(messages(), /Did you mean/);
      assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')));
    });
  }
});

describe('findings of notes that name a goal or mentor, as it comes and goes', () => {
  it('follow a goal named by sessions and links, and a mentor named by sessions and goals', () => {
    const index = new NoteIndex();
    const engine = new FindingsEngine(index, '2026-11-21');
    const notes: [string, string][] = [
      ['s/1.md', '---\ntype: session\ndate: 2026-11-01\nmentor: alex\ngoals: [speaking]\n---\n'],
      ['s/2.md', '---\ntype: session\ndate: 2026-11-02\n---\n- [x] done [[speaking]]\n'],
      ['g/other.md', '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\nmentor: alex\n---\n'],
    ];
    for (const [uri, text] of notes) index.setText(uri, text);
    engine.update(notes.map(([uri]) => uri));
    const check = (what: string) =>
      assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')), what);
    check('no goal, no mentor');
    for (const [uri, text] of [
      ['goals/speaking.md', '---\ntype: goal\ntarget: 2027-01-01\nmeasure: m\n---\n'],
      ['mentors/alex.md', '---\ntype: mentor\ncadence: weekly\n---\n'],
    ] as const) {
      index.setText(uri, text);
      engine.update([uri]);
      check(`${uri} created`);
      index.delete(uri);
      engine.update([uri]);
      check(`${uri} deleted`);
    }
  });
});

describe('blank ids and mentors', () => {
  it('read as none, so they are never taken for "no mentor"', () => {
    const session = '---\ntype: session\ndate: 2026-11-01\nmentor: " "\nnext: 2026-11-05\n---\n';
    const noMentor = '---\ntype: session\ndate: 2026-11-02\nnext: 2026-11-06\n---\n';
    const blankMentorNote = '---\ntype: mentor\nid: " "\n---\n';
    const note = parseText('s.md', session).note!;
    assert.equal(note.mentor, undefined);
    assert.equal(parseText('mentors/x.md', blankMentorNote).note!.id, 'x');
    const index = new NoteIndex();
    const engine = new FindingsEngine(index, '2026-11-21');
    for (const [uri, text] of [
      ['s.md', session],
      ['mentors/x.md', blankMentorNote],
      ['t.md', noMentor],
    ] as const) {
      index.setText(uri, text);
      engine.update([uri]);
      assert.deepEqual(sorted(engine.all()), sorted(computeFindings(index, '2026-11-21')), uri);
    }
  });
});

describe('NoteIndex.adopt', () => {
  it('takes over a scanned index as one change, equal to storing its files one by one', () => {
    const scanned = new NoteIndex();
    NOTES.forEach((text, i) => scanned.setText(`s/${i}.md`, text));
    const expected = new NoteIndex();
    NOTES.forEach((text, i) => expected.setText(`s/${i}.md`, text));

    const live = new NoteIndex();
    live.setText('old/gone.md', NOTES[0]!);
    live.setText('s/1.md', NOTES[2]!);
    const changes: string[][] = [];
    live.onDidChange((c) => changes.push([...c.uris].sort()));
    live.adopt(scanned);

    assert.deepEqual(snapshot(live), snapshot(expected));
    assertDerivedLists(live);
    // One change naming every URI held before or after.
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0], [...new Set(['old/gone.md', ...expected.uris()])].sort());
    // The scanned index is left empty and independent: changing it does not touch `live`.
    assert.equal(scanned.size, 0);
    scanned.setText('x.md', NOTES[0]!);
    assert.equal(live.file('x.md'), undefined);
    // Later edits to the adopted notes keep every lookup right.
    live.delete('s/3.md');
    live.setText('s/4.md', NOTES[11]!);
    assertDerivedLists(live);
  });
});
