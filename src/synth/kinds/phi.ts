// PHI: identifiers that tie a record to a patient (MRN, member id, MBI, NPI, DEA), diagnosis codes in
// clinical context, and health information next to a personal identifier.

import { deaCheckDigit, npiCheckDigit } from '../checksums.ts';
import { templatedKinds, type SensitiveKind } from '../kind.ts';
import { fullName } from '../names.ts';
import { DIGITS, UPPER, type Rng } from '../rng.ts';

const name = fullName;

/** CMS MBI: C A AN N A AN N A A N N, letters excluding S L O I B Z. */
function medicareMbi(rng: Rng): string {
  const letters = UPPER.replace(/[SLOIBZ]/g, '');
  const alnum = letters + DIGITS;
  const n = (): string => rng.chars(DIGITS, 1);
  const a = (): string => rng.chars(letters, 1);
  const an = (): string => rng.chars(alnum, 1);
  const mbi = `${rng.int(1, 9)}${a()}${an()}${n()}${a()}${an()}${n()}${a()}${a()}${n()}${n()}`;
  return rng.chance(0.4) ? `${mbi.slice(0, 4)}-${mbi.slice(4, 7)}-${mbi.slice(7)}` : mbi;
}

function npi(rng: Rng): string {
  const nine = `${rng.int(1, 2)}${rng.chars(DIGITS, 8)}`;
  return nine + npiCheckDigit(nine);
}

/** DEA: registrant type letter, first letter of the registrant's last name, 6 digits + check digit. */
function dea(rng: Rng): string {
  const six = rng.chars(DIGITS, 6);
  return `${rng.pick(['A', 'B', 'F', 'G', 'M'])}${rng.chars(UPPER, 1)}${six}${deaCheckDigit(six)}`;
}

const ICD10 = [
  ['E11.9', 'type 2 diabetes mellitus without complications'],
  ['I10', 'essential hypertension'],
  ['J45.909', 'unspecified asthma'],
  ['F32.A', 'depression, unspecified'],
  ['M54.5', 'low back pain'],
  ['C50.911', 'malignant neoplasm of right female breast'],
  ['N18.3', 'chronic kidney disease, stage 3'],
  ['F41.1', 'generalized anxiety disorder'],
  ['K21.9', 'gastro-esophageal reflux disease'],
  ['B20', 'HIV disease'],
] as const;

const MEDICATIONS = [
  'metformin 500 mg',
  'lisinopril 10 mg',
  'sertraline 50 mg',
  'atorvastatin 20 mg',
  'albuterol inhaler',
  'insulin glargine',
];

function healthCombo(rng: Rng): string {
  const [code, diagnosis] = rng.pick(ICD10);
  return rng.pick([
    `Patient ${name(rng)} was seen for ${diagnosis} (${code}), prescribed ${rng.pick(MEDICATIONS)}`,
    `Patient: ${name(rng)}, diagnosis ${diagnosis}, currently on ${rng.pick(MEDICATIONS)}`,
  ]);
}

const phiKind = templatedKinds('phi', 'clinical', name);

export const PHI_KINDS: readonly SensitiveKind[] = [
  phiKind(
    'mrn',
    ['medical-record-number'],
    (rng) =>
      rng.pick([
        rng.chars(DIGITS, 8),
        `MRN${rng.chars(DIGITS, 7)}`,
        `${rng.chars(UPPER, 2)}-${rng.chars(DIGITS, 6)}`,
      ]),
    [
      'Patient MRN: {v}, admitted via ED',
      'Medical record number {v} shows duplicate charts for {name}.',
      'Intake form failed for MRN {v} (patient {name})',
      'patient_name,mrn,visit_date\n{name},{v},2025-02-11',
    ],
  ),
  phiKind(
    'health-member-id',
    ['health-plan-member-id'],
    (rng) => `${rng.chars(UPPER, 3)}${rng.chars(DIGITS, 9)}`,
    ['Insurance member ID: {v}, group 44120', 'Eligibility check failed for {name}, member id {v}'],
  ),
  phiKind('medicare-mbi', ['medicare-mbi'], medicareMbi, [
    'Medicare MBI {v} for {name}',
    'Medicare Beneficiary Identifier: {v}',
  ]),
  phiKind('npi', ['npi'], npi, ['Referring provider NPI: {v}', 'Dr. {name}, NPI {v}']),
  phiKind('dea-number', ['dea-number'], dea, [
    'Prescriber DEA# {v}',
    'DEA registration {v} on the e-prescription for {name}',
  ]),
  phiKind('icd10-clinical', ['icd10-cm'], (rng) => rng.pick(ICD10)[0], [
    'Patient {name}: diagnosis code {v} added to the problem list at the visit.',
    'Claim rejected: ICD-10 {v} not covered for this patient.',
    'Discharge summary lists dx {v}, follow-up with the clinic in 2 weeks.',
  ]),
  phiKind('patient-health-combo', ['phi-health-context'], healthCombo, [
    'Intake note: {v}. Follow-up in two weeks.',
    'Forwarding from the front desk: {v}',
  ]),
];
