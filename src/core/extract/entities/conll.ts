// Reads CoNLL-2003 files (token, POS, chunk, NER tag in IOB1) into documents whose text is the tokens
// joined with spaces, one sentence a line: the text the tagger sees, with gold IOB2 tags per token.
// Only the first and last columns are read: articles have no gold POS or chunk tags.
import { readFileSync } from 'fs';
import { CONLL_TYPES, OUTSIDE, beginTag, insideTag } from './tags';

export interface ConllDocument {
  text: string;
  /** Token ranges in `text`, in order. */
  starts: Int32Array;
  ends: Int32Array;
  /** Gold tag per token (see tags.ts). */
  tags: Uint8Array;
  /** Token index of each sentence's first token, then the token count. */
  sentenceStarts: Int32Array;
}

/** The documents of a CoNLL file; `-DOCSTART-` lines separate documents wherever they are. */
export function readConll(path: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: string[][][] = [];
  let sentence: string[][] = [];
  const endSentence = (): void => {
    if (sentence.length) sentences.push(sentence);
    sentence = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length) documents.push(toDocument(sentences));
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) endDocument();
    else if (!line.trim()) endSentence();
    else {
      const columns = line.trim().split(' ');
      sentence.push([columns[0], columns[columns.length - 1]]);
    }
  }
  endDocument();
  return documents;
}

function toDocument(sentences: string[][][]): ConllDocument {
  const count = sentences.reduce((n, s) => n + s.length, 0);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const tags = new Uint8Array(count);
  const sentenceStarts = new Int32Array(sentences.length + 1);
  const lines: string[] = [];
  let offset = 0;
  let t = 0;
  sentences.forEach((sentence, s) => {
    sentenceStarts[s] = t;
    let previousType = -1;
    for (let i = 0; i < sentence.length; i++, t++) {
      const [token, iob1] = sentence[i];
      starts[t] = offset;
      ends[t] = offset + token.length;
      offset += token.length + 1;
      const type = iob1 === 'O' ? -1 : CONLL_TYPES.indexOf(iob1.slice(2) as (typeof CONLL_TYPES)[number]);
      if (iob1 !== 'O' && type < 0) throw new Error(`unknown CoNLL tag ${iob1}`);
      tags[t] = type < 0 ? OUTSIDE : iob1.startsWith('B-') || type !== previousType ? beginTag(type) : insideTag(type);
      previousType = type;
    }
    lines.push(sentence.map((pair) => pair[0]).join(' '));
  });
  sentenceStarts[sentences.length] = count;
  return { text: lines.join('\n'), starts, ends, tags, sentenceStarts };
}
