// Registry of value validators referenced by name from rule files (`validator: luhn`).
// A validator sees the candidate value and, for context-aware checks, the surrounding text.
import { isAadhaar } from './verhoeff.ts';
import { isAbaRouting, isUsEin, isUsItin, isUsSsn } from './us-ids.ts';
import { isJapanMyNumber, isChineseResidentId, isThaiNationalId } from './asia-ids.ts';
import { isAustralianAbn, isAustralianAcn, isAustralianMedicare } from './australia-ids.ts';
import { isBelgianNationalNumber, isDutchBsn } from './benelux-ids.ts';
import { isBitcoinAddress } from './bitcoin-address.ts';
import { isBrazilCnpj } from './brazil-cnpj.ts';
import { isCanadaHealthCard } from './canada-health-card.ts';
import {
  isGermanBsnr,
  isGermanDrivingLicence,
  isGermanKvnr,
  isGermanLanr,
  isGermanSocialSecurity,
  isGermanVatId,
} from './germany-ids.ts';
import { isIcaoDocumentNumber } from './icao-9303.ts';
import { isIndiaGstin } from './india-ids.ts';
import { isIrishPpsn, isSwissAhv } from './ireland-swiss-ids.ts';
import { isKoreanBrn, isKoreanDriverLicence, isKoreanFrn, isKoreanRrn } from './korea-ids.ts';
import { isMexicanCurp, isMexicanRfc } from './mexico-ids.ts';
import {
  isDanishCpr,
  isFinnishHetu,
  isNorwegianBirthNumber,
  isSwedishOrgNumber,
  isSwedishPersonnummer,
} from './nordic-ids.ts';
import { isPassportNumber } from './passport.ts';
import { isPolishNip, isPolishPesel } from './poland-ids.ts';
import { isSingaporeNric, isSingaporeUen } from './singapore-ids.ts';
import { isSouthAfricanId } from './south-africa-id.ts';
import { isFrenchTaxNumber, isItalianVat, isPortugueseNif } from './southern-europe-ids.ts';
import { isTurkishIdentityNumber } from './turkey-tckn.ts';
import { isNhsNumber, isUkDrivingLicence, isUkPostcode, isUkUtr } from './uk-ids.ts';
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
import { isDeviceMacAddress } from './mac-address.ts';
import { isSpainDni, isSpainNie } from './spain-dni.ts';
import { isUkNino } from './uk-nino.ts';
import { isUsDriverLicence } from './us-driver-licence.ts';
import { phoneOfNamedRegion, phoneValidator } from './phone.ts';
import { isRandomLooking } from './random-looking.ts';
import { isBase64Jwt, isSignedJwt, isUnsecuredJwt } from './jwt.ts';
import { digitsOf, isPlaceholderDigits } from './digits.ts';
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
  'random-looking': isRandomLooking,
  jwt: isSignedJwt,
  'jwt-unsecured': isUnsecuredJwt,
  'base64-jwt': isBase64Jwt,
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
  'mac-address': isDeviceMacAddress,
  email: isPersonalEmail,
  'date-of-birth': (value, context) => isDateOfBirth(value, context),
  phone: phoneValidator(undefined),
  'phone-us': phoneValidator('US'),
  'phone-gb': phoneValidator('GB'),
  'phone-de': phoneValidator('DE'),
  'phone-fr': phoneValidator('FR'),
  'phone-in': phoneValidator('IN'),
  'phone-named-region': phoneOfNamedRegion,
  'us-ein': isUsEin,
  'passport-number': isPassportNumber,
  'uk-nhs': isNhsNumber,
  'uk-utr': isUkUtr,
  'uk-driving-licence': isUkDrivingLicence,
  'uk-postcode': isUkPostcode,
  'canada-health-card': isCanadaHealthCard,
  'germany-social-security': isGermanSocialSecurity,
  'germany-kvnr': isGermanKvnr,
  'germany-lanr': isGermanLanr,
  'germany-bsnr': isGermanBsnr,
  'germany-driving-licence': isGermanDrivingLicence,
  'germany-vat': isGermanVatId,
  'icao-9303': isIcaoDocumentNumber,
  'france-nif': isFrenchTaxNumber,
  'italy-vat': isItalianVat,
  'portugal-nif': isPortugueseNif,
  'netherlands-bsn': isDutchBsn,
  'belgium-national-number': isBelgianNationalNumber,
  'poland-pesel': isPolishPesel,
  'poland-nip': isPolishNip,
  'sweden-personnummer': isSwedishPersonnummer,
  'sweden-orgnr': isSwedishOrgNumber,
  'finland-hetu': isFinnishHetu,
  'denmark-cpr': isDanishCpr,
  'norway-birth-number': isNorwegianBirthNumber,
  'ireland-ppsn': isIrishPpsn,
  'swiss-ahv': isSwissAhv,
  'india-gstin': isIndiaGstin,
  'singapore-nric': isSingaporeNric,
  'singapore-uen': (value) => isSingaporeUen(value),
  'australia-abn': isAustralianAbn,
  'australia-acn': isAustralianAcn,
  'australia-medicare': isAustralianMedicare,
  'korea-rrn': isKoreanRrn,
  'korea-frn': isKoreanFrn,
  'korea-brn': isKoreanBrn,
  'korea-driver-licence': isKoreanDriverLicence,
  'japan-my-number': isJapanMyNumber,
  'china-resident-id': isChineseResidentId,
  'thailand-national-id': isThaiNationalId,
  'turkey-identity-number': isTurkishIdentityNumber,
  'south-africa-id': isSouthAfricanId,
  'brazil-cnpj': isBrazilCnpj,
  'mexico-curp': isMexicanCurp,
  'mexico-rfc': isMexicanRfc,
  'bitcoin-address': isBitcoinAddress,
  'not-placeholder': (value) => !isPlaceholderDigits(digitsOf(value)),
};

/** Validators that call a recognizers-text model, which is loaded on first use (see Detector.warm). */
export const VALIDATOR_MODELS: Readonly<Record<string, RecognizerKind>> = {
  'date-of-birth': 'datetime',
};
