// Country names and adjectives that say which numbering plan a national-format phone number belongs to ("my
// Israeli number is 09-...", "Japan office: 03-..."). English names plus the country's own name where it differs;
// the regions of the dedicated national rules (US, GB, DE, FR, IN) are included so a named country always wins.
// A country code names the plan too when a phone word follows it ("my CN number is", "UK mobile"); codes that are
// also common words or abbreviations (IN, IT, NO, AT, BE, MY, US, PT for patient, DE, ES...) are left out, and
// so is "number" after codes that name other numbers in tickets (RO repair orders, PK primary keys, TR, SE...).
import type { CountryCode } from 'libphonenumber-js/max';

// prettier-ignore
export const REGION_WORDS: Readonly<Partial<Record<CountryCode, readonly string[]>>> = {
  AE: ['emirates', 'emirati', 'dubai', 'abu dhabi', 'uae number', 'uae phone', 'uae mobile'],
  AR: ['argentina', 'argentinian', 'argentine'],
  AT: ['austria', 'austrian', 'österreich'],
  AU: ['australia', 'australian', 'au number', 'au phone', 'au mobile'],
  BE: ['belgium', 'belgian', 'belgique', 'belgië'],
  BR: ['brazil', 'brazilian', 'brasil', 'brasileiro', 'br number', 'br phone', 'br mobile'],
  CH: ['switzerland', 'swiss', 'schweiz', 'suisse', 'svizzera', 'ch phone', 'ch mobile'],
  CL: ['chile', 'chilean', 'cl number', 'cl phone', 'cl mobile'],
  CN: ['china', 'chinese', 'prc', '中国', 'cn number', 'cn phone', 'cn mobile'],
  CO: ['colombia', 'colombian'],
  CZ: ['czech', 'czechia', 'česko', 'cz number', 'cz phone', 'cz mobile'],
  DE: ['germany', 'german', 'deutschland', 'deutsch'],
  DK: ['denmark', 'danish', 'danmark', 'dk number', 'dk phone', 'dk mobile'],
  EG: ['egypt', 'egyptian', 'eg number', 'eg phone', 'eg mobile'],
  ES: ['spain', 'spanish', 'españa', 'español', 'española'],
  FI: ['finland', 'finnish', 'suomi', 'fi number', 'fi phone', 'fi mobile'],
  FR: ['france', 'french', 'français', 'française', 'fr number', 'fr phone', 'fr mobile'],
  GB: ['united kingdom', 'britain', 'british', 'england', 'scotland', 'wales', 'uk number', 'uk phone', 'uk mobile'],
  GR: ['greece', 'greek', 'gr number', 'gr phone', 'gr mobile'],
  HK: ['hong kong', 'hk number', 'hk phone', 'hk mobile'],
  HU: ['hungary', 'hungarian', 'magyar', 'hu number', 'hu phone', 'hu mobile'],
  ID: ['indonesia', 'indonesian'],
  IE: ['ireland', 'irish', 'éire'],
  IL: ['israel', 'israeli', 'il phone', 'il mobile'],
  IN: ['india', 'indian', 'bharat'],
  IT: ['italy', 'italian', 'italia', 'italiano'],
  JP: ['japan', 'japanese', '日本', 'jp number', 'jp phone', 'jp mobile'],
  KE: ['kenya', 'kenyan', 'ke number', 'ke phone', 'ke mobile'],
  KR: ['korea', 'korean', '한국', 'kr number', 'kr phone', 'kr mobile'],
  MX: ['mexico', 'mexican', 'méxico', 'mexicano', 'mx number', 'mx phone', 'mx mobile'],
  MY: ['malaysia', 'malaysian'],
  NG: ['nigeria', 'nigerian', 'ng number', 'ng phone', 'ng mobile'],
  NL: ['netherlands', 'dutch', 'nederland', 'holland', 'nl number', 'nl phone', 'nl mobile'],
  NO: ['norway', 'norwegian', 'norge'],
  NZ: ['new zealand', 'kiwi', 'nz number', 'nz phone', 'nz mobile'],
  PE: ['peru', 'peruvian'],
  PH: ['philippines', 'philippine', 'filipino', 'ph phone', 'ph mobile'],
  PK: ['pakistan', 'pakistani', 'pk phone', 'pk mobile'],
  PL: ['poland', 'polish', 'polska', 'pl number', 'pl phone', 'pl mobile'],
  PT: ['portugal', 'portuguese', 'português'],
  RO: ['romania', 'romanian', 'ro phone', 'ro mobile'],
  RU: ['russia', 'russian', 'россия', 'ru number', 'ru phone', 'ru mobile'],
  SA: ['saudi'],
  SE: ['sweden', 'swedish', 'sverige', 'se phone', 'se mobile'],
  SG: ['singapore', 'singaporean', 'sg number', 'sg phone', 'sg mobile'],
  TH: ['thailand', 'thai', 'th phone', 'th mobile'],
  TR: ['turkey', 'turkish', 'türkiye', 'türk', 'tr phone', 'tr mobile'],
  TW: ['taiwan', 'taiwanese', 'tw number', 'tw phone', 'tw mobile'],
  UA: ['ukraine', 'ukrainian', 'ua number', 'ua phone', 'ua mobile'],
  VN: ['vietnam', 'vietnamese', 'vn number', 'vn phone', 'vn mobile'],
  ZA: ['south africa', 'south african', 'za number', 'za phone', 'za mobile'],
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
