// `npm run train`: rebuilds the entity tagger's weights (src/core/extract/entities/model.json) from the
// CoNLL-2003 training split. Deterministic: the same data gives the same file, byte for byte.
// The data folder is ../shared/data/conll2003 beside the repository, or CONLL2003_DIR.
import { writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { readConll } from '../src/core/extract/entities/conll';
import { quantise } from '../src/core/extract/entities/modelFile';
import { SHIPPED_TRAINING, trainMixture } from '../src/core/extract/entities/training';

const repoRoot = resolve(__dirname, '..');

export const MODEL_PATH = join(repoRoot, 'src', 'core', 'extract', 'entities', 'model.json');

export function conllDirectory(): string {
  return process.env.CONLL2003_DIR ?? join(repoRoot, '..', 'shared', 'data', 'conll2003');
}

export const MODEL_ABOUT =
  'Entity tagger weights (hashed features only, no text): averaged structured perceptron trained by `npm run train` ' +
  'on CoNLL-2003 English eng.train (Tjong Kim Sang & De Meulder 2003; Reuters RCV1 text, annotations public).';

/** The model file's text for the training split at `directory`. */
export function trainedModelText(directory: string): string {
  const documents = readConll(join(directory, 'eng.train'));
  const model = quantise(trainMixture(documents, SHIPPED_TRAINING), MODEL_ABOUT);
  // One field a line: diffs of a retrained model stay readable.
  return `{\n${Object.entries(model).map(([key, value]) => ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}\n}\n`;
}

function main(): void {
  const directory = conllDirectory();
  const started = process.hrtime.bigint();
  const text = trainedModelText(directory);
  writeFileSync(MODEL_PATH, text);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`trained on ${join(directory, 'eng.train')} in ${seconds.toFixed(1)} s; wrote ${MODEL_PATH} (${(text.length / 1024).toFixed(0)} KB)`);
}

if (require.main === module) main();
