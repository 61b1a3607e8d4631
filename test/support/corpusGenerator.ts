// Deterministic synthetic news corpus for the benchmark and the tests: seeded PRNG, ~8 KB articles with generated
// people (titles, full names, surnames, "Sir First"), quotes of every kind the core handles, boilerplate, dates and
// outlet sign-offs. Names come from general first/last-name pools, never from the sample corpus.
// bench/generate.ts writes the benchmark's corpora with it.
import * as fs from 'fs';
import * as path from 'path';

/** mulberry32: small, fast, good enough for test data, and identical on every machine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

export interface Random {
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

const FIRST_NAMES = `James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas
Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Noah Ethan Jeremy Walter Christian Keith Roger Terry Austin
Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan Albert Willie Elijah
Wayne Randy Vincent Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret
Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen
Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine
Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith Andrea Hannah Megan Cheryl
Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace
Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie Yvette Ingrid
Olaf Pierre Hans Klaus Jean-Luc Mohammed Ahmed Ali Omar Hassan Yusuf Dmitri Sergei Vladimir Igor Oleg Ivan Wei Li Hiroshi Kenji
Rajesh Priya Anil Sunita Carlos Luis Miguel Javier Sofia Lucia Giulia Marco Luca Ursula Angela Emmanuel Keir Rishi Nigel Boris`.split(/\s+/);

const LAST_NAMES = `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young
Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez
Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan
Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza
Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds
Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall
Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford
Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson
Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner
Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan
Armstrong Hudson Carroll Lane Riley Andrews Ray Berry Perkins Hoffman Johnston Matthews Pena Richards Willis Carpenter Lawrence
Sandoval Fallowfield Ashdown Pemberton Whitaker Thornbury Ellwood Harcourt Lindqvist Johansson Novak Kowalski Petrov Ivanova
Okafor Mensah Nakamura Tanaka Yamamoto Singh Kumar Sharma Khan Hussein al-Rashid al-Hakim Le Maire de Villiers van Dijk
von Hagen O'Brien O'Connor McAllister MacLeod Fitzgerald Delacroix Moreau Lefevre Rossi Bianchi Ricci Esposito Schneider`.split(/\s+/);

const HONORIFICS = ['Mr', 'Mr', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Dame', 'Gen', 'General', 'Lord', 'Baroness', 'Lt Gen', 'Prof'];
const ROLES = [
  'Defence Secretary', 'Foreign Secretary', 'Home Secretary', 'Chancellor', 'Prime Minister', 'Health Secretary',
  'Secretary of State', 'the opposition leader', 'the party chairman', 'the shadow chancellor', 'the mayor',
  'the chief executive', 'the army chief', 'the ambassador', 'the union leader', 'the committee chairman',
  'the energy minister', 'the trade envoy', 'the central bank governor', 'the police commissioner',
];
const OUTLETS = ['The Daily Courier', 'The Evening Ledger', 'Northern Herald', 'The Western Gazette', 'Metro Chronicle', 'The Sunday Observer Post', 'Capital Times', 'The Coastal Record'];
const PLACES = ['London', 'Brussels', 'Washington', 'Paris', 'Berlin', 'Moscow', 'Kyiv', 'Beijing', 'Ankara', 'Warsaw', 'Edinburgh', 'Geneva', 'Vienna', 'Madrid', 'Rome', 'Ottawa'];
const COUNTRIES = ['Russia', 'China', 'France', 'Germany', 'Ukraine', 'Turkey', 'Poland', 'Iran', 'Syria', 'Britain', 'America', 'Japan', 'India', 'Brazil', 'Canada', 'Spain'];
const ORGS = ['Nato', 'the European Union', 'the United Nations', 'the Treasury', 'the Foreign Office', 'the Kremlin', 'the White House', 'the Pentagon', 'the Bank of England', 'the World Trade Organisation', 'the Home Office'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const NOUNS = `security defence economy budget alliance strategy pressure interference aggression cooperation sanctions talks
agreement pattern threat presence commitment spending investment reform policy crisis conflict dialogue election campaign
relationship partnership challenge response decision approach support opposition pledge deadline framework negotiations
ceasefire tariffs inflation growth recovery stability democracy sovereignty border migration energy supply infrastructure
intelligence evidence investigation violation behaviour responsibility leadership consequences priorities confidence`.split(/\s+/);
const ADJECTIVES = `persistent serious extremely clear significant difficult dangerous strategic modest long-term unacceptable robust
credible fragile urgent dramatic international military economic political diplomatic collective real lasting peaceful
deliberate reckless consistent historic growing wider fundamental careful practical honest`.split(/\s+/);
const VERBS = `need want must will cannot should expect believe continue intend refuse hope plan`.split(/\s+/);
const ACTIONS = `to work with|to stand up to|to engage with|to raise|to deter|to reassure|to confront|to defend|to rebuild|to protect|to strengthen|to review|to support|to challenge|to deliver|to respect`.split('|');
const SPEECH_VERBS = ['said', 'told reporters', 'added', 'warned', 'insisted', 'argued', 'claimed', 'explained', 'declared', 'stressed'];
const ANONYMOUS = ['a senior Western diplomat', 'a spokesperson', 'a government spokesman', 'the official', 'one senior source', 'a person familiar with the talks', 'a defence source', 'an aide'];

export interface GeneratedPerson {
  id: number;
  first: string;
  last: string;
  honorific: string;
  role: string;
}

export interface GeneratedQuote {
  text: string;
  /** Full name of the speaker, or null for anonymous sources. */
  speaker: string | null;
  speakerId: number | null;
}

