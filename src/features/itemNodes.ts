/** How an action item looks in the trees (shared by the Action items and Goals views). */
import * as vscode from 'vscode';
import {
  daysBetween,
  plusDays,
  isOpen,
  itemDetails,
  itemLabel,
  mentorName,
  type ActionItem,
  type LocalDate,
  type Notebook,
  type Session,
  onHold,
} from '../core';
import { toRange } from '../vscode/convert';

/** A tree node for one action item. */
export interface ItemNode {
  readonly kind: 'item';
  readonly item: ActionItem;
  /** The id of the parent node: an item can appear under several goals or groups. */
  readonly parent?: string;
}

/** The TreeItem of an action item as of `today`. */
export function itemTreeItem(
  node: ItemNode,
  notebook: Notebook,
  today: LocalDate,
  graceDays = 0,
): vscode.TreeItem {
  const { item } = node;
  const t = new vscode.TreeItem(itemLabel(item), vscode.TreeItemCollapsibleState.None);
  // A paused, dropped or achieved goal's own items are on hold: never overdue.
  const note = notebook.file(item.uri)?.note;
  const held = note !== undefined && onHold(note);
  // The same rule as the Overdue group and the diagnostic: past the due date and the grace days.
  const overdue =
    !held && isOpen(item) && item.due !== undefined && item.due < plusDays(today, -graceDays);
  const parts: string[] = [];
  // Who owes it first: a row cut short by the view's width still tells the mentor's
  // promises from the mentee's own.
  if (item.owner) parts.push(`@${item.owner}`);
  if (item.done) parts.push(item.doneDate ? `done ${item.doneDate}` : 'done');
  else if (held) parts.push(item.due ? `on hold · due ${item.due}` : 'on hold');
  else if (item.due)
    parts.push(
      overdue
        ? `overdue ${daysBetween(item.due, today)}d · ${item.due}`
        : `due ${relativeDay(item.due, today)}`,
    );
  parts.push(fileName(item.uri));
  t.description = parts.join(' · ');
  t.iconPath = item.done
    ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
    : overdue
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : new vscode.ThemeIcon(item.milestone ? 'milestone' : 'circle-large-outline');
  t.tooltip = new vscode.MarkdownString(undefined, false);
  t.tooltip.appendText(`${item.done ? '☑' : '☐'} ${item.text}\n\n`);
  const details = itemDetails(item, notebook.goalsOfItem(item));
  if (details.length) t.tooltip.appendText(`${details.join('\n')}\n\n`);
  t.tooltip.appendText(
    `${vscode.workspace.asRelativePath(vscode.Uri.parse(item.uri))}:${item.line + 1}`,
  );
  t.contextValue = item.done ? 'actionItem.done' : 'actionItem.open';
  // Tree ids must be unique across the whole tree, and one item can sit under two goals.
  t.id = `${node.parent ?? ''}/${item.uri}#${item.line}`;
  t.command = {
    command: 'vscode.open',
    title: 'Open',
    arguments: [
      vscode.Uri.parse(item.uri),
      { selection: toRange(item.checkboxRange), preview: true },
    ],
  };
  return t;
}

/** The last path segment of a URI string, decoded. */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}

/** The TreeItem of a session log (the Sessions view and the sessions under a goal). */
export function sessionTreeItem(
  session: Session,
  notebook: Notebook,
  today: LocalDate,
): vscode.TreeItem {
  const t = new vscode.TreeItem(
    session.date?.value ?? fileName(session.uri),
    vscode.TreeItemCollapsibleState.None,
  );
  const bits: string[] = [];
  if (session.mentor) bits.push(mentorName(notebook, session.mentor.value));
  const open = session.actionItems.filter(isOpen).length;
  if (open) bits.push(`${open} open`);
  t.description = bits.join(' · ');
  const upcoming = session.date !== undefined && session.date.value > today;
  t.iconPath = new vscode.ThemeIcon(upcoming ? 'calendar' : 'comment-discussion');
  t.contextValue = 'session';
  t.command = {
    command: 'vscode.open',
    title: 'Open',
    arguments: [vscode.Uri.parse(session.uri), { preview: true }],
  };
  return t;
}

/** `today`, `tomorrow`, else the date itself. */
function relativeDay(date: LocalDate, today: LocalDate): string {
  if (date === today) return 'today';
  return date === plusDays(today, 1) ? 'tomorrow' : date;
}
