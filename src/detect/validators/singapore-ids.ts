// Singapore NRIC/FIN (ICA: prefix letter, 7 digits weighted 2,7,6,5,4,3,2, check letter from the prefix's table;
// the M series table is not published, so M numbers are checked by shape) and UEN (ACRA: business, local company
// and other-entity formats).
const NRIC_WEIGHTS = [2, 7, 6, 5, 4, 3, 2];
const CHECK_LETTERS: Record<string, string> = {
  S: 'JZIHGFEDCBA',
  T: 'JZIHGFEDCBA',
  F: 'XWUTRQPNMLK',
  G: 'XWUTRQPNMLK',
};

export function isSingaporeNric(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[STFGM]\d{7}[A-Z]$/.test(v)) return false;
  const prefix = v[0]!;
  const table = CHECK_LETTERS[prefix];
  if (table === undefined) return true;
  let sum = prefix === 'T' || prefix === 'G' ? 4 : 0;
  for (let i = 0; i < 7; i++) sum += Number(v[i + 1]) * NRIC_WEIGHTS[i]!;
  return table[sum % 11] === v[8];
}

// prettier-ignore
const UEN_ENTITY_TYPES = new Set([
  'CC', 'CD', 'CH', 'CL', 'CM', 'CP', 'CS', 'CX', 'DP', 'FB', 'FC', 'FM', 'FN', 'GA', 'GB', 'GS', 'HS', 'LL', 'LP',
  'MB', 'MC', 'MD', 'MH', 'MM', 'MQ', 'NB', 'NR', 'PA', 'PB', 'PF', 'RF', 'RP', 'SM', 'SS', 'TC', 'TU', 'VH', 'XL',
]);

/** UEN: 8 digits and a letter (business), a year and 5 digits and a letter (local company), or R/S/T (18/19/20),
 * 2 year digits, an entity type, 4 digits and a letter. Issue years may not lie in the future. */
export function isSingaporeUen(value: string, now = new Date()): boolean {
  const v = value.toUpperCase();
  const year = now.getUTCFullYear();
  if (/^\d{8}[A-Z]$/.test(v)) return true;
  if (/^\d{9}[A-Z]$/.test(v)) return Number(v.slice(0, 4)) >= 1800 && Number(v.slice(0, 4)) <= year;
  const m = /^([RST])(\d{2})([A-Z]{2})\d{4}[A-Z]$/.exec(v);
  if (!m) return false;
  const issued = { R: 1800, S: 1900, T: 2000 }[m[1] as 'R' | 'S' | 'T'] + Number(m[2]);
  return issued <= year && UEN_ENTITY_TYPES.has(m[3]!);
}
