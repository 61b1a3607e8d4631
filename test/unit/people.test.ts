import { strict as assert } from 'assert';
import { extractMentions } from '../../src/core/extract/mentions';
import { mentionGender } from '../../src/core/language/gender';

const texts = (text: string): string[] => extractMentions(text, []).map((m) => m.text);
const find = (text: string, name: string) => {
  const m = extractMentions(text, []).find((x) => x.text === name);
  assert.ok(m, `no mention "${name}" in: ${JSON.stringify(extractMentions(text, []).map((x) => x.text))}`);
  return m;
};

describe('extractMentions', () => {
  it('keeps an honorific or rank inside the span and out of nameParts', () => {
    const m = find('Talks began. Yesterday Sir Michael Fallon arrived.', 'Sir Michael Fallon');
    assert.equal(m.honorific, 'Sir');
    assert.deepEqual(m.nameParts, ['Michael', 'Fallon']);
    assert.equal(find('It was said that Lt Gen Flynn had shared it.', 'Lt Gen Flynn').honorific, 'Lt Gen');
    assert.equal(find('He met Lieutenant General Michael Flynn there.', 'Lieutenant General Michael Flynn').honorific, 'Lieutenant General');
  });

  it('puts office titles in the role, outside the span', () => {
    const m = find('Then Defence Secretary Sir Michael Fallon spoke.', 'Sir Michael Fallon');
    assert.equal(m.role, 'Defence Secretary');
    assert.equal(find('At a meeting, US defence secretary General James Mattis said no.', 'General James Mattis').role, 'US defence secretary');
    const assad = find('He opposed President Assad in Syria.', 'Assad');
    assert.equal(assad.role, 'President');
  });

  it('reads appositive roles after the name', () => {
    assert.equal(find('Later Nigel Farage, the Ukip leader, met them.', 'Nigel Farage').role, 'Ukip leader');
    assert.equal(find('Then Boris Johnson, the Foreign Secretary, has accused Russia.', 'Boris Johnson').role, 'Foreign Secretary');
    assert.equal(find('So Dmitry Peskov, Mr Putin\'s official spokesman, said so.', 'Dmitry Peskov').role, "Mr Putin's official spokesman");
  });

  it('leaves a possessive outside the span, also when the apostrophe was lost', () => {
    const m = find('It was Donald Trump\u2019s plan.', 'Donald Trump');
    assert.equal(m.end - m.start, 'Donald Trump'.length);
    assert.ok(texts('Then Mr Trump arrived. Later Mr Trumps advisors left.').filter((t) => t === 'Mr Trump').length === 2);
    // No bare form known: the s stays ("Mr Jones" is not "Mr Jone").
    assert.deepEqual(texts('We met Mr Jones today.'), ['Mr Jones']);
  });

  it('handles particles and hyphens', () => {
    assert.deepEqual(find('Forces backing Bashar al-Assad advanced.', 'Bashar al-Assad').nameParts, ['Bashar', 'al-Assad']);
    assert.ok(texts('Then Ms Le Pen said so.').includes('Ms Le Pen'));
    assert.ok(texts('Talks with Ursula von der Leyen ended.').includes('Ursula von der Leyen'));
    assert.ok(texts('A visit by General Abdel Fattah al-Sisi was planned.').includes('General Abdel Fattah al-Sisi'));
  });

  it('finds names in bylines and bullet lists, and lone surnames after a first mention', () => {
    assert.deepEqual(texts('Analysis by Kim Sengupta\nThe question was new.'), ['Kim Sengupta']);
    assert.deepEqual(texts('Other news:\n  \u2022 Sir Michael Fallon warned Nato.\n  \u2022 Mrs May will speak.'), ['Sir Michael Fallon', 'Mrs May']);
    assert.deepEqual(texts('Michael Fallon spoke. Fallon said more.'), ['Michael Fallon', 'Fallon']);
  });

  it('does not take organisations, places, nationalities or things named after people', () => {
    assert.deepEqual(texts('Officials at the Foreign Office and Downing Street met Russian diplomats.'), []);
    assert.deepEqual(texts('Donald Trump spoke at Trump Tower in New York.'), ['Donald Trump']);
    assert.deepEqual(texts('She told the Andrew Marr Show that it was over.'), []);
    assert.deepEqual(texts('Vladimir Putin spoke. The Trump administration replied.'), ['Vladimir Putin']);
  });

  it('does not take titles without a name, sentence-initial words or all-caps headlines', () => {
    assert.deepEqual(texts('The Prime Minister will speak on Monday.'), []);
    assert.deepEqual(texts('Tensions rose. Britain objected.'), []);
    assert.deepEqual(texts('UK GOVERNMENT IN SECRET MOVE TO BOOST RELATIONS'), []);
  });

  it('respects excluded ranges and notPeople', () => {
    const text = 'Hide Ad John Smith spoke. Then Jane Doe left.';
    assert.deepEqual(extractMentions(text, [{ start: 0, end: 25 }]).map((m) => m.text), ['Jane Doe']);
    assert.deepEqual(extractMentions('Then Jane Doe left.', [], { notPeople: new Set(['jane doe']) }), []);
  });

  it('returns mentions sorted by start with spans matching the text', () => {
    const text = 'Mr Trump met Theresa May. Mrs May said Trump was rude.';
    const ms = extractMentions(text, []);
    for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text);
    assert.deepEqual(ms.map((m) => m.start), [...ms.map((m) => m.start)].sort((a, b) => a - b));
    assert.deepEqual(ms.map((m) => m.text), ['Mr Trump', 'Theresa May', 'Mrs May', 'Trump']);
  });
});

describe('mentionGender', () => {
  it('reads gender from honorific, then given name', () => {
    assert.equal(mentionGender({ honorific: 'Mrs', nameParts: ['May'] }), 'female');
    assert.equal(mentionGender({ honorific: 'Sir', nameParts: ['Keir'] }), 'male');
    assert.equal(mentionGender({ honorific: null, nameParts: ['Angela', 'Merkel'] }), 'female');
    assert.equal(mentionGender({ honorific: null, nameParts: ['Merkel'] }), null);
  });
});

describe('extractMentions, compounds and appositive titles', () => {
  it('splits a hyphenated pair of known names', () => {
    assert.deepEqual(texts('Trump-Putin alliance grows. Donald Trump met Vladimir Putin.'), ['Trump', 'Putin', 'Donald Trump', 'Vladimir Putin']);
    assert.deepEqual(texts('A Franco-Prussian war began.'), []);
  });

  it('accepts a name after an appositive title', () => {
    assert.equal(find('The state visit of the Chinese President, Xi Jinping. But it waited.', 'Xi Jinping').role, 'Chinese President');
  });
});
