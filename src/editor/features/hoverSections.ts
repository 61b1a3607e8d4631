// What a hover card is made of: the provider finds what is under the cursor (an entity mention, a quote) and
// asks each section in turn for its Markdown; a section that has nothing to say returns undefined. Sections
// escape every piece of article text (`escapeMarkdownText`) and link only to commands in HOVER_LINK_COMMANDS.
import type * as vscode from 'vscode';
import type { Corpus } from '../../core/api';
import type { EntityCard } from '../../core/query/entityCard';
import type { Entity, Mention, Quote } from '../../core/types';
import type { MentionOrder } from '../../core/query/entityCard';

export type HoverOrder = MentionOrder;

export interface HoverSettings {
  maxMentions: number;
  order: HoverOrder;
}

/** Everything a section may show, computed once per hover. */
export interface HoverTarget {
  corpus: Corpus;
  document: vscode.TextDocument;
  /** Path of the hovered article in the corpus, and the hovered offset. */
  path: string;
  offset: number;
  settings: HoverSettings;
  /** The entity mention under the cursor (when its type is shown) and its card data. */
  entity?: { mention: Mention; entity: Entity; card: EntityCard };
  /** The quote the cursor is in, if any. */
  quote?: Quote;
}

/** One part of a card: Markdown (article text escaped), or undefined to leave it out. */
export type HoverSection = (target: HoverTarget) => string | undefined;
