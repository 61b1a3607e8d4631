// CoNLL-2003 person-name evaluation: rebuilds each document's text from its tokens, runs the extractor and
// scores PER spans by exact token match. Usage: npx tsx eval/conll.ts [testa|testb] [--errors N]
// CoNLL PER spans exclude honorifics ("Mr" is not part of the entity), so the honorific is cut off our spans.
import { readFileSync } from 'fs';
import { join } from 'path';
import { extractMentions } from '../src/core/extract/mentions';

interface Doc {
  text: string;
  tokenStarts: Map<number, number>;
  tokenEnds: Map<number, number>;
  tokens: string[];
  gold: Set<string>;
}

export function loadConll(path: string): Doc[] {
  const docs: Doc[] = [];
  let parts: string[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let sentences: { tokens: string[]; tags: string[] }[] = [];
  const flushSentence = (): void => {
    if (tokens.length) sentences.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  const flushDoc = (): void => {
    flushSentence();
    if (!sentences.length) return;
    const doc: Doc = { text: '', tokenStarts: new Map(), tokenEnds: new Map(), tokens: [], gold: new Set() };
    parts = [];
    let offset = 0;
    for (const s of sentences) {
      let entityStart = -1;
      for (let i = 0; i < s.tokens.length; i++) {
        const index = doc.tokens.length;
        if (i > 0) { parts.push(' '); offset += 1; }
        doc.tokenStarts.set(offset, index);
        parts.push(s.tokens[i]);
        offset += s.tokens[i].length;
        doc.tokenEnds.set(offset, index);
        doc.tokens.push(s.tokens[i]);
        const tag = s.tags[i];
        const continues = tag === 'I-PER' && entityStart >= 0;
        if (entityStart >= 0 && !continues) doc.gold.add(`${entityStart}:${index - 1}`);
        if (!continues) entityStart = tag === 'I-PER' || tag === 'B-PER' ? index : -1;
      }
      if (entityStart >= 0) doc.gold.add(`${entityStart}:${doc.tokens.length - 1}`);
      parts.push('\n');
      offset += 1;
    }
    doc.text = parts.join('');
    docs.push(doc);
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) { flushDoc(); continue; }
    if (!line.trim()) { flushSentence(); continue; }
    const cols = line.split(' ');
    tokens.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  flushDoc();
  return docs;
}

function main(): void {
  const split = process.argv[2] ?? 'testb';
  const errorsArg = process.argv.indexOf('--errors');
  const showErrors = errorsArg > 0 ? Number(process.argv[errorsArg + 1] ?? 50) : 0;
  const path = join(__dirname, '..', '..', 'shared', 'data', 'conll2003', `eng.${split}`);
  const docs = loadConll(path);
  let tp = 0, fp = 0, fn = 0, chars = 0;
  const fps: string[] = [];
  const fns: string[] = [];
  const t0 = process.hrtime.bigint();
  const predictions = docs.map((d) => extractMentions(d.text, []));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  docs.forEach((doc, di) => {
    chars += doc.text.length;
    const predicted = new Set<string>();
    for (const m of predictions[di]) {
      // Cut the honorific: the name starts at its first name part.
      const nameStart = m.honorific ? doc.text.indexOf(m.nameParts[0], m.start + m.honorific.length) : m.start;
      const a = doc.tokenStarts.get(nameStart);
      const b = doc.tokenEnds.get(m.end);
      predicted.add(a !== undefined && b !== undefined ? `${a}:${b}` : `x${m.start}:${m.end}`);
    }
    const show = (key: string): string => {
      if (key.startsWith('x')) return key;
      const [a, b] = key.split(':').map(Number);
      return `${doc.tokens.slice(Math.max(0, a - 3), a).join(' ')} [${doc.tokens.slice(a, b + 1).join(' ')}] ${doc.tokens.slice(b + 1, b + 4).join(' ')}`;
    };
    for (const p of predicted) {
      if (doc.gold.has(p)) tp++;
      else { fp++; fps.push(show(p)); }
    }
    for (const g of doc.gold) if (!predicted.has(g)) { fn++; fns.push(show(g)); }
  });
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  console.log(`CoNLL-2003 eng.${split} PER exact: P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}); ${docs.length} docs, ${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s`);
  if (showErrors) {
    console.log('\nFalse positives:');
    for (const e of fps.slice(0, showErrors)) console.log('  ' + e);
    console.log('\nFalse negatives:');
    for (const e of fns.slice(0, showErrors)) console.log('  ' + e);
  }
}

if (require.main === module) main();
