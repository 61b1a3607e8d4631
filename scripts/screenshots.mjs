// `npm run screenshots`: runs the end-to-end journeys (npm run test:e2e), which write every step to
// screenshots/, then copies the few the README shows into docs/images/. Refuses to copy from a failing run.
// `--no-run` copies from the screenshots/ of the last run instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './code-server.mjs';

// Step screenshot (test/e2e/journeys.ts) -> README image. The journeys clip these to what they show.
const README_IMAGES = {
  '1-tree-by-person.png': 'articles-tree.png',
  '2-hover-card.png': 'hover-card.png',
  '3-references-peek.png': 'references.png',
  '4-quote-search.png': 'quote-search.png',
  '5-quote-highlighting.png': 'quote-highlighting.png',
  '7-entities-organisation-card.png': 'organisation-card.png',
  '7-entities-tree-by-place.png': 'tree-by-place.png',
  '8-timeline-dark.png': 'timeline-dark.png',
  '8-timeline-light.png': 'timeline-light.png',
  '8-real-corpus-by-outlet.png': 'real-corpus-by-outlet.png',
  '8-real-corpus-by-person.png': 'real-corpus-by-person.png',
  '9-correction.png': 'correction.png',
  '10-archive-search.png': '10-archive-search.png',
  '10-archive-hover.png': '10-archive-hover.png',
  '10-archive-down.png': '10-archive-down.png',
};
// Taken only where the BBC development corpus (or PostgreSQL) is on the machine: the images already in docs/
// stay otherwise.
const OPTIONAL = new Set(['8-real-corpus-by-outlet.png', '8-real-corpus-by-person.png', '10-archive-search.png', '10-archive-hover.png', '10-archive-down.png']);
const MAX_BYTES = 200 * 1024;

const source = path.join(repoRoot, 'screenshots');
const target = path.join(repoRoot, 'docs', 'images');

if (!process.argv.includes('--no-run')) {
  const result = spawnSync('npm', ['run', 'test:e2e'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[screenshots] the e2e run failed: docs/images/ left as it was');
    process.exit(result.status ?? 1);
  }
}

fs.mkdirSync(target, { recursive: true });
let failed = false;
for (const [from, to] of Object.entries(README_IMAGES)) {
  const file = path.join(source, from);
  if (!fs.existsSync(file) && OPTIONAL.has(from)) continue;
  if (!fs.existsSync(file)) {
    console.error(`[screenshots] ${path.relative(repoRoot, file)} missing: did its journey run?`);
    failed = true;
    continue;
  }
  const bytes = fs.statSync(file).size;
  if (bytes > MAX_BYTES) {
    console.error(`[screenshots] ${from} is ${Math.round(bytes / 1024)} KB, over ${MAX_BYTES / 1024} KB: clip it tighter in its journey`);
    failed = true;
    continue;
  }
  fs.copyFileSync(file, path.join(target, to));
  console.log(`[screenshots] docs/images/${to} (${Math.round(bytes / 1024)} KB) <- screenshots/${from}`);
}
process.exit(failed ? 1 : 0);
