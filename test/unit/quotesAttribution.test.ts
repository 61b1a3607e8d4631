// Speaker attribution as real news writes it: "X told <outlet>", appositions after the name, "according
// to X", a bare first name, runs of quotes. Each pattern has its negative cases: a wrong speaker is worse than none.
import * as assert from 'assert';
import { extractArticle } from '../../src/core/extract/article';
import { emptyCorpusConfig } from '../../src/core/extract/corpusYaml';
import { runQuotes } from '../support/quoteMentions';

/** The speaker of each quote, by the text of its mention. */
function speakers(text: string, names: string[]): (string | null)[] {
  const { quotes, speaker } = runQuotes(text, names);
  return quotes.map(speaker);
}

describe('quotes: "X told <outlet>"', () => {
  it('the subject after the quote, the outlet and the day after the verb', () => {
    assert.deepStrictEqual(speakers('“We are out of options,” Dana Whitfield told CTV News Friday.', ['Dana Whitfield']), ['Dana Whitfield']);
  });

  it('the subject before a colon', () => {
    assert.deepStrictEqual(speakers('Dana Whitfield told the Gazette: “We are out of options.”', ['Dana Whitfield']), ['Dana Whitfield']);
  });

  it('never the person told', () => {
    assert.deepStrictEqual(speakers('“Sign here,” the clerk told Dana Whitfield.', ['Dana Whitfield']), [null]);
    assert.deepStrictEqual(speakers('“Sign here,” Omar Haddad told Dana Whitfield.', ['Omar Haddad', 'Dana Whitfield']), ['Omar Haddad']);
  });

  it('a pronoun later never points back to the person told', () => {
    const text = '“Sign here,” Mr Haddad told Mrs Whitfield. “It is the last form,” she said.';
    assert.deepStrictEqual(speakers(text, ['Mr Haddad', 'Mrs Whitfield']), ['Mr Haddad', null]);
  });

  it('"quoted X as saying"', () => {
    const text = 'The firm expects losses. “We will cut costs,” the newspaper quoted chief executive Geoff Lang as saying.';
    assert.deepStrictEqual(speakers(text, ['Geoff Lang']), ['Geoff Lang']);
  });
});

describe('quotes: a name with an apposition after the quote', () => {
  it('", X, an analyst with a bank, told Reuters", and the quote after it', () => {
    const text = '“Growth will slow,” Ivo Brandt, an analyst with Keller Bank in Zurich, told Reuters. “Rates will stay low.”';
    assert.deepStrictEqual(speakers(text, ['Ivo Brandt']), ['Ivo Brandt', 'Ivo Brandt']);
  });

  it('an apposition that runs into the verb ("X, the council\'s finance chief said")', () => {
    assert.deepStrictEqual(speakers('“The budget is tight,” Mr Okafor, the council\'s finance chief said.', ['Mr Okafor']), ['Mr Okafor']);
  });

  it('a title with a preposition before the name ("director of research X said")', () => {
    assert.deepStrictEqual(speakers('“Demand is weak,” director of research Lena Fischer said.', ['Lena Fischer']), ['Lena Fischer']);
  });

  it('"said <title>, X"', () => {
    const text = '“Costs are rising,” said the group\'s chief economist, Paul Varga. “Firms will feel it.”';
    assert.deepStrictEqual(speakers(text, ['Paul Varga']), ['Paul Varga', 'Paul Varga']);
  });

  it('several people speaking together: nobody', () => {
    const text = '“We object,” Ms Reed, Mr Lowe and Mr Park said in a joint letter.';
    assert.deepStrictEqual(speakers(text, ['Ms Reed', 'Mr Lowe', 'Mr Park']), [null]);
  });

  it('never the name a preposition governs ("an adviser to President X told")', () => {
    assert.deepStrictEqual(speakers('“It is theft,” an adviser to President Arturo Mendez told reporters.', ['President Arturo Mendez']), [null]);
    assert.deepStrictEqual(speakers('“It is theft,” Ana Ruiz - then an adviser to President Arturo Mendez - told reporters.', ['President Arturo Mendez']), [null]);
  });

  it('an attribution it cannot name keeps the quote from inheriting the previous speaker', () => {
    const text = '“Prices will fall,” said Ms Reed. “We cannot afford it,” shop owner Ana Ruiz, told the paper.';
    assert.deepStrictEqual(speakers(text, ['Ms Reed']), ['Ms Reed', null]);
  });
});

