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

  it('an apposition with "and" in it', () => {
    const text = '“Buyers want fewer cables,” Jeff Raven, strategist at a chip maker and chairman of a standards group, told a website.';
    assert.deepStrictEqual(speakers(text, ['Jeff Raven']), ['Jeff Raven']);
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

  it('"said <owner>\'s title, X": X, never the owner', () => {
    const text = '“This picture was the story,” said De Telegraaf\'s image editor, Peter Schoonen.';
    assert.deepStrictEqual(speakers(text, ['De Telegraaf', 'Peter Schoonen']), ['Peter Schoonen']);
    assert.deepStrictEqual(speakers('“This picture was the story,” said De Telegraaf\'s image editor.', ['De Telegraaf']), [null]);
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

describe('quotes: a quote after reported speech', () => {
  it('the named speaker of the sentence before, in the same paragraph', () => {
    const text = 'Kim Moran said the answer was always the same. “They tell me to wait.”';
    assert.deepStrictEqual(speakers(text, ['Kim Moran']), ['Kim Moran']);
  });

  it('the named speaker of the sentence that ends the previous paragraph', () => {
    const text = 'Prices may rise again next year, Mr Bannister said.\n“I think the key is what the bank expects.”';
    assert.deepStrictEqual(speakers(text, ['Mr Bannister']), ['Mr Bannister']);
  });

  it('"according to X" in the sentence before', () => {
    const text = 'The problem, according to Mr Lane, is the leader himself. “I have a new slogan.”';
    assert.deepStrictEqual(speakers(text, ['Mr Lane']), ['Mr Lane']);
  });

  it('nobody after reported speech by an unnamed or plural subject', () => {
    assert.deepStrictEqual(speakers('Mr Lane resigned. Critics said the plan was flawed. “It cannot work.”', ['Mr Lane']), [null]);
    assert.deepStrictEqual(speakers('Mr Lane resigned. A spokesman said the plan was flawed. “It cannot work.”', ['Mr Lane']), [null]);
  });

  it('nobody when the sentence before ends in narration', () => {
    const text = 'Ms Reed said the talks had failed and then the meeting ended.\n“Nobody knows why.”';
    assert.deepStrictEqual(speakers(text, ['Ms Reed']), [null]);
  });

  it('"..., said X" in the sentence before', () => {
    assert.deepStrictEqual(speakers('Rates may rise next year, said Mr Bannister.\n“I think the key is the bank.”', ['Mr Bannister']), ['Mr Bannister']);
  });

  it('"X, director of a firm, says ..." is not an inverted verb', () => {
    const text = 'Mr Grant spoke first.\nPeter Knight, director of Context, says 24 companies reported this year.\n“The fluff is on its way out.”';
    assert.deepStrictEqual(speakers(text, ['Mr Grant', 'Peter Knight']), ['Peter Knight']);
  });

  it('"..., he claims" takes the pronoun’s referent from before the sentence', () => {
    const text = 'Mr Kennedy spoke in London. The rival plans are just incredible, he claims.\n“We are being straightforward.”';
    assert.deepStrictEqual(speakers(text, ['Mr Kennedy']), ['Mr Kennedy']);
  });

  it('nobody after "X has failed, he claimed": the pronoun is not the person reported on', () => {
    const text = 'Mr Howard spoke in Kent.\nMr Blair has failed to tackle these problems, he claimed.\n“The result is big government.”';
    assert.deepStrictEqual(speakers(text, ['Mr Howard', 'Mr Blair']), [null]);
  });

  it('nobody when the sentence before only reports on the person', () => {
    assert.deepStrictEqual(speakers('Ms Reed was told the plan had failed. “It cannot work.”', ['Ms Reed']), [null]);
  });
});

describe('quotes: a relative clause between the name and the verb', () => {
  it('"X, who chairs the committee, told the BBC:"', () => {
    const text = 'Tory MP Michael Mates, who is a member of the committee and was part of the inquiry, told the BBC: “That is right.”';
    assert.deepStrictEqual(speakers(text, ['Michael Mates']), ['Michael Mates']);
  });

  it('a partial quote after "X, who ..., said"', () => {
    const text = 'Fred Upton, who chairs the committee, said current fines are “a cost of doing business”.';
    assert.deepStrictEqual(speakers(text, ['Fred Upton']), ['Fred Upton']);
  });

  it('nobody when the relative clause belongs to an unnamed person', () => {
    const text = 'Mr Wolfson was upbeat. One dealer, who asked not to be named, told Reuters: “Christmas has been tough.”';
    assert.deepStrictEqual(speakers(text, ['Mr Wolfson']), [null]);
  });
});

describe('quotes: a label in a passive', () => {
  it('"has been called “…”" is nobody’s words, even in a paragraph quoting one person', () => {
    const text = '“It is the future,” said Mr Reich. It has been called “open source news” and it is spreading.';
    assert.deepStrictEqual(speakers(text, ['Mr Reich']), ['Mr Reich', null]);
  });

  it('"described as “…” by X" takes the agent, and nobody for an unnamed one', () => {
    assert.deepStrictEqual(speakers('Mr Reich was upbeat. The plan was described as “a disaster” by Ms Lowe.', ['Mr Reich', 'Ms Lowe']), ['Ms Lowe']);
    assert.deepStrictEqual(speakers('“It works,” said Mr Reich. The plan was described as “a disaster” by critics.', ['Mr Reich']), ['Mr Reich', null]);
  });

  it('"are calling it “…”" is not a passive', () => {
    const text = 'More customers, Ms Diemont says, are calling it “the long wait”.';
    assert.deepStrictEqual(speakers(text, ['Ms Diemont']), ['Ms Diemont']);
  });
});

describe('quotes: a partial quote with a pronoun cue after it', () => {
  it('"..., she added" takes the pronoun’s referent', () => {
    const text = 'Ms Morris spoke at the conference. The public was turned off by “the battle of words” between them, she added.';
    assert.deepStrictEqual(speakers(text, ['Ms Morris']), ['Ms Morris']);
  });

  it('never the person the sentence reports on', () => {
    const text = 'Mr Milburn spoke on the radio. Mr Blair has “the same passion” as ever, he said.';
    assert.deepStrictEqual(speakers(text, ['Mr Milburn', 'Mr Blair']), [null]);
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
