/**
 * The Sessions view: the next meeting with each mentor first, then the history, newest
 * first, a page at a time (a shared notebook can hold tens of thousands of sessions).
 */
import * as vscode from 'vscode';
import { compareText, daysBetween, mentorName, mentorSchedule, type Session } from '../core';
import type { FeatureDeps } from './deps';
import { RefreshableTree } from './refreshableTree';
import { sessionTreeItem } from './itemNodes';

/** A node of the Sessions view. */
export type SessionNode =
  | {
      readonly kind: 'next';
      readonly mentorId: string;
      readonly date?: string;
      readonly note: string;
      readonly missed: boolean;
    }
  | { readonly kind: 'session'; readonly session: Session }
  | { readonly kind: 'more'; readonly shown: number };

/** Sessions listed at first, and added by each "Show older sessions". */
export const SESSIONS_PAGE = 100;

/** The command behind "Show older sessions" (not in the palette: it belongs to the view). */
export const SHOW_MORE_SESSIONS = 'mentoringNotes.showOlderSessions';

/** The view's data. */
export class SessionsProvider extends RefreshableTree<SessionNode> {
  /** Sessions per page: the history lists one page at first and adds one per "Show older". */
  pageSize = SESSIONS_PAGE;
  /** Pages the history lists now. */
  pages = 1;

  constructor(private readonly deps: FeatureDeps) {
    super();
  }

  /** How many sessions the history lists now. */
  get shown(): number {
    return this.pages * this.pageSize;
  }

  /** Lists a page more. */
  showMore(): void {
    this.pages++;
    this.refresh();
  }

  getTreeItem(node: SessionNode): vscode.TreeItem {
    const notebook = this.deps.service.notebook;
    if (node.kind === 'more') {
      const t = new vscode.TreeItem('Show older sessions…', vscode.TreeItemCollapsibleState.None);
      t.description = `${node.shown} shown`;
      t.iconPath = new vscode.ThemeIcon('history');
      t.id = 'sessions:more';
      t.command = { command: SHOW_MORE_SESSIONS, title: 'Show older sessions' };
      return t;
    }
    if (node.kind === 'next') {
      const t = new vscode.TreeItem(
        `Next: ${mentorName(notebook, node.mentorId)}`,
        vscode.TreeItemCollapsibleState.None,
      );
      t.description = node.date ? `${node.date} · ${node.note}` : node.note;
      t.iconPath = new vscode.ThemeIcon(
        node.missed ? 'warning' : 'calendar',
        node.missed ? new vscode.ThemeColor('list.warningForeground') : undefined,
      );
      t.tooltip = `${String(t.label)}: ${String(t.description)}. Click to prepare this meeting.`;
      t.accessibilityInformation = {
        label: `Next meeting with ${mentorName(notebook, node.mentorId)}, ${String(t.description)}`,
      };
      t.contextValue = 'nextMeeting';
      t.command = {
        command: 'mentoringNotes.prepareNextMeeting',
        title: 'Prepare next meeting',
        arguments: [{ mentor: node.mentorId }],
      };
      return t;
    }
    const t = sessionTreeItem(node.session, notebook, this.deps.clock.today());
    t.id = `session:${node.session.uri}`;
    return t;
  }

  getChildren(node?: SessionNode): SessionNode[] {
    if (node) return [];
    const notebook = this.deps.service.notebook;
    const today = this.deps.clock.today();
    const grace = this.deps.settings().graceDays;
    const next: SessionNode[] = [...notebook.mentorIds()]
      .map((id) => {
        const s = mentorSchedule(notebook, id, today, grace);
        const note = s.missed
          ? `missed ${daysBetween(s.missed.next.value, today)}d ago`
          : s.lapsed
            ? 'cadence lapsed'
            : s.next?.source === 'planned'
              ? 'prepared'
              : s.next?.source === 'agreed'
                ? 'agreed'
                : s.next
                  ? 'by cadence'
                  : 'no date agreed';
        return {
          kind: 'next' as const,
          mentorId: id,
          ...(s.next && { date: s.next.date }),
          note,
          missed: !!(s.missed || s.lapsed),
        };
      })
      .sort((a, b) => compareText(a.date ?? '9999', b.date ?? '9999'));
    // One more than shown tells whether there are older ones.
    const recent = notebook.recentSessions(this.shown + 1);
    const history: SessionNode[] = recent
      .slice(0, this.shown)
      .map((session) => ({ kind: 'session', session }));
    if (recent.length > this.shown) history.push({ kind: 'more', shown: this.shown });
    return [...next, ...history];
  }
}

/** Registers the Sessions view. */
export function registerSessionsView(
  deps: FeatureDeps,
  provider: SessionsProvider,
): vscode.Disposable {
  const view = vscode.window.createTreeView('mentoringNotes.sessions', {
    treeDataProvider: provider,
  });
  return vscode.Disposable.from(
    view,
    provider,
    deps.service.onDidChange(() => provider.refresh()),
    deps.clock.onDidChangeDay(() => provider.refresh()),
    vscode.commands.registerCommand(SHOW_MORE_SESSIONS, () => provider.showMore()),
  );
}
