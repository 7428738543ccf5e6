/**
 * Today's date for the editor, and an event when it rolls over at local midnight (or when
 * the machine wakes up on a later day), so "overdue" is re-evaluated without a reload.
 */
import * as vscode from 'vscode';
import { systemClock, type Clock, type LocalDate } from '../core';

/** A clock whose date change is observable. */
export class DayClock implements Clock, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LocalDate>();
  /** Fires with the new date when the day changes. */
  readonly onDidChangeDay = this.changed.event;
  private current: LocalDate;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly source: Clock = systemClock) {
    this.current = source.today();
    // A minute's resolution is plenty for dates, and survives sleep and clock changes.
    this.timer = setInterval(() => this.check(), 60_000);
  }

  today(): LocalDate {
    this.check();
    return this.current;
  }

  dispose(): void {
    clearInterval(this.timer);
    this.changed.dispose();
  }

  private check(): void {
    const now = this.source.today();
    if (now !== this.current) {
      this.current = now;
      this.changed.fire(now);
    }
  }
}
