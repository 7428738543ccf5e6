/**
 * The Goals view: each goal with its status, progress from milestones and target; under
 * it the milestones, the sessions that discussed it and its open action items. Goals are
 * listed by status, or grouped under their mentors.
 */
import * as vscode from 'vscode';
import {
  compareItems,
  compareText,
  goalProgress,
  mentorName,
  newestFirst,
  type Goal,
  type Session,
} from '../core';
import type { FeatureDeps } from './deps';
import { OverridableSetting } from './overridableSetting';
import { RefreshableTree } from './refreshableTree';
import { itemTreeItem, sessionTreeItem, type ItemNode } from './itemNodes';

/** A node of the Goals view. */
export type GoalNode =
  | { readonly kind: 'goal'; readonly goal: Goal }
  | {
      readonly kind: 'folder';
      readonly goal: Goal;
      readonly label: string;
      readonly children: readonly GoalNode[];
    }
  | { readonly kind: 'session'; readonly session: Session }
  | {
      readonly kind: 'mentor';
      /** `''` for goals without a mentor. */
      readonly mentorId: string;
      readonly label: string;
      readonly goals: readonly GoalNode[];
    }
  | ItemNode;

/** How the view lists goals: by status (one list), or under each goal's mentor. */
export type GoalsGroupBy = 'status' | 'mentor';

const STATUS_ORDER = { active: 0, paused: 1, achieved: 2, dropped: 3 } as const;
const STATUS_ICONS = {
  active: 'target',
  paused: 'debug-pause',
  achieved: 'pass',
  dropped: 'circle-slash',
} as const;

type GoalRow = Extract<GoalNode, { kind: 'goal' }>;
type MentorNode = Extract<GoalNode, { kind: 'mentor' }>;

/** Goal titles as people read them, compared without building a collator each time. */
const byTitle = new Intl.Collator();

/** The view's data. */
export class GoalsProvider extends RefreshableTree<GoalNode> {
  /** The goal rows last handed out, by URI (the view refreshes a row by its object). */
  private rows = new Map<string, GoalRow>();
  /** Goal and mentor notes as the rows last showed them: a change to one redraws them all. */
  private shown = new Set<string>();
  /**
   * URIs of the goals whose rows were ever expanded: the view holds their children, even
   * once collapsed again, so these are the rows to read again.
   */
  private readonly opened = new Set<string>();
  private readonly grouping: OverridableSetting<GoalsGroupBy>;

  constructor(private readonly deps: FeatureDeps) {
    super();
    this.grouping = new OverridableSetting(() => deps.settings().groupGoalsBy);
  }

  /** How the view is grouped now. */
  get groupBy(): GoalsGroupBy {
    return this.grouping.value;
  }

  set groupBy(value: GoalsGroupBy) {
    this.grouping.choose(value);
    this.refresh();
  }

  /**
   * Redraws what `uris` changing can change. A goal's row shows only its own note and its
   * mentor's name, so when neither a goal nor a mentor note changed, only goals that were
   * expanded (their sessions and open items) are read again: in a notebook of 2,000 goals,
   * an edit to a session no longer rebuilds 2,000 rows.
   */
  notesChanged(uris: readonly string[]): void {
    const notebook = this.deps.service.notebook;
    const redrawAll = uris.some((uri) => {
      const type = notebook.file(uri)?.note?.type;
      return this.shown.has(uri) || type === 'goal' || type === 'mentor';
    });
    if (redrawAll) {
      this.refresh();
      return;
    }
    const rows: GoalRow[] = [];
    for (const uri of this.opened) {
      const row = this.rows.get(uri);
      if (row) rows.push(row);
    }
    if (rows.length) this.refresh(rows);
  }

  /** Notes that the view expanded `node`. */
  didExpand(node: GoalNode): void {
    if (node.kind === 'goal') this.opened.add(node.goal.uri);
  }

  getTreeItem(node: GoalNode): vscode.TreeItem {
    const today = this.deps.clock.today();
    switch (node.kind) {
      case 'item':
        return itemTreeItem(
          node,
          this.deps.service.notebook,
          today,
          this.deps.settings().graceDays,
        );
      case 'goal': {
        const g = node.goal;
        const p = goalProgress(g, today);
        const t = new vscode.TreeItem(g.title ?? g.id, vscode.TreeItemCollapsibleState.Collapsed);
        // Most important first, so a narrow sidebar cuts the least useful part.
        const bits: string[] = [];
        if (p.pastTarget) bits.push(`past target ${g.target!.value}`);
        if (g.status !== 'active') bits.push(g.status);
        if (p.total) bits.push(`${p.done}/${p.total} milestones`);
        if (g.target && !p.pastTarget && g.status === 'active') bits.push(`by ${g.target.value}`);
        t.description = bits.join(' · ');
        t.iconPath = new vscode.ThemeIcon(
          STATUS_ICONS[g.status],
          p.pastTarget ? new vscode.ThemeColor('list.warningForeground') : undefined,
        );
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${escape(g.title ?? g.id)}**\n\n`);
        if (g.measure) tip.appendText(`Measure: ${g.measure}\n\n`);
        if (g.horizon) tip.appendText(`${g.horizon === 'short' ? 'Short' : 'Long'}-term · `);
        if (g.mentor)
          tip.appendText(`with ${mentorName(this.deps.service.notebook, g.mentor.value)}`);
        t.tooltip = tip;
        t.id = `goal:${g.uri}`;
        t.contextValue = `goal.${g.status}`;
        t.command = {
          command: 'vscode.open',
          title: 'Open',
          arguments: [vscode.Uri.parse(g.uri), { preview: true }],
        };
        return t;
      }
      case 'folder': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        t.description = String(node.children.length);
        t.id = `goal:${node.goal.uri}:${node.label}`;
        return t;
      }
      case 'session': {
        return sessionTreeItem(node.session, this.deps.service.notebook, today);
      }
      case 'mentor': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        t.description = `${node.goals.length} goal${node.goals.length === 1 ? '' : 's'}`;
        const known =
          node.mentorId === '' || this.deps.service.notebook.mentorsById(node.mentorId).length;
        t.iconPath = known
          ? new vscode.ThemeIcon('person')
          : new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        if (!known)
          t.tooltip = `No mentor note has the id "${node.mentorId}": create mentors/${node.mentorId}.md, or correct the goals' mentor:.`;
        t.id = `goals-of-mentor:${node.mentorId}`;
        t.contextValue = 'mentorGroup';
        return t;
      }
    }
  }