export interface GeneratedArticle {
  path: string;
  text: string;
  quotes: GeneratedQuote[];
  /** Person ids mentioned, for statistics. */
  people: number[];
}

function createPeople(random: Random, count: number): GeneratedPerson[] {
  const people: GeneratedPerson[] = [];
  const used = new Set<string>();
  while (people.length < count) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    if (used.has(`${first} ${last}`)) continue;
    used.add(`${first} ${last}`);
    people.push({ id: people.length, first, last, honorific: random.pick(HONORIFICS), role: random.pick(ROLES) });
  }
  return people;
}

/** Zipf-like pick: a few people appear in many articles, most in few. */
function pickPerson(random: Random, people: readonly GeneratedPerson[]): GeneratedPerson {
  const u = random.next();
  return people[Math.min(people.length - 1, Math.floor(Math.pow(u, 2.2) * people.length))];
}

function sentence(random: Random): string {
  const parts: string[] = [];
  const kind = random.int(0, 5);
  const noun = (): string => random.pick(NOUNS);
  const adjective = (): string => random.pick(ADJECTIVES);
  switch (kind) {
    case 0:
      parts.push(`We ${random.pick(VERBS)} ${random.pick(ACTIONS)} ${random.pick(COUNTRIES)} on ${noun()} and ${noun()}`);
      break;
    case 1:
      parts.push(`There is a ${adjective()} ${noun()} of ${random.pick(COUNTRIES).replace(/a$/, 'an')} ${noun()} that ${random.pick(['we cannot ignore', 'needs us to be wary', 'has to be resisted', 'worries our allies'])}`);
      break;
    case 2:
      parts.push(`It is ${random.pick(['essential', 'obvious', 'vital', 'not acceptable', 'too early'])} that ${random.pick(ORGS)} ${random.pick(['takes', 'shows', 'accepts', 'avoids'])} ${random.pick(['responsibility', 'leadership', 'the risk', 'a firm line'])} for ${adjective()} ${noun()}`);
      break;
    case 3:
      parts.push(`Our ${noun()} with ${random.pick(COUNTRIES)} ${random.pick(['will not change', 'must be rebuilt', 'is under strain', 'remains strong'])} as long as the ${noun()} continues`);
      break;
    case 4:
      parts.push(`I ${random.pick(['have been clear', 'said from the start', 'told them', 'made the point'])} that ${random.pick(['there cannot be', 'we will not accept', 'nobody wants'])} a return to ${noun()} as usual`);
      break;
    default:
      parts.push(`The ${noun()} in ${random.pick(PLACES)} shows why ${random.pick(ORGS)} must ${random.pick(['raise its game', 'act now', 'step up', 'hold firm'])} on ${adjective()} ${noun()}`);
  }
  if (random.chance(0.35)) parts.push(`, ${random.pick(['and', 'but', 'because', 'while'])} ${random.pick(['the', 'our', 'their'])} ${adjective()} ${noun()} ${random.pick(['matters', 'is at stake', 'has been ignored', 'will be tested'])}`);
  const text = parts.join('');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function quoteText(random: Random, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(random));
  return out.join(' ');
}

