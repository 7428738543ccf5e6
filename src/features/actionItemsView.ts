/**
 * The Action items view: open items grouped Overdue / This week / Later / No date, or by
 * goal, or by mentor. Inline actions mark done and reschedule.
 */
import * as vscode from 'vscode';
import {
  countOverdue,
  DUE_GROUP_LABELS,
  groupOpenItems,
  mentorName,
  type ActionItem,
} from '../core';
import type { FeatureDeps } from './deps';
import { OverridableSetting } from './overridableSetting';
import { RefreshableTree } from './refreshableTree';
import { itemTreeItem, type ItemNode } from './itemNodes';

/** A group heading in the view. */
export interface GroupNode {
  readonly kind: 'group';
  readonly key: string;
  readonly label: string;
  readonly items: readonly ActionItem[];
}

/** The row after a group's first items that lists more of them. */
export interface MoreNode {
  readonly kind: 'more';
  readonly group: GroupNode;
  readonly shown: number;
}

/** A node of the Action items view. */
export type ActionNode = GroupNode | ItemNode | MoreNode;

/** Items a group lists at first, and adds with each "Show more". */
export const ITEMS_PAGE = 200;

/** The command behind a group's "Show more…" row (not in the palette). */
export const SHOW_MORE_ITEMS = 'mentoringNotes.showMoreActionItems';

/** Ways to group the view. */
export type GroupBy = 'due' | 'goal' | 'mentor';

/** The view's data; exported so tests and other extensions can read what it shows. */
export class ActionItemsProvider extends RefreshableTree<ActionNode> {
  private readonly grouping: OverridableSetting<GroupBy>;
  /** Pages each group lists, by grouping and group key (one when absent). */
  private readonly pagesByGroup = new Map<string, number>();
  /** Items per page: a group lists one page at first and adds one per "Show more". */
  pageSize = ITEMS_PAGE;

  constructor(private readonly deps: FeatureDeps) {
    super();
    this.grouping = new OverridableSetting(() => deps.settings().groupActionItemsBy);
  }

  /** How the view is grouped now. */
  get groupBy(): GroupBy {
    return this.grouping.value;
  }

  set groupBy(value: GroupBy) {
    this.grouping.choose(value);
    this.refresh();
  }

  /** How many items group `key` lists now. */
  shown(key: string): number {
    return (this.pagesByGroup.get(`${this.groupBy}:${key}`) ?? 1) * this.pageSize;
  }

  /** Lists a page more of group `key`. */
  showMore(key: string): void {
    const k = `${this.groupBy}:${key}`;
    this.pagesByGroup.set(k, (this.pagesByGroup.get(k) ?? 1) + 1);
    this.refresh();
  }

  /** Back to one page per group. */
  resetPages(): void {
    this.pagesByGroup.clear();
    this.refresh();
  }

  getTreeItem(node: ActionNode): vscode.TreeItem {
    if (node.kind === 'more') {
      const t = new vscode.TreeItem('Show more…', vscode.TreeItemCollapsibleState.None);
      t.description = `${node.shown} of ${node.group.items.length} shown`;
      t.iconPath = new vscode.ThemeIcon('ellipsis');
      t.id = `group:${this.groupBy}:${node.group.key}:more`;
      t.command = { command: SHOW_MORE_ITEMS, title: 'Show more', arguments: [node.group.key] };
      return t;
    }
    if (node.kind === 'item')
      return itemTreeItem(
        node,
        this.deps.service.notebook,
        this.deps.clock.today(),
        this.deps.settings().graceDays,
      );
    const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    t.description = String(node.items.length);
    t.id = `group:${this.groupBy}:${node.key}`;
    t.contextValue = 'actionGroup';
    if (node.key === 'overdue')
      t.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    return t;
  }

  getChildren(node?: ActionNode): ActionNode[] {
    if (node?.kind === 'item' || node?.kind === 'more') return [];
    if (node) {
      const parent = `group:${this.groupBy}:${node.key}`;
      // A page at a time: a shared notebook can have thousands of items in one group.
      const shown = this.shown(node.key);
      const rows: ActionNode[] = node.items
        .slice(0, shown)
        .map((item) => ({ kind: 'item', item, parent }));
      if (node.items.length > shown) rows.push({ kind: 'more', group: node, shown });
      return rows;
    }
    return this.groups();
  }

  /** The top-level groups (empty groups left out). */
  groups(): GroupNode[] {
    const notebook = this.deps.service.notebook;
    const settings = this.deps.settings();
    const today = this.deps.clock.today();
    if (this.groupBy === 'due') {
      const grouped = groupOpenItems(notebook, today, settings.weekStart, settings.graceDays);
      return [...grouped]
        .filter(([, items]) => items.length > 0)
        .map(([key, items]) => ({ kind: 'group', key, label: DUE_GROUP_LABELS[key], items }));
    }
    const buckets = new Map<string, ActionItem[]>();
    const add = (key: string, item: ActionItem): void => {
      const list = buckets.get(key) ?? [];
      if (!buckets.has(key)) buckets.set(key, list);
      list.push(item);
    };
    for (const item of notebook.openItems()) {
      if (this.groupBy === 'goal') {
        const goals = notebook.goalsOfItem(item);
        if (goals.length === 0) add('', item);
        for (const g of goals) add(g, item);
      } else
        add(
          item.owner && notebook.mentorsById(item.owner).length ? item.owner : (item.mentor ?? ''),
          item,
        );
    }
    const label = (key: string): string => {
      if (!key) return this.groupBy === 'goal' ? 'No goal' : 'No mentor';
      if (this.groupBy === 'goal') return notebook.goalsById(key)[0]?.title ?? key;
      return mentorName(notebook, key);
    };
    return [...buckets]
      .map(([key, items]) => ({
        kind: 'group' as const,
        key,
        label: label(key),
        items, // filled from the open items in order
      }))
      .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label)));
  }
}

/** Registers the view and its grouping command. */
export function registerActionItemsView(
  deps: FeatureDeps,
  provider: ActionItemsProvider,
): vscode.Disposable {
  const view = vscode.window.createTreeView('mentoringNotes.actionItems', {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const updateTitle = (): void => {
    // The badge counts what needs attention now: overdue items, not everything open.
    const settings = deps.settings();
    const overdue = countOverdue(deps.service.notebook, deps.clock.today(), settings.graceDays);
    view.badge = overdue
      ? { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'}` }
      : undefined;
    void vscode.commands.executeCommand(
      'setContext',
      'mentoringNotes.actionItems.groupBy',
      provider.groupBy,
    );
  };
  updateTitle();
  return vscode.Disposable.from(
    view,
    provider,
    deps.service.onDidChange(() => {
      provider.refresh();
      updateTitle();
    }),
    deps.clock.onDidChangeDay(() => {
      provider.refresh();
      updateTitle();
    }),
    deps.onDidChangeSettings(() => {
      provider.refresh();
      updateTitle();
    }),
    vscode.commands.registerCommand(SHOW_MORE_ITEMS, (key: string) => provider.showMore(key)),
    vscode.commands.registerCommand(
      'mentoringNotes.groupActionItemsBy',
      async (by?: GroupBy): Promise<GroupBy | undefined> => {
        const choice =
          by ??
          (
            await vscode.window.showQuickPick(
              [
                { label: 'Due date', value: 'due' as const },
                { label: 'Goal', value: 'goal' as const },
                { label: 'Mentor', value: 'mentor' as const },
              ],
              { title: 'Group action items by' },
            )
          )?.value;
        if (!choice) return undefined;
        provider.groupBy = choice;
        updateTitle();
        return choice;
      },
    ),
  );
}
