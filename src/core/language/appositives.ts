// Appositives after a name: "Nigel Farage, the Ukip leader, said" gives the role "Ukip leader".

/** Words that end an appositive description after a name: a clause or a verb begins there. Lower-cased. */
export const APPOSITIVE_STOP: ReadonlySet<string> = new Set(['who', 'which', 'that', 'said', 'says', 'told', 'has', 'have', 'had', 'is', 'was', 'will', 'would', 'and', 'but', 'warned', 'added', 'met', 'praised', 'hopes', 'when', 'as']);
