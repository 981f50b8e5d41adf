// Truth tables of the validators, one module per region or family; validators.test.ts runs them all and checks
// that every registered validator has rows. Valid values are computed from each specification's algorithm by an
// independent implementation; each invalid value breaks exactly one check (named in `why`).
import { ASIA_PACIFIC_ROWS } from './asia-pacific.ts';
import { EUROPE_ROWS } from './europe.ts';
import { NETWORK_ROWS } from './network.ts';
import { OTHER_REGION_ROWS } from './other-regions.ts';
import { PHONE_ROWS } from './phone.ts';

export type Row = [validator: string, value: string, expected: boolean, why: string];

export const TRUTH_TABLES: readonly Row[] = [
  ...EUROPE_ROWS,
  ...ASIA_PACIFIC_ROWS,
  ...OTHER_REGION_ROWS,
  ...NETWORK_ROWS,
  ...PHONE_ROWS,
];