function fullName(person: GeneratedPerson): string {
  return `${person.first} ${person.last}`;
}

/** A later reference to a person: surname with honorific, bare surname, or "Sir First". */
function shortName(random: Random, person: GeneratedPerson): string {
  if ((person.honorific === 'Sir' || person.honorific === 'Dame') && random.chance(0.4)) return `${person.honorific} ${person.first}`;
  if (random.chance(0.5)) return `${person.honorific.replace('General', 'Gen')} ${person.last}`;
  return person.last;
}

function formatDate(random: Random, date: Date): string {
  const d = date.getUTCDate();
  const m = date.getUTCMonth();
  const y = date.getUTCFullYear();
  const pad = (n: number): string => String(n).padStart(2, '0');
  switch (random.int(0, 3)) {
    case 0:
      return `${d} ${MONTHS[m]} ${y}`;
    case 1:
      return `${pad(d)}.${pad(m + 1)}.${y}`;
    case 2:
      return `${MONTHS[m]} ${d}, ${y}`;
    default:
      return `${y}-${pad(m + 1)}-${pad(d)}`;
  }
}

const BOILERPLATE = [
  ['Hide Ad', 'Hide Ad'],
  ['Your support helps us to tell the story'],
  ['Join our commenting forum'],
  ['Advertisement'],
  ['Sign up to our free newsletter for the latest headlines'],
  ['We use cookies to improve your experience. Accept cookies'],
];

