// Where the whole pipeline's PER errors on a CoNLL-2003 split come from, against the tagger alone: each gold
// person the pipeline misses (fn) and each person it lists that is no gold person (fp), grouped by whether the
// tagger alone got it right and by what the pipeline has there instead (another span, an organisation or
// place, a mention identity resolution dropped, nothing). For tuning: run it on testa or train, never testb.
// Usage: npx tsx eval/conllPersonErrors.ts [testa|train] [max examples per group, default 400]
import { join } from 'path';
import { readConll, type ConllDocument } from '../src/core/extract/entities/conll';
import { tagEntities } from '../src/core/extract/entities';
import { CONLL_TYPES } from '../src/core/extract/entities/tags';
import { goldSpans } from './conllEntities';
import { CorpusIndex } from '../src/core/index/corpusIndex';
import type { EntityType } from '../src/core/types';

interface Found {
  s: number;
  e: number;
  label: string;
}

const SHORT: Record<EntityType | 'misc', string> = { person: 'PER', organization: 'ORG', place: 'LOC', misc: 'MISC' };

function classify(split: string, docs: readonly ConllDocument[]): Map<string, string[]> {
  const texts: Record<string, string> = {};
  const pathOf = (d: number): string => `${split}/${String(d).padStart(4, '0')}.txt`;
  docs.forEach((doc, d) => (texts[pathOf(d)] = doc.text));
  const index = CorpusIndex.fromTexts('/conll', texts);
  const groups = new Map<string, string[]>();
  const add = (group: string, line: string): void => {
    const list = groups.get(group);
    if (list) list.push(line);
    else groups.set(group, [line]);
  };
  docs.forEach((doc, d) => {
    const path = pathOf(d);
    const { text } = doc;
    const firstToken = new Map<number, number>();
    const lastToken = new Map<number, number>();
    doc.starts.forEach((s, t) => firstToken.set(s, t));
    doc.ends.forEach((e, t) => lastToken.set(e, t));
    const key = (s: number, e: number, type: string): string => `${firstToken.get(s) ?? `x${s}`}:${lastToken.get(e) ?? `x${e}`}:${type}`;
    const gold = new Map<string, [number, number]>();
    for (const k of goldSpans(doc)) {
      const [a, b, t] = k.split(':');
      const name = CONLL_TYPES[Number(t)];
      if (name !== 'MISC') gold.set(`${a}:${b}:${name}`, [doc.starts[Number(a)], doc.ends[Number(b)]]);
    }
    const tagged: Found[] = tagEntities(text).map((e) => ({ s: e.start, e: e.end, label: SHORT[e.type] }));
    const taggedKeys = new Set(tagged.map((f) => key(f.s, f.e, f.label)));
    const extraction = index.extraction(path)!;
    // Person spans are scored without their honorific, as the pipeline eval does.
    const nameStart = new Map<number, number>();
    for (const m of extraction.mentions) if (m.honorific !== null) nameStart.set(m.start, text.indexOf(m.nameParts[0], m.start + m.honorific.length));
    const listed: Found[] = index.mentionsIn(path).map((m) => {
      const label = SHORT[index.entity(m.entityId)!.type];
      return { s: label === 'PER' ? (nameStart.get(m.start) ?? m.start) : m.start, e: m.end, label };
    });
    const listedKeys = new Set(listed.map((f) => key(f.s, f.e, f.label)));
    const extracted: Found[] = extraction.mentions.map((m) => ({ s: nameStart.get(m.start) ?? m.start, e: m.end, label: m.tentative ? 'tentative' : 'rule' }));
    const named: Found[] = (extraction.entities ?? []).map((m) => ({ s: m.start, e: m.end, label: SHORT[m.type] }));
    const over = (list: readonly Found[], s: number, e: number): string => list.filter((f) => f.s < e && f.e > s).map((f) => `${f.label}:${text.slice(f.s, f.e)}`).join('|') || '-';
    const context = (s: number, e: number): string => `${text.slice(Math.max(0, s - 35), s)}[${text.slice(s, e)}]${text.slice(e, e + 35)}`.replace(/\n/g, ' / ');
    for (const [k, [s, e]] of gold) {
      if (!k.endsWith('PER') || listedKeys.has(k)) continue;
      const instead = over(listed, s, e);
      const what = instead !== '-' ? `listed as ${instead.startsWith('PER') ? 'another PER span' : instead.slice(0, 3)}`
        : over(extracted, s, e) !== '-' ? 'extracted, dropped by identity resolution'
          : over(named, s, e) !== '-' ? 'extracted as ORG/LOC, dropped' : 'nothing';
      add(`fn, tagger alone ${taggedKeys.has(k) ? 'right' : 'wrong'}: ${what}`, `${context(s, e)}   listed=${instead} rules=${over(extracted, s, e)} tagger=${over(tagged, s, e)}`);
    }
    for (const f of listed) {
      if (f.label !== 'PER' || gold.has(key(f.s, f.e, 'PER'))) continue;
      const overlapping = [...gold].filter(([, [s, e]]) => s < f.e && e > f.s).map(([k, [s, e]]) => `${k.slice(k.lastIndexOf(':') + 1)}:${text.slice(s, e)}`).join('|') || '-';
      add(`fp, tagger alone ${taggedKeys.has(key(f.s, f.e, 'PER')) ? 'the same' : 'different'}: gold ${overlapping === '-' ? 'none' : overlapping.slice(0, 3)}`,
        `${context(f.s, f.e)}   gold=${overlapping} rules=${over(extracted, f.s, f.e)} tagger=${over(tagged, f.s, f.e)}`);
    }
  });
  return groups;
}

function main(): void {
  const split = process.argv[2] ?? 'testa';
  if (split === 'testb') throw new Error('testb is for reporting only: classify errors on testa or train');
  const shown = Number(process.argv[3] ?? 400);
  const directory = process.env.CONLL2003_DIR ?? join(__dirname, '..', '..', 'shared', 'data', 'conll2003');
  const groups = classify(split, readConll(join(directory, `eng.${split}`)));
  for (const [group, lines] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`\n== ${group}: ${lines.length}`);
    for (const line of lines.slice(0, shown)) console.log(`  ${line}`);
  }
}

if (require.main === module) main();
