// Driving code-server's workbench from Playwright: the steps screenshots (and any future
// UI checks) are made of. Each waits on the DOM, and leaves the workbench ready for the
// next step. The workbench is driven the way a user would drive it: the command palette,
// Quick Open and keyboard shortcuts, never internal APIs.
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

/** The quick input (command palette, Quick Open, an extension's quick pick). */
function quickInput(page) {
  return page.locator('.quick-input-widget');
}

/**
 * Runs a command by its palette label (e.g. "Mentoring: Prepare Next Meeting"). The label
 * must match a palette entry exactly. With `prompt`, the command is expected to show a
 * quick pick of its own (answer it with `pickQuickItem`), so the palette is not waited on
 * to close.
 */
export async function runCommand(page, label, { prompt = false } = {}) {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(`>${label}`);
  // The list is filtered as the text arrives; Enter runs whichever row is focused, so
  // wait until that is the command (not one whose label merely starts the same).
  await quickInput(page)
    .locator('.quick-input-list .monaco-list-row.focused', {
      has: page.locator('.label-name', { hasText: exactly(label) }),
    })
    .waitFor();
  await page.keyboard.press('Enter');
  if (!prompt) await quickInput(page).waitFor({ state: 'hidden' });
}

/** Chooses the row of the open quick pick whose label is `label`, and waits for it to close. */
export async function pickQuickItem(page, label) {
  const row = (state) =>
    quickInput(page).locator(`.quick-input-list .monaco-list-row${state}`, {
      has: page.locator('.label-name', { hasText: exactly(label) }),
    });
  await row('').first().waitFor();
  // Typing filters the list down to the wanted row, as a user would.
  await quickInput(page).locator('input').fill(label);
  await row('.focused').waitFor();
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
}

/** Opens a file of the notebook by its path relative to the notebook folder. */
export async function openFile(page, relativePath) {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(relativePath);
  // Quick Open first lists recently opened files and filters as the text arrives: Enter
  // only once the focused row is the file.
  await quickInput(page)
    .locator('.quick-input-list .monaco-list-row.focused', {
      hasText: path.posix.basename(relativePath),
    })
    .waitFor();
  await page.keyboard.press('Enter');
  await waitForEditor(page, path.posix.basename(relativePath));
}

/** Waits until the active editor tab is `fileName` and its text is painted. */
export async function waitForEditor(page, fileName) {
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor();
}

