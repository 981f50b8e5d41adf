// Country names and adjectives that say which numbering plan a national-format phone number belongs to ("my
// Israeli number is 09-...", "Japan office: 03-..."). English names plus the country's own name where it differs;
// the regions of the dedicated national rules (US, GB, DE, FR, IN) are included so a named country always wins.
import type { CountryCode } from 'libphonenumber-js/max';

// prettier-ignore
export const REGION_WORDS: Readonly<Partial<Record<CountryCode, readonly string[]>>> = {
  AE: ['emirates', 'emirati', 'dubai', 'abu dhabi'],
  AR: ['argentina', 'argentinian', 'argentine'],
  AT: ['austria', 'austrian', 'österreich'],
  AU: ['australia', 'australian'],
  BE: ['belgium', 'belgian', 'belgique', 'belgië'],
  BR: ['brazil', 'brazilian', 'brasil', 'brasileiro'],
  CH: ['switzerland', 'swiss', 'schweiz', 'suisse', 'svizzera'],
  CL: ['chile', 'chilean'],
  CN: ['china', 'chinese', 'prc', '中国'],
  CO: ['colombia', 'colombian'],
  CZ: ['czech', 'czechia', 'česko'],
  DE: ['germany', 'german', 'deutschland', 'deutsch'],
  DK: ['denmark', 'danish', 'danmark'],
  EG: ['egypt', 'egyptian'],
  ES: ['spain', 'spanish', 'españa', 'español', 'española'],
  FI: ['finland', 'finnish', 'suomi'],
  FR: ['france', 'french', 'français', 'française'],
  GB: ['united kingdom', 'britain', 'british', 'england', 'scotland', 'wales'],
  GR: ['greece', 'greek'],
  HK: ['hong kong'],
  HU: ['hungary', 'hungarian', 'magyar'],
  ID: ['indonesia', 'indonesian'],
  IE: ['ireland', 'irish', 'éire'],
  IL: ['israel', 'israeli'],
  IN: ['india', 'indian', 'bharat'],
  IT: ['italy', 'italian', 'italia', 'italiano'],
  JP: ['japan', 'japanese', '日本'],
  KE: ['kenya', 'kenyan'],
  KR: ['korea', 'korean', '한국'],
  MX: ['mexico', 'mexican', 'méxico', 'mexicano'],
  MY: ['malaysia', 'malaysian'],
  NG: ['nigeria', 'nigerian'],
  NL: ['netherlands', 'dutch', 'nederland', 'holland'],
  NO: ['norway', 'norwegian', 'norge'],
  NZ: ['new zealand', 'kiwi'],
  PE: ['peru', 'peruvian'],
  PH: ['philippines', 'philippine', 'filipino'],
  PK: ['pakistan', 'pakistani'],
  PL: ['poland', 'polish', 'polska'],
  PT: ['portugal', 'portuguese', 'português'],
  RO: ['romania', 'romanian'],
  RU: ['russia', 'russian', 'россия'],
  SA: ['saudi'],
  SE: ['sweden', 'swedish', 'sverige'],
  SG: ['singapore', 'singaporean'],
  TH: ['thailand', 'thai'],
  TR: ['turkey', 'turkish', 'türkiye', 'türk'],
  TW: ['taiwan', 'taiwanese'],
  UA: ['ukraine', 'ukrainian'],
  VN: ['vietnam', 'vietnamese'],
  ZA: ['south africa', 'south african'],
};

const ENTRIES = Object.entries(REGION_WORDS) as [CountryCode, readonly string[]][];
const WORD_OF = new Map(ENTRIES.flatMap(([region, words]) => words.map((w) => [w, region] as const)));
const ALTERNATION = [...WORD_OF.keys()].sort((a, b) => b.length - a.length).join('|');
const WORDS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ALTERNATION})(?![\\p{L}])`, 'giu');

/** Regions named in text, nearest to `at` first. */
export function regionsNamed(text: string, at: number): CountryCode[] {
  const found: { region: CountryCode; distance: number }[] = [];
  for (const m of text.matchAll(WORDS)) {
    const region = WORD_OF.get(m[0].toLowerCase());
    if (region) found.push({ region, distance: Math.abs(m.index - at) });
  }
  return [...new Set(found.sort((a, b) => a.distance - b.distance).map((f) => f.region))];
}
