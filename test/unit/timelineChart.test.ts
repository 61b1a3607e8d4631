import * as assert from 'assert';
import { buildTimeline } from '../../src/core/query/timeline';
import { escapeHtml, timelinePage, timelineSvg } from '../../src/core/query/timelineChart';
import { fakeReader } from '../support/fakeReader';

const EVIL = { id: 'ann-lee', name: 'Ann <script>alert(1)</script> "Lee"' };

function corpus() {
  const dates = ['2017-01-15', '2017-01-20', '2017-03-02', '2017-06-30'];
  return fakeReader(
    dates.map((date, i) => ({ path: `${i}.txt`, date, outlet: i % 2 ? 'Post & <b>Star</b>' : 'Daily "Post"' })),
    [EVIL],
    dates.flatMap((_, i) => Array.from({ length: i + 1 }, (__, k) => ({ path: `${i}.txt`, start: k * 10, entityId: EVIL.id }))),
    [{ path: '0.txt', start: 100, text: 'words', source: EVIL.id }],
  );
}

function attributes(svg: string, element: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${element}\\b([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

describe('timeline chart', () => {
  const timeline = buildTimeline(corpus(), EVIL.id, { granularity: 'month' })!;
  const svg = timelineSvg(timeline);

  it('draws each period as one button with a spoken label, one of them in the tab order', () => {
    const groups = attributes(svg, 'g').filter((g) => g.class?.startsWith('period'));
    assert.deepStrictEqual(groups.map((g) => g['data-key']), timeline.periods.map((p) => p.key));
    assert.ok(groups.every((g) => g.role === 'button'));
    assert.deepStrictEqual(groups.map((g) => g.tabindex).filter((t) => t === '0'), ['0']);
    assert.strictEqual(groups[0]['aria-label'], 'Jan 2017: 3 mentions, 1 quote in 2 articles');
    assert.strictEqual(groups[1]['aria-label'], 'Feb 2017: nothing');
    assert.ok(groups[1].class.includes('empty'));
  });

  it('stacks one segment per outlet, heights in proportion to the counts', () => {
    const perPeriod = svg.split('<g class="period').slice(1).map((chunk) => attributes(chunk, 'rect').filter((r) => r.class?.startsWith('seg')));
    assert.strictEqual(perPeriod.length, timeline.periods.length);
    const mentionBand = (r: Record<string, string>) => Number(r.y) < Number(attributes(svg, 'line').filter((l) => l.class === 'axis')[0].y1);
    // Mentions: January from two outlets, March and June from one.
    assert.deepStrictEqual(perPeriod.map((rects) => rects.filter(mentionBand).length), timeline.periods.map((p) => p.mentionsByOutlet.filter((n) => n > 0).length));
    const heights = perPeriod.map((rects) => rects.filter(mentionBand).reduce((sum, r) => sum + Number(r.height), 0));
    const perMention = heights[0] / timeline.periods[0].mentions;
    timeline.periods.forEach((p, i) => assert.ok(Math.abs(heights[i] - p.mentions * perMention) < 0.5, `${p.key}: ${heights[i]} px for ${p.mentions} mentions`));
    assert.deepStrictEqual(perPeriod.map((rects) => rects.filter((r) => !mentionBand(r)).length), timeline.periods.map((p) => p.quotes));
  });

  it('escapes every piece of corpus text', () => {
    const page = timelinePage(timeline, { cspSource: 'vscode-resource:', nonce: 'abc123', scriptUri: 'vscode-resource:/t.js', styleUri: 'vscode-resource:/t.css' });
    assert.ok(!page.includes('<script>alert'), 'the name is not escaped');
    assert.ok(!page.includes('<b>Star'), 'an outlet is not escaped');
    assert.ok(page.includes(escapeHtml(EVIL.name)));
    assert.ok(page.includes('Post &amp; &lt;b&gt;Star&lt;/b&gt;'));
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('holds a strict policy: nothing remote, only the nonce script', () => {
    const page = timelinePage(timeline, { cspSource: 'vscode-resource:', nonce: 'abc123', scriptUri: 'vscode-resource:/t.js', styleUri: 'vscode-resource:/t.css' });
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:/);
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.deepStrictEqual(scripts, [' nonce="abc123" src="vscode-resource:/t.js"']);
    assert.doesNotMatch(page.replace('http://www.w3.org/2000/svg', ''), /https?:\/\//);
    assert.doesNotMatch(page, /\sstyle="/, 'inline styles would be blocked by the policy');
    assert.doesNotMatch(page, /\son\w+="/, 'inline handlers would be blocked by the policy');
  });

  it('says so when nothing is dated', () => {
    const undated = fakeReader([{ path: 'a.txt' }], [EVIL], [{ path: 'a.txt', start: 0, entityId: EVIL.id }]);
    const page = timelinePage(buildTimeline(undated, EVIL.id)!, { cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 'c' });
    assert.match(page, /No dated article/);
    assert.match(page, /data-key="undated"/);
  });
});
