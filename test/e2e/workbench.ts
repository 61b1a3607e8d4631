// Driving the VS Code workbench (served by code-server) through Playwright, the way a person does: keyboard,
// mouse, what is rendered. Selectors are VS Code 1.100's DOM; waits are on selectors, never on fixed sleeps.
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

export const TIMEOUT_MS = 30_000;

// Functions passed to page.evaluate run in the browser. The project compiles without the DOM library (the
// extension must not use it), so the few browser globals they touch are declared here, for this module only.
interface PageNode {
  textContent: string | null;
  parentElement: PageElement | null;
}
interface PageElement extends PageNode {
  className: string;
  style: { top: string; height: string };
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
  blur(): void;
}
declare const document: {
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  createTreeWalker(root: PageElement, whatToShow: number): { nextNode(): PageNode | null };
  createRange(): {
    setStart(node: PageNode, offset: number): void;
    setEnd(node: PageNode, offset: number): void;
    getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
  };
};
declare const window: { innerWidth: number; innerHeight: number };
declare const navigator: { clipboard: { writeText(text: string): Promise<void>; readText(): Promise<string> } };
declare const NodeFilter: { SHOW_TEXT: number };
declare function getComputedStyle(element: PageElement): { color: string };

/** Where a word is rendered in the editor, and how it is styled. */
export interface WordOnScreen {
  x: number;
  y: number;
  /** The token span's class (Monaco renders tokens as `span.mtkN`). */
  className: string;
  color: string;
}

export class AssertionError extends Error {}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Polls `read` until `accept` holds, returning the last value; fails with `describe(last)` on timeout. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  describe: (value: T | undefined) => string,
  timeoutMs = TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new AssertionError(describe(last));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest box holding every given box, grown by `pad` pixels and kept inside the viewport. */
export function clipAround(boxes: readonly (Clip | null)[], pad: number, viewport: { width: number; height: number }): Clip | undefined {
  const present = boxes.filter((b): b is Clip => b !== null);
  if (present.length === 0) return undefined;
  const x = Math.max(0, Math.min(...present.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...present.map((b) => b.y)) - pad);
  const right = Math.min(viewport.width, Math.max(...present.map((b) => b.x + b.width)) + pad);
  const bottom = Math.min(viewport.height, Math.max(...present.map((b) => b.y + b.height)) + pad);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Saves step screenshots under one folder. A clip keeps the images the README shows small (text-dense
 * PNGs of the whole window run past 200 KB).
 */
export class Screenshots {
  readonly taken: string[] = [];
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }
  async take(page: Page, name: string, clip?: Clip): Promise<string> {
    const file = path.join(this.dir, `${name}.png`);
    await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
    this.taken.push(file);
    return file;
  }
}

