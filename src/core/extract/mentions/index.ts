// What the rest of the core may use of mention extraction; its internals stay behind this file.
export { extractMentions } from './extractMentions';
export type { MentionOptions } from './confirm';
