// spreadNames: the other writings of an article's names, and of known country and body names, where nothing
// else claims the words. Hand-written text; the found mentions stand for the tagger's.
import * as assert from 'assert';
import { spreadNames } from '../../src/core/extract/named/consistency';
import type { Entity } from '../../src/core/extract/entities';
import type { NamedEntityType, RawEntityMention } from '../../src/core/types';

/** The mention of the `nth` (from 0) writing of `name` in `text`. */
function at(text: string, name: string, type: NamedEntityType, nth = 0): RawEntityMention {
  let start = text.indexOf(name);
  for (let k = 0; k < nth; k++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `no ${name} in the text`);
  return { start, end: start + name.length, text: name, type, expansion: undefined };
}

function asEntity(m: RawEntityMention): Entity {
  return { start: m.start, end: m.end, type: m.type, text: m.text };
}

function spread(text: string, found: RawEntityMention[], tagged: RawEntityMention[] = found): string[] {
  return spreadNames(text, found.slice(), tagged.map(asEntity), [], new Set()).map((m) => `${m.text}@${m.start}:${m.type}`);
}

describe('spreadNames', () => {
  it('adds the longest of the article\'s names written at a word, with the type of its first mention', () => {
    const text = 'Talks at Zorvex Mining Group began. Then Zorvex Mining Group said no. Later, Zorvex agreed.\n';
    const found = [at(text, 'Zorvex Mining Group', 'organization'), at(text, 'Zorvex', 'place', 2)];
    assert.deepStrictEqual(spread(text, found), [
      `Zorvex Mining Group@${found[0].start}:organization`,
      `Zorvex Mining Group@${text.indexOf('Zorvex', found[0].end)}:organization`,
      `Zorvex@${found[1].start}:place`,
    ]);
  });

  it('reads a name before a full stop or a possessive, and takes the type of the first of several mentions', () => {
    const text = 'Aid reached Quillon. Quillon\'s envoy stayed. Quillon said so. Quillon agreed.\n';
    const found = [at(text, 'Quillon', 'place', 2), at(text, 'Quillon', 'organization', 3)];
    assert.deepStrictEqual(spread(text, found), [
      `Quillon@${text.indexOf('Quillon.')}:place`,
      `Quillon@${text.indexOf("Quillon's")}:place`,
      `Quillon@${found[0].start}:place`,
      `Quillon@${found[1].start}:organization`,
    ]);
  });

  it('leaves words another phase claims, and names joined to other capitalised words', () => {
    const text = 'Brindle Works opened. Brindle Works closed. Brindle Works Annex grew.\n';
    const found = [at(text, 'Brindle Works', 'organization')];
    const claimed = [...found, at(text, 'Brindle Works', 'organization', 1)];
    assert.deepStrictEqual(spread(text, found, claimed), [`Brindle Works@${found[0].start}:organization`]);
  });

  it('finds known country names no phase found', () => {
    const text = 'Ministers from France met. Nothing else.\n';
    assert.deepStrictEqual(spread(text, []), [`France@${text.indexOf('France')}:place`]);
  });
});
