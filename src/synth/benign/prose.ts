// Benign ticket and page prose: engineering, support, HR and clinic-IT text with no identifiers in it.

import type { Rng } from '../rng.ts';
import {
  buildNumber,
  cleanUrl,
  dottedBuild,
  isoDate,
  orderNumber,
  semver,
  service,
  shortSha,
  ticketKey,
} from './identifiers.ts';

type Sentence = (rng: Rng) => string;

const ENGINEERING: Sentence[] = [
  (r) => `After the upgrade to ${semver(r)} the ${service(r)} pods restart every few minutes.`,
  (r) =>
    `Reverting ${shortSha(r)} fixes it locally, but CI build ${buildNumber(r)} still fails on the integration suite.`,
  (r) => `See ${cleanUrl(r)} for the full discussion.`,
  (r) => `This looks related to ${ticketKey(r)}; the retry logic never backs off.`,
  () =>
    'Steps to reproduce: open the dashboard, filter by last 7 days, export to CSV. Expected a file, got a 502.',
  (r) =>
    `We agreed to ship the fix in the ${isoDate(r)} release train and keep the feature flag off until then.`,
  (r) => `p99 latency went from ${r.int(80, 200)} ms to ${r.int(400, 2000)} ms after the config change.`,
  (r) => `The agent reports version ${dottedBuild(r)}, which is older than the one in the runbook.`,
  () => 'Root cause: the connection pool was sized for the old instance type.',
  () => 'Acceptance criteria: the job is idempotent, emits metrics, and has an alert on failure.',
  () => 'Can someone from the platform team take a look? This blocks the migration.',
  () => 'Rotated the credentials through the vault workflow; nothing was pasted anywhere.',
];

const SUPPORT: Sentence[] = [
  (r) =>
    `Customer reports that order ${orderNumber(r)} shows as shipped but tracking has not updated since ${isoDate(r)}.`,
  () => 'They tried clearing the browser cache and logging in again, same result.',
  (r) => `Refund for ${orderNumber(r)} was approved by the team lead and will post in 5-7 business days.`,
  () => 'Escalating to tier 2 because the export keeps timing out for large accounts.',
  (r) => `Macro applied: password reset instructions (article KB-${r.int(100, 999)}).`,
];

const PEOPLE_OPS: Sentence[] = [
  () => 'New starter checklist: laptop, badge, accounts in the identity provider, buddy assigned.',
  (r) => `Benefits enrollment window closes on ${isoDate(r)}; reminders go out weekly.`,
  () => 'Please use the HR portal for personal details; do not post them in tickets.',
  () => 'The offboarding workflow now revokes SaaS access automatically at end of day.',
];

// Medical vocabulary with no patient and no identifier: not PHI.
const CLINIC_IT: Sentence[] = [
  () => 'The intake form lists "diabetes" twice in the conditions dropdown.',
  () => 'Lab results interface is delayed; HL7 messages queue up after 6pm.',
  () => 'Pharmacy module shows metformin and lisinopril in the wrong formulary tier.',
  () => 'Printer in triage room 3 is jammed again, please send facilities.',
  (r) => `EHR downtime window scheduled for ${isoDate(r)} 02:00-04:00, clinics notified.`,
  () => 'The vaccination reminder template needs Spanish and Vietnamese translations.',
];

const PROSE_TOPICS = {
  engineering: ENGINEERING,
  support: SUPPORT,
  people: PEOPLE_OPS,
  clinic: CLINIC_IT,
} as const;
export type ProseTopic = keyof typeof PROSE_TOPICS;

export function paragraph(
  rng: Rng,
  topic: ProseTopic = rng.pick(Object.keys(PROSE_TOPICS) as ProseTopic[]),
): string {
  const pool = PROSE_TOPICS[topic];
  return Array.from({ length: rng.int(2, 5) }, () => rng.pick(pool)(rng)).join(' ');
}

const SUMMARIES: Record<ProseTopic, Sentence[]> = {
  engineering: [
    (r) => `${service(r)} crashes on startup after ${semver(r)} upgrade`,
    (r) => `Flaky test in ${service(r)} integration suite`,
    (r) => `Add retry with jitter to ${service(r)} client`,
  ],
  support: [
    (r) => `Order ${orderNumber(r)} stuck in processing`,
    () => 'Cannot export report to CSV',
    () => 'Login loop after SSO change',
  ],
  people: [() => 'Onboarding checklist for new engineers', () => 'Update holiday calendar for next year'],
  clinic: [
    () => 'Intake form dropdown duplicates',
    () => 'Lab interface delay in the evening',
    () => 'Scanner driver update for front desk',
  ],
};

export function summary(
  rng: Rng,
  topic: ProseTopic = rng.pick(Object.keys(PROSE_TOPICS) as ProseTopic[]),
): string {
  return rng.pick(SUMMARIES[topic])(rng);
}

/** Docs that cite processor test cards and look-alike numbers in documentation context. */
export function testCardDocs(rng: Rng): string {
  return rng.pick([
    'For QA, use the Stripe test card 4242 4242 4242 4242 with any future expiry and any CVC.',
    'Sandbox payments: 4111 1111 1111 1111 (Visa test number) and 5555 5555 5555 4444 (Mastercard test number).',
    'Amex test card 378282246310005 works only in the sandbox environment.',
  ]);
}
