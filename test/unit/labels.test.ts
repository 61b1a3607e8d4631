import * as assert from 'assert';
import { articleCount, articleDetail, articleTitle, entityTypeName, entityTypePlural, plural } from '../../src/core/query/labels';
import { article, mention } from '../support/queryFixtures';

describe('labels', () => {
  it('names an article by its title, else by its file name', () => {
    assert.strictEqual(articleTitle(article('news/2017/talks.txt', null, '  Talks in London ')), 'Talks in London');
    assert.strictEqual(articleTitle(article('news/2017/talks.txt', null, '   ')), 'talks.txt');
    assert.strictEqual(articleTitle(article('talks.txt', null)), 'talks.txt');
  });

  it('joins title, outlet and date, leaving out what is unknown', () => {
    const dated = { ...article('a.txt', '2017-03-01', 'Talks'), outlet: 'The Times' };
    assert.strictEqual(articleDetail(dated), 'Talks · The Times · 2017-03-01');
    assert.strictEqual(articleDetail(dated, false), 'The Times · 2017-03-01');
    assert.strictEqual(articleDetail(article('a.txt', null)), 'a.txt');
  });

  it('names the credited agency beside the outlet, not as it', () => {
    const credited = { ...article('a.txt', '2024-01-05', 'Council votes'), outlet: 'The Ledger', credit: 'The Associated Press' };
    assert.strictEqual(articleDetail(credited), 'Council votes · The Ledger · via The Associated Press · 2024-01-05');
    assert.strictEqual(articleDetail({ ...credited, outlet: null }), 'Council votes · via The Associated Press · 2024-01-05');
    assert.strictEqual(articleDetail({ ...credited, credit: 'The Ledger' }), 'Council votes · The Ledger · 2024-01-05');
  });

  it('counts with the right plural and counts distinct articles', () => {
    assert.strictEqual(plural(1, 'article'), '1 article');
    assert.strictEqual(plural(0, 'article'), '0 articles');
    assert.strictEqual(plural(2, 'person', 'people'), '2 people');
    assert.strictEqual(articleCount([mention('a.txt', 0, 'Lee'), mention('b.txt', 0, 'Lee'), mention('a.txt', 9, 'Lee')]), 2);
    assert.strictEqual(articleCount([]), 0);
  });

  it('names each entity type, singular and plural', () => {
    assert.deepStrictEqual(
      (['person', 'organization', 'place'] as const).map((t) => [entityTypeName(t), entityTypePlural(t)]),
      [['Person', 'People'], ['Organisation', 'Organisations'], ['Place', 'Places']],
    );
  });
});
