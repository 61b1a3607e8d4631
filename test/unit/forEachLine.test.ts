import { strict as assert } from 'assert';
import { forEachLine } from '../../src/core/util/text';
import { createRandom } from '../support/corpusGenerator';

function linesOf(text: string): string[] {
  const lines: string[] = [];
  forEachLine(text, (start, end) => lines.push(text.slice(start, end)));
  return lines;
}

describe('lines of a text', () => {
  it('are what a split at \\r\\n, \\r and \\n gives, blank ones and a last empty one included', () => {
    assert.deepEqual(linesOf(''), ['']);
    assert.deepEqual(linesOf('a\nb\n'), ['a', 'b', '']);
    assert.deepEqual(linesOf('a\r\n\r\nb\rc'), ['a', '', 'b', 'c']);
    const random = createRandom(7);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: random.int(0, 30) }, () => random.pick(['a', 'b', ' ', '\n', '\r', '\r\n'])).join('');
      assert.deepEqual(linesOf(text), text.split(/\r\n|\r|\n/), JSON.stringify(text));
    }
  });
});
