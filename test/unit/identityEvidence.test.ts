import { strict as assert } from 'assert';
import { IdentityIndex } from '../../src/core/identity';
import type { MentionForm } from '../../src/core/types';

// A lone word ("Kim", "Mr Clark", "Ford") joins a person named in full only in other articles on evidence:
// people named in both articles (the same story), or the same role. Without it, it stays a person of its
// own article. The texts are made up for these tests.

function m(text: string, options: { honorific?: string; role?: string; tentative?: boolean } = {}): MentionForm {
  const bare = options.honorific ? text.slice(options.honorific.length).trim() : text;
  const form: MentionForm = { text, honorific: options.honorific ?? null, nameParts: bare.split(' '), role: options.role ?? null };
  if (options.tentative) form.tentative = true;
  return form;
}

function build(docs: Record<string, readonly MentionForm[]>): IdentityIndex {
  const index = new IdentityIndex();
  for (const [key, mentions] of Object.entries(docs)) index.setDoc(key, mentions);
  index.flush();
  return index;
}

/** A health story naming Erin Kim, and a summit story naming Kim Jong-un's counterpart; no one else in common. */
const HEALTH = [m('Erin Kim', { role: 'epidemiologist' }), m('Paul Tremblay'), m('Kim')];
const ROAD = [m('Dana Clark'), m('Marc Ouellet'), m('Clark')];

describe('IdentityIndex: lone words across unrelated articles', () => {
  it('keeps a bare surname in an unrelated article apart from the person named in full elsewhere', () => {
    const index = build({ health: HEALTH, family: [m('Lucie Moran'), m('Kim'), m('Kim')] });
    const [erin] = index.idsOf('health');
    const family = index.idsOf('family');
    assert.equal(erin, 'erin-kim');
    assert.notEqual(family[1], erin);
    assert.ok(family[1] !== null);
    // Both mentions of the article stay one person of their own.
    assert.equal(family[1], family[2]);
  });

  it('keeps a bare first name in an unrelated article apart from people with that given name', () => {
    const index = build({ road: ROAD, mother: [m('Lucie Moran'), m('Dana')] });
    const ids = index.idsOf('mother');
    assert.notEqual(ids[1], 'dana-clark');
  });

  it('keeps an honorific and surname apart when nothing else ties the articles', () => {
    const index = build({ road: ROAD, school: [m('Lucie Moran'), m('Mr Clark', { honorific: 'Mr' })] });
    assert.notEqual(index.idsOf('school')[1], 'dana-clark');
  });

  it('drops a tentative lone word that only an unrelated article could make a name', () => {
    // A given name that tells a gender: only such full names make a tentative word a name at all.
    const index = build({ road: [m('Peter Clark'), m('Marc Ouellet')], cars: [m('Lucie Moran'), m('Clark', { tentative: true })] });
    assert.equal(index.idsOf('cars')[1], null);
  });

  it('joins a lone surname to the person when the articles tell the same story', () => {
    // One story across outlets: two people named in full in both articles.
    const index = build({
      first: [m('Dana Clark'), m('Marc Ouellet'), m('Rosa Lindqvist'), m('Clark')],
      second: [m('Marc Ouellet'), m('Rosa Lindqvist'), m('Clark'), m('Ms Clark', { honorific: 'Ms' })],
    });
    assert.deepEqual(index.idsOf('second').slice(2), ['dana-clark', 'dana-clark']);
  });

  it('joins a lone surname to a person who shares its role', () => {
    const index = build({
      budget: [m('Gordon Fairweather', { role: 'Finance Minister' }), m('Alice Tran')],
      speech: [m('Bo Lind'), m('Fairweather', { role: 'the Finance Minister' })],
    });
    assert.equal(index.idsOf('speech')[1], 'gordon-fairweather');
  });

  it('does not join on a role that differs', () => {
    const index = build({
      budget: [m('Gordon Fairweather', { role: 'Finance Minister' }), m('Alice Tran')],
      match: [m('Bo Lind'), m('Fairweather', { role: 'goalkeeper' })],
    });
    assert.notEqual(index.idsOf('match')[1], 'gordon-fairweather');
  });

  it('still resolves a lone surname to the full name in its own article', () => {
    const index = build({ health: HEALTH, other: [m('Jon Kim'), m('Kim')] });
    assert.equal(index.idsOf('health')[2], 'erin-kim');
    assert.equal(index.idsOf('other')[1], 'jon-kim');
  });

  it('gives the same result when the evidence arrives, changes and goes incrementally', () => {
    const docs: Record<string, readonly MentionForm[]> = {
      a: [m('Dana Clark'), m('Marc Ouellet')],
      b: [m('Marc Ouellet'), m('Rosa Lindqvist'), m('Clark')],
      c: [m('Dana Clark', { role: 'mayor' }), m('Rosa Lindqvist')],
      d: [m('Clark', { role: 'the mayor' }), m('Tom Weir')],
    };
    const index = new IdentityIndex();
    const snapshot = (idx: IdentityIndex, keys: readonly string[]): unknown => keys.map((k) => [k, idx.idsOf(k)]);
    const applied: Record<string, readonly MentionForm[]> = {};
    for (const key of ['a', 'b', 'd', 'c']) {
      index.setDoc(key, docs[key]);
      applied[key] = docs[key];
      index.flush();
      assert.deepEqual(snapshot(index, Object.keys(applied)), snapshot(build(applied), Object.keys(applied)), `after adding ${key}`);
    }
    assert.equal(index.idsOf('b')[2], 'dana-clark');
    assert.equal(index.idsOf('d')[0], 'dana-clark');
    for (const key of ['c', 'a']) {
      index.removeDoc(key);
      delete applied[key];
      index.flush();
      assert.deepEqual(snapshot(index, Object.keys(applied)), snapshot(build(applied), Object.keys(applied)), `after removing ${key}`);
    }
    assert.notEqual(index.idsOf('b')[2], 'dana-clark');
  });
});
