import { strict as assert } from 'assert';
import { joinedAtParticles, withNicknamesJoined, withTaggerSpans } from '../../src/core/extract/named/personSpans';
import { withoutOtherEntities } from '../../src/core/extract/mentions/entityCheck';
import type { Entity } from '../../src/core/extract/entities';
import type { RawMention } from '../../src/core/types';

// Where the rules and the tagger disagree on a person's span, the lexicons decide which one holds.

function span(text: string, name: string): { start: number; end: number } {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `"${name}" not in the text`);
  return { start, end: start + name.length };
}

const person = (text: string, name: string): Entity => ({ ...span(text, name), type: 'person', text: name });
const rule = (text: string, name: string, extra: Partial<RawMention> = {}): RawMention =>
  ({ ...span(text, name), text: name, honorific: null, nameParts: name.split(' '), role: null, ...extra });

const spans = (text: string, rules: string[], tagged: string[]): string[] =>
  withTaggerSpans(text, rules.map((name) => rule(text, name)), tagged.map((name) => person(text, name))).map((m) => `${m.text}|${m.nameParts.join('+')}`);

describe('person spans where the rules and the tagger disagree', () => {
  it('takes the tagger\'s longer span when it adds name words: a regnal number, a surname that is a place or a title, an inner particle', () => {
    let text = 'The portrait of Edmund VIII was sold.';
    assert.deepEqual(spans(text, ['Edmund'], ['Edmund VIII']), ['Edmund VIII|Edmund+VIII']);
    text = 'The film was made by director Ruth Jordan last year.';
    assert.deepEqual(spans(text, ['Ruth'], ['Ruth Jordan']), ['Ruth Jordan|Ruth+Jordan']);
    text = 'The team captain Sally Ann King said the draw was fair.';
    assert.deepEqual(spans(text, ['Sally Ann'], ['Sally Ann King']), ['Sally Ann King|Sally+Ann+King']);
    text = 'Prime Minister Tamba wa Lunda said the talks would go on.';
    assert.deepEqual(spans(text, ['Tamba', 'Lunda'], ['Tamba wa Lunda']), ['Tamba wa Lunda|Tamba+wa+Lunda']);
  });

  it('gives back a final "s" cut off as a lost apostrophe when no word follows it', () => {
    const text = 'Replacements: 5 - Mark Andrews ( Ivo Smit , 39 ).';
    const cut = { ...rule(text, 'Mark Andrew'), nameParts: ['Mark', 'Andrew'] };
    assert.deepEqual(withTaggerSpans(text, [cut], [person(text, 'Mark Andrews')]).map((m) => m.text), ['Mark Andrews']);
    const possessive = 'The rally heard Mark Andrews supporters chant.';
    const kept = { ...rule(possessive, 'Mark Andrew') };
    assert.deepEqual(withTaggerSpans(possessive, [kept], [person(possessive, 'Mark Andrews')]).map((m) => m.text), ['Mark Andrew']);
  });

  it('keeps the rules\' span when the tagger adds a title, a role, a common word, letters after a name or a bare initial, or the mention has an honorific', () => {
    let text = 'The visit of President Dara Osei ended.';
    assert.deepEqual(spans(text, ['Dara Osei'], ['President Dara Osei']), ['Dara Osei|Dara+Osei']);
    text = 'The lawyer Dara Osei QC wrote the advice.';
    assert.deepEqual(spans(text, ['Dara Osei'], ['Dara Osei QC']), ['Dara Osei|Dara+Osei']);
    text = 'Team: 15 Osei, 14 K Mensah, 13 Boateng.';
    assert.deepEqual(spans(text, ['Mensah'], ['K Mensah']), ['Mensah|Mensah']);
    text = 'Aid was promised by Osei Tuesday morning.';
    assert.deepEqual(spans(text, ['Osei'], ['Osei Tuesday']), ['Osei|Osei']);
    text = 'She met Mr Osei Kwame in Accra.';
    const withHonorific = rule(text, 'Mr Osei', { honorific: 'Mr', nameParts: ['Osei'] });
    assert.deepEqual(withTaggerSpans(text, [withHonorific], [person(text, 'Osei Kwame')]).map((m) => m.text), ['Mr Osei']);
  });

  it('takes the tagger\'s shorter span when the rules took in a weekday, or a sentence\'s first word before a given name', () => {
    let text = 'The envoy will meet Foreign Minister Pablo Ruiz Monday for talks.';
    assert.deepEqual(spans(text, ['Pablo Ruiz Monday'], ['Pablo Ruiz']), ['Pablo Ruiz|Pablo+Ruiz']);
    text = 'The hosts led at the break. Winger Andre Botha scored twice more.';
    assert.deepEqual(spans(text, ['Winger Andre Botha'], ['Andre Botha']), ['Andre Botha|Andre+Botha']);
  });

  it('takes it mid-sentence too, for a role, occupation or nationality written with a capital; keeps the rules\' span when the dropped first word is a given name or the tagger\'s is none', () => {
    let text = 'The hosts led when Winger Andre Botha scored.';
    assert.deepEqual(spans(text, ['Winger Andre Botha'], ['Andre Botha']), ['Andre Botha|Andre+Botha']);
    text = 'The draw puts Frenchman Cedric Vallet in the top half.';
    assert.deepEqual(spans(text, ['Frenchman Cedric Vallet'], ['Cedric Vallet']), ['Cedric Vallet|Cedric+Vallet']);
    text = 'The hosts led at the break. Mary Anne Botha scored twice more.';
    assert.deepEqual(spans(text, ['Mary Anne Botha'], ['Anne Botha']), ['Mary Anne Botha|Mary+Anne+Botha']);
    text = 'The award went to Actress Tova Rinn on Sunday.';
    assert.deepEqual(spans(text, ['Actress Tova Rinn'], ['Tova Rinn']), ['Tova Rinn|Tova+Rinn']);
    text = 'The hosts led when Kiki Musampa scored.';
    assert.deepEqual(spans(text, ['Kiki Musampa'], ['Musampa']), ['Kiki Musampa|Kiki+Musampa']);
  });

  it('joins the initials glued to the first one the rules took alone', () => {
    const text = 'The ex-president F.W. de Klerk and P.K. Rao met.';
    assert.deepEqual(spans(text, ['F', 'Klerk', 'P'], ['F.W. de Klerk', 'P.K. Rao']), ['F.W. de Klerk|F.W.+de+Klerk', 'P.K. Rao|P.K.+Rao']);
  });

  it('returns the same list when nothing changes', () => {
    const text = 'Dara Osei said so.';
    const rules = [rule(text, 'Dara Osei')];
    assert.equal(withTaggerSpans(text, rules, [person(text, 'Dara Osei')]), rules);
  });

  it('joins the tagger\'s persons it split at a name particle', () => {
    const text = 'A pass from Van der Merwe found Piet van der Berg, then Kobus Smit.';
    const tagged = [person(text, 'Van'), person(text, 'Merwe'), person(text, 'Piet van'), person(text, 'Berg'), person(text, 'Kobus Smit')];
    assert.deepEqual(joinedAtParticles(text, tagged).map((e) => e.text), ['Van der Merwe', 'Piet van der Berg', 'Kobus Smit']);
    // Persons apart ("Smit and Berg") stay apart; the same list when nothing joins.
    const apart = 'Smit and Berg scored.';
    const two = [person(apart, 'Smit'), person(apart, 'Berg')];
    assert.equal(joinedAtParticles(apart, two), two);
  });
});

