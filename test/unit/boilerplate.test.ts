import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { findBoilerplate } from '../../src/core/extract/boilerplate';

/** The boilerplate texts, one per range. */
function found(text: string): string[] {
  return findBoilerplate(text).map((span) => text.slice(span.start, span.end));
}

const prose = 'The minister said the talks had been useful and would continue next week in Brussels.';

describe('boilerplate', () => {
  it('finds ad markers and merges consecutive ones into one range', () => {
    const text = `${prose}\n\nHide Ad\nHide Ad\n\n${prose}\nAdvertisement\n`;
    assert.deepStrictEqual(found(text), ['Hide Ad\nHide Ad', 'Advertisement']);
  });

  it('finds a donation block, ending a glued plea at its sentence so the prose after it stays', () => {
    const text = [
      'Headline',
      'Your support helps us to tell the story',
      'We need reporters on the ground, and we will not put our journalism behind a paywall.',
      'Your support makes all the difference.Ministers met on Monday to discuss the budget.',
      prose,
    ].join('\n');
    const ranges = found(text);
    assert.strictEqual(ranges.length, 1);
    assert.ok(ranges[0].startsWith('Your support helps'));
    assert.ok(ranges[0].endsWith('all the difference.'));
    assert.ok(text.includes(`difference.Ministers met`));
  });

  it('does not take a quoted or prose sentence about support for a plea', () => {
    const text = `Your support for the bill has been noted by ministers, who will now consider the amendments tabled by opposition parties in committee.\n“Your support means a lot,” she said.`;
    assert.deepStrictEqual(found(text), []);
  });

  it('finds comment prompts and the trailing footer, with short slogans between footer lines', () => {
    const text = `${prose}\n\nComments\n\n\u00a00\u00a0comments\n\nWant to join the conversation? Please log in.\n\nBe Bold Always\nFollow us\n\u00a9Example Media Ltd. All rights reserved.Cookie Settings`;
    const ranges = found(text);
    assert.strictEqual(ranges.length, 1);
    assert.ok(ranges[0].startsWith('Comments'));
    assert.ok(ranges[0].includes('Be Bold Always'));
    assert.ok(ranges[0].endsWith('Cookie Settings'));
  });

  it('finds "Join our commenting forum" style prompts', () => {
    assert.deepStrictEqual(found(`${prose}\nJoin our commenting forum\nJoin thought-provoking conversations, follow other readers\n`), [
      'Join our commenting forum\nJoin thought-provoking conversations, follow other readers',
    ]);
  });

  it('finds a caption written twice on one line, the same caption on the next line, and credits', () => {
    const caption = 'The minister arrives in Brussels. Picture: Getty Images';
    const text = `Headline\n\n${caption}${caption}\n${caption}\n\n${prose}`;
    assert.deepStrictEqual(found(text), [`${caption}${caption}\n${caption}`]);
    const credited = 'Sir John Smith leaves the summit in Paris';
    const text2 = `${prose}\n${credited}${credited}\n${credited} | AP\n\n${prose}`;
    assert.deepStrictEqual(found(text2), [`${credited}${credited}\n${credited} | AP`]);
  });

  it('finds a lone photo credit caption but not prose with a colon', () => {
    assert.deepStrictEqual(found(`Minister at the summit. Photo: Jane Doe/Reuters\n${prose}`), ['Minister at the summit. Photo: Jane Doe/Reuters']);
    assert.deepStrictEqual(found(`He described the picture: a country divided and angry at its leaders.\n`), []);
  });

  it('finds cookie notices and "Source:" lines', () => {
    assert.deepStrictEqual(found(`${prose}\nWe use cookies to improve your experience. Accept all\n`), ['We use cookies to improve your experience. Accept all']);
    assert.deepStrictEqual(found(`${prose}\nKaynak/Source:`), ['Kaynak/Source:']);
  });

  it('keeps offsets exact with CRLF line endings', () => {
    const text = `${prose}\r\n\r\nHide Ad\r\nHide Ad\r\n${prose}`;
    const [span] = findBoilerplate(text);
    assert.strictEqual(text.slice(span.start, span.end), 'Hide Ad\r\nHide Ad');
  });

  it('finds copyright lines and mid-line pleas in any case, and not their words apart', () => {
    assert.deepStrictEqual(found(`${prose}\nphotos © Example Media. ALL RIGHTS RESERVED\n${prose}`), ['photos © Example Media. ALL RIGHTS RESERVED']);
    assert.deepStrictEqual(found(`${prose}\nCopyright 2021 Example Media\n${prose}`), ['Copyright 2021 Example Media']);
    const plea = 'Thank you: YOUR Support keeps our journalism free for everyone to read.';
    assert.deepStrictEqual(found(`${prose}\n${plea}\n${prose}`), [plea]);
    assert.deepStrictEqual(found(`${prose}\nAll the rights of workers are reserved for later, yours truly said of journalism.\n${prose}`), []);
  });

  it('finds nothing in plain prose', () => {
    assert.deepStrictEqual(findBoilerplate(`Headline\n\n${prose}\n\n${prose}\n\n- The Daily Planet`), []);
  });

  describe('on the sample corpus', () => {
    const dir = path.join(__dirname, '..', '..', 'corpus');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      it(`${file}: ranges hold no quotation and no reported speech`, () => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        for (const span of findBoilerplate(text)) {
          const part = text.slice(span.start, span.end);
          assert.doesNotMatch(part, /[“”"]|\b(?:said|told|added)\b/, part);
          // A range never starts or ends inside a word.
          assert.ok(span.start === 0 || /\s/.test(text[span.start - 1]) || /[.!?]/.test(text[span.start - 1]), part);
          assert.ok(span.end === text.length || /\s/.test(text[span.end]) || /[.!?]/.test(text[span.end - 1]), part);
        }
      });
    }
  });
});
