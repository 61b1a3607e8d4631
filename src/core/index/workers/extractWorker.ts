// The entry of an extraction worker (bundled by esbuild.js as dist/extractWorker.js): the context is the
// corpus's configuration, each task one file.
import { extractFile, type ExtractRequest } from './extractTask';
import { serveTasks } from './serve';
import type { CorpusConfig } from '../../types';

serveTasks((payload, context) => extractFile(payload as ExtractRequest, context as CorpusConfig));
