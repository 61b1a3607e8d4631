// Capitalised words that are not names: function words and common words that begin sentences or headlines,
// days, months, and other capitalised common nouns. Lower-cased.

const FUNCTION_WORDS = `
a an the this that these those there here it its it's he she they we you i me him her them us our your their his my mine
and or but nor so yet for if then than when while whereas where whether which who whom whose what why how because since
although though unless until after before during as at by in into on onto upon of off out over under up down with without
within about above across against along among amid around behind below beneath beside besides between beyond despite
except inside near outside past per through throughout toward towards via to from not no yes all any both each either
every few many more most much neither none one other others several some such own same another
is are was were be been being am has have had do does did will would shall should can could may might must
also already always even ever just never now often only perhaps quite rather really still too very again once soon
today tomorrow yesterday tonight meanwhile however therefore thus hence moreover furthermore nevertheless instead
indeed meanwhile otherwise overall earlier later last next first second third finally also
mr mrs ms dr
`;

const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday';
const MONTHS = 'january february march april may june july august september october november december';
const HOLIDAYS = 'christmas easter ramadan eid diwali hanukkah passover halloween thanksgiving';

/** Besides the days, the months but May (a name too: "Theresa May") and the holidays. */
const COMMON_CAPITALISED = `
jan feb mar apr jun jul aug sep sept oct nov dec
god lord allah
internet web online twitter facebook instagram youtube tiktok google apple amazon microsoft
north south east west
analysis comment comments opinion editorial interview review briefing report reports update updates live breaking
exclusive source sources picture pictures photo photograph image images video getty reuters ap afp pa
men women add big small great little high low good bad top best grand next
share follow subscribe sign register login read more click please thank thanks welcome hello

`;

/** Words that open sentences and headlines but never start a name. */
const SENTENCE_OPENERS = `
officials official ministers minister members member investigations tensions responding
asked speaking writing according following despite having being while during after before meanwhile
another one two three four five six seven eight nine ten several many most some some all both each
it's there's here's that's what's who's let's i'm i've i'd we're we've they're you're don't doesn't didn't can't won't isn't
yes no oh well okay ok
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const FUNCTION_WORD_SET: ReadonlySet<string> = new Set(words(FUNCTION_WORDS));
export const COMMON_CAPITALISED_SET: ReadonlySet<string> = new Set([
  ...words(WEEKDAYS),
  ...words(MONTHS).filter((month) => month !== 'may'),
  ...words(HOLIDAYS),
  ...words(COMMON_CAPITALISED),
  ...words(SENTENCE_OPENERS),
]);

/** Holidays and feasts, lower-cased: days of the year, not places ("at Christmas"). */
export const HOLIDAY_NAMES: ReadonlySet<string> = new Set(words(HOLIDAYS));

/** Lower-cased days of the week. */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set(words(WEEKDAYS));
/** Lower-cased months. Those that double as given names ("May", "June", "April") only count as names with a clear cue. */
export const MONTH_NAMES: ReadonlySet<string> = new Set(words(MONTHS));