describe('quotes: "according to X"', () => {
  it('a named person', () => {
    assert.deepStrictEqual(speakers('“Prices will rise,” according to Ms Reed.', ['Ms Reed']), ['Ms Reed']);
    assert.deepStrictEqual(speakers('Prices will be “sharply higher”, according to Ms Reed, the agency\'s chief.', ['Ms Reed']), ['Ms Reed']);
  });

  for (const source of ['reports', 'figures from the agency', 'the BBC', 'a report by the agency']) {
    it(`nobody for "according to ${source}"`, () => {
      const text = `Ms Reed spoke on Monday. Prices will be “sharply higher”, according to ${source}.`;
      assert.deepStrictEqual(speakers(text, ['Ms Reed']), [null]);
    });
  }
});

describe('quotes: runs of quotes', () => {
  it('"he said" after "said X": the name credited with the quote before', () => {
    const text = 'Ms Lyle met the board.\n“It is a great day,” said chief executive Mr Hume. “The exchange offers access,” he said.';
    assert.deepStrictEqual(speakers(text, ['Ms Lyle', 'Mr Hume']), ['Mr Hume', 'Mr Hume']);
  });

  it('"she said" in the paragraph after "said X"', () => {
    const text = '“We saw growth,” said Clara Hume, head of sales at the firm.\n“Companies should invest,” she said.';
    assert.deepStrictEqual(speakers(text, ['Clara Hume']), ['Clara Hume', 'Clara Hume']);
  });

  it('a credited name is no antecedent beyond the next sentence', () => {
    const text = 'Mr Grant runs the fund.\n“We will sell,” said Mr Tan. The shares fell sharply. Traders sold all day. Peter Smit of the bank was calm. “It will pass,” he said.';
    assert.deepStrictEqual(speakers(text, ['Mr Grant', 'Mr Tan']), ['Mr Tan', null]);
  });

  it('continuation paragraphs without a cue keep the speaker of the apposition', () => {
    const text = '“We will appeal,” Ivo Brandt, the firm\'s lawyer, told reporters.\n“The ruling ignores the evidence.”\n“We expect to win.”';
    assert.deepStrictEqual(speakers(text, ['Ivo Brandt']), ['Ivo Brandt', 'Ivo Brandt', 'Ivo Brandt']);
  });

  it('a run broken by another speaker’s cue does not go back to the first speaker', () => {
    const text = '“We will appeal,” said Mr Tan.\n“The ruling ignores the evidence.”\n“The ruling is final,” a court spokeswoman said.\n“There is no further appeal.”';
    assert.deepStrictEqual(speakers(text, ['Mr Tan']), ['Mr Tan', 'Mr Tan', null, null]);
  });

  it('"he said" after another named speaker takes that speaker', () => {
    const text = '“We will appeal,” said Mr Tan. “It is unfair,” Mr Lee, his partner, said. “We have no choice,” he said.';
    assert.deepStrictEqual(speakers(text, ['Mr Tan', 'Mr Lee']), ['Mr Tan', 'Mr Lee', 'Mr Lee']);
  });
});

describe('quotes: a bare first name as speaker (whole extraction)', () => {
  function extracted(text: string): (string | null)[] {
    const x = extractArticle('a.txt', text, 'utf-8', emptyCorpusConfig());
    return x.quotes.map((q) => (q.speakerMention === null ? null : x.mentions[q.speakerMention].text));
  }

  it('the first name of a person the article introduced in full', () => {
    const text = 'Ramp request stalls\n\nKim Moran has asked the city for a ramp since June.\n\n“It is not right,” Kim told CTV News Friday. “We keep asking.”\n';
    assert.deepStrictEqual(extracted(text), ['Kim', 'Kim']);
  });

  it('no speaker from a lone first name the article never introduced', () => {
    const text = 'Ramp request stalls\n\nThe city has not built a ramp.\n\n“It is not right,” Tyler said on Friday.\n';
    assert.deepStrictEqual(extracted(text), [null]);
  });
});
