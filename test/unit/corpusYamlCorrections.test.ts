import * as assert from 'assert';
import { parseCorpusYaml } from '../../src/core/extract/corpusYaml';

describe('corpus.yaml corrections: reading', () => {
  it('reads notEntities, with notPeople as a synonym, merges and renames', () => {
    const config = parseCorpusYaml([
      'notEntities: [Article Continued Below]',
      'notPeople:',
      '  - Bethpage Black',
      'merge:',
      '  jon-smith: john-smith',
      'names:',
      '  erin-kim: Dr Erin Kim',
      '',
    ].join('\n'));
    assert.deepStrictEqual(config.problems, []);
    assert.deepStrictEqual(config.notEntities, ['Article Continued Below', 'Bethpage Black']);
    assert.deepStrictEqual(config.merge, { 'jon-smith': 'john-smith' });
    assert.deepStrictEqual(config.names, { 'erin-kim': 'Dr Erin Kim' });
  });

  it('reads corrections under one article beside its metadata, scoped to that article', () => {
    const config = parseCorpusYaml([
      'articles:',
      '  ./local/kim.txt:',
      '    title: A mother speaks',
      '    aliases:',
      '      Kim Moran: [Kim]',
      '    notEntities: [Ford]',
      '  other.txt:',
      '    title: Elsewhere',
      'aliases:',
      '  Kim Jong-un: [Kim Jong Un]',
      '',
    ].join('\n'));
    assert.deepStrictEqual(config.problems, []);
    assert.deepStrictEqual(config.articles['local/kim.txt'], { title: 'A mother speaks' });
    assert.deepStrictEqual(config.articleCorrections, { 'local/kim.txt': { aliases: { 'Kim Moran': ['Kim'] }, notEntities: ['Ford'] } });
    assert.deepStrictEqual(config.aliases, { 'Kim Jong-un': ['Kim Jong Un'] });
  });

  it('reports wrong types in corrections at their line and keeps the rest', () => {
    const config = parseCorpusYaml(['merge: [a, b]', 'names:', '  a: [x]', '  b: Bee', 'articles:', '  a.txt:', '    aliases: Kim', '    colour: red', ''].join('\n'));
    assert.deepStrictEqual(config.names, { b: 'Bee' });
    assert.deepStrictEqual(config.merge, {});
    const lines = config.problems.map((p) => p.line).sort();
    assert.deepStrictEqual(lines, [0, 2, 6, 7]);
    assert.match(config.problems.find((p) => p.line === 7)!.message, /unknown key "colour".*aliases, notEntities/);
  });
});
