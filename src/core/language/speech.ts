// General English lexicons used by the quotation extractor (src/core/extract/quotes/).
// Nothing here names a person, outlet or quote of any corpus: these are closed word classes of news prose.

function inflect(stems: string): string[] {
  return stems.split(/\s+/).filter(Boolean);
}

/** Verbs that introduce reported speech, in every form a news report uses. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(inflect(`
  say says said saying
  tell tells told telling
  add adds added adding
  warn warns warned warning
  claim claims claimed claiming
  declare declares declared declaring
  stress stresses stressed stressing
  insist insists insisted insisting
  argue argues argued arguing
  suggest suggests suggested suggesting
  respond responds responded responding
  comment comments commented commenting
  write writes wrote writing written
  tweet tweets tweeted tweeting
  ask asks asked asking
  explain explains explained explaining
  urge urges urged urging
  note notes noted noting
  state states stated stating
  announce announces announced announcing
  admit admits admitted admitting
  acknowledge acknowledges acknowledged acknowledging
  reply replies replied replying
  remark remarks remarked remarking
  observe observes observed observing
  conclude concludes concluded concluding
  confirm confirms confirmed confirming
  deny denies denied denying
  predict predicts predicted predicting
  promise promises promised promising
  pledge pledges pledged pledging
  vow vows vowed vowing
  recall recalls recalled recalling
  reveal reveals revealed revealing
  assert asserts asserted asserting
  agree agrees agreed agreeing
  remind reminds reminded reminding
  repeat repeats repeated repeating
  announce announces announced announcing
  maintain maintains maintained maintaining
  contend contends contended contending
  complain complains complained complaining
  boast boasts boasted boasting
  joke jokes joked joking
  quip quips quipped quipping
  shout shouts shouted shouting
  reiterate reiterates reiterated reiterating
  indicate indicates indicated indicating
  tell told
`));

/**
 * Reporting verbs that come before their speaker after a quote ("...,” said Sir Keir). Verbs whose next
 * noun is usually the person spoken to ("told Reuters", "asked the minister", "urged Smith") are not here.
 */
export const INVERTED_SPEECH_VERBS: ReadonlySet<string> = new Set(inflect(`
  said says added adds explained explains continued continues noted notes insisted insists argued argues
  wrote writes replied replies admitted admits agreed agrees claimed claims declared declares stressed stresses
  recalled recalls observed observes remarked remarks commented comments concluded concludes
`));

/**
 * Verbs that report a stance rather than speech. They link a partial quote (a fragment inside a
 * sentence) to the subject, but never introduce a full quote on their own.
 */
export const STANCE_VERBS: ReadonlySet<string> = new Set(inflect(`
  accuse accuses accused accusing
  call calls called calling
  describe describes described describing
  dismiss dismisses dismissed dismissing
  praise praises praised praising
  criticise criticises criticised criticising criticize criticizes criticized criticizing
  condemn condemns condemned condemning
  hope hopes hoped hoping
  believe believes believed believing
  brand brands branded branding
  label labels labelled labelling labeled labeling
  welcome welcomes welcomed welcoming
  insist insists
`));

/** Nouns that introduce speech before a colon ("in a statement: ...", "in his response: ..."). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(inflect(`
  statement statements response reply remarks remark comments comment words message tweet post
  interview speech address letter allegations allegation accusation accusations claim claims
  warning testimony
`));

/** Auxiliaries, negation and adverbs that may sit between a subject and its verb ("has also said"). */
export const VERB_MODIFIERS: ReadonlySet<string> = new Set(inflect(`
  has have had will would shall should could can may might must is was are were be been do does did
  not never also then later recently previously again further once repeatedly publicly privately
  reportedly today yesterday tonight earlier already just still now often always subsequently
  separately simply only even directly explicitly bluntly openly angrily calmly quickly flatly
  on monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
  last this week weekend month year
`));

/** Words after which a reporting verb is passive ("is said to", "been told"): no speaker. */
export const PASSIVE_MARKERS: ReadonlySet<string> = new Set(inflect('is are was were be been being'));

/** Words that may open a sentence before its subject. */
export const SENTENCE_CONNECTIVES: ReadonlySet<string> = new Set(inflect(`
  but and however yet so meanwhile also now still indeed instead then separately earlier later
`));

/** Words that start a leading adverbial phrase that ends at a comma ("In his first interview, ..."). */
export const LEADING_PHRASE_STARTERS: ReadonlySet<string> = new Set(inflect(`
  in at during after before following asked speaking when while despite responding writing on
  since although though as with amid under addressing answering commenting reacting talking
  if once unlike like having last
`));

/** Conjunctions and subordinators: a verb after them shares the clause subject. */
export const CLAUSE_LINKS: ReadonlySet<string> = new Set(inflect(`
  and but or after before while when as by then without despite whilst before
`));

/** Words after a reporting verb that carry its sentence on into narration ("said it was odd and then the meeting ended"). */
export const NARRATIVE_LINKS: ReadonlySet<string> = new Set(inflect(`
  then before after until when while later afterwards
`));

/** Words that end a noun phrase when walking backwards from a verb. */
export const PREPOSITIONS: ReadonlySet<string> = new Set(inflect(`
  of in on at to for from with by about against between into onto over under through during
  than like across among around behind beyond near within without towards toward via per
  based
`));

export const DETERMINERS: ReadonlySet<string> = new Set(inflect(`
  the a an another one two three four several some many other his her their its our your my this that these those
  both each every any no
`));

/** Determiners that make a noun phrase indefinite: an anonymous source, never a known person. */
export const INDEFINITE_DETERMINERS: ReadonlySet<string> = new Set(inflect(`
  a an another one two three four several some many other both each every any no
`));

/** Nouns for people who are not named: anonymous sources. */
export const ANONYMOUS_PERSON_NOUNS: ReadonlySet<string> = new Set(inflect(`
  official officials source sources spokesperson spokespeople spokesman spokesmen spokeswoman spokeswomen
  diplomat diplomats aide aides insider insiders adviser advisers advisor advisors analyst analysts
  expert experts person people figure figures colleague colleagues ally allies critic critics
  observer observers member members officer officers witness witnesses resident residents
  representative representatives negotiator negotiators campaigner campaigners counterpart counterparts
  friend friends man woman men women voter voters worker workers staffer staffers
  lawyer lawyers mps ministers leaders officials' sources'
`));

/** Head nouns of offices and roles ("the Prime Minister", "the Defence Secretary", "the MP"). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(inflect(`
  minister secretary president chancellor mp leader ambassador general commander chief director
  chairman chairwoman chair mayor governor senator king queen pope premier envoy spokesman spokeswoman
  spokesperson pm prince princess judge prosecutor admiral colonel captain commissioner deputy
  head boss chairperson foreign-secretary
`));


/** Role nouns that carry a gender. */
export const MALE_NOUNS: ReadonlySet<string> = new Set(inflect('spokesman spokesmen man men chairman king prince'));
export const FEMALE_NOUNS: ReadonlySet<string> = new Set(inflect('spokeswoman spokeswomen woman women chairwoman queen princess'));



/** First- and second-person words: a stripped-mark paragraph using them is speech, not narration. */
export const FIRST_SECOND_PERSON = /\b(?:I|we|We|us|our|Our|ours|my|My|me|you|You|your|Your)\b/;
