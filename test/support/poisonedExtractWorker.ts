// The extraction worker, except that it dies on files named *crash* and never finishes files named *hang*:
// the pool must replace it and report only those articles.
import { extractFile, type ExtractRequest } from '../../src/core/index/workers/extractTask';
import { serveTasks } from '../../src/core/index/workers/serve';
import type { CorpusConfig } from '../../src/core/types';

serveTasks((payload, context) => {
  const request = payload as ExtractRequest;
  if (request.path.includes('crash')) process.exit(3);
  if (request.path.includes('hang')) for (;;);
  return extractFile(request, context as CorpusConfig);
});
