/**
 * Quick fixes for the notebook's diagnostics: mark done, reschedule (+1 day, +1 week, a
 * date of your choice), add a due date to an undated item, write in the goal an unknown id
 * is one or two letters off, create a missing goal, and prepare the missed meeting with
 * its mentor. Edits are WorkspaceEdits, so they are undoable.
 */
import * as vscode from 'vscode';
import {
  parseText,
  plusDays,
  plusMonths,
  slug,
  type ActionItem,
  type Note,
  type ParsedFile,
} from '../core';
import { DIAGNOSTIC_SOURCE } from '../vscode/convert';
import { addMarkDone, addSetDue } from '../vscode/edits';

import type { FeatureDeps } from './deps';
import type { DiagnosticsFeature } from './diagnostics';

/** Registers the code action provider for Markdown. */
export function registerQuickFixes(
  deps: FeatureDeps,
  published: DiagnosticsFeature,
): vscode.Disposable {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, range, context) {
      const actions: vscode.CodeAction[] = [];
      const today = deps.clock.today();
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      // The document parsed once per request, when a fix needs it (as it is now, unsaved
      // text included).
      let parsed: ParsedFile | undefined;
      const noteOf = (): Note | undefined =>
        (parsed ??= parseText(document.uri.toString(), document.getText())).note;
      /** What the published finding behind `diagnostic` knows (ids, the mentor…). */
      const dataOf = (diagnostic: vscode.Diagnostic) =>
        published
          .findings(document.uri.toString())
          .find(
            (f) =>
              f.code === String(diagnostic.code) &&
              f.range.start.line === diagnostic.range.start.line &&
              f.range.start.character === diagnostic.range.start.character &&
              f.range.end.line === diagnostic.range.end.line &&
              f.range.end.character === diagnostic.range.end.character &&
              f.message === diagnostic.message,
          )?.data;
      const itemOn = (line: number): ActionItem | undefined =>
        noteOf()?.actionItems.find((i) => i.line === line);

      for (const diagnostic of ours) {
        const code = String(diagnostic.code);
        if (code === 'overdue-action-item') {
          const item = itemOn(diagnostic.range.start.line);
          if (!item) continue;
          actions.push(markDone(document, item, today, diagnostic));
          for (const [label, date] of [
            ['tomorrow', plusDays(today, 1)],
            ['a week from today', plusDays(today, 7)],
          ] as const) {
            actions.push(
              setDue(document, item, date, `Reschedule to ${label} (${date})`, diagnostic),
            );
          }
          actions.push(
            command(
              'Reschedule to a date…',
              'mentoringNotes.reschedule',
              { uri: document.uri, line: item.line },
              diagnostic,
            ),
          );
        } else if (code === 'unknown-goal') {
          // The finding knows the id (`[[goals/x.md|X]]` → `x`); the text may not.
          const data = dataOf(diagnostic);
          const goal = data?.goal;
          const fix = suggestedFix(document, diagnostic, goal, data?.suggestion);
          if (fix) actions.push(fix);
          if (typeof goal === 'string' && goal)
            actions.push(
              command(`Create goal "${goal}"`, 'mentoringNotes.newGoal', { id: goal }, diagnostic),
            );
        } else if (code === 'unknown-mentor') {
          const data = dataOf(diagnostic);
          const mentor = data?.mentor;
          const fix = suggestedFix(document, diagnostic, mentor, data?.suggestion);
          if (fix) actions.push(fix);
          // A new mentor note's id is its file name: offered when the value reads as one.
          if (typeof mentor === 'string' && mentor && slug(mentor) === mentor)
            actions.push(
              command(
                `Create mentor "${mentor}"`,
                'mentoringNotes.newMentor',
                { name: nameOf(mentor) },
                diagnostic,
              ),
            );
        } else if (code === 'goal-past-target') {
          const achieved = markAchieved(document, diagnostic, noteOf());
          if (achieved) actions.push(achieved);
          // A new target, written in place of the old one.
          const target = dataOf(diagnostic)?.target;
          for (const months of [1, 3]) {
            const date = plusMonths(today, months);
            const fix = replaceWritten(
              document,
              diagnostic,
              target,
              date,
              `Agree a new target: ${months === 1 ? 'a month' : `${months} months`} from today (${date})`,
            );
            if (fix) actions.push(fix);
          }
        } else if (code === 'invalid-field') {
          // A misspelt key (`mentr:`, `Date:`) or type (`type: gaol`): write what was meant.
          const data = dataOf(diagnostic);
          if (typeof data?.suggestion === 'string') {
            const fix = replaceWritten(
              document,
              diagnostic,
              data.written,
              data.suggestion,
              `Change to ${data.suggestion}`,
            );
            if (fix) actions.push(fix);
          }
        } else if (code === 'self-assessment-due') {
          actions.push(
            command(
              "Start this month's self-assessment",
              'mentoringNotes.newReview',
              undefined,
              diagnostic,
            ),
          );
        } else if (code === 'missed-meeting' || code === 'cadence-lapsed') {
          // The finding names the mentor: no need to ask which meeting.
          const data = dataOf(diagnostic);
          const mentor = data?.mentor;
          const next = data?.next;
          if (code === 'missed-meeting' && typeof next === 'string' && typeof mentor === 'string') {
            // It took place after all: log it under its date.
            actions.push(
              command(
                `Log the meeting of ${next}`,
                'mentoringNotes.newSession',
                { mentor, date: next },
                diagnostic,
              ),
            );
            // It did not: agree another date, written where the old one is.
            for (const [label, date] of [
              ['in a week', plusDays(today, 7)],
              ['in two weeks', plusDays(today, 14)],
            ] as const) {
              const fix = replaceWritten(
                document,
                diagnostic,
                next,
                date,
                `Agree a new date: ${label} (${date})`,
              );
              if (fix) actions.push(fix);
            }
          }
          actions.push(
            command(
              'Prepare the next meeting',
              'mentoringNotes.prepareNextMeeting',
              typeof mentor === 'string' ? { mentor } : {},
              diagnostic,
            ),
          );
        }
      }

      // Not tied to a diagnostic: an open item without a due date on the cursor's line.
      const item = itemOn(range.start.line);
      if (item && !item.done && !item.due) {
        for (const [label, date] of [
          ['tomorrow', plusDays(today, 1)],
          ['a week from today', plusDays(today, 7)],
        ] as const) {
          actions.push(setDue(document, item, date, `Add a due date: ${label} (${date})`));
        }
      }
      return actions;
    },
  };
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, provider, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

