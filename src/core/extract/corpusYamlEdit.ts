// Writing a correction into corpus.yaml's text, and taking it out again. The edit is made on the yaml
// Document (comments, anchors and the style of each collection are kept), and only the lines it changed are
// taken from the new rendering: the rest of the file stays byte for byte as the user wrote it.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type ToStringOptions } from 'yaml';
import { normaliseArticleKey } from './corpusYaml';

/** A correction made from the editor, as corpus.yaml records it. */
export type Correction =
  /** `name` is no entity: in every article, or in `path` only. */
  | { kind: 'notEntity'; name: string; path?: string }
  /** In article `path`, `form` names `canonical` (one word: a person of that article alone). */
  | { kind: 'alias'; path: string; canonical: string; form: string }
  /** The entity with id `from` is the one with id `into`. */
  | { kind: 'merge'; from: string; into: string }
  /** The entity with id `id` is shown as `name`. */
  | { kind: 'rename'; id: string; name: string };

export type CorrectionEdit =
  | { ok: true; text: string; changed: boolean; previous: string | null }
  | { ok: false; reason: string };

const RENDER: ToStringOptions = { flowCollectionPadding: false, lineWidth: 0, minContentWidth: 0 };

/** `text` (the current corpus.yaml, '' for none) with `correction` written in. Adding what is there changes nothing. */
export function applyCorrection(text: string, correction: Correction): CorrectionEdit {
  return edit(text, (doc) => {
    switch (correction.kind) {
      case 'notEntity':
        if (correction.path === undefined) {
          if (listHas(doc.getIn(['notPeople']), correction.name)) return null;
          return addToList(doc, ['notEntities'], correction.name);
        }
        return addToList(doc, [...articlePath(doc, correction.path), 'notEntities'], correction.name);
      case 'alias':
        return addToList(doc, [...articlePath(doc, correction.path), 'aliases', correction.canonical], correction.form);
      case 'merge':
        return setValue(doc, ['merge', correction.from], correction.into);
      case 'rename':
        return setValue(doc, ['names', correction.id], correction.name);
    }
  });
}

/**
 * `text` without `correction`: the inverse of `applyCorrection`, for undo after the file changed in between.
 * `previous` is what `applyCorrection` reported as the value a merge or rename replaced.
 */
export function revertCorrection(text: string, correction: Correction, previous: string | null = null): CorrectionEdit {
  return edit(text, (doc) => {
    switch (correction.kind) {
      case 'notEntity':
        return removeFromList(doc, correction.path === undefined ? ['notEntities'] : [...articlePath(doc, correction.path), 'notEntities'], correction.name);
      case 'alias':
        return removeFromList(doc, [...articlePath(doc, correction.path), 'aliases', correction.canonical], correction.form);
      case 'merge':
        return previous === null ? removeKey(doc, ['merge', correction.from]) : setValue(doc, ['merge', correction.from], previous);
      case 'rename':
        return previous === null ? removeKey(doc, ['names', correction.id]) : setValue(doc, ['names', correction.id], previous);
    }
  });
}

type Path = string[];

/** Runs `change` on the parsed document: null means nothing to change, else the value it replaced. */
function edit(text: string, change: (doc: Document) => { previous: string | null } | null): CorrectionEdit {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false, reason: `corpus.yaml has errors (${doc.errors[0].message.split('\n', 1)[0]}): fix them first` };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'corpus.yaml is not a mapping of keys' };
  const before = doc.toString(RENDER);
  const result = change(doc);
  if (result === null) return { ok: true, text, changed: false, previous: null };
  const after = doc.toString(RENDER);
  if (after === before) return { ok: true, text, changed: false, previous: null };
  return { ok: true, text: spliceLines(text, before, after), changed: true, previous: result.previous };
}

/**
 * The original text with the lines that changed between two renderings of the document replaced: the
 * renderer normalises spacing and blank lines the user may have chosen, which must stay where nothing was
 * edited. The original is lined up with the first rendering line by line, ignoring whitespace; when they do
 * not line up, the new rendering is taken whole.
 */
function spliceLines(original: string, before: string, after: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.split(/\r?\n/);
  const a = before.split('\n');
  const b = after.split('\n');
  const at = lineUp(lines, a);
  if (at === null) return after.replace(/\n/g, eol);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return [...lines.slice(0, at[head]), ...b.slice(head, b.length - tail), ...lines.slice(at[a.length - tail])].join(eol);
}

/** For each line of `rendered` (and its end), the index of the original line it starts at; null when they differ. */
function lineUp(lines: readonly string[], rendered: readonly string[]): number[] | null {
  const squeeze = (line: string): string => line.replace(/\s+/g, '');
  const at = new Array<number>(rendered.length + 1);
  let i = 0;
  for (let j = 0; j < rendered.length; j++) {
    const wanted = squeeze(rendered[j]);
    while (i < lines.length && wanted !== '' && squeeze(lines[i]) === '') i++;
    at[j] = i;
    if (wanted === '') {
      if (i < lines.length && squeeze(lines[i]) === '') i++;
      continue;
    }
    if (i >= lines.length || squeeze(lines[i]) !== wanted) return null;
    i++;
  }
  at[rendered.length] = lines.length;
  return at;
}

/** The key path of an article's entry: its existing key (written "./a.txt" or "a.txt"), else the path. */
function articlePath(doc: Document, path: string): Path {
  const articles = doc.getIn(['articles'], true);
  const wanted = normaliseArticleKey(path);
  if (isMap(articles)) {
    for (const pair of articles.items) {
      if (isScalar(pair.key) && normaliseArticleKey(String(pair.key.value)) === wanted) return ['articles', String(pair.key.value)];
    }
  }
  return ['articles', wanted];
}

const sameName = (a: unknown, b: string): boolean => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

function listHas(node: unknown, value: string): boolean {
  if (isSeq(node)) return node.items.some((item) => sameName(isScalar(item) ? item.value : item, value));
  return sameName(isScalar(node) ? node.value : node, value);
}

function addToList(doc: Document, path: Path, value: string): { previous: null } | null {
  const node = doc.getIn(path, true) as Node | undefined;
  if (listHas(node, value)) return null;
  if (isSeq(node)) node.add(doc.createNode(value));
  else if (isScalar(node) && typeof node.value === 'string') doc.setIn(path, doc.createNode([node.value, value], { flow: true }));
  else doc.setIn(path, doc.createNode([value], { flow: true }));
  return { previous: null };
}

function removeFromList(doc: Document, path: Path, value: string): { previous: null } | null {
  const node = doc.getIn(path, true) as Node | undefined;
  if (!listHas(node, value)) return null;
  if (isSeq(node)) {
    const at = node.items.findIndex((item) => sameName(isScalar(item) ? item.value : item, value));
    node.items.splice(at, 1);
    if (node.items.length > 0) return { previous: null };
  }
  return removeKey(doc, path);
}

function setValue(doc: Document, path: Path, value: string): { previous: string | null } | null {
  const node = doc.getIn(path, true);
  const previous = isScalar(node) && node.value !== null ? String(node.value) : null;
  if (previous === value) return null;
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
  return { previous };
}

/** Deletes a key, then the mappings it leaves empty (an article entry with nothing left, `merge: {}`). */
function removeKey(doc: Document, path: Path): { previous: null } | null {
  if (!doc.hasIn(path)) return null;
  doc.deleteIn(path);
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parent = doc.getIn(path.slice(0, depth), true);
    if (!isMap(parent) || parent.items.length > 0) break;
    doc.deleteIn(path.slice(0, depth));
  }
  return { previous: null };
}
