import * as assert from 'assert';
import { extractQuotes } from '../../src/core/extract/quotes';
import type { ExtractedQuote, RawMention } from '../../src/core/types';
import { mentionsFor, runQuotes, type NameSpec } from '../support/quoteMentions';

const run = runQuotes;

function only(quotes: ExtractedQuote[]): ExtractedQuote {
  assert.strictEqual(quotes.length, 1, `expected one quote, got ${JSON.stringify(quotes.map((q) => q.text))}`);
  return quotes[0];
}

describe('quotes: marks', () => {
  it('finds curly double quotes and covers the words inside the marks', () => {
    const text = 'Sir Keir said: “We will act now.”';
    const q = only(run(text).quotes);
    assert.strictEqual(q.text, 'We will act now.');
    assert.strictEqual(text.slice(q.start, q.end), q.text);
    assert.strictEqual(text[q.start - 1], '“');
    assert.strictEqual(text[q.end], '”');
    assert.strictEqual(q.partial, false);
    assert.strictEqual(q.unmarked, false);
  });

  it('finds straight double quotes around apostrophes', () => {
    const q = only(run('Mr Trump said: "I\'ve had enough of Britain\'s rules."').quotes);
    assert.strictEqual(q.text, "I've had enough of Britain's rules.");
  });

  it('tells single quotes from apostrophes and elisions', () => {
    const { quotes } = run("UK ends 'business as usual' in Britain’s rock ’n’ roll of the ’90s, Flynn's view");
    assert.deepStrictEqual(quotes.map((q) => q.text), ['business as usual']);
  });

  it('pairs a closing mark after a plural possessive only when no later closer exists', () => {
    assert.deepStrictEqual(run('He called it ‘the leaders’ meeting of the year’ and left.').quotes.map((q) => q.text), ['the leaders’ meeting of the year']);
    assert.deepStrictEqual(run('The leaders’ meeting was long.').quotes, []);
    assert.deepStrictEqual(run('She praised the ‘brave soldiers’ work in the field.').quotes.map((q) => q.text), ['brave soldiers']);
  });

  it('pairs a curly opening mark with a straight closing mark', () => {
    const q = only(run('There will be no “return to business as usual" with Russia.').quotes);
    assert.strictEqual(q.text, 'return to business as usual');
  });

  it('reads the mojibake opening mark of a headline', () => {
    const q = only(run("UK ends '˜business as usual' with Russia").quotes);
    assert.strictEqual(q.text, 'business as usual');
  });

  it('keeps a nested quote inside its parent', () => {
    const q = only(run('He said: “They called it ‘a witch hunt’ again.”').quotes);
    assert.strictEqual(q.text, 'They called it ‘a witch hunt’ again.');
  });

  it('never lets an unbalanced mark cross a line break', () => {
    const text = 'He saw a “strange thing\nThen Ms Reed said there was a “risk” ahead.';
    const { quotes } = run(text);
    for (const q of quotes) assert.ok(!text.slice(q.start, q.end).includes('\n'), q.text);
    assert.deepStrictEqual(quotes.map((q) => q.text), ['risk']);
  });

  it('ignores quotes inside excluded boilerplate', () => {
    const text = "Whether it's our documentary, 'The A Word', or more.\nMs Reed said: “It works.”";
    const exclude = [{ start: 0, end: text.indexOf('\n') }];
    assert.deepStrictEqual(run(text, ['Ms Reed'], exclude).quotes.map((q) => q.text), ['It works.']);
  });
});

