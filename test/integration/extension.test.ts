import { strict as assert } from 'node:assert';
import { statSync, utimesSync } from 'node:fs';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { MentoringNotesApi } from '../../src/extension';
import type { GoalNode } from '../../src/features/goalsView';
import type { ItemNode } from '../../src/features/itemNodes';
import { REQUIRED_SNIPPET_PREFIXES } from '../snippetPrefixes';
import { api, diagnostics, findings, fixture, until } from './helpers';

const onDiagnostics = vscode.languages.onDidChangeDiagnostics;
const OLD = 'sessions/2026-11-07.md';
const LATEST = 'sessions/2026-11-21.md';

describe('Mentoring Notes inside VS Code (fixture workspace, today pinned to 2026-11-21)', function () {
  let mn: MentoringNotesApi;

  before(async () => {
    mn = await api();
    console.log(`    (activation took ${mn.activationMs.toFixed(1)} ms; indexing runs after it)`);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports overdue action items in the Problems panel, and nothing for files outside the notebook', async () => {
    const overdue = await until(
      'the overdue diagnostic',
      () => findings(fixture(OLD), 'overdue-action-item', 22)[0],
      onDiagnostics,
    );
    assert.equal(overdue.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(
      overdue.message,
      /"Book a rehearsal slot with the peer group" was due 2026-11-10, 11 days ago/,
    );
    assert.deepEqual([overdue.range.start.character, overdue.range.end.character], [51, 61]);
    assert.deepEqual(diagnostics(fixture('notes.md')), []);
    assert.deepEqual(findings(fixture('sessions/2026-11-21.md'), 'overdue-action-item'), []);
  });

  it('shows the action items grouped by due date, goal and mentor', async () => {
    const view = mn.views.actionItems;
    const summary = () =>
      view.groups().map((g) => `${g.label}: ${g.items.map((i) => i.text).join(' | ')}`);
    assert.deepEqual(summary(), [
      'Overdue: Book a rehearsal slot with the peer group',
      'Later: Record a run-through of the talk | Rehearse with the peer group',
      'No date: Introduce me to Sam',
    ]);
    // A group lists a page of items, then a row that lists more.
    view.pageSize = 1;
    try {
      const later = view.getChildren().find((g) => g.kind === 'group' && g.key === 'later')!;
      const rows = () => view.getChildren(later).map((n) => String(view.getTreeItem(n).label));
      assert.deepEqual(rows(), ['Record a run-through of the talk', 'Show more…']);
      await vscode.commands.executeCommand('mentoringNotes.showMoreActionItems', 'later');
      assert.deepEqual(rows(), [
        'Record a run-through of the talk',
        'Rehearse with the peer group',
      ]);
    } finally {
      view.pageSize = 200;
      view.resetPages();
    }

    const [overdueGroup] = view.getChildren();
    const children = view.getChildren(overdueGroup);
    const treeItem = view.getTreeItem(children[0]!);
    assert.equal(treeItem.label, 'Book a rehearsal slot with the peer group');
    assert.equal(treeItem.contextValue, 'actionItem.open');
    // The tooltip spells out the line's dates, owner and goals, and where it is written.
    const tooltip = (treeItem.tooltip as vscode.MarkdownString).value
      .replace(/&nbsp;/g, ' ')
      .replace(/\\/g, '');
    for (const part of ['Due: 2026-11-10', 'Owner: you', 'Goals: public-speaking', '07.md:23'])
      assert.ok(tooltip.includes(part), `${part} in ${tooltip}`);
    assert.equal(treeItem.command?.command, 'vscode.open');
    assert.equal(treeItem.description, 'overdue 11d · 2026-11-10 · 2026-11-07.md');
    // Who owes an item comes first: a narrow view still tells a mentor's promise apart.
    const noDate = view.getChildren().find((g) => g.kind === 'group' && g.key === 'noDate')!;
    assert.equal(
      view.getTreeItem(view.getChildren(noDate)[0]!).description,
      '@alex-rivera · 2026-11-21.md',
    );

    assert.equal(
      await vscode.commands.executeCommand('mentoringNotes.groupActionItemsBy', 'goal'),
      'goal',
    );
    assert.deepEqual(
      view.groups().map((g) => `${g.label} (${g.items.length})`),
      ['Present confidently to leadership (4)'],
    );
    await vscode.commands.executeCommand('mentoringNotes.groupActionItemsBy', 'mentor');
    assert.deepEqual(
      view.groups().map((g) => `${g.label} (${g.items.length})`),
      ['Alex Rivera (4)'],
    );
    await vscode.commands.executeCommand('mentoringNotes.groupActionItemsBy', 'due');
  });

  it('shows goals with progress and sessions with the next meeting first', async () => {
    const goals = mn.views.goals.getChildren();
    assert.equal(goals.length, 1);
    const goal = mn.views.goals.getTreeItem(goals[0]!);
    assert.equal(goal.label, 'Present confidently to leadership');
    assert.equal(goal.description, '1/2 milestones · by 2027-03-31');
    const under = mn.views.goals
      .getChildren(goals[0])
      .map((n) => String(mn.views.goals.getTreeItem(n).label));
    assert.deepEqual(under, [
      'Outline the first talk',
      'Rehearse with the peer group',
      'Sessions',
      'Open action items',
    ]);

    // Under each goal's mentor, on request.
    assert.equal(
      await vscode.commands.executeCommand('mentoringNotes.groupGoalsBy', 'mentor'),
      'mentor',
    );
    const stray = fixture('goals/stray.md');
    try {
      const groups = mn.views.goals.getChildren();
      assert.deepEqual(
        groups.map((n) => {
          const t = mn.views.goals.getTreeItem(n);
          return `${String(t.label)} · ${String(t.description)}`;
        }),
        ['Alex Rivera · 1 goal'],
      );
      // A goal whose mentor has no note: its own group, marked, after the known mentors.
      await vscode.workspace.fs.writeFile(
        stray,
        new TextEncoder().encode('---\ntype: goal\nid: stray\nmentor: sam\n---\n'),
      );
      await until(
        'the unknown mentor to be reported',
        () => findings(stray, 'unknown-mentor')[0],
        onDiagnostics,
      );
      assert.deepEqual(
        mn.views.goals.getChildren().map((n) => String(mn.views.goals.getTreeItem(n).label)),
        ['Alex Rivera', 'sam (no mentor note)'],
      );
      assert.deepEqual(
        mn.views.goals
          .getChildren(groups[0])
          .map((n) => String(mn.views.goals.getTreeItem(n).label)),
        ['Present confidently to leadership'],
      );
    } finally {
      await vscode.commands.executeCommand('mentoringNotes.groupGoalsBy', 'status');
      await vscode.workspace.fs.delete(stray);
      await until(
        'the stray goal to go',
        () => findings(stray, 'unknown-mentor').length === 0 || undefined,
        onDiagnostics,
      );
    }

    const sessions = mn.views.sessions.getChildren().map((n) => mn.views.sessions.getTreeItem(n));
    assert.deepEqual(
      sessions.map((t) => `${String(t.label)} ${String(t.description)}`),
      [
        'Next: Alex Rivera 2026-12-05 · agreed',
        '2026-11-21 Alex Rivera · 2 open',
        '2026-11-07 Alex Rivera · 1 open',
      ],
    );

    // The history comes a page at a time.
    const view = mn.views.sessions;
    const labels = () => view.getChildren().map((n) => String(view.getTreeItem(n).label));
    view.pageSize = 1;
    try {
      assert.deepEqual(labels(), ['Next: Alex Rivera', '2026-11-21', 'Show older sessions…']);
      await vscode.commands.executeCommand('mentoringNotes.showOlderSessions');
      assert.deepEqual(labels(), ['Next: Alex Rivera', '2026-11-21', '2026-11-07']);
    } finally {
      view.pageSize = 100;
      view.pages = 1;
    }
  });

  it('offers quick fixes on an overdue item', async () => {
    const uri = fixture(OLD);
    await vscode.workspace.openTextDocument(uri);
    const range = findings(uri, 'overdue-action-item', 22)[0]!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
    );
    const titles = actions.map((a) => a.title);
    for (const t of [
      'Mark done',
      'Reschedule to tomorrow (2026-11-22)',
      'Reschedule to a week from today (2026-11-28)',
      'Reschedule to a date…',
    ]) {
      assert.ok(titles.includes(t), `missing "${t}" in ${titles.join(', ')}`);
    }
  });

  it('writes in the goal a misspelt link is one letter off, keeping the rest of the line', async () => {
    const uri = fixture('typo.md');
    const text =
      '---\ntype: session\ndate: 2026-11-20\n---\n- [ ] Rehearse #public-speakin twice\n' +
      '- [ ] Prepare [[goals/public-speakin.md|public-speakin notes]]\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const diagnostic = await until(
        'the misspelt goal to be reported',
        () => findings(uri, 'unknown-goal', 4)[0],
        onDiagnostics,
      );
      const doc = await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      const fix = actions.find((a) => a.title === 'Change to "public-speaking"');
      assert.ok(fix?.edit, `no fix in ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(actions.some((a) => a.title === 'Create goal "public-speakin"'));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(4).text, '- [ ] Rehearse #public-speaking twice');
      // In a [[link]], the id in the path, not the same letters in its title.
      const link = findings(uri, 'unknown-goal', 5)[0]!;
      const linkFix = (
        await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          link.range,
        )
      ).find((a) => a.title === 'Change to "public-speaking"');
      assert.ok(linkFix?.edit);
      assert.ok(await vscode.workspace.applyEdit(linkFix.edit));
      assert.equal(
        doc.lineAt(5).text,
        '- [ ] Prepare [[goals/public-speaking.md|public-speakin notes]]',
      );
      await until(
        'the fixed link to clear its diagnostic',
        () => findings(uri, 'unknown-goal').length === 0 || undefined,
        onDiagnostics,
      );
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("writes in the mentor's id for a mentor: named by name, and offers to create an unknown one", async () => {
    const uri = fixture('by-name.md');
    const other = fixture('unknown-mentor.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('---\ntype: session\ndate: 2026-11-20\nmentor: Alex Rivera\n---\n'),
    );
    await vscode.workspace.fs.writeFile(
      other,
      new TextEncoder().encode('---\ntype: session\ndate: 2026-11-20\nmentor: sam-okafor\n---\n'),
    );
    try {
      const diagnostic = await until(
        'the mentor written by name to be reported',
        () => findings(uri, 'unknown-mentor', 3)[0],
        onDiagnostics,
      );
      assert.match(diagnostic.message, /Did you mean "alex-rivera" \(Alex Rivera\)\?/);
      const doc = await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      const fix = actions.find((a) => a.title === 'Change to "alex-rivera"');
      assert.ok(fix?.edit, `no fix in ${actions.map((a) => a.title).join(', ')}`);
      // A name is not an id: no note is offered under it.
      assert.ok(!actions.some((a) => a.title.startsWith('Create mentor')));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(3).text, 'mentor: alex-rivera');
      await until(
        'the fixed mentor to clear its diagnostic',
        () => findings(uri, 'unknown-mentor').length === 0 || undefined,
        onDiagnostics,
      );
      await doc.save();

      const unknown = await until(
        'the unknown mentor to be reported',
        () => findings(other, 'unknown-mentor', 3)[0],
        onDiagnostics,
      );
      await vscode.workspace.openTextDocument(other);
      const create = (
        await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          other,
          unknown.range,
        )
      ).find((a) => a.title === 'Create mentor "sam-okafor"');
      assert.deepEqual(create?.command?.arguments, [{ name: 'Sam Okafor' }]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const u of [uri, other]) await vscode.workspace.fs.delete(u);
    }
  });

  it("shows a paused goal's milestones on hold, not overdue", async () => {
    const uri = fixture('goals/paused.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        '---\ntype: goal\ntitle: Paused goal\nstatus: paused\ntarget: 2027-06-01\nmeasure: m\n---\n## Milestones\n- [ ] Late step 📅 2026-11-01\n',
      ),
    );
    const view = mn.views.goals;
    const find = (label: string, nodes = view.getChildren()): GoalNode | undefined => {
      for (const n of nodes) {
        if (String(view.getTreeItem(n).label) === label) return n;
        const deeper = find(label, view.getChildren(n));
        if (deeper) return deeper;
      }
      return undefined;
    };
    try {
      const step = await until(
        'the paused goal to be shown',
        () => (find('Paused goal') ? find('Late step') : undefined),
        view.onDidChangeTreeData as vscode.Event<unknown>,
      );
      const row = view.getTreeItem(step);
      assert.equal(row.description, 'on hold · due 2026-11-01 · paused.md');
      assert.equal((row.iconPath as vscode.ThemeIcon).id, 'milestone');
    } finally {
      await vscode.workspace.fs.delete(uri);
      await until(
        'the paused goal to go',
        () => find('Paused goal') === undefined || undefined,
        view.onDidChangeTreeData as vscode.Event<unknown>,
      );
    }
  });

  it('reports a misspelt front-matter key and writes the one meant', async () => {
    const uri = fixture('misspelt-key.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('---\ntype: session\ndate: 2026-11-20\nmentr: alex-rivera\n---\n'),
    );
    try {
      const diagnostic = await until(
        'the misspelt key to be reported',
        () => findings(uri, 'invalid-field', 3)[0],
        onDiagnostics,
      );
      assert.match(diagnostic.message, /"mentr" is not a field of a session note.*mentor:/);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      const doc = await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      const fix = actions.find((a) => a.title === 'Change to mentor');
      assert.ok(fix?.edit, `no fix in ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(doc.lineAt(3).text, 'mentor: alex-rivera');
      await until(
        'the key to be read',
        () => findings(uri, 'invalid-field').length === 0 || undefined,
        onDiagnostics,
      );
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('offers to log a missed meeting under its date, or to agree a new date in its place', async () => {
    const mentor = fixture('mentors/lee.md');
    const session = fixture('sessions/lee-1.md');
    await vscode.workspace.fs.writeFile(
      mentor,
      new TextEncoder().encode('---\ntype: mentor\nid: lee\nname: Lee\n---\n'),
    );
    await vscode.workspace.fs.writeFile(
      session,
      new TextEncoder().encode(
        '---\ntype: session\ndate: 2026-11-01\nmentor: lee\nnext: 2026-11-10\n---\n## Feedback\nok\n',
      ),
    );
    try {
      const missed = await until(
        'the missed meeting to be reported',
        () => findings(session, 'missed-meeting')[0],
        onDiagnostics,
      );
      const doc = await vscode.workspace.openTextDocument(session);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        session,
        missed.range,
      );
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Log the meeting of 2026-11-10'), titles.join(', '));
      const log = actions.find((a) => a.title === 'Log the meeting of 2026-11-10');
      assert.deepEqual(log?.command?.arguments, [{ mentor: 'lee', date: '2026-11-10' }]);
      const agree = actions.find((a) => a.title === 'Agree a new date: in a week (2026-11-28)');
      assert.ok(agree?.edit, titles.join(', '));
      assert.ok(await vscode.workspace.applyEdit(agree.edit));
      assert.equal(doc.lineAt(4).text, 'next: 2026-11-28');
      await until(
        'the missed meeting to clear',
        () => findings(session, 'missed-meeting').length === 0 || undefined,
        onDiagnostics,
      );
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const u of [session, mentor]) await vscode.workspace.fs.delete(u);
    }
  });

  it('marks a goal past its target achieved, or agrees a new target, from the quick fixes', async () => {
    const uri = fixture('goals/late.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        '---\ntype: goal\nid: late\nstatus: active # still on it\ntarget: 2026-10-31\nmeasure: m\n---\n',
      ),
    );
    try {
      const late = await until(
        'the goal past its target to be reported',
        () => findings(uri, 'goal-past-target')[0],
        onDiagnostics,
      );
      const doc = await vscode.workspace.openTextDocument(uri);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        late.range,
      );
      const titles = actions.map((a) => a.title);
      assert.ok(
        titles.includes('Agree a new target: 3 months from today (2027-02-21)'),
        titles.join(', '),
      );
      const achieved = actions.find((a) => a.title === 'Mark the goal achieved');
      assert.ok(achieved?.edit, titles.join(', '));
      assert.ok(await vscode.workspace.applyEdit(achieved.edit));
      assert.equal(doc.lineAt(3).text, 'status: achieved # still on it');
      await until(
        'the goal past its target to clear',
        () => findings(uri, 'goal-past-target').length === 0 || undefined,
        onDiagnostics,
      );
      await doc.save();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it("starts this month's self-assessment, and opens it again rather than write another", async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('mentoringNotes.newReview');
    const second = await vscode.commands.executeCommand<vscode.Uri>('mentoringNotes.newReview');
    try {
      assert.equal(vscode.workspace.asRelativePath(first), 'reviews/2026-11.md');
      assert.equal(second.toString(), first.toString());
      const written = await vscode.workspace.fs.readDirectory(fixture('reviews'));
      assert.deepEqual(
        written.map(([name]) => name),
        ['2026-11.md'],
      );
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
      assert.match(text, /^---\ntype: review\ndate: 2026-11-21\nperiod: 2026-11\n---\n/);
      assert.match(text, /^- Present confidently to leadership \(1\/2 milestones\): $/m);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(
        editor.document.lineAt(editor.selection.active.line).text,
        '- [ ] My goals are specific, measurable and dated, and my mentor knows them',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(fixture('reviews'), { recursive: true });
    }
  });

  it('prepares the next meeting with open follow-ups, and never overwrites it', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>(
      'mentoringNotes.prepareNextMeeting',
      { mentor: 'alex-rivera' },
    );
    assert.equal(vscode.workspace.asRelativePath(created), 'sessions/2026-12-05-alex-rivera.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(
      text,
      /^---\ntype: session\ndate: 2026-12-05\nmentor: alex-rivera\ngoals: \[public-speaking\]\n/,
    );
    const followUps = text.slice(text.indexOf('## Follow-ups'), text.indexOf('## Feedback'));
    assert.match(
      followUps,
      /- Book a rehearsal slot with the peer group \(due 2026-11-10, overdue\): \[2026-11-07\.md:23\]\(2026-11-07\.md#L23\)/,
    );
    assert.match(followUps, /- Introduce me to Sam @alex-rivera: \[2026-11-21\.md:23\]/);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), created.toString());
    const cursorLine = editor.document.lineAt(editor.selection.active.line).text;
    assert.equal(cursorLine, '- ');
    assert.ok(text.split('\n').indexOf('## Agenda') < editor.selection.active.line);

    // Mark the user's own words, then prepare again: same note, untouched.
    await editor.edit((b) => b.insert(editor.selection.active, 'Rehearsal feedback'));
    await editor.document.save();
    const again = await vscode.commands.executeCommand<vscode.Uri>(
      'mentoringNotes.prepareNextMeeting',
      { mentor: 'alex-rivera' },
    );
    assert.equal(again.toString(), created.toString());
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
    assert.match(after, /^- Rehearsal feedback$/m);
    const sessionsDir = await vscode.workspace.fs.readDirectory(fixture('sessions'));
    assert.deepEqual(sessionsDir.map(([n]) => n).sort(), [
      '2026-11-07.md',
      '2026-11-21.md',
      '2026-12-05-alex-rivera.md',
    ]);
  });

  it('shows the progress report with charts, opens it as Markdown, and exports the next meeting as .ics', async () => {
    const html = await vscode.commands.executeCommand<string>('mentoringNotes.showReport', {
      mentor: 'alex-rivera',
    });
    assert.match(html, /<h1>Progress report for Alex Rivera<\/h1>/);
    assert.equal((html.match(/<svg /g) ?? []).length, 3);
    assert.doesNotMatch(html, /<script/i);
    const reportTab = (): vscode.Tab | undefined =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find(
          (t) =>
            t.input instanceof vscode.TabInputWebview &&
            /mentoringNotes\.report$/.test(t.input.viewType),
        );
    const tab = await until('the report tab', reportTab, vscode.window.tabGroups.onDidChangeTabs);
    assert.ok(tab.isActive);
    assert.equal(tab.label, 'Progress: Alex Rivera');

    // From the report's title bar: another period, then the report on show as Markdown.
    const november = await vscode.commands.executeCommand<string>(
      'mentoringNotes.changeReportPeriod',
      { from: '2026-11-01' },
    );
    assert.match(november, /2026-11-01 to 2026-11-21/);
    // The editor passes the panel's resource to a title-bar command.
    const md = await vscode.commands.executeCommand<vscode.Uri>(
      'mentoringNotes.reportAsMarkdown',
      vscode.Uri.parse('webview-panel:webview-panel/webview-1'),
    );
    assert.equal(md.scheme, 'untitled');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === md.toString());
    assert.equal(doc?.languageId, 'markdown');
    assert.match(
      doc!.getText(),
      /^# Progress report for Alex Rivera\n\n2026-11-01 to 2026-11-21\n/,
    );
    assert.match(doc!.getText(), /\| Alex Rivera \| biweekly \|/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const target = fixture('next-meeting.ics');
    const first = await vscode.commands.executeCommand<vscode.Uri>(
      'mentoringNotes.exportNextMeeting',
      { mentor: 'alex-rivera', target },
    );
    const second = await vscode.commands.executeCommand<vscode.Uri>(
      'mentoringNotes.exportNextMeeting',
      { mentor: 'alex-rivera', target },
    );
    try {
      assert.equal(first.toString(), target.toString());
      assert.equal(vscode.workspace.asRelativePath(second), 'next-meeting-2.ics');
      const ics = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, /\r\nDTSTART;VALUE=DATE:\d{8}\r\n/);
      assert.match(ics, /\r\nSUMMARY:Mentoring: Alex Rivera\r\n/);
      // The same event (one UID): importing the second copy updates it.
      const uid = (text: string): string | undefined => /\r\nUID:(.*)\r\n/.exec(text)?.[1];
      assert.equal(
        uid(new TextDecoder().decode(await vscode.workspace.fs.readFile(second))),
        uid(ics),
      );
      assert.ok(uid(ics));
    } finally {
      for (const uri of [first, second]) if (uri) await vscode.workspace.fs.delete(uri);
    }
  });

  it('clears the overdue diagnostic after markDone', async () => {
    const uri = fixture(OLD);
    const marked = await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', {
      uri,
      line: 22,
    });
    assert.equal(marked, true);
    await until(
      'the overdue diagnostic to go',
      () => findings(uri, 'overdue-action-item').length === 0,
      onDiagnostics,
    );
    const line = (await vscode.workspace.openTextDocument(uri)).lineAt(22).text;
    assert.equal(
      line,
      '- [x] Book a rehearsal slot with the peer group 📅 2026-11-10 #public-speaking ✅ 2026-11-21',
    );
    const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(disk.includes('✅ 2026-11-21'), 'the edit was saved');
  });

  it('marks a recurring item done and adds its next occurrence above it, as Obsidian Tasks does', async () => {
    const uri = fixture('recurring.md');
    const text =
      '---\ntype: session\ndate: 2026-11-01\nmentor: alex-rivera\n---\n## Action items\n' +
      '- [ ] Send Alex the weekly update 📅 2026-11-20 🔁 every week\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await until(
        'the recurring item to be overdue',
        () => findings(uri, 'overdue-action-item')[0],
        onDiagnostics,
      );
      // As the Action Items view passes it: the row's item.
      const row = mn.views.actionItems
        .getChildren()
        .flatMap((g) => mn.views.actionItems.getChildren(g))
        .find((n) => n.kind === 'item' && n.item.uri === uri.toString());
      assert.ok(row?.kind === 'item');
      const marked = await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', row);
      assert.equal(marked, true);
      // The same row again (a double click, a row not redrawn yet): the line now holds the
      // next occurrence, which is left alone.
      assert.equal(
        await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', row),
        false,
      );
      const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.deepEqual(disk.split('\n').slice(6), [
        '- [ ] Send Alex the weekly update 📅 2026-11-27 🔁 every week',
        '- [x] Send Alex the weekly update 📅 2026-11-20 🔁 every week ✅ 2026-11-21',
        '',
      ]);
      await until(
        'the overdue diagnostic to go',
        () => findings(uri, 'overdue-action-item').length === 0,
        onDiagnostics,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('marks an undated recurring item done once per row, and its next occurrence from a fresh row', async () => {
    const uri = fixture('recurring-undated.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(
        '---\ntype: session\ndate: 2026-11-01\nmentor: alex-rivera\n---\n## Action items\n- [ ] Water the plants 🔁 every week\n',
      ),
    );
    const view = mn.views.actionItems;
    const rowOf = (): ItemNode | undefined =>
      view
        .getChildren()
        .flatMap((g) => view.getChildren(g))
        .find(
          (n): n is ItemNode => n.kind === 'item' && n.item.uri === uri.toString() && !n.item.done,
        );
    try {
      const row = await until(
        'the row to be shown',
        rowOf,
        view.onDidChangeTreeData as vscode.Event<unknown>,
      );
      assert.equal(
        await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', row),
        true,
      );
      // The same row again: the new line reads exactly as the old one did, and is left.
      assert.equal(
        await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', row),
        false,
      );
      const lines = async () =>
        new TextDecoder()
          .decode(await vscode.workspace.fs.readFile(uri))
          .split('\n')
          .slice(6, -1);
      assert.deepEqual(await lines(), [
        '- [ ] Water the plants 🔁 every week',
        '- [x] Water the plants 🔁 every week ✅ 2026-11-21',
      ]);
      // Once the view shows the next occurrence, its row marks it.
      const fresh = await until(
        'the next occurrence to be shown',
        () => {
          const r = rowOf();
          return r && r.item !== row.item ? r : undefined;
        },
        view.onDidChangeTreeData as vscode.Event<unknown>,
      );
      assert.equal(
        await vscode.commands.executeCommand<boolean>('mentoringNotes.markDone', fresh),
        true,
      );
      assert.equal((await lines()).length, 3);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('redraws the goals that were expanded when a session changes, every goal when a goal does', async () => {
    const provider = mn.views.goals;
    const redrawn = provider.onDidChangeTreeData;
    const [row] = provider.getChildren();
    provider.didExpand(row!);
    const redraws: (readonly GoalNode[] | undefined)[] = [];
    const listener = redrawn((nodes) => redraws.push(nodes ?? undefined));
    const typeAtEnd = async (path: string, line: string) => {
      const doc = await vscode.workspace.openTextDocument(fixture(path));
      const editor = await vscode.window.showTextDocument(doc);
      const end = doc.lineCount - 1;
      await editor.edit((b) => b.insert(new vscode.Position(end, 0), `${line}\n`));
    };
    const openItems = () => {
      const folder = provider
        .getChildren(row)
        .find((n) => n.kind === 'folder' && n.label === 'Open action items');
      return provider.getChildren(folder).map((n) => String(provider.getTreeItem(n).label));
    };
    try {
      await typeAtEnd(LATEST, '- [ ] Ask about the offsite [[public-speaking]]');
      await until(
        'the typed item under its goal',
        () => openItems().includes('Ask about the offsite'),
        redrawn,
      );
      assert.ok(redraws.length > 0);
      for (const nodes of redraws) {
        // The very row object the view holds: the view refreshes a row by its identity.
        assert.equal(nodes?.length, 1, 'only the expanded goal');
        assert.equal(nodes?.[0], row);
      }
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await until(
        'the item gone again',
        () => !openItems().includes('Ask about the offsite'),
        redrawn,
      );

      redraws.length = 0;
      const goal = fixture('goals/public-speaking.md').toString();
      const lines = mn.notebook.file(goal)!.note!.lineCount;
      await typeAtEnd('goals/public-speaking.md', 'More about the goal.');
      await until('a redraw of every goal', () => redraws.includes(undefined), redrawn);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await until(
        'the goal as saved',
        () => mn.notebook.file(goal)?.note?.lineCount === lines,
        redrawn,
      );
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('updates diagnostics live from unsaved text, and reschedules through a WorkspaceEdit', async () => {
    const uri = fixture(LATEST);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // The file ends with a newline, so its last line is empty: type there.
    const end = doc.lineCount - 1;
    assert.equal(doc.lineAt(end).text, '');
    await editor.edit((b) =>
      b.insert(new vscode.Position(end, 0), '- [ ] Typed while unsaved 📅 2026-11-01\n'),
    );
    assert.ok(doc.isDirty);
    const typed = await until(
      'a diagnostic for the unsaved line',
      () => findings(uri, 'overdue-action-item', end)[0],
      onDiagnostics,
    );
    assert.match(typed.message, /Typed while unsaved/);
    // The row the Action Items view shows for it, as it is now.
    const row = mn.views.actionItems
      .getChildren()
      .flatMap((g) => mn.views.actionItems.getChildren(g))
      .find((n) => n.kind === 'item' && n.item.text === 'Typed while unsaved');
    assert.ok(row?.kind === 'item');

    const date = await vscode.commands.executeCommand<string>('mentoringNotes.reschedule', {
      uri,
      line: end,
      date: '2026-12-01',
    });
    assert.equal(date, '2026-12-01');
    assert.equal(doc.lineAt(end).text, '- [ ] Typed while unsaved 📅 2026-12-01');
    assert.ok(doc.isDirty, 'a note with unsaved changes is left for the user to save');
    // That row is stale now (it shows the old date): it reschedules nothing.
    assert.equal(
      await vscode.commands.executeCommand<string>('mentoringNotes.reschedule', {
        ...row,
        date: '2026-12-24',
      }),
      undefined,
    );
    assert.equal(doc.lineAt(end).text, '- [ ] Typed while unsaved 📅 2026-12-01');
    await until(
      'the rescheduled item to be no longer overdue',
      () => findings(uri, 'overdue-action-item').length === 0,
      onDiagnostics,
    );

    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.ok(!doc.getText().includes('Typed while unsaved'));
  });

  it('creates a goal without overwriting an existing one', async () => {
    const first = await vscode.commands.executeCommand<vscode.Uri>('mentoringNotes.newGoal', {
      id: 'public-speaking',
    });
    assert.equal(vscode.workspace.asRelativePath(first), 'goals/public-speaking-2.md');
    const original = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(fixture('goals/public-speaking.md')),
    );
    assert.match(original, /title: Present confidently to leadership/);
    const created = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    assert.match(
      created,
      /^---\ntype: goal\nid: public-speaking\ntitle: Public speaking\nstatus: active\n/,
    );
    await until(
      'the duplicate id to be reported',
      () => findings(first, 'duplicate-id')[0],
      onDiagnostics,
    );
    await vscode.workspace.fs.delete(first);
    await until(
      'the duplicate id to clear',
      () => findings(fixture('goals/public-speaking.md'), 'duplicate-id').length === 0,
      onDiagnostics,
    );
  });

  it('leaves existing files intact when creating a note fails', async () => {
    const config = vscode.workspace.getConfiguration('mentoringNotes');
    const original = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(fixture('notes.md')),
    );
    // A goal path under an existing file cannot be created.
    await config.update('goalFileName', 'notes.md/{id}.md', vscode.ConfigurationTarget.Workspace);
    try {
      await assert.rejects(
        Promise.resolve(
          vscode.commands.executeCommand('mentoringNotes.newGoal', { id: 'impossible' }),
        ),
        /Could not create/,
      );
    } finally {
      await config.update('goalFileName', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('notes.md')));
    assert.equal(after, original);
  });

  it('gives every tree row a unique id, also for an item under two goals', async () => {
    const extra = fixture('extra');
    const enc = (t: string) => new TextEncoder().encode(t);
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(extra, 'tech-lead.md'),
      enc('---\ntype: goal\ntitle: Tech lead\ntarget: 2027-06-30\nmeasure: m\n---\n'),
    );
    const session = vscode.Uri.joinPath(extra, 'both.md');
    await vscode.workspace.fs.writeFile(
      session,
      enc(
        '---\ntype: session\ndate: 2026-11-20\nmentor: alex-rivera\ngoals: [public-speaking, tech-lead]\n---\n## Feedback\nok\n- [ ] Shared item 📅 2026-11-19\n',
      ),
    );
    await until(
      'the shared item to be indexed',
      () => findings(session, 'overdue-action-item')[0],
      onDiagnostics,
    );
    try {
      const ids: string[] = [];
      const walk = <T>(
        provider: { getChildren(n?: T): T[]; getTreeItem(n: T): vscode.TreeItem },
        node?: T,
      ): void => {
        for (const child of provider.getChildren(node)) {
          const id = provider.getTreeItem(child).id;
          if (id) ids.push(id);
          walk(provider, child);
        }
      };
      await vscode.commands.executeCommand('mentoringNotes.groupActionItemsBy', 'goal');
      walk(mn.views.actionItems);
      walk(mn.views.goals);
      walk(mn.views.sessions);
      assert.equal(
        ids.filter((id) => id.includes('both.md')).length >= 4,
        true,
        'the item shows under both goals',
      );
      assert.equal(
        new Set(ids).size,
        ids.length,
        `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`,
      );
    } finally {
      await vscode.commands.executeCommand('mentoringNotes.groupActionItemsBy', 'due');
      await vscode.workspace.fs.delete(extra, { recursive: true });
    }
    await until(
      'the deleted folder to leave no findings',
      () => findings(session, 'overdue-action-item').length === 0,
      onDiagnostics,
    );
  });

  it('follows a folder that is renamed', async () => {
    const from = fixture('moving');
    const to = fixture('moved');
    const note = (folder: vscode.Uri) => vscode.Uri.joinPath(folder, 'm.md');
    await vscode.workspace.fs.writeFile(
      note(from),
      new TextEncoder().encode(
        '---\ntype: session\ndate: 2026-11-20\nmentor: alex-rivera\n---\n## Feedback\nok\n- [ ] Moving item 📅 2026-11-19\n',
      ),
    );
    await until(
      'the note to be indexed',
      () => findings(note(from), 'overdue-action-item')[0],
      onDiagnostics,
    );
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(
      'the findings to follow the folder',
      () =>
        findings(note(from), 'overdue-action-item').length === 0 &&
        findings(note(to), 'overdue-action-item')[0],
      onDiagnostics,
    );
    await vscode.workspace.fs.delete(to, { recursive: true });
  });

  it('leaves files matched by files.exclude alone, even when opened', async () => {
    const hidden = fixture('excluded/hidden.md');
    await vscode.window.showTextDocument(hidden);
    // Give the extension something to publish, and wait for that: by then an indexed
    // hidden note would have been published too.
    const probe = vscode.Uri.joinPath(fixture('probe'), 'p.md');
    await vscode.workspace.fs.writeFile(
      probe,
      new TextEncoder().encode(
        '---\ntype: session\ndate: 2026-11-20\nmentor: alex-rivera\n---\n## Feedback\nok\n- [ ] Probe 📅 2026-11-19\n',
      ),
    );
    await until(
      'the probe to be published',
      () => findings(probe, 'overdue-action-item')[0],
      onDiagnostics,
    );
    assert.deepEqual(diagnostics(hidden), []);
    await vscode.workspace.fs.delete(fixture('probe'), { recursive: true });
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports a note too large to read, created on disk, without reading it', async () => {
    const huge = fixture('huge-note.md');
    const body = '---\ntype: session\n---\n' + '- [ ] x\n'.repeat(400_000);
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(body));
    const problem = await until(
      'the huge note to be reported',
      () => findings(huge, 'unreadable-file')[0],
      onDiagnostics,
    );
    // The size is checked on the open file, before reading (a read-then-refuse would add
    // "it was not read" from the decoder).
    assert.match(
      problem.message,
      /^Not read: the file is 3\.1 MB, over the 2 MB a note may have\.$/,
    );
    await vscode.workspace.fs.delete(huge);
    await until(
      'the huge note to be forgotten',
      () => diagnostics(huge).length === 0 || undefined,
      onDiagnostics,
    );
  });

  it('re-reads a note changed on disk even when its size and time stamp did not change', async () => {
    // Two same-size edits within the file system's time resolution: the second must not be
    // answered from the warm-start cache, whose stamp still matches.
    const note = vscode.Uri.joinPath(fixture('stamp'), 's.md');
    const open =
      '---\ntype: session\ndate: 2026-11-20\nmentor: alex-rivera\n---\n## Feedback\nok\n- [ ] Stamp 📅 2026-11-19\n';
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(open));
    await until(
      'the item to be overdue',
      () => findings(note, 'overdue-action-item')[0],
      onDiagnostics,
    );
    const { mtime } = statSync(note.fsPath);
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(open.replace('[ ]', '[x]')));
    utimesSync(note.fsPath, mtime, mtime);
    await until(
      'the ticked item to stop being overdue',
      () => findings(note, 'overdue-action-item').length === 0 || undefined,
      onDiagnostics,
    );
    await vscode.workspace.fs.delete(fixture('stamp'), { recursive: true });
  });

  it("lists the same notes as the editor's file search, files.exclude included", async () => {
    // The desktop host walks local folders itself; the notes it finds must be exactly
    // those the workspace search gives for the include glob.
    await vscode.commands.executeCommand('mentoringNotes.refresh');
    await mn.ready();
    const found = new Set(
      (await vscode.workspace.findFiles('**/*.md', undefined)).map((u) => u.toString()),
    );
    const indexed = [...mn.notebook.files()].map((f) => f.uri);
    assert.ok(indexed.length > 5);
    // Open editors are indexed whatever the disk holds (their text wins).
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const uri of indexed)
      assert.ok(found.has(uri) || open.has(uri), `${uri} is not in the file search`);
    for (const uri of found) {
      const text = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)),
      );
      if (/^---\r?\ntype: (goal|session|mentor|review)/.test(text))
        assert.ok(indexed.includes(uri), `${uri} was not indexed`);
    }
    assert.ok(![...found].some((u) => u.includes('/excluded/')), 'files.exclude applies');
    assert.ok(!indexed.some((u) => u.includes('/excluded/')), 'nor is it indexed');
  });

  it('contributes the snippets and the grammar injection', async () => {
    const ext = vscode.extensions.getExtension('mentoring-notes.mentoring-notes')!;
    const contributes = ext.packageJSON.contributes as {
      snippets: { language: string; path: string }[];
      grammars: { scopeName: string; path: string; injectTo: string[] }[];
    };
    assert.equal(contributes.snippets[0]!.language, 'markdown');
    const snippets = JSON.parse(
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(
          vscode.Uri.joinPath(ext.extensionUri, contributes.snippets[0]!.path),
        ),
      ),
    ) as Record<string, { prefix: string }>;
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    for (const p of REQUIRED_SNIPPET_PREFIXES) assert.ok(prefixes.includes(p), p);
    const grammar = contributes.grammars[0]!;
    assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
    const tm = JSON.parse(
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, grammar.path)),
      ),
    ) as { scopeName: string };
    assert.equal(tm.scopeName, grammar.scopeName);
  });

  it('registers exactly the commands package.json declares', async () => {
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    const viewPrefixes = manifest.contributes.views.mentoringNotes.map((v) => `${v.id}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((c) => c.startsWith('mentoringNotes.') && !viewPrefixes.some((p) => c.startsWith(p)))
      .sort();
    assert.deepEqual(registered, declared);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'Mentoring', c.command);
  });
});
