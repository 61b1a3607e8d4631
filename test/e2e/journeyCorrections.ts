// A correction from a hover card, as a person makes it: Rename… on Tillerson's card, the new name typed, the
// confirmation with its Undo button, corpus.yaml rewritten on disk with its comments, then Undo.
import * as fs from 'fs';
import * as path from 'path';
import type { Journey } from './journeys';
import { hoverNameInCorpus, viewport } from './journeys';
import { TIMEOUT_MS, clipAround, expect, waitFor } from './workbench';

const NAME = 'Tillerson';

export const correctionJourney: Journey = {
  id: '7-correction',
  title: 'rename "Tillerson" from the hover card: corpus.yaml gains the name, the card shows it, Undo takes it back',
  folder: 'corpus',
  async run({ wb, page, shots, folder }) {
    const configPath = path.join(folder, 'corpus.yaml');
    const before = fs.readFileSync(configPath, 'utf8');
    const { card } = await hoverNameInCorpus(wb, folder, NAME);
    await card.locator('a', { hasText: 'Rename…' }).click();
    const input = wb.quickInput.locator('input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await input.fill('');
    await wb.typeInQuickInput('Rex W. Tillerson');
    await wb.acceptQuickInput();

    const toast = page.locator('.notification-toast', { hasText: 'is now shown as Rex W. Tillerson' });
    await toast.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const written = await waitFor(
      async () => fs.readFileSync(configPath, 'utf8'),
      (text) => text.includes('Rex W. Tillerson'),
      (text) => `corpus.yaml does not hold the new name:\n${text}`,
    );
    expect(/names:\n {2}rex-tillerson: Rex W. Tillerson\n/.test(written), `corpus.yaml: ${written}`);
    expect(written.startsWith(before.trimEnd()), 'the rest of corpus.yaml was rewritten');

    // The card of the same name now says the new one.
    await wb.focusEditor();
    const { card: renamed } = await hoverNameInCorpus(wb, folder, NAME);
    await waitFor(async () => (await renamed.textContent()) ?? '', (text) => text.includes('Rex W. Tillerson'), (text) => `the card still says: ${text}`);
    await shots.take(page, '7-correction', clipAround([await renamed.boundingBox(), await toast.boundingBox()], 16, viewport(page)));

    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await waitFor(
      async () => fs.readFileSync(configPath, 'utf8'),
      (text) => text === before,
      (text) => `Undo left corpus.yaml as:\n${text}`,
    );
  },
};
