// Truth tables of the validators, one module per region or family; validators.test.ts runs them all and checks
// that every registered validator has rows. Valid values are computed from each specification's algorithm; each
// invalid value breaks exactly one check (named in `why`).
import { PHONE_ROWS } from './phone.ts';

export type Row = [validator: string, value: string, expected: boolean, why: string];

export const TRUTH_TABLES: readonly Row[] = [...PHONE_ROWS];
