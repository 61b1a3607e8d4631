// Credits, bylines and headlines read from hand-written article openings and endings.
import * as assert from 'assert';
import { findBoilerplate } from '../../src/core/extract/boilerplate';
import { creditLine, creditOnlyLine, parseByline, wireCredit } from '../../src/core/extract/credits';
import { headlineOf } from '../../src/core/extract/headline';
import { inferMetadata } from '../../src/core/extract/metadata';

const infer = (text: string) => inferMetadata(text, findBoilerplate(text));
const lines = (...texts: string[]) => texts.map((text) => ({ text }));

describe('credits: who a story is credited to', () => {
  it('splits a byline into the writer and the credited agency', () => {
    assert.deepStrictEqual(parseByline('By Greta Holm, The Associated Press'), { byline: 'Greta Holm', credit: 'The Associated Press' });
    assert.deepStrictEqual(parseByline('By Greta Holm The Canadian Press'), { byline: 'Greta Holm', credit: 'The Canadian Press' });
    assert.deepStrictEqual(parseByline('Greta Holm · CTV News Vancouver'), { byline: 'Greta Holm', credit: 'CTV News Vancouver' });
    assert.deepStrictEqual(parseByline('By Greta Holm'), { byline: 'Greta Holm', credit: null });
    assert.deepStrictEqual(parseByline('By The Canadian Press'), { byline: null, credit: 'The Canadian Press' });
  });

  it('does not read a headline or a list of names as a byline', () => {
    assert.strictEqual(parseByline('Greta Holm, Omar Reyes win the regional vote'), null);
    assert.strictEqual(parseByline('Greta Holm'), null);
    assert.strictEqual(parseByline('Council approves transit line'), null);
  });

  it('reads wire datelines, "with files from" and report sign-offs', () => {
    assert.strictEqual(wireCredit('HALIFAX (Reuters) - The port reopened on Monday.'), 'Reuters');
    assert.strictEqual(wireCredit('HALIFAX (Nova Scotia) - The port reopened.'), null);
    assert.strictEqual(creditLine('With files from The Canadian Press and Reuters'), 'The Canadian Press');
    assert.strictEqual(creditLine('This report by The Canadian Press was first published March 3, 2024.'), 'The Canadian Press');
    assert.strictEqual(creditLine('With files from our own reporters'), null);
    assert.strictEqual(creditOnlyLine('CTV Vancouver'), 'CTV Vancouver');
    assert.strictEqual(creditOnlyLine('Times Square Rally Draws Large Crowds'), null);
  });

  it('keeps the credit beside the outlet: a wire agency or a station is never taken for the publisher', () => {
    const wire = infer('Port reopens after strike\n\nHALIFAX (Reuters) - The port reopened on Monday after a two-week strike by dock workers.\n');
    assert.deepStrictEqual([wire.outlet, wire.credit], [null, 'Reuters']);
    const signed = infer('Port reopens\n\nThe port reopened on Monday after a two-week strike by dock workers and a long dispute.\n\n- The Associated Press\n');
    assert.deepStrictEqual([signed.outlet, signed.credit], [null, 'The Associated Press']);
    const station = infer('Roof repairs delayed\n\nA family in Surrey says it has waited two years for a new roof after a storm last winter.\n\nCTV Vancouver\n');
    assert.deepStrictEqual([station.outlet, station.credit], [null, 'CTV Vancouver']);
    const outlet = infer('Port reopens\n\nThe port reopened on Monday after a two-week strike by dock workers and a long dispute.\n\n- The Harbour Gazette\n');
    assert.deepStrictEqual([outlet.outlet, outlet.credit], ['The Harbour Gazette', null]);
  });

  it('takes a bare credit only as the closing line, not a name broken onto a line of its own mid-text', () => {
    const broken = infer('Cup row goes on\n\nThe manager said as much to the\n\nEvening Lantern\n\n. He added that the club would appeal the decision in the courts next month.\n');
    assert.strictEqual(broken.credit, null);
  });

  it('dates a story by its sign-off', () => {
    const meta = infer('Ferry fares rise\n\nFares rise by four per cent from April, the operator said.\n\nThis report by The Canadian Press was first published Feb. 12, 2024.\n');
    assert.deepStrictEqual([meta.date, meta.credit], ['2024-02-12', 'The Canadian Press']);
  });
});

describe('headline: the title is the headline', () => {
  it('skips bylines, credits, date lines, labels and captions before the headline', () => {
    assert.strictEqual(headlineOf(lines('By Greta Holm, The Associated Press', 'Published Jan. 5, 2024', 'Council approves transit line')), 'Council approves transit line');
    assert.strictEqual(headlineOf(lines('The Canadian Press', 'Updated 10:42', 'Ferry fares rise')), 'Ferry fares rise');
    assert.strictEqual(headlineOf(lines('Omar Reyes, left, and his son pose at their home in Surrey on Tuesday.', 'School board cuts bus routes')), 'School board cuts bus routes');
  });

  it('gives no title when the page opens with its body', () => {
    const body = 'The council voted on Tuesday to approve the new transit line, ending a debate that has lasted three years.';
    assert.strictEqual(headlineOf(lines(body, 'Short second line')), null);
    assert.strictEqual(headlineOf(lines('First sentence here. Second sentence follows it.')), null);
    assert.strictEqual(infer(`${body}\n\nMore body text follows.\n`).title, null);
  });

  it('never takes a gallery prompt or a credited caption for the title', () => {
    const text = 'Open this photo in gallery:\nOmar Reyes waves in Brindle Falls. PETER VANCE/THE NORTHERN LEDGER\nCouncil approves transit line\nBy Greta Holm\n\nCouncillors voted 7-2 on Tuesday to approve the line.\n';
    const meta = infer(text);
    assert.deepStrictEqual([meta.title, meta.byline], ['Council approves transit line', 'Greta Holm']);
  });

  it('keeps short headlines that end without a full stop, a question or a quotation', () => {
    assert.strictEqual(headlineOf(lines('Will the bridge open in time?')), 'Will the bridge open in time?');
    assert.strictEqual(headlineOf(lines("'We will not back down,' says mayor")), "'We will not back down,' says mayor");
    assert.strictEqual(headlineOf(lines('## Budget passes')), 'Budget passes');
  });
});