  getChildren(node?: GoalNode): GoalNode[] {
    const notebook = this.deps.service.notebook;
    if (!node) {
      const rows = new Map<string, GoalRow>();
      const shown = new Set<string>();
      for (const mentor of notebook.mentors()) shown.add(mentor.uri);
      const list = [...notebook.goals()]
        .sort(
          (a, b) =>
            STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
            compareText(a.target?.value ?? '9999', b.target?.value ?? '9999') ||
            byTitle.compare(a.title ?? a.id, b.title ?? b.id),
        )
        .map((goal): GoalRow => {
          // The same row object while the goal is unchanged, so the view can refresh it.
          const known = this.rows.get(goal.uri);
          const row: GoalRow = known?.goal === goal ? known : { kind: 'goal', goal };
          rows.set(goal.uri, row);
          shown.add(goal.uri);
          return row;
        });
      this.rows = rows;
      this.shown = shown;
      for (const uri of this.opened) if (!rows.has(uri)) this.opened.delete(uri);
      return this.groupBy === 'mentor' ? this.byMentor(list) : list;
    }
    if (node.kind === 'mentor') return [...node.goals];
    if (node.kind === 'folder') return [...node.children];
    if (node.kind !== 'goal') return [];
    const goal = node.goal;
    const children: GoalNode[] = goal.milestones.map((item) => ({
      kind: 'item',
      item,
      parent: `goal:${goal.uri}`,
    }));
    const sessions = notebook.sessionsOfGoal(goal.id).sort(newestFirst);
    if (sessions.length) {
      children.push({
        kind: 'folder',
        goal,
        label: 'Sessions',
        children: sessions.map((session) => ({ kind: 'session', session })),
      });
    }
    const open = notebook
      .openItemsOfGoal(goal.id)
      .filter((i) => !i.milestone)
      .sort(compareItems);
    if (open.length)
      children.push({
        kind: 'folder',
        goal,
        label: 'Open action items',
        children: open.map((item) => ({ kind: 'item', item, parent: `goal:${goal.uri}:open` })),
      });
    return children;
  }

  /** `rows` under their mentors (by name; goals without a mentor last), each in `rows`' order. */
  private byMentor(rows: readonly GoalRow[]): GoalNode[] {
    const notebook = this.deps.service.notebook;
    const groups = new Map<string, GoalRow[]>();
    for (const row of rows) {
      const id = row.goal.mentor?.value ?? '';
      let list = groups.get(id);
      if (!list) groups.set(id, (list = []));
      list.push(row);
    }
    // Known mentors by name, then ids no mentor note has, then goals without a mentor.
    const rank = (id: string): number =>
      id === '' ? 2 : notebook.mentorsById(id).length === 0 ? 1 : 0;
    const nodes: MentorNode[] = [...groups].map(([mentorId, goals]) => ({
      kind: 'mentor',
      mentorId,
      label:
        mentorId === ''
          ? 'No mentor'
          : rank(mentorId) === 1
            ? `${mentorId} (no mentor note)`
            : mentorName(notebook, mentorId),
      goals,
    }));
    return nodes.sort(
      (a, b) => rank(a.mentorId) - rank(b.mentorId) || byTitle.compare(a.label, b.label),
    );
  }
}

/** Registers the Goals view. */
export function registerGoalsView(deps: FeatureDeps, provider: GoalsProvider): vscode.Disposable {
  const view = vscode.window.createTreeView('mentoringNotes.goals', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const describe = (): void => {
    view.description = provider.groupBy === 'mentor' ? 'by mentor' : undefined;
  };
  describe();
  return vscode.Disposable.from(
    view,
    provider,
    vscode.commands.registerCommand(
      'mentoringNotes.groupGoalsBy',
      async (by?: GoalsGroupBy): Promise<GoalsGroupBy | undefined> => {
        const choice =
          by ??
          (
            await vscode.window.showQuickPick(
              [
                {
                  label: 'Status',
                  description: 'one list, active first',
                  value: 'status' as const,
                },
                {
                  label: 'Mentor',
                  description: 'under each goal’s mentor',
                  value: 'mentor' as const,
                },
              ],
              { title: 'Show goals by' },
            )
          )?.value;
        if (!choice) return undefined;
        provider.groupBy = choice;
        describe();
        return choice;
      },
    ),
    view.onDidExpandElement((e) => provider.didExpand(e.element)),
    deps.onDidChangeSettings(() => {
      provider.refresh();
      describe();
    }),
    deps.service.onDidChange((uris) => provider.notesChanged(uris)),
    deps.clock.onDidChangeDay(() => provider.refresh()),
  );
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
