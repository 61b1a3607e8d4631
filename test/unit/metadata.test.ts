import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse as parseYamlPlain } from 'yaml';
import { findBoilerplate } from '../../src/core/extract/boilerplate';
import { emptyCorpusConfig, parseCorpusYaml } from '../../src/core/extract/corpusYaml';
import { findDate, parseDate } from '../../src/core/extract/dates';
import { inferMetadata, parseFrontMatter, resolveMetadata } from '../../src/core/extract/metadata';
import { MAX_YAML_ALIASES } from '../../src/core/extract/yamlReader';

const corpusDir = path.join(__dirname, '..', '..', 'corpus');

describe('metadata: corpus.yaml', () => {
  it('reads the sample corpus.yaml exactly, with no problems', () => {
    const text = readFileSync(path.join(corpusDir, 'corpus.yaml'), 'utf8');
    const config = parseCorpusYaml(text);
    assert.deepStrictEqual(config.problems, []);
    // The plain YAML parse is the oracle: every field we keep equals what the file says.
    const plain = parseYamlPlain(text) as { articles: Record<string, Record<string, unknown>> };
    assert.deepStrictEqual(Object.keys(config.articles).sort(), Object.keys(plain.articles).sort());
    for (const [file, fields] of Object.entries(plain.articles)) {
      for (const [key, value] of Object.entries(fields)) {
        assert.strictEqual((config.articles[file] as Record<string, unknown>)[key], String(value), `${file} ${key}`);
      }
    }
  });

  it('reads aliases and notPeople', () => {
    const config = parseCorpusYaml('aliases:\n  Michael Fallon: [Sir Michael, Fallon]\n  Nigel Farage: Farage\nnotPeople:\n  - Trump Tower\n  - Andrew Marr Show\n');
    assert.deepStrictEqual(config.aliases, { 'Michael Fallon': ['Sir Michael', 'Fallon'], 'Nigel Farage': ['Farage'] });
    assert.deepStrictEqual(config.notEntities, ['Trump Tower', 'Andrew Marr Show']);
    assert.deepStrictEqual(config.problems, []);
  });

  it('reports a syntax error at its line and column and falls back to defaults', () => {
    const config = parseCorpusYaml('articles:\n  a.txt:\n    title: "unclosed\n  b.txt: [\n');
    assert.deepStrictEqual({ ...config, problems: [] }, emptyCorpusConfig());
    assert.ok(config.problems.length > 0);
    assert.ok(config.problems.every((p) => p.severity === 'error'));
    assert.ok(config.problems[0].line >= 2, `line ${config.problems[0].line}`);
  });

  it('reports wrong types and unknown keys at their line, keeping the valid parts', () => {
    const text = ['articles:', '  a.txt:', '    title: Fine', '    date: yesterday', '    colour: red', '  b.txt: [1, 2]', 'notPeople: 7', 'extra: true', ''].join('\n');
    const config = parseCorpusYaml(text);
    assert.deepStrictEqual(config.articles['a.txt'], { title: 'Fine' });
    assert.deepStrictEqual(config.articles['b.txt'], {});
    const byLine = new Map(config.problems.map((p) => [p.line, p]));
    assert.match(byLine.get(3)!.message, /date/);
    assert.match(byLine.get(4)!.message, /unknown key "colour"/);
    assert.strictEqual(byLine.get(4)!.column, 4);
    assert.match(byLine.get(5)!.message, /mapping/);
    assert.match(byLine.get(7)!.message, /unknown key "extra"/);
    assert.ok(config.problems.every((p) => p.severity === 'warning'));
    assert.deepStrictEqual(config.notEntities, ['7']);
  });

  it('never throws on a non-mapping document or an empty file', () => {
    assert.deepStrictEqual(parseCorpusYaml('').problems, []);
    assert.match(parseCorpusYaml('- just\n- a list\n').problems[0].message, /mapping/);
  });

  it('caps alias expansion so an alias bomb costs nothing', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*${i === 1 ? 'a' : `l${i - 1}`}`).join(', ')}]`);
    lines.push(`notPeople: [${Array(MAX_YAML_ALIASES * 3).fill('*l11').join(', ')}]`);
    const started = Date.now();
    const config = parseCorpusYaml(lines.join('\n'));
    assert.ok(Date.now() - started < 2000);
    assert.ok(config.problems.some((p) => /aliases/.test(p.message) && p.severity === 'error'));
    assert.deepStrictEqual(config.notEntities, []);
  });

  it('accepts aliases to plain values within the cap', () => {
    const config = parseCorpusYaml('x: &outlet The Times\narticles:\n  a.txt: { outlet: *outlet }\n');
    assert.strictEqual(config.articles['a.txt'].outlet, 'The Times');
  });
});

describe('metadata: front matter', () => {
  it('reads title/outlet/date from front matter and reports its span', () => {
    const text = '---\ntitle: Hello\noutlet: The Times\ndate: 2020-01-02\ntags: [a]\n---\nBody text.\n';
    const fm = parseFrontMatter(text)!;
    assert.deepStrictEqual(fm.metadata, { title: 'Hello', outlet: 'The Times', date: '2020-01-02' });
    assert.strictEqual(text.slice(fm.span.end), 'Body text.\n');
  });

  it('is absent without an opening or closing fence', () => {
    assert.strictEqual(parseFrontMatter('title: x\n---\n'), null);
    assert.strictEqual(parseFrontMatter('---\ntitle: x\n'), null);
  });
});

