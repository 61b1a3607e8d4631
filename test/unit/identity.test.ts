import { strict as assert } from 'assert';
import { IdentityIndex } from '../../src/core/identity';
import type { Person, RawMention } from '../../src/core/types';

interface DocumentMentions {
  path: string;
  mentions: readonly RawMention[];
}

interface IdentityResult {
  /** People sorted by mention count, most first; each with its mentions filled in. */
  people: Person[];
  /** For each path, the person id of each mention (same order as the input), or null if dropped. */
  assignments: Map<string, (string | null)[]>;
}

/** The index in one batch: groups the documents' mentions into people with one stable id each. */
function resolveIdentities(docs: readonly DocumentMentions[], aliases: Readonly<Record<string, string[]>> = {}): IdentityResult {
  const index = new IdentityIndex(aliases);
  docs.forEach((d, i) => index.setDoc(String(i), d.mentions));
  index.flush();
  const people = new Map<string, Person>();
  for (const [id, p] of index.people()) people.set(id, { ...p, mentions: [] });
  const assignments = new Map<string, (string | null)[]>();
  docs.forEach((d, i) => {
    const ids = index.idsOf(String(i));
    ids.forEach((id, k) => {
      if (id === null) return;
      const m = d.mentions[k];
      people.get(id)?.mentions.push({ path: d.path, start: m.start, end: m.end, text: m.text, entityId: id });
    });
    const existing = assignments.get(d.path);
    assignments.set(d.path, existing ? existing.concat(ids) : ids);
  });
  const sorted = [...people.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  return { people: sorted, assignments };
}

let offset = 0;
function m(text: string, honorific: string | null = null): RawMention {
  const bare = honorific ? text.slice(honorific.length).trim() : text;
  const start = offset;
  offset += text.length + 1;
  return { start, end: start + text.length, text, honorific, nameParts: bare.split(' '), role: null };
}

describe('resolveIdentities', () => {
  it('merges full name, knight title with first name, surname and "Sir Surname" into one stable id', () => {
    const r = resolveIdentities([
      { path: 'a.txt', mentions: [m('Sir Michael Fallon', 'Sir'), m('Sir Michael', 'Sir'), m('Fallon')] },
      { path: 'b.txt', mentions: [m('Michael Fallon'), m('Sir Fallon', 'Sir')] },
    ]);
    assert.equal(r.people.length, 1);
    assert.equal(r.people[0].id, 'michael-fallon');
    assert.equal(r.people[0].name, 'Michael Fallon');
    assert.deepEqual([...r.people[0].aliases].sort(), ['Fallon', 'Sir Fallon', 'Sir Michael', 'Sir Michael Fallon']);
    assert.deepEqual(r.assignments.get('b.txt'), ['michael-fallon', 'michael-fallon']);
  });

  it('keeps different people with one surname apart and resolves the lone surname in context', () => {
    const r = resolveIdentities([
      { path: 'a.txt', mentions: [m('Boris Johnson'), m('Mr Johnson', 'Mr')] },
      { path: 'b.txt', mentions: [m('Lyndon Johnson'), m('Johnson')] },
    ]);
    assert.equal(r.people.length, 2);
    assert.deepEqual(r.assignments.get('a.txt'), ['boris-johnson', 'boris-johnson']);
    assert.deepEqual(r.assignments.get('b.txt'), ['lyndon-johnson', 'lyndon-johnson']);
  });

  it('uses the honorific gender to tell people with one surname apart', () => {
    const r = resolveIdentities([{ path: 'a.txt', mentions: [m('Bill Clinton'), m('Hillary Clinton'), m('Mrs Clinton', 'Mrs')] }]);
    assert.deepEqual(r.assignments.get('a.txt'), ['bill-clinton', 'hillary-clinton', 'hillary-clinton']);
  });

  it('links surname-only and truncated forms with particles', () => {
    const r = resolveIdentities([{ path: 'a.txt', mentions: [m('Marie Le Pen'), m('Ms Pen', 'Ms'), m('Ms Le Pen', 'Ms')] }]);
    assert.equal(r.people.length, 1);
    assert.equal(r.people[0].id, 'marie-le-pen');
    const s = resolveIdentities([{ path: 'a.txt', mentions: [m('Bashar al-Assad'), m('Assad')] }]);
    assert.equal(s.people.length, 1);
  });

  it('lets corpus.yaml aliases win over the heuristics', () => {
    const r = resolveIdentities(
      [{ path: 'a.txt', mentions: [m('Bill Clinton'), m('William Jefferson Clinton'), m('Mr Trump', 'Mr')] }],
      { 'Bill Clinton': ['William Jefferson Clinton'] },
    );
    assert.deepEqual(r.assignments.get('a.txt'), ['bill-clinton', 'bill-clinton', 'trump']);
    assert.equal(r.people.find((p) => p.id === 'bill-clinton')?.name, 'Bill Clinton');
  });

  it('gives stable ids whatever the document order, and sorts people by mention count', () => {
    const docs = [
      { path: 'a.txt', mentions: [m('Donald Trump'), m('Mr Trump', 'Mr'), m('Trump')] },
      { path: 'b.txt', mentions: [m('Theresa May'), m('Donald Trump')] },
    ];
    const one = resolveIdentities(docs);
    const two = resolveIdentities([...docs].reverse());
    assert.deepEqual(one.people.map((p) => p.id), ['donald-trump', 'theresa-may']);
    assert.deepEqual(two.people.map((p) => [p.id, p.mentions.length]), one.people.map((p) => [p.id, p.mentions.length]));
  });
});