describe('nicknames in quotes', () => {
  it('joins a given name and a surname across a quoted nickname, the nickname left out of the name parts', () => {
    for (const text of ['The champion Tomas \u201cIron Hand\u201d Vidal fights tonight.', 'The champion Tomas " Iron Hand " Vidal fights tonight.']) {
      const rules = [rule(text, 'Tomas'), rule(text, 'Hand'), rule(text, 'Vidal')];
      assert.deepEqual(withNicknamesJoined(text, rules).map((m) => `${m.text}|${m.nameParts.join('+')}`), [`${text.slice(text.indexOf('Tomas'), text.indexOf('Vidal') + 5)}|Tomas+Vidal`]);
    }
  });

  it('leaves apart two people a quotation separates', () => {
    const text = 'Vidal said \u201cno deal\u201d Okafor replied.';
    const rules = [rule(text, 'Vidal'), rule(text, 'Okafor')];
    assert.equal(withNicknamesJoined(text, rules), rules);
  });
});

describe('the entity check on words the tagger reads as no name', () => {
  it('drops several words no tagger entity overlaps, unless a given name, an honorific or a speech verb shows a person', () => {
    const text = 'Sales of Greatest Hits rose, Vuko Ardent said, and Ms Lunde Parr agreed with Anna Pelt.';
    const rules = ['Greatest Hits', 'Vuko Ardent', 'Anna Pelt'].map((name) => rule(text, name));
    rules.splice(2, 0, rule(text, 'Ms Lunde Parr', { honorific: 'Ms', nameParts: ['Lunde', 'Parr'] }));
    assert.deepEqual(withoutOtherEntities(text, rules, []).map((m) => m.text), ['Vuko Ardent', 'Ms Lunde Parr', 'Anna Pelt']);
    // A lone word is left to the corpus.
    const lone = 'Sales of Hits rose.';
    assert.deepEqual(withoutOtherEntities(lone, [rule(lone, 'Hits')], []).map((m) => m.text), ['Hits']);
  });

  it('drops a name inside a longer organisation or place the tagger reads, whatever given name it starts with', () => {
    const text = 'The San Marco Rovers beat the visitors, said analyst Edwin Hale of Edwin Hale & Co.';
    const rules = [rule(text, 'Marco Rovers'), { ...rule(text, 'Edwin Hale'), start: text.lastIndexOf('Edwin Hale'), end: text.lastIndexOf('Edwin Hale') + 10 }];
    const org = (name: string, at: number): Entity => ({ start: at, end: at + name.length, type: 'organization', text: name });
    const tagged = [org('San Marco Rovers', text.indexOf('San')), org('Edwin Hale & Co', text.lastIndexOf('Edwin'))];
    assert.deepEqual(withoutOtherEntities(text, rules, tagged).map((m) => m.text), []);
    // The same organisation reading the name alone leaves a known given name to the rules.
    const alone = 'Edwin Hale agreed.';
    assert.deepEqual(withoutOtherEntities(alone, [rule(alone, 'Edwin Hale')], [org('Edwin Hale', 0)]).map((m) => m.text), ['Edwin Hale']);
  });

  it('drops a name the rules made of a sentence\'s first word and a name the tagger reads as something else', () => {
    const text = 'Sales were flat. Huge Quorra sales are expected.';
    const misc: Entity = { ...span(text, 'Quorra'), type: 'misc', text: 'Quorra' };
    assert.deepEqual(withoutOtherEntities(text, [rule(text, 'Huge Quorra')], [misc]).map((m) => m.text), []);
    // Mid-sentence, or after a given name, the rules' reading stands.
    const mid = 'They expect Huge Quorra sales.';
    assert.deepEqual(withoutOtherEntities(mid, [rule(mid, 'Huge Quorra')], [{ ...span(mid, 'Quorra'), type: 'misc', text: 'Quorra' }]).map((m) => m.text), ['Huge Quorra']);
  });
});
