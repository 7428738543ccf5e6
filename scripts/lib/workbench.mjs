// Driving code-server's workbench from Playwright: the steps screenshots (and any future
// UI checks) are made of. Each waits on the DOM, and leaves the workbench ready for the
// next step.
import path from 'node:path';

/** Waits until the workbench is up and the explorer lists the notebook. */
export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page
    .locator('.explorer-folders-view .monaco-list-row')
    .first()
    .waitFor({ timeout: 60_000 });
}

/**
 * Lets the workbench finish painting before a capture: web fonts loaded, no progress bar
 * running, then a moment for fade-in animations (the only fixed wait).
 */
export async function settle(page) {
  await page.evaluate('document.fonts.ready');
  await page.locator('.monaco-progress-container.active').first().waitFor({ state: 'hidden' });
  await page.waitForTimeout(750);
}

/** Runs a command by its palette label (e.g. "Mentoring Notes: Prepare Next Meeting"). */
export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens a file of the notebook by its path relative to the notebook folder. */
export async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relativePath);
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: path.posix.basename(relativePath) })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: path.posix.basename(relativePath) })
    .waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
}