describe('quotes: multi-paragraph groups', () => {
  it('groups paragraphs that reopen the quote without closing it, with one speaker', () => {
    const text = [
      'Stephen Gethins said: “There needs to be a response.',
      '',
      '“We need to up the aid.',
      '',
      '“The answer lies in what we do.”',
      '',
      'Other news followed.',
    ].join('\n');
    const { quotes, speaker } = run(text, ['Stephen Gethins']);
    assert.strictEqual(quotes.length, 3);
    assert.ok(quotes.every((q) => q.group === quotes[0].start));
    assert.deepStrictEqual(quotes.map(speaker), ['Stephen Gethins', 'Stephen Gethins', 'Stephen Gethins']);
    assert.strictEqual(quotes[0].text, 'There needs to be a response.');
  });

  it('continues a group across an excluded advert paragraph', () => {
    const text = 'Sir Keir said: “This is a moment.\n\nHide Ad\n\n“So today was a first step.”';
    const ad = text.indexOf('Hide Ad');
    const { quotes, speaker } = run(text, ['Sir Keir'], [{ start: ad, end: ad + 7 }]);
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(quotes[1].group, quotes[0].start);
    assert.strictEqual(speaker(quotes[1]), 'Sir Keir');
  });
});

describe('quotes: partial quotes', () => {
  it('marks a fragment inside a sentence as partial and links it through the speech verb', () => {
    const { quotes, speaker } = run('Sir Michael said there was a “persistent pattern” of interference.', ['Sir Michael']);
    const q = only(quotes);
    assert.strictEqual(q.partial, true);
    assert.strictEqual(speaker(q), 'Sir Michael');
  });

  it('gives a scare quote with no speech verb no speaker', () => {
    const { quotes, speaker } = run('Mr Johnson boycotted a “crisis” meeting of ministers.', ['Mr Johnson']);
    const q = only(quotes);
    assert.strictEqual(q.partial, true);
    assert.strictEqual(speaker(q), null);
  });

  it('gives a so-called term no speaker even after a speech verb', () => {
    const { quotes, speaker } = run('Sir Michael said cyber and other so-called “hybrid” techniques must be resisted.', ['Sir Michael']);
    assert.strictEqual(speaker(only(quotes)), null);
  });
});

describe('quotes: unmarked quotes', () => {
  const text = [
    'One senior Western diplomat based in London said: The UK had to look again at Russia. We call it pragmatism.',
    '',
    'This is essential. We are not backing away from our condemnation.',
    '',
    'Mr Johnson is expected to travel to Moscow soon.',
  ].join('\n');

  it('takes the text after "said:" to the paragraph end, with no speaker for an anonymous source', () => {
    const { quotes, speaker } = run(text, ['Mr Johnson']);
    assert.ok(quotes[0].unmarked);
    assert.strictEqual(quotes[0].text, 'The UK had to look again at Russia. We call it pragmatism.');
    assert.strictEqual(speaker(quotes[0]), null);
  });

  it('continues into a first-person paragraph but not into narration', () => {
    const { quotes } = run(text, ['Mr Johnson']);
    assert.strictEqual(quotes.length, 2);
    assert.strictEqual(quotes[1].text, 'This is essential. We are not backing away from our condemnation.');
    assert.strictEqual(quotes[1].group, quotes[0].start);
    assert.ok(quotes[1].unmarked);
  });

  it('continues into a first-person paragraph with apostrophes in its words, but not one with a quote mark', () => {
    const intro = 'A senior diplomat said: The UK had to look again at Russia. We call it pragmatism.';
    const continued = run(`${intro}\n\nWe don’t back away and we won't.`).quotes;
    assert.deepStrictEqual(continued.map((q) => q.text), ['The UK had to look again at Russia. We call it pragmatism.', "We don’t back away and we won't."]);
    for (const mark of ['“', '‘', "'", '"']) {
      const quoted = run(`${intro}\n\nWe are told it is ${mark}pragmatic.`).quotes;
      assert.strictEqual(quoted.filter((q) => q.unmarked).length, 1, mark);
    }
  });

  it('ends an unmarked quote before the next introduced statement in the same paragraph', () => {
    const t = 'Sir Michael Fallon warned Moscow, declaring: We dont need the bear here. He pushes home. The Russian defence minister, Sergey Shoygu, replied in his response: What is on their coat of arms?';
    const { quotes, speaker } = run(t, ['Sir Michael Fallon', 'Sergey Shoygu']);
    assert.deepStrictEqual(quotes.map((q) => q.text), ['We dont need the bear here. He pushes home.', 'What is on their coat of arms?']);
    assert.deepStrictEqual(quotes.map(speaker), ['Sir Michael Fallon', 'Sergey Shoygu']);
  });

  it('does not treat a colon without a speech verb as a quote', () => {
    assert.deepStrictEqual(run('In other developments: The minister resigned.').quotes, []);
  });
});

