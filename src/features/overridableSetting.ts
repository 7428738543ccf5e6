/** A view's option that a setting chooses and a command may change for the session. */

/**
 * The setting's value, or the one a command chose since, until the setting itself is
 * changed (then the setting speaks again).
 */
export class OverridableSetting<T> {
  private chosen: T | undefined;
  /** The setting when the choice was made. */
  private settingThen: T | undefined;

  constructor(private readonly read: () => T) {}

  get value(): T {
    const setting = this.read();
    if (this.chosen !== undefined && setting !== this.settingThen) this.chosen = undefined;
    return this.chosen ?? setting;
  }

  /** Chooses `value` until the setting changes. */
  choose(value: T): void {
    this.chosen = value;
    this.settingThen = this.read();
  }
}