/**
 * "Change to …" for a finding whose data names the unknown `id` and what it likely means
 * (`suggestion`); undefined when it has no suggestion.
 */
function suggestedFix(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  id: unknown,
  suggestion: unknown,
): vscode.CodeAction | undefined {
  if (typeof id !== 'string' || !id || typeof suggestion !== 'string') return undefined;
  return replaceId(document, diagnostic, id, suggestion);
}

/**
 * "Change to …": writes `suggestion` in place of the unknown id `id` where the diagnostic
 * is (`#sytem-design`, `[[goals/sytem-design.md|Design]]`, a session's `goals:` entry, a
 * `mentor:` value), leaving the rest of the reference as written. Undefined when the id is not there as
 * written (the text changed since).
 */
function replaceId(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  id: string,
  suggestion: string,
): vscode.CodeAction | undefined {
  // The id itself: in `[[folder/x.md|Title]]` the last path segment before `|` or `#`.
  const text = document.getText(diagnostic.range);
  let end = text.length;
  if (text.startsWith('[[')) {
    const cut = text.slice(2).search(/[|#\]]/);
    if (cut >= 0) end = cut + 2;
  }
  const at = text.lastIndexOf(id, end - id.length);
  if (at < 0) return undefined;
  const start = document.offsetAt(diagnostic.range.start) + at;
  const range = new vscode.Range(
    document.positionAt(start),
    document.positionAt(start + id.length),
  );
  const action = replaceWith(document, diagnostic, range, suggestion, `Change to "${suggestion}"`);
  action.isPreferred = true;
  return action;
}

/** The fix `title` that writes `text` in place of `range`, for `diagnostic`. */
/**
 * The fix `title` that writes `text` over the value `diagnostic` points at, when that
 * value still reads `written` (the finding's data); undefined when it no longer does (the
 * note changed since the finding was made).
 */
function replaceWritten(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  written: unknown,
  text: string,
  title: string,
): vscode.CodeAction | undefined {
  if (typeof written !== 'string' || unquoted(document.getText(diagnostic.range)) !== written)
    return undefined;
  return replaceWith(document, diagnostic, diagnostic.range, text, title);
}

function replaceWith(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  range: vscode.Range,
  text: string,
  title: string,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(document.uri, range, text);
  action.diagnostics = [diagnostic];
  return action;
}

function markDone(
  document: vscode.TextDocument,
  item: ActionItem,
  today: string,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction {
  const edit = new vscode.WorkspaceEdit();
  const { next } = addMarkDone(edit, document, item, today);
  const title = !next
    ? 'Mark done'
    : next.due
      ? `Mark done (it recurs: the next one is due ${next.due})`
      : 'Mark done (it recurs: the next one goes above)';
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

function setDue(
  document: vscode.TextDocument,
  item: ActionItem,
  date: string,
  title: string,
  diagnostic?: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  addSetDue(action.edit, document, item, date);
  if (diagnostic) action.diagnostics = [diagnostic];
  return action;
}

function command(
  title: string,
  id: string,
  arg: unknown,
  diagnostic: vscode.Diagnostic,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.command = { command: id, title, arguments: [arg] };
  action.diagnostics = [diagnostic];
  return action;
}

/** A name for the mentor an id names: `sam-okafor` → `Sam Okafor` (the id stays the file name). */
function nameOf(id: string): string {
  return id
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * "Mark the goal achieved": `status: achieved` in the goal's front matter, in place of the
 * status written there, or added after `type:` when none is. `note` is the document as
 * parsed now; undefined when it is no longer a goal.
 */
function markAchieved(
  document: vscode.TextDocument,
  diagnostic: vscode.Diagnostic,
  note: Note | undefined,
): vscode.CodeAction | undefined {
  if (note?.type !== 'goal') return undefined;
  const edit = new vscode.WorkspaceEdit();
  const end = note.frontMatterRange.end.line;
  let done = false;
  for (let line = 1; line < end && !done; line++) {
    // The whole `status:` line (the key quoted or not), keeping a comment after the value.
    const text = document.lineAt(line).text;
    const m = /^(["']?)status\1[ \t]*:[ \t]*[^#]*?([ \t]+#.*)?$/.exec(text);
    if (m) {
      edit.replace(
        document.uri,
        new vscode.Range(line, 0, line, text.length),
        `status: achieved${m[2] ?? ''}`,
      );
      done = true;
    }
  }
  // None written: one line after `type:` (its value may span lines).
  if (!done)
    edit.insert(
      document.uri,
      new vscode.Position(note.typeRange.end.line + 1, 0),
      `status: achieved${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`,
    );
  const action = new vscode.CodeAction('Mark the goal achieved', vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/** A front matter value as written, without the quotes around it (`"2026-01-01"`). */
function unquoted(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