describe('quotes: speaker attribution', () => {
  it('"X said" after the quote', () => {
    const { quotes, speaker } = run('“We are ready,” Sir Keir said.', ['Sir Keir']);
    assert.strictEqual(speaker(only(quotes)), 'Sir Keir');
  });

  it('"said X" after the quote', () => {
    const { quotes, speaker } = run('“We are ready,” said Graeme Downie.', ['Graeme Downie']);
    assert.strictEqual(speaker(only(quotes)), 'Graeme Downie');
  });

  it('"X told ..." after the quote', () => {
    const { quotes, speaker } = run('“We face a challenge,” Sir Keir told reporters in Bristol.', ['Sir Keir']);
    assert.strictEqual(speaker(only(quotes)), 'Sir Keir');
  });

  it('"X added" and the next quote in the same paragraph', () => {
    const { quotes, speaker } = run('“It is over,” Ms Reed added. “We move on.”', ['Ms Reed']);
    assert.deepStrictEqual(quotes.map(speaker), ['Ms Reed', 'Ms Reed']);
  });

  it('"according to X"', () => {
    const { quotes, speaker } = run('The plan was “dead on arrival”, according to Ms Reed.', ['Ms Reed']);
    assert.strictEqual(speaker(only(quotes)), 'Ms Reed');
  });

  it('"X said:" in the previous paragraph', () => {
    const { quotes, speaker } = run('Later Ms Le Pen said:\n\n“The model is one that I like.”', ['Ms Le Pen']);
    assert.strictEqual(speaker(only(quotes)), 'Ms Le Pen');
  });

  it('a continuation paragraph takes the previous paragraph’s speaker', () => {
    const text = '“It is a pattern,” he told a press conference.\n“We need to be watchful.”';
    const { quotes, speaker } = run('Sir Michael Fallon spoke in London.\n' + text, ['Sir Michael Fallon']);
    assert.deepStrictEqual(quotes.map(speaker), ['Sir Michael Fallon', 'Sir Michael Fallon']);
  });

  it('does not continue after a paragraph that ends in narration', () => {
    const text = 'Ms Reed said it was “odd” and then the meeting ended.\n“Nobody knows why.”';
    const { quotes, speaker } = run(text, ['Ms Reed']);
    assert.strictEqual(speaker(quotes[1]), null);
  });

  it('resolves "he" to the most recent fitting person, skipping the wrong gender and possessives', () => {
    const text = 'Mrs May spoke first.\nDmitry Peskov, Mr Putin\'s spokesman, said Russia was calm. He said: “We are not worried.”';
    const { quotes, speaker } = run(text, ['Mrs May', 'Dmitry Peskov', 'Mr Putin']);
    assert.strictEqual(speaker(only(quotes)), 'Dmitry Peskov');
  });

  it('resolves "she will say" to a woman, not the nearer man', () => {
    const text = 'Mrs May will speak on Monday. Sir Michael Fallon was in Norway.\nShe will say: “Change is in the air.”';
    const { quotes, speaker } = run(text, ['Mrs May', 'Sir Michael Fallon']);
    assert.strictEqual(speaker(only(quotes)), 'Mrs May');
  });

  it('resolves a role noun through the roles known in the article', () => {
    const text = 'Sir Michael Fallon met officials.\nLater, the Defence Secretary said: “We will stay.”';
    const { quotes, speaker } = run(text, [{ name: 'Sir Michael Fallon', role: 'Defence Secretary' }]);
    assert.strictEqual(speaker(only(quotes)), 'Sir Michael Fallon');
  });

  describe('a resolved role noun takes its holder’s mention', () => {
    const holder = { name: 'Sir Michael Fallon', role: 'Defence Secretary' };
    const speakers = (text: string, names: (string | NameSpec)[]): (number | null)[] => extractQuotes(text, [], mentionsFor(text, names)).map((q) => q.speakerMention);

    it('the nearest one before it', () => {
      const text = 'Sir Michael Fallon arrived. Sir Michael Fallon met officials.\nLater, the Defence Secretary said: “We will stay.”\nSir Michael Fallon left.';
      assert.deepStrictEqual(speakers(text, [holder]), [1]);
    });

    it('else the first one after it', () => {
      const text = 'The Defence Secretary said: “We will stay.”\nSir Michael Fallon left. Sir Michael Fallon returned.';
      assert.deepStrictEqual(speakers(text, [holder]), [0]);
    });

    it('never one inside a quote', () => {
      const text = 'Sir Michael Fallon arrived. “Sir Michael Fallon is here,” an aide said.\nThe Defence Secretary said: “We will stay.”';
      assert.deepStrictEqual(speakers(text, [holder]), [null, 0]);
    });

    it('a lone first name after "Sir" counts as the holder', () => {
      const text = 'Sir Michael Fallon arrived. Sir Michael met officials.\nThe Defence Secretary said: “We will stay.”';
      assert.deepStrictEqual(speakers(text, [holder, 'Sir Michael']), [1]);
    });

    it('a lone last name counts as the holder only when one full name has it', () => {
      const role = { name: 'Michael Fallon', role: 'Defence Secretary' };
      assert.deepStrictEqual(speakers('Michael Fallon arrived. Fallon spoke.\nThe Defence Secretary said: “We will stay.”', [role, 'Fallon']), [1]);
      assert.deepStrictEqual(speakers('Michael Fallon arrived. Kim Fallon met officials. Fallon spoke.\nThe Defence Secretary said: “We will stay.”', [role, 'Kim Fallon', 'Fallon']), [0]);
    });
  });

  it('leaves a role noun unresolved when the nearby person holds another office', () => {
    const text = 'Sir Michael said: “Spend more.”\nThe Prime Minister will say: “Change is in the air.”';
    const { quotes, speaker } = run(text, [{ name: 'Sir Michael', role: 'Defence Secretary' }]);
    assert.deepStrictEqual(quotes.map(speaker), ['Sir Michael', null]);
  });

  for (const source of ['a senior Western diplomat said', 'a spokesperson said', 'the official said', 'the source said', 'Another Foreign Office source said']) {
    it(`gives no person to an anonymous source: "${source}"`, () => {
      const text = `Mr Trump met Mr Putin.\n“There is no doubt about it,” ${source}. “He will change.”`;
      const { quotes, speaker } = run(text, ['Mr Trump', 'Mr Putin']);
      assert.deepStrictEqual(quotes.map(speaker), [null, null]);
    });
  }

  it('gives no person to "officials believe" partial quotes', () => {
    const { quotes, speaker } = run('Mr Trump spoke.\nForeign Office officials believe that it will be “incredibly difficult”.', ['Mr Trump']);
    assert.strictEqual(speaker(only(quotes)), null);
  });

  it('takes the subject of a sentence with an apposition ("X, the Ukip leader, warned")', () => {
    const { quotes, speaker } = run('Nigel Farage, the Ukip leader, warned that May must "mend fences" soon.', ['Nigel Farage']);
    assert.strictEqual(speaker(only(quotes)), 'Nigel Farage');
  });

  it('"will say" and "said on Twitter" count as speech verbs', () => {
    const { quotes, speaker } = run('Mr Trump said on Twitter yesterday: "We will win."', ['Mr Trump']);
    assert.strictEqual(speaker(only(quotes)), 'Mr Trump');
  });

  it('a headline quote takes the speaker of the body quote that repeats it', () => {
    const text = "UK ends 'business as usual' with Russia\n\nSir Michael Fallon has warned there can be no return to “business as usual” with Russia.";
    const { quotes, speaker } = run(text, ['Sir Michael Fallon']);
    assert.deepStrictEqual(quotes.map(speaker), ['Sir Michael Fallon', 'Sir Michael Fallon']);
  });
});

