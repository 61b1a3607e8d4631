// Office titles and role vocabulary. A title before a name is a role, outside the mention span
// ("Defence Secretary Sir Michael Fallon": role "Defence Secretary", mention "Sir Michael Fallon").

/** Capitalised words that head an office title; a name right after one is a person. Lower-cased. */
export const TITLE_HEADS: ReadonlySet<string> = new Set((
  'president president-elect vice-president premier chancellor secretary minister mp mep msp am mla ' +
  'senator congressman congresswoman congressperson representative governor mayor ambassador envoy ' +
  'commissioner chairman chairwoman chairperson chair chief ceo cfo coo director spokesman spokeswoman ' +
  'spokesperson leader king queen pope emperor empress tsar czar sultan emir shah crown ' +
  'judge justice magistrate prosecutor attorney counsel treasurer speaker whip pm chancellor ' +
  'coach manager captain skipper striker midfielder defender goalkeeper keeper forward winger batsman bowler ' +
  'champion boss owner founder president-elect premier-elect editor correspondent columnist analyst ' +
  'economist adviser advisor aide deputy secretary-general general commander' 
).split(/\s+/).filter(Boolean));

/** Lower-case words that can sit inside an office title phrase ("Secretary of State", "defence secretary"). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set((
  'prime foreign home defence defense health education justice interior finance trade business transport ' +
  'culture environment energy treasury state of the for and affairs deputy vice acting interim former ' +
  'shadow junior senior general chief first lord high supreme allied national security intelligence ' +
  'international development economic economy labour labor work pensions agriculture communities ' +
  'local government housing culture media sport digital science technology industry exchequer ' +
  'attorney solicitor surgeon inspector party opposition majority minority house senate labour ' +
  'elect official officials executive managing assistant associate team club head coaching' 
).split(/\s+/).filter(Boolean));

/** Lower-case role head nouns for descriptions ("the Ukip leader", "Mr Putin's official spokesman"). */
export const ROLE_HEAD_NOUNS: ReadonlySet<string> = new Set([
  ...TITLE_HEADS,
  ...('secretary minister president leader spokesman spokeswoman spokesperson chief head commander ' +
    'ambassador counterpart envoy adviser advisor aide negotiator diplomat chancellor governor ' +
    'mayor senator mp mep general admiral colonel officer director chairman founder boss candidate ' +
    'nominee rival deputy lawyer economist professor analyst author journalist reporter editor ' +
    'correspondent columnist premier monarch ruler dictator strongman warlord commissioner representative ' +
    'member politician campaigner activist executive manager coach captain owner player star').split(' '),
]);

/** Office titles written before a name that make a following single capitalised word a person. Lower-cased. */
export const ROLE_PREFIX_WORDS: ReadonlySet<string> = TITLE_HEADS;

/**
 * Occupations and descriptions written with a capital right before a name, as news writes them ("Actress Teri
 * Hatcher", "Flanker Colin Charvis", "Teenager Sania Mirza"): not part of the name. Lower-cased. Read beside
 * ROLE_HEAD_NOUNS and ROLE_MODIFIERS, so none of their words is here again.
 */
export const DESCRIPTOR_NOUNS: ReadonlySet<string> = new Set((
  'actor actress singer rapper songwriter writer novelist poet playwright screenwriter composer conductor ' +
  'musician guitarist drummer bassist pianist violinist producer presenter broadcaster comedian dancer model ' +
  'designer artist painter photographer sculptor architect filmmaker teenager schoolboy schoolgirl student ' +
  'veteran rookie trainer jockey doctor nurse scientist researcher barrister accountant ' +
  'banker broker trader businessman businesswoman entrepreneur tycoon mogul magnate billionaire millionaire ' +
  'chef farmer priest bishop rabbi imam monk nun opener fullback full-back fly-half scrum-half centre lock prop ' +
  'hooker flanker wing pitcher catcher outfielder infielder shortstop quarterback linebacker sprinter hurdler ' +
  'swimmer cyclist rider driver boxer wrestler golfer skier jumper runner marathoner compatriot compatriots ' +
  'organiser organizer consultancy ex'
).split(/\s+/).filter(Boolean));
