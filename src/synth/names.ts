// Small synthetic vocabularies shared by the sensitive and benign generators. Names are common given and
// family names combined at random, so no generated person is a real record.

import type { Rng } from './rng.ts';

export const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Oliver',
  'Sophia',
  'Elijah',
  'Mia',
  'Lucas',
  'Harper',
  'Mateo',
  'Aisha',
  'Ravi',
  'Priya',
  'Chen',
  'Mei',
  'Kenji',
  'Yuki',
  'Fatima',
  'Omar',
  'Lena',
  'Jonas',
  'Chloé',
  'Hugo',
  'Giulia',
  'Marco',
  'Lucía',
  'Javier',
  'Ana',
  'João',
  'Ingrid',
  'Sven',
  'Zoe',
  'Daniel',
  'Grace',
  'Samuel',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Martinez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Thomas',
  'Moore',
  'Patel',
  'Sharma',
  'Nguyen',
  'Kim',
  'Tanaka',
  'Müller',
  'Schmidt',
  'Dubois',
  'Moreau',
  'Rossi',
  'Bianchi',
  'Fernández',
  'Silva',
  'Santos',
  'Larsen',
  'Novak',
  'Okafor',
  'Haddad',
  'Cohen',
] as const;

export const US_PLACES = [
  { city: 'Springfield', state: 'IL', zip: '627' },
  { city: 'Austin', state: 'TX', zip: '787' },
  { city: 'Portland', state: 'OR', zip: '972' },
  { city: 'Columbus', state: 'OH', zip: '432' },
  { city: 'Raleigh', state: 'NC', zip: '276' },
  { city: 'Denver', state: 'CO', zip: '802' },
  { city: 'Madison', state: 'WI', zip: '537' },
  { city: 'Tucson', state: 'AZ', zip: '857' },
  { city: 'Albany', state: 'NY', zip: '122' },
  { city: 'Sacramento', state: 'CA', zip: '958' },
] as const;

export const STREET_NAMES = [
  'Maple',
  'Oak',
  'Cedar',
  'Elm',
  'Washington',
  'Lincoln',
  'Park',
  'Lake',
  'Hill',
  'Sunset',
  'Riverside',
  'Franklin',
  'Highland',
  'Meadow',
  'Church',
  'Willow',
  'Jefferson',
  'Pine',
  'Chestnut',
  'Madison',
] as const;

export const STREET_SUFFIXES = [
  'St',
  'Street',
  'Ave',
  'Avenue',
  'Rd',
  'Road',
  'Blvd',
  'Dr',
  'Drive',
  'Ln',
  'Lane',
  'Ct',
  'Way',
] as const;

export const SERVICES = [
  'billing-api',
  'auth-service',
  'search-indexer',
  'checkout',
  'notification-worker',
  'inventory',
  'gateway',
  'reporting',
  'user-profile',
  'payments-adapter',
  'scheduler',
  'media-transcoder',
  'ledger',
  'webhooks',
] as const;

export const INTERNAL_HOSTS = [
  'db-primary.internal',
  'pg-replica-2.prod.internal',
  'mysql01.corp.local',
  'cache-01.svc.cluster.local',
  'mongo-a.staging.internal',
  'analytics-db.eu-west-1.rds.amazonaws.com',
  'orders.c9xk2m.us-east-1.rds.amazonaws.com',
] as const;

export const fullName = (rng: Rng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

export const userName = (rng: Rng): string =>
  `${rng.pick(FIRST_NAMES)}.${rng.pick(LAST_NAMES)}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
