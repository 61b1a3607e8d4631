import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { readConll } from '../../src/core/extract/entities/conll';
import { USE_ALL } from '../../src/core/extract/entities/features';
import { quantise, weightsOf, type ModelFile } from '../../src/core/extract/entities/modelFile';
import { trainMixture } from '../../src/core/extract/entities/training';
import { MODEL_PATH, conllDirectory, trainedModelText } from '../../scripts/train';

const trainPath = join(conllDirectory(), 'eng.train');

describe('entity tagger training', function () {
  before(function () {
    if (!existsSync(trainPath)) this.skip(); // The CoNLL-2003 data sits beside the repository, not in it.
  });

  it('is deterministic: two trainings on a slice give identical weights', function () {
    this.timeout(60_000);
    const slice = readConll(trainPath).slice(0, 40);
    const options = { bits: 12, use: USE_ALL, epochs: 2, seeds: [7, 8] };
    const first = trainMixture(slice, options);
    const second = trainMixture(slice, options);
    assert.deepEqual(second.emission, first.emission);
    assert.deepEqual(second.transitions, first.transitions);
    assert.equal(JSON.stringify(quantise(second, '')), JSON.stringify(quantise(first, '')));
    // The check can fail: another order of the documents gives other weights.
    assert.notDeepEqual(trainMixture(slice, { ...options, seeds: [9, 8] }).emission, first.emission);
  });

  it('round-trips weights through the model file', function () {
    this.timeout(60_000);
    const model = quantise(trainMixture(readConll(trainPath).slice(0, 10), { bits: 10, use: USE_ALL, epochs: 1, seeds: [1] }), 'test');
    const weights = weightsOf(JSON.parse(JSON.stringify(model)) as ModelFile);
    assert.equal(Buffer.from(weights.emission.buffer, weights.emission.byteOffset, weights.emission.byteLength).toString('base64'), model.emission);
    assert.equal(weights.bits, 10);
  });

  it('ships the weights a fresh full training run gives (npm run train)', function () {
    this.timeout(600_000);
    const shipped = readFileSync(MODEL_PATH, 'utf8');
    const fresh = trainedModelText(conllDirectory());
    // Compare the fields first for a readable failure, then the whole file.
    const [a, b] = [JSON.parse(shipped) as ModelFile, JSON.parse(fresh) as ModelFile];
    assert.deepEqual({ ...a, emission: a.emission.length }, { ...b, emission: b.emission.length });
    assert.ok(a.emission === b.emission, 'the shipped emission weights differ from a fresh training: run npm run train');
    assert.equal(shipped, fresh);
  });
});
