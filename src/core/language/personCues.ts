// Words that show a capitalised name names a person when nothing else does ("Graeme Downie said").

/** Words after a name that show a speaking or acting person (cue for a lone or unknown name). */
export const PERSON_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'added', 'asked', 'argued', 'insisted', 'warned', 'claimed', 'admitted', 'explained', 'wrote', 'tweeted', 'replied', 'noted', 'stressed', 'believes', 'thinks', 'who']);
