import { strict as assert } from 'assert';
import { tagEntities } from '../../src/core/extract/entities';
import { extractMentions } from '../../src/core/extract/mentions';
import { taggableText, withoutOtherEntities } from '../../src/core/extract/mentions/entityCheck';
import type { RawMention } from '../../src/core/types';

/** A rule mention of `name` (its first occurrence in `text`), as the rules would give it. */
function mention(text: string, name: string, extra: Partial<RawMention> = {}): RawMention {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `"${name}" not in the text`);
  return { start, end: start + name.length, text: name, honorific: null, nameParts: name.split(' '), role: null, ...extra };
}

const check = (text: string, mentions: RawMention[]): string[] => withoutOtherEntities(text, mentions, tagEntities(text)).map((m) => m.text);
const names = (text: string): string[] => extractMentions(text, [], { tentativeLoneNames: true }).map((m) => m.text);

describe('entity check after the rules', () => {
  it('drops a sentence-initial country or "U.S." the tagger reads as a place', () => {
    const us = 'U.S. officials said the deal was close.';
    assert.ok(tagEntities(us).some((e) => e.text === 'U.S.' && e.type === 'place'));
    assert.deepEqual(check(us, [mention(us, 'U.S.')]), []);
    const kenya = 'Kenya said the deal was close.';
    assert.deepEqual(check(kenya, [mention(kenya, 'Kenya')]), []);
  });

  it('drops a lone "Nato" the tagger reads as another kind of name, even when the rules only half believed it', () => {
    const text = 'He said talks with Nato allies had gone well.';
    assert.ok(tagEntities(text).some((e) => e.text === 'Nato' && e.type !== 'person'));
    assert.deepEqual(check(text, [mention(text, 'Nato', { tentative: true })]), []);
  });

  it('drops an organisation the rules took for a full name', () => {
    assert.deepEqual(names('Shareholders in Deutsche Boerse rejected the offer on Friday.'), []);
  });

  it('drops a name right after "the" the tagger reads as an organisation, though a speech verb follows', () => {
    assert.deepEqual(names('Voters were angry. The Lib Dems say Labour is telephoning people who asked not to be called.'), []);
    assert.deepEqual(names('Voters were angry. On Monday the Lib Dems said they would act.'), []);
    assert.deepEqual(names('Voters were angry. Helen Carter said the party would act.'), ['Helen Carter']);
  });

  it('keeps a name with an honorific whatever the tagger says', () => {
    assert.deepEqual(names('Britain wants a deal. Mrs May told MPs in London that the border would stay open.').filter((n) => n === 'Mrs May'), ['Mrs May']);
    const text = 'Kenya said the deal was close.';
    assert.deepEqual(check(text, [mention(text, 'Kenya', { honorific: 'Mrs' })]), ['Kenya']);
  });

  it('keeps a person and the lone surname that refers back to them', () => {
    assert.deepEqual(names('Her rival Helen Carter arrived late. Carter said the vote would be close.'), ['Helen Carter', 'Carter']);
  });

  it('drops a tentative country, but leaves other tentative lone names to identity resolution', () => {
    const text = 'A lasting peace will deter Kenya from further aggression.';
    const tentative = mention(text, 'Kenya', { tentative: true });
    assert.deepEqual(check(text, [tentative]), []);
    const other = 'A lasting peace will deter Varno from further aggression.';
    const entities = [{ start: other.indexOf('Varno'), end: other.indexOf('Varno') + 5, type: 'place' as const, text: 'Varno' }];
    assert.deepEqual(withoutOtherEntities(other, [mention(other, 'Varno', { tentative: true })], entities).map((m) => m.text), ['Varno']);
  });

  it('keeps each half of a hyphenated pair the tagger took whole', () => {
    const text = 'The Trump-Putin summit ended early.';
    const entities = [{ start: 4, end: 15, type: 'place' as const, text: 'Trump-Putin' }];
    assert.deepEqual(withoutOtherEntities(text, [mention(text, 'Trump'), mention(text, 'Putin')], entities).map((m) => m.text), ['Trump', 'Putin']);
  });

  it('tags only the sentences around mentions it may drop, with offsets kept and excluded ranges blanked', () => {
    const text = 'Intro line here.\nKenya said the deal was close. Nothing else happened.';
    const kenya = mention(text, 'Kenya');
    const taggable = taggableText(text, [], [kenya]);
    assert.ok(taggable !== null);
    assert.equal(taggable.length, text.length);
    assert.equal(taggable.slice(kenya.start, kenya.end), 'Kenya');
    assert.ok(!taggable.includes('Intro') && !taggable.includes('Nothing'));
    const withAd = 'Kenya said the deal Hide Ad was close.';
    const ad = withAd.indexOf('Hide Ad');
    const blanked = taggableText(withAd, [{ start: ad, end: ad + 7 }], [mention(withAd, 'Kenya')]);
    assert.ok(blanked !== null && blanked.startsWith('Kenya said') && !blanked.includes('Hide'));
    assert.equal(taggableText(text, [], [mention(text, 'Kenya', { honorific: 'Mrs' })]), null);
  });
});
