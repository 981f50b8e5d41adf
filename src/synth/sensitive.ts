// The table of every sensitive-value kind the generators can produce, by category.

import { NATIONAL_ID_KINDS } from './kinds/national-ids.ts';
import { PHI_KINDS } from './kinds/phi.ts';
import { PII_CONTACT_KINDS } from './kinds/pii-contact.ts';
import { PII_FINANCIAL_KINDS } from './kinds/pii-financial.ts';
import { CREDENTIAL_SECRET_KINDS } from './kinds/secrets-credentials.ts';
import { PLATFORM_SECRET_KINDS } from './kinds/secrets-platform.ts';
import { SERVICE_SECRET_KINDS } from './kinds/secrets-services.ts';
import type { SensitiveKind } from './kind.ts';

export type { SensitiveKind } from './kind.ts';
export { TEST_CARD_NUMBERS } from './kinds/pii-financial.ts';

export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
  ...PLATFORM_SECRET_KINDS,
  ...SERVICE_SECRET_KINDS,
  ...CREDENTIAL_SECRET_KINDS,
  ...PII_CONTACT_KINDS,
  ...PII_FINANCIAL_KINDS,
  ...NATIONAL_ID_KINDS,
  ...PHI_KINDS,
];
