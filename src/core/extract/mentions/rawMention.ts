// Mentions (person, organisation, place) and person mention forms are made here only, with every key in one
// order (`tentative`, `expansion` undefined when absent), so the hot loops that read them see one object shape
// and stay optimised. JSON leaves the undefined out.
import type { MentionForm, NamedEntityType, RawEntityMention, RawMention } from '../../types';

export function rawMention(start: number, end: number, text: string, honorific: string | null, nameParts: string[], role: string | null, tentative?: boolean): RawMention {
  return { start, end, text, honorific, nameParts, role, tentative };
}

export function mentionForm(text: string, honorific: string | null, nameParts: string[], role: string | null, tentative?: boolean): MentionForm {
  return { text, honorific, nameParts, role, tentative };
}

export function rawEntityMention(start: number, end: number, text: string, type: NamedEntityType, expansion?: string): RawEntityMention {
  return { start, end, text, type, expansion };
}
