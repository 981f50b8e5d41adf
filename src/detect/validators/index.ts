// Registry of value validators referenced by name from rule files (`validator: luhn`).
// A validator sees the candidate value and, for context-aware checks, the surrounding text.
import { isAadhaar } from './verhoeff.ts';
import { isAbaRouting, isUsItin, isUsSsn } from './us-ids.ts';
import { isAustraliaTfn } from './australia-tfn.ts';
import { isBrazilCpf } from './brazil-cpf.ts';
import { isCanadaSin } from './canada-sin.ts';
import { isDateOfBirth } from './date-of-birth.ts';
import { isDeaNumber, isIcd10Code, isMedicareMbi, isNpi } from './health-ids.ts';
import { isFranceNir } from './france-nir.ts';
import { isGermanyTaxId } from './germany-tax-id.ts';
import { isIban } from './iban.ts';
import { isItalyCodiceFiscale } from './italy-codice-fiscale.ts';
import { isPaymentCard, luhnValid } from './luhn.ts';
import { isPersonalEmail } from './email.ts';
import { isPublicIpv4, isPublicIpv6 } from './ip.ts';
import { isSpainDni, isSpainNie } from './spain-dni.ts';
import { isUkNino } from './uk-nino.ts';
import { isUsDriverLicence } from './us-driver-licence.ts';
import { phoneOfNamedRegion, phoneValidator } from './phone.ts';
import { digitsOf } from './digits.ts';
import type { RecognizerKind } from '../recognizers.ts';

export interface ValidatorContext {
  /** The whole document text. */
  text: string;
  /** Offsets of the value in `text`. */
  start: number;
  end: number;
}

export type Validator = (value: string, context: ValidatorContext) => boolean;

export const VALIDATORS: Record<string, Validator> = {
  luhn: (value) => luhnValid(digitsOf(value)),
  'payment-card': isPaymentCard,
  iban: isIban,
  'us-ssn': isUsSsn,
  'us-itin': isUsItin,
  'aba-routing': isAbaRouting,
  'us-driver-licence': isUsDriverLicence,
  npi: isNpi,
  dea: isDeaNumber,
  'medicare-mbi': isMedicareMbi,
  icd10: isIcd10Code,
  aadhaar: isAadhaar,
  'uk-nino': isUkNino,
  'canada-sin': isCanadaSin,
  'brazil-cpf': isBrazilCpf,
  'spain-dni': isSpainDni,
  'spain-nie': isSpainNie,
  'italy-codice-fiscale': isItalyCodiceFiscale,
  'france-nir': isFranceNir,
  'germany-tax-id': isGermanyTaxId,
  'australia-tfn': isAustraliaTfn,
  'public-ipv4': isPublicIpv4,
  'public-ipv6': isPublicIpv6,
  email: isPersonalEmail,
  'date-of-birth': (value, context) => isDateOfBirth(value, context),
  phone: phoneValidator(undefined),
  'phone-us': phoneValidator('US'),
  'phone-gb': phoneValidator('GB'),
  'phone-de': phoneValidator('DE'),
  'phone-fr': phoneValidator('FR'),
  'phone-in': phoneValidator('IN'),
  'phone-named-region': phoneOfNamedRegion,
};

/** Validators that call a recognizers-text model, which is loaded on first use (see Detector.warm). */
export const VALIDATOR_MODELS: Readonly<Record<string, RecognizerKind>> = {
  'date-of-birth': 'datetime',
};
