import * as assert from 'assert';
import { parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { applyCorrection, revertCorrection, type Correction } from '../../src/core/extract/corpusYamlEdit';

const USER_FILE = [
  '# Corpus of local news',
  'articles:',
  '  ./local/kim.txt:',
  '    title:   A mother waits      # the headline, not the caption',
  '    outlet: Daily Bugle',
  '',
  '  other.txt: {title: Elsewhere}',
  '',
  '# furniture the extractor took for people',
  'notPeople: [Article Continued Below]   # also dims nothing',
  '',
].join('\n');

function applied(text: string, correction: Correction): string {
  const result = applyCorrection(text, correction);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.text;
}

/** Lines of `after` that are not in `before`, in order. */
function addedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

const CORRECTIONS: Correction[] = [
  { kind: 'notEntity', name: 'Open This Photo' },
  { kind: 'notEntity', name: 'Ford', path: 'local/kim.txt' },
  { kind: 'alias', path: 'local/kim.txt', canonical: 'Kim Moran', form: 'Kim' },
  { kind: 'merge', from: 'jon-smith', into: 'john-smith' },
  { kind: 'rename', id: 'erin-kim', name: 'Dr Erin Kim-Lee' },
];

describe('corpus.yaml corrections: writing', () => {
  it('keeps every comment and every untouched line byte for byte', () => {
    let text = USER_FILE;
    for (const correction of CORRECTIONS) text = applied(text, correction);
    for (const line of USER_FILE.split('\n')) {
      if (line.startsWith('notPeople')) continue;
      assert.ok(text.split('\n').includes(line), `kept: ${JSON.stringify(line)}`);
    }
    assert.strictEqual(parseCorpusYaml(text).problems.length, 0);
  });

  it('writes what the index reads back: each correction in its scope', () => {
    let text = USER_FILE;
    for (const correction of CORRECTIONS) text = applied(text, correction);
    const config = parseCorpusYaml(text);
    assert.deepStrictEqual(config.notEntities, ['Article Continued Below', 'Open This Photo']);
    assert.deepStrictEqual(config.articleCorrections, { 'local/kim.txt': { aliases: { 'Kim Moran': ['Kim'] }, notEntities: ['Ford'] } });
    assert.deepStrictEqual(config.aliases, {}, 'a per-article alias is not corpus-wide');
    assert.deepStrictEqual(config.merge, { 'jon-smith': 'john-smith' });
    assert.deepStrictEqual(config.names, { 'erin-kim': 'Dr Erin Kim-Lee' });
    assert.deepStrictEqual(config.articles['local/kim.txt'], { title: 'A mother waits', outlet: 'Daily Bugle' });
  });

  it('adds to an existing list in its own style and puts a new article entry under articles', () => {
    const flow = applied('notEntities: [A, B]  # keep\n', { kind: 'notEntity', name: 'C' });
    assert.deepStrictEqual(addedLines('notEntities: [A, B]  # keep\n', flow), ['notEntities: [A, B, C] # keep']);
    const block = applied('notEntities:\n  - A\n  - B\n# end\n', { kind: 'notEntity', name: 'C' });
    assert.strictEqual(block, 'notEntities:\n  - A\n  - B\n  - C\n# end\n');
    const fresh = applied(USER_FILE, { kind: 'alias', path: 'new.txt', canonical: 'Kim', form: 'Mrs Kim' });
    assert.deepStrictEqual(parseCorpusYaml(fresh).articleCorrections['new.txt'].aliases, { Kim: ['Mrs Kim'] });
  });

  it('is idempotent: a correction already there changes nothing (notPeople counts)', () => {
    let text = USER_FILE;
    for (const correction of CORRECTIONS) text = applied(text, correction);
    for (const correction of CORRECTIONS) {
      const again = applyCorrection(text, correction);
      assert.ok(again.ok && !again.changed && again.text === text, correction.kind);
    }
    const furniture = applyCorrection(USER_FILE, { kind: 'notEntity', name: 'article continued below' });
    assert.ok(furniture.ok && !furniture.changed);
  });

  it('creates corpus.yaml content from nothing, and quotes names YAML would misread', () => {
    const text = applied('', { kind: 'rename', id: 'no', name: 'Yes: No #1' });
    assert.deepStrictEqual(parseCorpusYaml(text).names, { no: 'Yes: No #1' });
  });

  it('reverts each correction, back to the exact text when nothing else changed', () => {
    let text = USER_FILE;
    const steps: { correction: Correction; previous: string | null }[] = [];
    for (const correction of CORRECTIONS) {
      const result = applyCorrection(text, correction);
      assert.ok(result.ok);
      steps.push({ correction, previous: result.previous });
      text = result.text;
    }
    for (const { correction, previous } of steps.reverse()) {
      const result = revertCorrection(text, correction, previous);
      assert.ok(result.ok && result.changed, correction.kind);
      text = result.text;
    }
    assert.strictEqual(text, USER_FILE);
  });

  it('reverting a rename of a renamed person restores the earlier name', () => {
    const first = applied('', { kind: 'rename', id: 'a', name: 'First' });
    const second = applyCorrection(first, { kind: 'rename', id: 'a', name: 'Second' });
    assert.ok(second.ok && second.previous === 'First');
    const back = revertCorrection(second.text, { kind: 'rename', id: 'a', name: 'Second' }, second.previous);
    assert.ok(back.ok);
    assert.strictEqual(back.text, first);
  });

  it('refuses to edit a file with syntax errors', () => {
    const result = applyCorrection('articles:\n  a.txt: [\n', { kind: 'notEntity', name: 'X' });
    assert.ok(!result.ok);
    assert.match(result.reason, /errors/);
  });

  it('keeps CRLF line endings', () => {
    const text = applied('# c\r\nnotEntities: [A]\r\nnames:\r\n  x: Y\r\n', { kind: 'notEntity', name: 'B' });
    assert.strictEqual(text, '# c\r\nnotEntities: [A, B]\r\nnames:\r\n  x: Y\r\n');
  });
});
