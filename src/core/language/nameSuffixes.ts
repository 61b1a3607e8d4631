// Generational suffixes written after a name: part of the mention, not a following word.

/** Suffixes that stay inside the name span. */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['Jr', 'Jnr', 'Sr', 'Snr', 'II', 'III', 'IV']);
