import { createRequire } from 'node:module';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
  hundred: '100', thousand: '1000', million: '1e6', billion: '1e9', trillion: '1e12', dozen: '12', half: '0.5', quarter: '0.25',
  first: '1st', third: '3rd', fourth: '4th', fifth: '5th', sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th',
  twice: 'x2', double: 'x2', triple: 'x3',
};

/** A number word's canonical form ("three" → "3", "first" → "1st"), or undefined. */
export const numberWord = (w: string): string | undefined => (Object.hasOwn(NUMBER_WORDS, w) ? NUMBER_WORDS[w] : undefined);

const MONTHS = 'january february march april may june july august september october november december'.split(' ');
const MONTH_ABBR = 'jan feb mar apr jun jul aug sep sept oct nov dec'.split(' ');
const DAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
const RELATIVE = 'today tomorrow yesterday tonight weekend morning evening afternoon night noon midnight'.split(' ');

/** A date word's canonical form ("sept" → "september"), or undefined. "may" and "march" count only capitalised. */
export function dateWord(w: string, original: string): string | undefined {
  if ((w === 'may' || w === 'march') && original[0] !== original[0]?.toUpperCase()) return undefined;
  if (MONTHS.includes(w) || DAYS.includes(w) || RELATIVE.includes(w)) return w;
  const i = MONTH_ABBR.indexOf(w);
  if (i >= 0 && original[0] === original[0]?.toUpperCase()) return MONTHS[i < 4 ? i : i < 9 ? i + 1 : i] ?? w;
  return undefined;
}

export const NEGATIONS: ReadonlySet<string> = new Set('not no never none nobody nothing neither nor without cannot unable impossible'.split(' '));

/** Programming languages and their aliases → one name. "go" and "r" only in unambiguous forms. */
export const PROGRAMMING: Readonly<Record<string, string>> = {
  python: 'python', python3: 'python', py: 'python', java: 'java', javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript',
  'node.js': 'javascript', typescript: 'typescript', ts: 'typescript', 'c++': 'c++', cpp: 'c++', 'c#': 'c#', csharp: 'c#', golang: 'go', rust: 'rust',
  ruby: 'ruby', php: 'php', swift: 'swift', kotlin: 'kotlin', scala: 'scala', haskell: 'haskell', perl: 'perl', lua: 'lua', matlab: 'matlab',
  julia: 'julia', sql: 'sql', mysql: 'sql', postgresql: 'sql', bash: 'shell', shell: 'shell', powershell: 'powershell', dart: 'dart',
  elixir: 'elixir', erlang: 'erlang', clojure: 'clojure', fortran: 'fortran', cobol: 'cobol', assembly: 'assembly', html: 'html', css: 'css',
  'objective-c': 'objective-c', vb: 'vb', 'vb.net': 'vb', '.net': '.net', c: 'c',
};

/** Output constraints (format, length, style, audience) → one name, so synonyms agree. */
export const CONSTRAINTS: Readonly<Record<string, string>> = {
  json: 'json', yaml: 'yaml', xml: 'xml', csv: 'csv', table: 'table', markdown: 'markdown', bullet: 'bullets', bullets: 'bullets',
  list: 'list', numbered: 'numbered', haiku: 'poem', poem: 'poem', limerick: 'poem', sonnet: 'poem', essay: 'essay', tweet: 'tweet',
  summary: 'summary', summarize: 'summary', summarise: 'summary', tldr: 'summary', paragraph: 'paragraph', paragraphs: 'paragraph',
  sentence: 'sentence', sentences: 'sentence', words: 'words', brief: 'brief', briefly: 'brief', concise: 'brief', short: 'brief',
  shortly: 'brief', detailed: 'detailed', detail: 'detailed', thorough: 'detailed', eli5: 'simple', simply: 'simple', formal: 'formal',
  informal: 'informal', casual: 'informal', uppercase: 'uppercase', lowercase: 'lowercase', translate: 'translate', code: 'code', example: 'example',
  examples: 'example', steps: 'steps', step: 'steps', email: 'email', letter: 'letter',
};

/** Word pairs that turn a question around; a candidate with one and a query with the other is a different question. */
export const ANTONYMS: readonly [string, string][] = [
  ['gain', 'lose'], ['increase', 'decrease'], ['buy', 'sell'], ['best', 'worst'], ['before', 'after'], ['more', 'less'],
  ['max', 'min'], ['maximum', 'minimum'], ['male', 'female'], ['men', 'women'], ['man', 'woman'], ['boy', 'girl'], ['start', 'stop'],
  ['enable', 'disable'], ['add', 'remove'], ['import', 'export'], ['upload', 'download'], ['encrypt', 'decrypt'], ['true', 'false'],
  ['advantages', 'disadvantages'], ['pros', 'cons'], ['cheap', 'expensive'], ['fast', 'slow'], ['high', 'low'], ['hot', 'cold'],
  ['north', 'south'], ['east', 'west'], ['rich', 'poor'], ['good', 'bad'], ['positive', 'negative'], ['first', 'last'], ['old', 'new'],
  ['young', 'old'], ['open', 'close'], ['win', 'lose'], ['love', 'hate'], ['success', 'failure'], ['past', 'future'], ['internal', 'external'],
  ['input', 'output'], ['client', 'server'], ['frontend', 'backend'], ['front', 'back'], ['inside', 'outside'], ['above', 'below'], ['up', 'down'],
];

let countries: Set<string> | undefined;

/** Country names and their single words (lower case), from country-list. */
export function countryWords(): Set<string> {
  if (countries) return countries;
  const list = createRequire(import.meta.url)('country-list') as { getNames(): string[] };
  countries = new Set();
  for (const name of list.getNames()) for (const w of name.toLowerCase().replace(/\(.*?\)/g, '').split(/[^a-z]+/)) if (w.length > 3) countries.add(w);
  for (const w of ['usa', 'us', 'uk', 'america', 'american', 'british', 'english', 'french', 'german', 'spanish', 'italian', 'chinese', 'japanese', 'indian', 'russian', 'korean', 'european', 'africa', 'asia', 'europe']) countries.add(w);
  for (const w of ['and', 'the', 'islands', 'republic', 'united', 'saint', 'states', 'state', 'island', 'kingdom', 'new', 'south', 'north', 'guinea']) countries.delete(w);
  return countries;
}