/** One article of about `targetBytes` characters; quotes are recorded as written (ground truth for the search bench). */
export function generateArticle(random: Random, people: readonly GeneratedPerson[], index: number, targetBytes = 8000): GeneratedArticle {
  const quotes: GeneratedQuote[] = [];
  const mentioned: number[] = [];
  const outlet = random.pick(OUTLETS);
  const date = new Date(Date.UTC(2014 + random.int(0, 11), random.int(0, 11), random.int(1, 28)));
  const cast = Array.from({ length: random.int(3, 6) }, () => pickPerson(random, people));
  const lead = cast[0];
  const lines: string[] = [];
  const title = `${random.pick(COUNTRIES)} ${random.pick(['faces', 'rejects', 'welcomes', 'warns of'])} ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} as ${lead.last} ${random.pick(['demands', 'calls for', 'rules out'])} ${random.pick(NOUNS)}`;
  lines.push(title, '');
  if (random.chance(0.5)) lines.push(`${outlet} (${formatDate(random, date)})`, '');
  else lines.push(formatDate(random, date), '');
  if (random.chance(0.3)) lines.push(`By ${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, '');
  const introduced = new Set<number>();
  const name = (person: GeneratedPerson): string => {
    mentioned.push(person.id);
    if (!introduced.has(person.id)) {
      introduced.add(person.id);
      const honorific = person.honorific === 'Mr' || person.honorific === 'Mrs' || person.honorific === 'Ms' ? '' : `${person.honorific} `;
      return random.chance(0.5) ? `${person.role.startsWith('the ') ? '' : person.role + ' '}${honorific}${fullName(person)}` : `${honorific}${fullName(person)}, ${person.role.startsWith('the ') ? person.role : 'the ' + person.role},`;
    }
    return shortName(random, person);
  };
  const record = (text: string, speaker: GeneratedPerson | null): void => {
    quotes.push({ text, speaker: speaker ? fullName(speaker) : null, speakerId: speaker ? speaker.id : null });
  };
  let length = lines.join('\n').length;
  while (length < targetBytes) {
    const speaker = random.pick(cast);
    const curly = random.chance(0.6);
    const [open, close] = curly ? ['\u201C', '\u201D'] : ['"', '"'];
    const paragraphs: string[] = [];
    switch (random.int(0, 19)) {
      case 0:
      case 1: {
        const text = quoteText(random, random.int(1, 3));
        paragraphs.push(`${open}${text.replace(/\.$/, ',')}${close} ${name(speaker)} ${random.pick(SPEECH_VERBS)}.`);
        record(text.replace(/\.$/, ','), speaker);
        break;
      }
      case 2: {
        const text = quoteText(random, random.int(1, 2));
        paragraphs.push(`${name(speaker)} ${random.pick(['said', 'told a press conference', 'added'])}: ${open}${text}${close}`);
        record(text, speaker);
        break;
      }
      case 3: {
        // Multi-paragraph quote: the opening mark repeats per paragraph, one closing mark at the end.
        const parts = [quoteText(random, 2), quoteText(random, 2), quoteText(random, 1)];
        paragraphs.push(`${name(speaker)} said:`);
        paragraphs.push(`${open}${parts[0]}`, `${open}${parts[1]}`, `${open}${parts[2]}${close}`);
        for (const part of parts) record(part, speaker);
        break;
      }
      case 4: {
        const fragment = `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`;
        paragraphs.push(`${name(speaker)} ${random.pick(['warned of a', 'spoke of a', 'described a'])} ${open}${fragment}${close} ${random.pick(['across the region', 'in recent months', 'that had to be resisted'])}.`);
        record(fragment, speaker);
        break;
      }
      case 5: {
        // Unmarked quote introduced by a speech verb and a colon, running to the end of the paragraph.
        const text = quoteText(random, random.int(1, 2));
        paragraphs.push(`${random.pick(['One', 'Another'])} ${random.pick(ANONYMOUS).replace(/^(a|an|the|one) /, '')} based in ${random.pick(PLACES)} said: ${text}`);
        record(text, null);
        break;
      }
      case 6: {
        const text = quoteText(random, 1);
        paragraphs.push(`${open}${text.replace(/\.$/, ',')}${close} ${random.pick(ANONYMOUS)} said.`);
        record(text.replace(/\.$/, ','), null);
        break;
      }
      case 7: {
        const text = quoteText(random, 1);
        paragraphs.push(`${random.chance(0.5) ? 'He' : 'She'} later added: \u2018${text}\u2019`);
        record(text, speaker);
        break;
      }
      case 8: {
        const text = quoteText(random, 1);
        paragraphs.push(`According to ${name(speaker)}, the ${random.pick(NOUNS)} was ${open}${text.replace(/\.$/, '')}${close}.`);
        record(text.replace(/\.$/, ''), speaker);
        break;
      }
      case 9:
        paragraphs.push(...random.pick(BOILERPLATE));
        break;
      default: {
        const other = random.pick(cast);
        paragraphs.push(
          `${name(other)} met ${random.pick(['officials', 'ministers', 'envoys'])} in ${random.pick(PLACES)} on ${random.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])} to discuss ${random.pick(NOUNS)} with ${random.pick(ORGS)}. ` +
            `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} followed weeks of ${random.pick(NOUNS)} between ${random.pick(COUNTRIES)} and ${random.pick(COUNTRIES)}, and ${shortName(random, other)}'s ${random.pick(NOUNS)} drew criticism from ${random.pick(ORGS)}. ` +
            `Officials in ${random.pick(PLACES)} said the ${random.pick(NOUNS)} would be reviewed before the summit in ${MONTHS[random.int(0, 11)]}.`,
        );
        mentioned.push(other.id);
      }
    }
    for (const paragraph of paragraphs) {
      lines.push(paragraph, '');
      length += paragraph.length + 2;
    }
  }
  lines.push(random.chance(0.5) ? `- ${outlet}` : `Copyright \u00A9 ${date.getUTCFullYear()} ${outlet}. All rights reserved.`);
  return { path: `${outlet.replace(/^The /, '').replace(/\s+/g, '-').toLowerCase()}/${String(index).padStart(5, '0')}.txt`, text: lines.join('\n') + '\n', quotes, people: mentioned };
}

export interface GeneratedCorpus {
  articles: GeneratedArticle[];
  people: GeneratedPerson[];
}

/** The same seed and size always give the same corpus; a larger corpus starts with the articles of a smaller one. */
export function generateCorpus(articleCount: number, seed = 20170331): GeneratedCorpus {
  const random = createRandom(seed);
  const people = createPeople(random, 4000);
  const articles: GeneratedArticle[] = [];
  for (let i = 0; i < articleCount; i++) articles.push(generateArticle(random, people, i));
  return { articles, people };
}

export function writeCorpus(corpus: GeneratedCorpus, dir: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (const article of corpus.articles) {
    const file = path.join(dir, article.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, article.text);
    bytes += Buffer.byteLength(article.text);
  }
  return bytes;
}