describe('quotes: referents read back', () => {
  it('follows a long run of unheld role nouns back without running out of stack', () => {
    // Each "the minister" falls back to the one before it (no mention holds the role), and only the last is
    // read: its answer reads the whole run back.
    const text = 'The minister said the talks would resume.\n'.repeat(20_000) + '“We are ready,” the minister said.';
    const { quotes, speaker } = run(text);
    assert.strictEqual(speaker(only(quotes)), null);
  });

  it('lets a pronoun point back three paragraphs, not four', () => {
    const filler = 'The weather was cold.\n';
    const speakerAfter = (paragraphs: number): string | null => {
      const { quotes, speaker } = run(`Sir Keir Starmer arrived.\n${filler.repeat(paragraphs - 1)}“We are ready,” he said.`, ['Sir Keir Starmer']);
      return speaker(only(quotes));
    };
    assert.strictEqual(speakerAfter(3), 'Sir Keir Starmer');
    assert.strictEqual(speakerAfter(4), null);
  });
});

describe('quotes: speed', function () {
  // Generous: the timing test measures CPU time, so a loaded machine makes it slower, not wrong.
  this.timeout(60_000);

  // A role-holder quoted again and again: every role noun is resolved against the article's mentions and
  // roles, where a scan per role noun once made long articles quadratic.
  const paragraph = 'Sir Keir Starmer said: “We are ready, and we will act.” The Prime Minister added that it was “vital”.\n\n“Another quote,” he said.\n\n';
  const holder = [{ name: 'Sir Keir Starmer', role: 'Prime Minister' }];

  it('reads the mentions a number of times linear in their count (counted, not timed)', () => {
    const reads = (copies: number): number => {
      const text = paragraph.repeat(copies);
      let count = 0;
      const counting = mentionsFor(text, holder).map(
        (m) =>
          new Proxy(m, {
            get(target, key, receiver) {
              count++;
              return Reflect.get(target, key, receiver) as unknown;
            },
          }),
      );
      extractQuotes(text, [], counting);
      return count;
    };
    // Linear is 8x (a little more for the binary searches); a scan of all mentions per role noun is 50x+.
    const ratio = reads(400) / reads(50);
    assert.ok(ratio < 20, `8x input read the mentions ${ratio.toFixed(1)}x as often`);
  });

  it('runs in linear time on a large article', () => {
    const small = paragraph.repeat(60);
    const large = paragraph.repeat(960);
    const mentionsSmall = mentionsFor(small, holder);
    const mentionsLarge = mentionsFor(large, holder);
    const cpuMicros = (t: string, mentions: RawMention[]): number => {
      const before = process.cpuUsage();
      extractQuotes(t, [], mentions);
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    // CPU time, not wall time: a busy machine delays a run without making it use more CPU. Best of seven,
    // sizes taken in turn (so both see the same load), after a warm-up run of each.
    cpuMicros(small, mentionsSmall);
    cpuMicros(large, mentionsLarge);
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let run = 0; run < 7; run++) {
      bestSmall = Math.min(bestSmall, cpuMicros(small, mentionsSmall));
      bestLarge = Math.min(bestLarge, cpuMicros(large, mentionsLarge));
    }
    // 16x the input: linear work takes ~16-30x (a bigger heap costs a little more), quadratic work 100x+.
    const ratio = bestLarge / Math.max(1, bestSmall);
    assert.ok(ratio < 64, `16x input took ${ratio.toFixed(1)}x the CPU time`);
  });
});
