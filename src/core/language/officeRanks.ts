// Ranks that are part of an office title when an office word comes first: "General James Mattis" is a rank
// before a name, "Attorney General Jeff Sessions" an office (see AMBIGUOUS_RANKS in honorifics.ts).

/** Words that make a following "General"/"Major" part of an office, not a rank. Lower-cased. */
export const OFFICE_BEFORE_RANK: ReadonlySet<string> = new Set(['attorney', 'secretary', 'surgeon', 'solicitor', 'inspector', 'postmaster', 'director', 'consul', 'adjutant', 'governor', 'auditor', 'comptroller', 'sergeant', 'drum', 'accountant', 'registrar']);
