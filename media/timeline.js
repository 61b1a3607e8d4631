// The timeline page's behaviour: pick a period (click, Enter or Space; arrows move between periods), list its
// mentions and quotes, open one in the editor. The selected period and the scroll position are kept with
// setState, so the page restores itself when the panel is shown again or redrawn after a corpus change.
// Corpus text only ever reaches the page through textContent.
// @ts-check
(function () {
  // @ts-expect-error acquireVsCodeApi is provided by the webview host
  const vscode = acquireVsCodeApi();
  const body = document.body;
  const entity = body.dataset.entity;
  const granularity = body.dataset.granularity;
  /** @type {{ entity?: string, granularity?: string, selected?: string, scrollY?: number }} */
  const saved = vscode.getState() || {};
  const state = saved.entity === entity && saved.granularity === granularity ? saved : { entity, granularity };
  const periods = /** @type {SVGGElement[]} */ (Array.from(document.querySelectorAll('g.period')));
  const title = /** @type {HTMLElement} */ (document.getElementById('entries-title'));
  const list = /** @type {HTMLElement} */ (document.getElementById('entries-list'));

  function save() {
    vscode.setState(state);
  }

  /** One period in the tab order at a time (roving tabindex); arrows move it. */
  function makeCurrent(index, focus) {
    periods.forEach((p, i) => p.setAttribute('tabindex', i === index ? '0' : '-1'));
    if (focus) periods[index].focus();
  }

  function select(key, restoring) {
    state.selected = key;
    if (!restoring) state.scrollY = undefined;
    save();
    for (const p of periods) {
      const on = p.dataset.key === key;
      p.classList.toggle('selected', on);
      p.setAttribute('aria-pressed', String(on));
    }
    const index = periods.findIndex((p) => p.dataset.key === key);
    if (index >= 0) makeCurrent(index, false);
    title.textContent = 'Loading…';
    vscode.postMessage({ type: 'period', key });
  }

  function text(tag, className, content) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (content !== undefined) el.textContent = content;
    return el;
  }

  function openButton(className, label, span, path) {
    const button = text('button', className);
    button.type = 'button';
    button.append(...label);
    button.addEventListener('click', () => vscode.postMessage({ type: 'open', path, start: span.start, end: span.end }));
    return button;
  }

  function render(message) {
    title.textContent = message.heading;
    list.replaceChildren();
    for (const entry of message.entries) {
      const article = text('article', 'entry');
      article.append(text('h3', '', entry.title || entry.path.split('/').pop()));
      const meta = [entry.outlet, entry.date].filter(Boolean).join(' · ');
      if (meta) article.append(text('p', 'meta', meta));
      const items = text('ul', 'items');
      for (const m of entry.mentions) {
        const li = text('li', 'mention');
        li.append(openButton('open', [text('span', '', m.before), text('mark', '', m.match), text('span', '', m.after)], m, entry.path));
        items.append(li);
      }
      for (const q of entry.quotes) {
        const li = text('li', 'quote');
        li.append(openButton('open', [text('span', 'kind', 'Quote: '), text('q', '', q.text)], q, entry.path));
        items.append(li);
      }
      article.append(items);
      list.append(article);
    }
    if (message.omitted > 0) list.append(text('p', 'omitted', `and ${message.omitted} more not listed`));
    if (state.scrollY !== undefined) window.scrollTo(0, state.scrollY);
  }

  periods.forEach((period, index) => {
    period.addEventListener('click', () => {
      makeCurrent(index, true);
      select(period.dataset.key, false);
    });
    period.addEventListener('keydown', (event) => {
      let next = index;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = Math.min(periods.length - 1, index + 1);
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = Math.max(0, index - 1);
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = periods.length - 1;
      else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(period.dataset.key, false);
        return;
      } else return;
      event.preventDefault();
      makeCurrent(next, true);
    });
  });

  for (const button of document.querySelectorAll('button[data-key]')) {
    button.addEventListener('click', () => select(/** @type {HTMLElement} */ (button).dataset.key, false));
  }
  for (const button of document.querySelectorAll('button[data-granularity]')) {
    button.addEventListener('click', () => {
      const value = /** @type {HTMLElement} */ (button).dataset.granularity;
      if (value !== granularity) vscode.postMessage({ type: 'granularity', value });
    });
  }

  let scrollTimer;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      state.scrollY = window.scrollY;
      save();
    }, 150);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'entries' && message.key === state.selected) render(message);
  });

  // A period chosen before the panel was hidden or redrawn comes back.
  if (state.selected && (state.selected === 'undated' || periods.some((p) => p.dataset.key === state.selected))) select(state.selected, true);
  else save();
})();