/** Moves the cursor of the active editor to `line` (and `column`), with Go to Line. */
export async function goToLine(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = quickInput(page).locator('input');
  await input.waitFor();
  await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
  await page.keyboard.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden' });
  // The status bar counts columns as drawn (an emoji is one), so only the line is checked.
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line},` })
    .first()
    .waitFor();
}

/**
 * Closes every editor and the panel, and shows the side bar, so the next step starts
 * from a clean window (sizes stay as the previous steps left them).
 */
export async function resetLayout(page) {
  // Closes whatever menu, hover or widget the previous step left open.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-group-container .tabs-container .tab').first().waitFor({
    state: 'detached',
  });
  if (await page.locator('.part.panel').isVisible()) {
    await runCommand(page, 'View: Toggle Panel Visibility');
    await page.locator('.part.panel').waitFor({ state: 'hidden' });
  }
  await setSideBarVisible(page, true);
}

/** The pane of the side bar view titled `title` (e.g. "Action Items"). */
export function viewPane(page, title) {
  return page.locator('.part.sidebar .pane', {
    has: page.locator('.pane-header .title', { hasText: exactly(title) }),
  });
}

/**
 * Opens a view container of the activity bar by its title (e.g. "Mentoring") with its
 * "View: Show …" command, focuses each of `views` in turn (which expands it), and waits
 * until every one of them lists at least one row.
 */
export async function showViews(page, container, views) {
  await runCommand(page, `View: Show ${container}`);
  await page.locator('.part.sidebar .composite.title', { hasText: container }).first().waitFor();
  for (const view of views) {
    const pane = viewPane(page, view);
    await pane.waitFor();
    if ((await pane.locator('.pane-header').getAttribute('aria-expanded')) !== 'true') {
      await runCommand(page, `${container}: Focus on ${view} View`);
    }
    await pane.locator('.pane-header[aria-expanded="true"]').waitFor();
    await pane.locator('.pane-body .monaco-list-row').first().waitFor();
  }
}

/**
 * Drags the sash (the draggable border between two parts or views) that lies along
 * `edge` of `element` by `delta` pixels: `edge` is 'right' (a vertical sash, dragged
 * sideways) or 'top'/'bottom' (a horizontal one, dragged up or down). Layout has no
 * keyboard command that sets a size: "Increase Current View Size" resizes whichever
 * part has the focus, and nothing resizes one view among several.
 */
async function dragSashAt(page, element, edge, delta) {
  const box = await element.boundingBox();
  const vertical = edge === 'right';
  const along = { right: box.x + box.width, top: box.y, bottom: box.y + box.height }[edge];
  const sashes = page.locator(`.monaco-sash.${vertical ? 'vertical' : 'horizontal'}`);
  for (const sash of await sashes.all()) {
    const sashBox = await sash.boundingBox();
    if (!sashBox || (await sash.evaluate((el) => el.classList.contains('disabled')))) continue;
    const x = sashBox.x + sashBox.width / 2;
    const y = sashBox.y + sashBox.height / 2;
    const overlaps = vertical
      ? y > box.y && y < box.y + box.height
      : x > box.x && x < box.x + box.width;
    if (!overlaps || Math.abs((vertical ? x : y) - along) > 4) continue;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(vertical ? x + delta : x, vertical ? y : y + delta, { steps: 8 });
    await page.mouse.up();
    // Park the pointer on the title bar, where it shows no hover.
    await page.mouse.move(page.viewportSize().width * 0.8, 12);
    return;
  }
  throw new Error(`no sash along the ${edge} edge`);
}

/** How much taller the list inside `element` is than the room it has (negative: shorter). */
async function missingListHeight(element, bodySelector) {
  return element.evaluate((root, selector) => {
    const body = root.querySelector(selector);
    const rows = body.querySelector('.monaco-list-rows');
    return Math.round(rows.getBoundingClientRect().height - body.getBoundingClientRect().height);
  }, bodySelector);
}

/** Makes the side bar `width` pixels wide. */
export async function resizeSideBar(page, width) {
  const sideBar = page.locator('.part.sidebar');
  const { width: current } = await sideBar.boundingBox();
  await dragSashAt(page, sideBar, 'right', width - current);
  await page.waitForFunction(
    `Math.abs(document.querySelector('.part.sidebar').getBoundingClientRect().width - ${width}) < 4`,
  );
}

/**
 * Resizes view `view` of the side bar to the height of its rows (the view below it takes
 * up the difference).
 */
export async function fitViewToRows(page, view) {
  const pane = viewPane(page, view);
  const delta = await missingListHeight(pane, '.pane-body');
  if (Math.abs(delta) >= 2) await dragSashAt(page, pane, 'bottom', delta);
}

/** Resizes the panel to the height of the Problems list (the editors take up the difference). */
export async function fitProblemsToRows(page) {
  const panel = page.locator('.part.panel');
  const delta = await missingListHeight(panel, '.markers-panel .monaco-list');
  if (Math.abs(delta) >= 2) await dragSashAt(page, panel, 'top', -delta);
}

/** Shows or hides the primary side bar. */
export async function setSideBarVisible(page, visible) {
  const sideBar = page.locator('.part.sidebar');
  if ((await sideBar.isVisible()) === visible) return;
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await sideBar.waitFor({ state: visible ? 'visible' : 'hidden' });
}

/**
 * Opens the Problems panel with "View: Focus Problems" and waits until it lists markers
 * from `source` (the diagnostics' source, shown at the end of each row).
 */
export async function showProblems(page, source) {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.filter({ hasText: source }).first().waitFor();
}

/**
 * Opens the quick-fix menu at the cursor (Ctrl+.) and waits until it offers `action`.
 */
export async function showQuickFixes(page, action) {
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget .monaco-list-row', { hasText: action }).first().waitFor();
}

/** A regular expression matching `text` exactly (for labels that are prefixes of others). */
function exactly(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
