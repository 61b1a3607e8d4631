// Builds eval/gold/*.json from the hand annotations in eval/gold-spec.ts.
// Offsets are computed by searching the article text (never typed by hand) and every entry is
// validated (text.slice(start, end) === text, quote marks around marked quotes, no overlap with
// boilerplate). `--review` prints every entry in context plus coverage reports (unannotated
// occurrences of annotated names, unannotated capitalised words, unannotated quote marks).
import * as fs from 'fs';
import * as path from 'path';
import { ARTICLES, type ArticleSpec, type QuoteSpec } from './gold-spec';
import type { GoldArticle, GoldMention, GoldQuote, GoldRange } from './score';

const corpusDir = path.join(__dirname, '..', 'corpus');
const goldDir = path.join(__dirname, 'gold');

const OPENING_MARKS = new Set(['“', '"', '‘', "'", '˜']);
const CLOSING_MARKS = new Set(['”', '"', '’', "'"]);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

class SpecError extends Error {}

function findFrom(text: string, needle: string, from: number, what: string): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new SpecError(`${what}: "${needle}" not found after offset ${from}`);
  return at;
}

function paragraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function buildBoilerplate(text: string, spec: ArticleSpec): GoldRange[] {
  const ranges: GoldRange[] = [];
  for (const b of spec.boilerplate) {
    if ('line' in b) {
      // Every whole line equal to b.line.
      let lineStart = 0;
      while (lineStart <= text.length) {
        const end = paragraphEnd(text, lineStart);
        if (text.slice(lineStart, end) === b.line) ranges.push({ start: lineStart, end, reason: b.reason });
        lineStart = end + 1;
      }
    } else {
      const start = findFrom(text, b.from, 0, 'boilerplate');
      let end = b.to === null ? text.length : findFrom(text, b.to, start, 'boilerplate') + b.to.length;
      while (end > start && /\s/.test(text[end - 1])) end--;
      ranges.push({ start, end, reason: b.reason });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

function buildMentions(text: string, spec: ArticleSpec): GoldMention[] {
  const out: GoldMention[] = [];
  let cursor = 0;
  for (const [name, person, context] of spec.mentions) {
    let start: number;
    if (context) {
      const ctxAt = findFrom(text, context, cursor, `mention ${name}`);
      const inCtx = context.indexOf(name);
      if (inCtx < 0) throw new SpecError(`mention ${name}: not inside its context "${context}"`);
      start = ctxAt + inCtx;
    } else {
      start = findFrom(text, name, cursor, `mention ${name}`);
      // Without a context the name must stand as whole words, so "Trump" never lands inside "Trumps".
      if (isLetter(text[start - 1]) || isLetter(text[start + name.length])) {
        throw new SpecError(`mention ${name} at ${start}: not a whole word; give a context`);
      }
    }
    out.push({ start, end: start + name.length, text: name, person });
    cursor = start + 1;
  }
  return out;
}

function buildQuote(text: string, q: QuoteSpec, cursor: number): GoldQuote {
  const from = q.q ?? q.from;
  if (from === undefined) throw new SpecError('quote without q or from');
  const start = findFrom(text, from, cursor, 'quote');
  let end: number;
  if (q.q !== undefined) end = start + q.q.length;
  else if (q.to === undefined) end = paragraphEnd(text, start);
  else end = findFrom(text, q.to, start, `quote ${from}`) + q.to.length;
  const quoted = text.slice(start, end);
  const before = text[start - 1];
  const after = text[end];
  if (q.unmarked === 'paragraph') {
    if (text[start - 1] !== '\n') throw new SpecError(`unmarked continuation "${from}" not at a paragraph start`);
  } else if (q.unmarked) {
    if (text.slice(start - 2, start) !== ': ') throw new SpecError(`unmarked quote "${from}" not after ": "`);
  } else {
    if (!OPENING_MARKS.has(before)) throw new SpecError(`quote "${from}" at ${start}: no opening mark before`);
    const runsToParagraphEnd = after === undefined || after === '\n';
    if (!CLOSING_MARKS.has(after) && !runsToParagraphEnd) {
      throw new SpecError(`quote "${from}" at ${start}: no closing mark or paragraph end after`);
    }
  }
  if (quoted.includes('\n')) throw new SpecError(`quote "${from}" spans a line break`);
  const speaker = q.s;
  const anonymous = q.anon ?? false;
  if (anonymous && speaker !== null) throw new SpecError(`quote "${from}": anonymous with a speaker`);
  const quote: GoldQuote = { start, end, text: quoted, speaker, anonymous };
  if (q.note) quote.note = q.note;
  return quote;
}

function build(spec: ArticleSpec): GoldArticle {
  const text = fs.readFileSync(path.join(corpusDir, spec.path), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) throw new SpecError('unexpected BOM');
  const boilerplate = buildBoilerplate(text, spec);
  const mentions = buildMentions(text, spec);
  const quotes: GoldQuote[] = [];
  let cursor = 0;
  for (const q of spec.quotes) {
    const quote = buildQuote(text, q, cursor);
    quotes.push(quote);
    cursor = quote.start + 1;
  }
  const people = new Set(mentions.map((m) => m.person));
  for (const q of quotes) {
    if (q.speaker !== null && !people.has(q.speaker) && !(spec.speakersNotNamed ?? []).includes(q.speaker)) {
      throw new SpecError(`quote "${q.text.slice(0, 30)}": speaker ${q.speaker} is never mentioned in this article`);
    }
  }
  for (const e of [...mentions, ...quotes]) {
    if (text.slice(e.start, e.end) !== e.text) throw new SpecError(`offset check failed for "${e.text}"`);
    const inBoiler = boilerplate.find((b) => e.start < b.end && b.start < e.end);
    if (inBoiler) throw new SpecError(`"${e.text}" at ${e.start} overlaps boilerplate ${inBoiler.start}-${inBoiler.end}`);
  }
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start < mentions[i - 1].end) throw new SpecError(`mentions overlap at ${mentions[i].start}`);
  }
  return { path: spec.path, boilerplate, mentions, quotes };
}

function context(text: string, start: number, end: number, width = 25): string {
  const flat = (s: string) => s.replace(/\n/g, '⏎');
  return `${flat(text.slice(Math.max(0, start - width), start))}[${flat(text.slice(start, end))}]${flat(text.slice(end, end + width))}`;
}

function review(gold: GoldArticle): void {
  const text = fs.readFileSync(path.join(corpusDir, gold.path), 'utf8');
  console.log(`\n===== ${gold.path}`);
  for (const m of gold.mentions) console.log(`M ${String(m.start).padStart(5)} ${m.person.padEnd(22)} ${context(text, m.start, m.end)}`);
  for (const q of gold.quotes) {
    const who = q.speaker ?? (q.anonymous ? '(anonymous)' : '(none)');
    console.log(`Q ${String(q.start).padStart(5)} ${who.padEnd(22)} ${context(text, q.start, q.end, 12)}`);
  }
  const covered = (s: number, e: number) =>
    gold.mentions.some((m) => m.start <= s && e <= m.end) || gold.boilerplate.some((b) => b.start <= s && e <= b.end);
  // Every occurrence of an annotated form or of its last word that no mention covers.
  const forms = new Set<string>();
  for (const m of gold.mentions) {
    forms.add(m.text);
    forms.add(m.text.split(' ').pop() as string);
  }
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (!covered(at, at + form.length)) console.log(`  uncovered "${form}": ${context(text, at, at + form.length)}`);
    }
  }
  // Capitalised words that are not sentence-initial and not covered: the candidates a reviewer checks.
  const words = new Map<string, number>();
  for (const match of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}'’-]*/gu)) {
    const at = match.index ?? 0;
    if (covered(at, at + match[0].length)) continue;
    words.set(match[0], (words.get(match[0]) ?? 0) + 1);
  }
  console.log(`  capitalised, not annotated: ${[...words.keys()].sort().join(' ')}`);
  // Opening marks not directly before an annotated quote (apostrophes show up here too).
  const inBoiler = (at: number) => gold.boilerplate.some((b) => b.start <= at && at < b.end);
  for (let at = 0; at < text.length; at++) {
    if (!OPENING_MARKS.has(text[at]) || inBoiler(at)) continue;
    const starts = gold.quotes.some((q) => q.start === at + 1);
    const ends = gold.quotes.some((q) => q.end === at);
    const inside = gold.quotes.some((q) => q.start <= at && at < q.end);
    if (!starts && !ends && !inside) console.log(`  unannotated mark ${text[at]}: ${context(text, at, at + 1)}`);
  }
}

function main(): void {
  fs.mkdirSync(goldDir, { recursive: true });
  const reviewMode = process.argv.includes('--review');
  let failed = false;
  for (const spec of ARTICLES) {
    try {
      const gold = build(spec);
      fs.writeFileSync(path.join(goldDir, spec.path.replace(/\.(txt|md)$/, '.json')), JSON.stringify(gold, null, 1) + '\n');
      const people = new Set(gold.mentions.map((m) => m.person)).size;
      console.log(`${spec.path}: ${gold.mentions.length} mentions, ${people} people, ${gold.quotes.length} quotes`);
      if (reviewMode) review(gold);
    } catch (err) {
      if (!(err instanceof SpecError)) throw err;
      failed = true;
      console.error(`${spec.path}: ${err.message}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main();
