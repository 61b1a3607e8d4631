import * as fs from 'fs';
import * as path from 'path';
import { extractArticle } from '../src/core/extract/article';
import { emptyCorpusConfig } from '../src/core/extract/corpusYaml';
const same = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;
const holey = new Function('a', 'return %HasHoleyElements(a)') as (a: unknown) => boolean;
const smi = new Function('a', 'return %HasSmiElements(a)') as (a: unknown) => boolean;
function files(dir: string): string[] { return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.md') || d.name.endsWith('.txt') ? [path.join(dir, d.name)] : []); }
const buckets = new Map<string, { rep: unknown; n: number; keys: string }[]>();
function note(kind: string, o: object): void {
  let list = buckets.get(kind); if (!list) buckets.set(kind, (list = []));
  for (const b of list) if (same(b.rep, o)) { b.n++; return; }
  list.push({ rep: o, n: 1, keys: Array.isArray(o) ? `array holey=${holey(o)} smi=${smi(o)} len=${o.length}` : Object.keys(o).join(',') });
}
const config = emptyCorpusConfig();
for (const f of files(process.argv[2]).slice(0, 1000)) {
  const x = extractArticle(f, fs.readFileSync(f, 'utf8'), 'utf-8', config) as any;
  for (const m of x.mentions ?? []) { note('mention', m); note('nameParts', m.nameParts); }
  for (const e of x.entities ?? []) note('entity', e);
  for (const q of x.quotes ?? []) note('quote', q);
  note('extraction', x);
}
for (const [k, list] of buckets) for (const b of list) console.log(k, b.n, b.keys);
