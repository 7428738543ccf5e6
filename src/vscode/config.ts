/** The extension's settings, read in one place. */
import * as vscode from 'vscode';
import type { RuleOptions, Severity } from '../core';

/** Settings that shape the notebook. */
export interface NotebookSettings {
  /** Glob of Markdown files that may be notes (`files.exclude` also applies). */
  readonly include: string;
  /** Where new notes go, relative to the workspace folder. */
  readonly notebookFolder: string;
  readonly sessionFileName: string;
  readonly goalFileName: string;
  readonly graceDays: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekStart: number;
  readonly severities: Partial<Record<string, Severity | 'off'>>;
  readonly groupActionItemsBy: 'due' | 'goal' | 'mentor';
  readonly groupGoalsBy: 'status' | 'mentor';
}

const WEEK_DAYS: Record<string, number> = { sunday: 0, monday: 1, saturday: 6 };

/** Reads the current settings. */
export function readSettings(scope?: vscode.Uri): NotebookSettings {
  const c = vscode.workspace.getConfiguration('mentoringNotes', scope);
  return {
    include: c.get<string>('include') || '**/*.md',
    notebookFolder: (c.get<string>('notebookFolder') ?? '').replace(/^\/+|\/+$/g, ''),
    sessionFileName: c.get<string>('sessionFileName') || 'sessions/{date}-{mentor}.md',
    goalFileName: c.get<string>('goalFileName') || 'goals/{id}.md',
    graceDays: Math.max(0, Math.floor(c.get<number>('graceDays') ?? 0)),
    weekStart: WEEK_DAYS[c.get<string>('weekStart') ?? 'monday'] ?? 1,
    severities: c.get<Record<string, Severity | 'off'>>('severity') ?? {},
    groupActionItemsBy: c.get<'due' | 'goal' | 'mentor'>('actionItems.groupBy') ?? 'due',
    groupGoalsBy: c.get<'status' | 'mentor'>('goals.groupBy') === 'mentor' ? 'mentor' : 'status',
  };
}

/** The rule options implied by the settings. */
export function ruleOptions(settings: NotebookSettings): RuleOptions {
  return { graceDays: settings.graceDays, severities: settings.severities };
}
