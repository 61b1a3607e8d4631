// Which documents the language features are offered on. Providers still check that the file is an
// indexed article of a registered corpus; the selector only keeps them off unrelated files.
import type * as vscode from 'vscode';
import { LANGUAGE_ID } from '../ids';

export const ARTICLE_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: LANGUAGE_ID },
  { scheme: 'file', pattern: '**/*.{txt,md}' },
];
