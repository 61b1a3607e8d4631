import { strict as assert } from 'assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { withTaggedPeople } from '../../src/core/extract/named/taggedPeople';
import type { Entity } from '../../src/core/extract/entities';
import type { RawMention } from '../../src/core/types';

// The rules and the tagger combined: where the tagger reads a person the rules missed or only half believed.

/** The tagger's reading of `name` (its `nth` occurrence in `text`) as an entity of `type`. */
function entity(text: string, name: string, type: Entity['type'] = 'person', nth = 0): Entity {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(name, start + 1);
  assert.ok(start >= 0, `"${name}" not in the text`);
  return { start, end: start + name.length, type, text: name };
}

/** A rule mention of `name` (its first occurrence in `text`). */
function mention(text: string, name: string, extra: Partial<RawMention> = {}): RawMention {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `"${name}" not in the text`);
  return { start, end: start + name.length, text: name, honorific: null, nameParts: name.split(' '), role: null, ...extra };
}

const NONE: ReadonlySet<string> = new Set();
const shown = (mentions: readonly RawMention[]): string[] => mentions.map((m) => `${m.text}${m.tentative ? '?' : ''}`);

describe('people the tagger finds beside the rules', () => {
  it('takes a lone word the tagger reads as a person as a name, not a tentative one', () => {
    const text = 'The seventh seed came back from two sets down, and Okafor served it out.';
    assert.deepEqual(shown(withTaggedPeople(text, [], [entity(text, 'Okafor')], NONE)), ['Okafor']);
  });

  it('confirms the rules\' tentative lone word when the tagger reads the same word as a person', () => {
    const text = 'Nobody expected the coach to pick Okafor for the final.';
    const tentative = mention(text, 'Okafor', { tentative: true });
    const rules = [tentative];
    assert.deepEqual(shown(withTaggedPeople(text, rules, [entity(text, 'Okafor')], NONE)), ['Okafor']);
    // The rules' list is left as it was.
    assert.equal(rules[0], tentative);
    assert.deepEqual(shown(withTaggedPeople(text, rules, [], NONE)), ['Okafor?']);
  });

  it('keeps tentative a given name alone and a lone word that names other things: a people, a thing after "the", a country, a role word', () => {
    const cases: [string, string][] = [
      ['Talks between Kurds and the government resumed.', 'Kurds'],
      ['Divers reached the Titanic on Monday.', 'Titanic'],
      ['Leaders said Nato must stay united.', 'Nato'],
      ['The President Elect said little.', 'Elect'],
      // A given name alone: a person the article never introduced.
      ['"It is not right," Tyler said on Friday.', 'Tyler'],
    ];
    for (const [text, word] of cases) assert.deepEqual(shown(withTaggedPeople(text, [], [entity(text, word)], NONE)), [`${word}?`], text);
  });

  it('lists a lone name the tagger reads as a person though the corpus names nobody of that surname in full', () => {
    const text = 'Tennis\n\nThe seventh seed Okafor came back from two sets down on Tuesday. "I never stopped believing," said Okafor, who meets the champion next.\n';
    const index = CorpusIndex.fromTexts('/corpus', { 'a.txt': text });
    const people = index.mentionsIn('a.txt').filter((m) => index.entity(m.entityId)?.type === 'person');
    assert.deepEqual(people.map((m) => m.text), ['Okafor', 'Okafor']);
  });

  it('takes several words the tagger reads as a person with a name\'s shape only: a given name, an initial or a surname particle first', () => {
    const text = 'A save by De Vries, a goal by Tomas Brandt, a pass from D.K. Orme and a film called Dungeon Keeper.';
    const tagged = [entity(text, 'De Vries'), entity(text, 'Tomas Brandt'), entity(text, 'D.K. Orme'), entity(text, 'Dungeon Keeper')];
    assert.deepEqual(shown(withTaggedPeople(text, [], tagged, NONE)), ['De Vries', 'Tomas Brandt', 'D.K. Orme']);
  });

  it('takes other words the tagger reads as a person only with a cue: "said" or a role before, a speech verb or a country in brackets after', () => {
    const cases: [string, boolean][] = [
      ['"Costs will rise," said Tuvi Rakoto, an analyst.', true],
      ['The company spokesman Tuvi Rakoto declined to comment.', true],
      ['Tuvi Rakoto told reporters the deal was done.', true],
      ['Results: 1. Tuvi Rakoto ( Kenya ) 13:02.11', true],
      // A surname that is a place's or a title's word, a country written with full stops.
      ['Results: 2. Tuvi Hill ( U.S. ) 13:04.90', true],
      ['Results: 3. Tuvi Okoro ( New Zealand ) 13:05.02', true],
      ['The game Tuvi Rakoto sold a million copies.', false],
      // Cue or not, words that name other things are not a person.
      ['"The policing worked," said Scotland Yard.', false],
      ['"It works," said Print Culture, a blog.', false],
    ];
    for (const [text, kept] of cases) {
      const name = /Tuvi \w+|Scotland Yard|Print Culture/.exec(text)![0];
      assert.deepEqual(shown(withTaggedPeople(text, [], [entity(text, name)], NONE)), kept ? [name] : [], text);
    }
  });
});