describe('metadata: dates', () => {
  it('reads the stated forms', () => {
    assert.strictEqual(findDate('14 November 2016')?.iso, '2016-11-14');
    assert.strictEqual(findDate('06.04.2017')?.iso, '2017-04-06');
    assert.strictEqual(findDate('April 6, 2017')?.iso, '2017-04-06');
    assert.strictEqual(findDate('Published 2017-04-06T10:00Z')?.iso, '2017-04-06');
    assert.strictEqual(findDate('1st Sept 2019')?.iso, '2019-09-01');
    assert.strictEqual(findDate('25/12/2019')?.iso, '2019-12-25');
  });

  it('refuses impossible and ambiguous dates', () => {
    assert.strictEqual(findDate('31 February 2017'), null);
    assert.strictEqual(findDate('04/06/2017'), null);
    assert.strictEqual(findDate('in 2017 and 2018'), null);
  });

  it('parses whole values only', () => {
    assert.strictEqual(parseDate('2017-03-31'), '2017-03-31');
    assert.strictEqual(parseDate('31 March 2017'), '2017-03-31');
    assert.strictEqual(parseDate('2017-03-31 or so'), null);
  });
});

describe('metadata: inference from text', () => {
  it('takes the first non-blank line as the title', () => {
    assert.strictEqual(inferMetadata('\n\n  Headline here  \n\nBody.').title, 'Headline here');
    assert.strictEqual(inferMetadata('').title, null);
  });

  it('reads a date line in the header and a dateline "Outlet (date)"', () => {
    const meta = inferMetadata('Headline\n\n06.04.2017\n\nGazette (06 April 2017)\n\nBody text follows here.');
    assert.strictEqual(meta.date, '2017-04-06');
    assert.strictEqual(meta.outlet, 'Gazette');
  });

  it('ignores dates in prose and weekday or label datelines as outlets', () => {
    const meta = inferMetadata('Headline\n\nThe minister said on 14 November 2016 that talks would resume after the summit next year.\n');
    assert.strictEqual(meta.date, null);
    const labelled = inferMetadata('Headline\nPublished (14 November 2016)\nBody.');
    assert.strictEqual(labelled.date, '2016-11-14');
    assert.strictEqual(labelled.outlet, null);
  });

  it('reads an outlet from a sign-off line, but not a person signing off', () => {
    assert.strictEqual(inferMetadata('Headline\n\nBody.\n\n- The Daily Planet\n').outlet, 'The Daily Planet');
    assert.strictEqual(inferMetadata('Headline\n\nBody.\n\n- Jane Smith\n').outlet, null);
  });

  it('reads "Source:" lines and copyright lines, but not a publisher company', () => {
    assert.strictEqual(inferMetadata('Headline\nBody.\nSource: Reuters').outlet, 'Reuters');
    assert.strictEqual(inferMetadata('Headline\nBody.\nKaynak/Source:').outlet, null);
    assert.strictEqual(inferMetadata('Headline\nBody.\n\u00a9 The Evening Post 2019').outlet, 'The Evening Post');
    assert.strictEqual(inferMetadata('Headline\nBody.\n\u00a9Example Publishing Ltd. All rights reserved.').outlet, null);
  });

  it('reads a wire dateline (a credit, not the outlet) and a "By" byline in the header', () => {
    const meta = inferMetadata('Headline\nBy Jane Smith\nLONDON (Reuters) - Ministers met on Monday.');
    assert.strictEqual(meta.outlet, null);
    assert.strictEqual(meta.credit, 'Reuters');
    assert.strictEqual(meta.byline, 'Jane Smith');
  });

  it('infers the stated metadata of the sample articles and nothing else', () => {
    const infer = (file: string) => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      return inferMetadata(text, findBoilerplate(text));
    };
    const government = infer('uk-government-secret-move-russia.txt');
    assert.deepStrictEqual([government.date, government.outlet], ['2017-04-06', 'Independent']);
    const telegraph = infer('trump-putin-alliance-diplomatic-crisis.txt');
    assert.deepStrictEqual([telegraph.date, telegraph.outlet], ['2016-11-14', 'The Telegraph']);
    for (const file of ['uk-ends-business-as-usual-with-russia.txt', 'uk-and-us-accuse-russia-of-interfering.txt', 'us-must-provide-backstop-pm-says.txt']) {
      const meta = infer(file);
      assert.strictEqual(meta.date, null, file);
      assert.strictEqual(meta.outlet, null, file);
      const firstLine = readFileSync(path.join(corpusDir, file), 'utf8').split('\n')[0].trim();
      assert.strictEqual(meta.title, firstLine, file);
    }
  });
});

describe('metadata: precedence', () => {
  it('front matter, then corpus.yaml, then inference, per field', () => {
    const config = parseCorpusYaml('articles:\n  a.md:\n    title: From yaml\n    outlet: Yaml Outlet\n');
    const text = '---\ntitle: From front matter\n---\nInferred headline\n\n14 November 2016\n\nBody.\n';
    const { metadata, sources } = resolveMetadata('a.md', text, config);
    assert.deepStrictEqual(
      [metadata.title, metadata.outlet, metadata.date, metadata.url],
      ['From front matter', 'Yaml Outlet', '2016-11-14', null],
    );
    assert.deepStrictEqual(sources, { title: 'frontmatter', outlet: 'corpus.yaml', date: 'inferred' });
  });

  it('matches corpus.yaml keys written with ./ or backslashes', () => {
    const config = parseCorpusYaml('articles:\n  ./sub\\a.txt:\n    outlet: X Times\n');
    assert.strictEqual(resolveMetadata('sub/a.txt', 'Title\n', config).metadata.outlet, 'X Times');
  });
});
