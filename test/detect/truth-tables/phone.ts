import type { Row } from './index.ts';

export const PHONE_ROWS: Row[] = [
  ['phone-named-region', '03-7651284', false, 'no country named: a national number belongs to no plan'],
];
