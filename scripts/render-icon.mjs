// Renders the extension icon (media/icon.png, 128x128) from the SVG below with Debian's Chromium.
// `node scripts/render-icon.mjs` after changing the drawing; the PNG is committed.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './code-server.mjs';

// A folded newspaper (headline, columns of text) with a large quotation mark over its lower corner.
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2f4f7f"/>
      <stop offset="1" stop-color="#1c3052"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <path d="M26 30h62v64a6 6 0 0 0 6 6H32a6 6 0 0 1-6-6z" fill="#f7f4ec"/>
  <path d="M88 44h14v50a6 6 0 0 1-12 0V44z" fill="#d9d3c3"/>
  <rect x="34" y="38" width="46" height="8" rx="2" fill="#2f4f7f"/>
  <rect x="34" y="53" width="20" height="3.5" rx="1.5" fill="#8a8578"/>
  <rect x="34" y="61" width="20" height="3.5" rx="1.5" fill="#8a8578"/>
  <rect x="34" y="69" width="20" height="3.5" rx="1.5" fill="#8a8578"/>
  <rect x="60" y="53" width="20" height="3.5" rx="1.5" fill="#8a8578"/>
  <rect x="34" y="79" width="14" height="3.5" rx="1.5" fill="#8a8578"/>
  <rect x="34" y="87" width="14" height="3.5" rx="1.5" fill="#8a8578"/>
  <g transform="translate(52 58)" fill="#f0a830" stroke="#1c3052" stroke-width="3" stroke-linejoin="round">
    <path d="M4 22c0-12 6-20 16-22l2 6c-5 2-8 6-8 10h8v18H4z"/>
    <path d="M30 22c0-12 6-20 16-22l2 6c-5 2-8 6-8 10h8v18H30z"/>
  </g>
</svg>`;

const out = path.join(repoRoot, 'media', 'icon.png');
const browser = await chromium.launch({ executablePath: process.env.CORPUS_NAV_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(repoRoot, out)}`);
} finally {
  await browser.close();
}