export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the workbench is drawn and idle enough to take input. */
  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90_000 });
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: TIMEOUT_MS });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Quick input (command palette, quick open, QuickPicks)

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  quickInputRows(): Locator {
    return this.quickInput.locator('.quick-input-list .monaco-list-row');
  }

  /** Labels of the rows the QuickPick shows, top first. */
  async quickInputLabels(): Promise<string[]> {
    return this.quickInput.locator('.quick-input-list .monaco-list-row .label-name').allTextContents();
  }

  async openCommandPalette(): Promise<void> {
    const input = this.quickInput.locator('input');
    // With focus inside a webview, F1 reaches the workbench only through the webview's key forwarding, which
    // can drop a key while the webview is busy (a theme change restyles it): take focus back and press again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : TIMEOUT_MS });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.evaluate(() => document.activeElement?.blur());
      }
    }
  }

  /** Runs a command by its title from the command palette (F1), as typed by a person. */
  async runCommand(title: string): Promise<void> {
    // The palette lists the commands known when it opens: one opened while extensions were still registering
    // lacks theirs, so try again with a fresh palette.
    for (let attempt = 1; ; attempt++) {
      await this.openCommandPalette();
      try {
        // A webview taking focus just after the palette opened (its tab was clicked) closes the palette.
        await this.quickInput.locator('input').fill(`>${title}`, { timeout: attempt < 3 ? 5_000 : TIMEOUT_MS });
        await waitFor(
          async () => (await this.quickInputLabels())[0] ?? '',
          (first) => first.trim() === title,
          (first) => `command palette: "${title}" is not the first row (first: "${first}")`,
          attempt < 3 ? 8_000 : TIMEOUT_MS,
        );
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        if (await this.quickInput.isVisible()) await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
      }
    }
    await this.acceptQuickInput();
  }

  /**
   * Presses Enter in the quick input itself: should something (an editor opening) have closed it meanwhile,
   * this waits and fails rather than sending Enter to the editor, where it would replace the selection.
   */
  async acceptQuickInput(): Promise<void> {
    await this.quickInput.locator('input').press('Enter', { timeout: TIMEOUT_MS });
  }

  /** Types into the quick input, key by key as a person does (so QuickPicks see each change). */
  async typeInQuickInput(text: string): Promise<void> {
    await this.quickInput.locator('input').pressSequentially(text, { delay: 15, timeout: TIMEOUT_MS });
  }

  /** Quick Open (Go to File) by file name. */
  async openFile(fileName: string): Promise<void> {
    await this.runCommand('Go to File...');
    await this.quickInput.locator('input').fill(fileName);
    await waitFor(
      async () => (await this.quickInputLabels())[0] ?? '',
      (first) => first.trim() === fileName,
      (first) => `quick open: ${fileName} is not the first match (first: "${first}")`,
    );
    await this.acceptQuickInput();
    await this.waitForActiveTab(fileName);
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.editor-group-container.active .tab').first().waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  // ---------------------------------------------------------------------------------------------------------
  // Editors

  activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tab.active');
  }

  async waitForActiveTab(fileName: string): Promise<void> {
    await waitFor(
      async () => (await this.activeTab().getAttribute('aria-label', { timeout: 2_000 })) ?? '',
      (label) => label.startsWith(fileName),
      (label) => `the active tab is "${label}", expected ${fileName}`,
    );
    await this.page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').first().waitFor({ timeout: TIMEOUT_MS });
  }

  /** The active tab's file name. */
  async activeFileName(): Promise<string> {
    const label = (await this.activeTab().getAttribute('aria-label')) ?? '';
    return label.split(',')[0].trim();
  }

  /** Go to Line/Column (Ctrl+G), which also scrolls the position into view. 1-based, as VS Code shows them. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.runCommand('Go to Line/Column...');
    await this.typeInQuickInput(`${line}:${column}`);
    await this.acceptQuickInput();
    await waitFor(
      () => this.cursorPosition(),
      (pos) => pos?.line === line && pos.column === column,
      (pos) => `Go to Line: the cursor is at ${JSON.stringify(pos)}, expected ${line}:${column}`,
    );
  }

  async focusEditor(): Promise<void> {
    await this.runCommand('View: Focus Active Editor Group');
  }

  /** "Ln 9, Col 13 (6 selected)" from the status bar. */
  async selectionStatus(): Promise<string> {
    return ((await this.page.locator('[id="status.editor.selection"]').textContent({ timeout: 5_000 })) ?? '').trim();
  }

  async cursorPosition(): Promise<{ line: number; column: number; selected: number } | undefined> {
    const text = await this.selectionStatus();
    const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
    if (!match) return undefined;
    return { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) };
  }

  /** The active editor's selected text, read through the clipboard as a person would copy it. */
  async selectedText(): Promise<string> {
    // Wait until the editor that should hold the selection is active (the status bar counts its selection):
    // an editor still opening would take the focus from the command palette.
    await waitFor(
      () => this.cursorPosition(),
      (pos) => (pos?.selected ?? 0) > 0,
      (pos) => `nothing is selected in the active editor (status bar: ${JSON.stringify(pos)})`,
    );
    await this.focusEditor();
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await this.runCommand('Copy');
    return waitFor(
      () => this.page.evaluate(() => navigator.clipboard.readText()),
      (text) => text.length > 0,
      () => 'the clipboard stayed empty after Copy: nothing selected?',
      5_000,
    );
  }

  /**
   * Finds `word` as rendered on editor line `line` (the line must be on screen: use goTo first) and
   * returns the centre of its occurrence `nth` and its token style.
   */
  async wordOnLine(line: number, word: string, nth = 0): Promise<WordOnScreen> {
    return waitFor(
      () => this.page.evaluate(findWord, { line, word, nth }),
      (found): found is WordOnScreen => found !== null,
      () => `"${word}" is not rendered on line ${line}`,
      10_000,
    ) as Promise<WordOnScreen>;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Side bar and status bar

  sideBar(): Locator {
    return this.page.locator('.part.sidebar');
  }

  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`);
    await item.click({ timeout: TIMEOUT_MS });
    await this.sideBar().locator('.composite.title', { hasText: title.toUpperCase() }).first().waitFor({ timeout: TIMEOUT_MS });
  }

  /** Drags the sash on the side bar's right edge so the bar is `width` pixels wide (for readable pictures). */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.sideBar().boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await waitFor(
      async () => (await this.sideBar().boundingBox())?.width ?? 0,
      (w) => Math.abs(w - width) <= 8,
      (w) => `the side bar is ${w} px wide after dragging its edge to ${width} px`,
      5_000,
    );
  }

  treeRows(): Locator {
    return this.sideBar().locator('.monaco-list-row');
  }

  /** The rendered rows of the side bar's tree: label, description, depth and whether expanded. */
  async treeItems(): Promise<{ label: string; description: string; level: number; expanded: boolean | null }[]> {
    return this.treeRows().evaluateAll((rows) =>
      rows
        .map((row) => ({
          top: parseFloat((row as PageElement).style.top || '0'),
          label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
          level: Number(row.getAttribute('aria-level') ?? 0),
          expanded: row.hasAttribute('aria-expanded') ? row.getAttribute('aria-expanded') === 'true' : null,
        }))
        .sort((a, b) => a.top - b.top)
        .map(({ label, description, level, expanded }) => ({ label, description, level, expanded })),
    );
  }

  treeRow(label: string): Locator {
    return this.treeRows().filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
  }

  /** How many rows the tree holds in all, rendered or not (the list is virtual: rows × row height). */
  async treeRowCount(): Promise<number> {
    return this.sideBar().locator('.monaco-list').first().evaluate((list) => {
      const rows = (list as PageElement).querySelector('.monaco-list-rows');
      const row = (list as PageElement).querySelector('.monaco-list-row');
      if (!rows || !row) return 0;
      return Math.round(parseFloat(rows.style.height) / row.getBoundingClientRect().height);
    });
  }

  /** Expands a collapsed tree row by its twistie (a click on the label would run the item's command). */
  async expandTreeRow(label: string): Promise<void> {
    const row = this.treeRow(label);
    await row.waitFor({ timeout: TIMEOUT_MS });
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.locator('.monaco-tl-twistie').click();
    await waitFor(
      () => row.getAttribute('aria-expanded'),
      (expanded) => expanded === 'true',
      () => `the tree row "${label}" did not expand`,
    );
  }

  async viewAction(label: string): Promise<void> {
    await this.sideBar().locator(`.title-actions .action-label[aria-label^="${label}"]`).first().click({ timeout: TIMEOUT_MS });
  }

  statusBarItem(text: RegExp): Locator {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: text });
  }
}

/** Runs in the page: locates a word on a rendered editor line of the active editor group. */
function findWord(args: { line: number; word: string; nth: number }): WordOnScreen | null {
  const editor = document.querySelector('.editor-group-container.active .monaco-editor');
  if (!editor) return null;
  // Line numbers and text lines are separate layers positioned at the same `top`.
  const lineNumber = [...editor.querySelectorAll('.margin-view-overlays > div')].find(
    (el) => (el.querySelector('.line-numbers')?.textContent ?? '').trim() === String(args.line),
  );
  if (!lineNumber) return null;
  const viewLine = [...editor.querySelectorAll('.view-lines > .view-line')].find(
    (el) => el.style.top === lineNumber.style.top,
  );
  if (!viewLine) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${args.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
  let seen = 0;
  const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    // Monaco renders spaces as non-breaking spaces; a word may not span two token spans in one text node.
    for (const match of text.replace(/\u00a0/g, ' ').matchAll(pattern)) {
      if (seen++ < args.nth) continue;
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + args.word.length);
      const rect = range.getBoundingClientRect();
      const span = node.parentElement;
      if (!span) return null;
      if (rect.width === 0 || rect.right > window.innerWidth || rect.bottom > window.innerHeight) return null;
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        className: span.className,
        color: getComputedStyle(span).color,
      };
    }
  }
  return null;
}
