// Words that mark organisations, institutions, events and things: a capitalised run containing one is not a
// person ("Foreign Office", "Royal Marines", "Wall Street Journal"). Lower-cased.

const ORG_WORDS = `
office ministry department government parliament congress senate assembly council cabinet committee commission authority agency
bureau service services court tribunal police army navy marines force forces corps guard guards regiment brigade battalion division
squadron fleet command alliance union league federation association society institute institution foundation trust fund bank
company corporation corp inc ltd plc llc co group holdings partners partnership enterprises industries airlines airways motors
university college school academy press news times post journal telegraph guardian herald mail express observer independent
gazette tribune chronicle review magazine radio tv television channel network broadcasting media studios records
party democrats democrat republicans republican labour conservatives conservative tories tory liberals liberal greens ukip snp
nationalists socialists socialist communists communist unionists unionist coalition front movement campaign brigades
church mosque diocese order
club fc united city rovers athletic athletico atletico sporting wanderers rangers hotspur albion county olympic olympics cup trophy
championship championships tournament open masters games series grand prix league division premiership
show programme program festival awards award prize conference summit treaty accord agreement convention pact declaration act bill law
war wars crisis revolution spring uprising battle operation mission plan doctrine initiative
index exchange market markets stock shares bonds reserve treasury
administration regime presidency government's establishment
day week month year
electric dynamics motors systems technologies software energy oil gas petroleum airlines
medical pharmaceutical pharmaceuticals controls consolidated management managers futures receipts capital investments
securities resources mining mines steel chemicals foods brands telecom communications insurance financial associates board
counties bowl meeting
nato isil isis ukip opec fifa uefa nasa interpol unesco unicef brexit hamas hezbollah taliban taleban kremlin pentagon
eu un who imf wto icc
`;

/**
 * Nouns that, right after a name, make the name a modifier of a thing, not a person mention: "Trump Tower",
 * "the Andrew Marr Show", "the Trump administration", "the Assad regime". Lower-cased.
 */
const THING_NOUNS_AFTER_NAME = `
administration regime government presidency era years doctrine dynasty family clan camp campaign team
foundation institute center centre tower towers show hotel organization organisation plan deal effect factor
supporters voters loyalists administration's election victory win rally rallies presidency's tweets tweet
style policy policies agenda brand empire estate trophy cup memorial prize award medal lecture stadium
building bridge street road avenue square airport university college school hospital museum library
`;

/** Lower-case nouns before a name that make it a vessel's or a storm's ("the aircraft carrier Carl Vinson", "storm Ophelia"). */
const THING_NOUNS_BEFORE_NAME = `
carrier carriers ship ships vessel vessels warship warships frigate frigates destroyer destroyers submarine submarines
tanker tankers liner liners ferry ferries yacht yachts cruiser cruisers battleship battleships freighter trawler
hurricane storm typhoon cyclone
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter(Boolean);
}

export const ORGANISATION_WORDS: ReadonlySet<string> = new Set(words(ORG_WORDS));
export const THING_NOUNS: ReadonlySet<string> = new Set(words(THING_NOUNS_AFTER_NAME));
export const THING_NOUNS_BEFORE: ReadonlySet<string> = new Set(words(THING_NOUNS_BEFORE_NAME));

/**
 * A party's member as a word ("Conservative", "Tory", "a Labour MP"): as an organisation, one name with its plural
 * ("Tories") and with "Party" after it ("the Labour Party").
 */
export const PARTY_MEMBER_WORDS: ReadonlySet<string> = new Set(
  words('democrat republican conservative tory liberal socialist communist nationalist unionist green labour'),
);
