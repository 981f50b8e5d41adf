// The containers of the site: Jira projects and Confluence spaces, each with the topic its items talk about,
// its share of the spec's item counts, and how often (and with which categories) its items carry planted values.

import type { Category } from '../../types.ts';
import type { PlaceAccess, ProjectRecord, SpaceRecord } from '../model.ts';
import type { Topic } from './topics.ts';

/** How often items of a container carry planted values, and which categories they draw from. */
export interface PlantProfile {
  rate: number;
  mix: Record<Category, number>;
}

interface ContainerDef {
  key: string;
  name: string;
  description: string;
  topic: Topic;
  share: number;
  plant: PlantProfile;
  forbidden?: boolean;
  /** Restricted unless said. */
  access?: PlaceAccess;
}

interface ProjectDef extends ContainerDef {
  projectTypeKey: ProjectRecord['projectTypeKey'];
}

interface SpaceDef extends ContainerDef {
  type: SpaceRecord['type'];
  status?: SpaceRecord['status'];
}

const mix = (secret: number, pii: number, phi: number): Record<Category, number> => ({ secret, pii, phi });

export const PROJECT_DEFS: readonly ProjectDef[] = [
  {
    key: 'ENG',
    name: 'Engineering',
    description: 'Platform and product engineering backlog',
    topic: 'engineering',
    projectTypeKey: 'software',
    share: 0.3,
    access: 'logged-in',
    plant: { rate: 0.04, mix: mix(0.75, 0.2, 0.05) },
  },
  {
    key: 'OPS',
    name: 'Infrastructure & On-call',
    description: 'Incidents, changes and on-call follow-ups',
    topic: 'operations',
    projectTypeKey: 'software',
    share: 0.18,
    plant: { rate: 0.07, mix: mix(0.8, 0.15, 0.05) },
  },
  {
    key: 'SUP',
    name: 'Customer Support',
    description: 'Customer requests raised through the help centre',
    topic: 'support',
    projectTypeKey: 'service_desk',
    share: 0.2,
    access: 'public',
    plant: { rate: 0.05, mix: mix(0.15, 0.55, 0.3) },
  },
  {
    key: 'HR',
    name: 'People Operations',
    description: 'Onboarding, offboarding and HR requests',
    topic: 'people',
    projectTypeKey: 'business',
    share: 0.08,
    plant: { rate: 0.04, mix: mix(0.05, 0.85, 0.1) },
  },
  {
    key: 'CLIN',
    name: 'Clinic IT & Intake',
    description: 'Clinic systems support and patient intake problems',
    topic: 'clinic',
    projectTypeKey: 'service_desk',
    share: 0.16,
    plant: { rate: 0.1, mix: mix(0.05, 0.25, 0.7) },
  },
  {
    key: 'FIN',
    name: 'Finance',
    description: 'Payables, payroll and vendor payments',
    topic: 'finance',
    projectTypeKey: 'business',
    share: 0.08,
    forbidden: true,
    plant: { rate: 0.06, mix: mix(0.3, 0.7, 0) },
  },
];

export const SPACE_DEFS: readonly SpaceDef[] = [
  {
    key: 'ENG',
    name: 'Engineering',
    description: 'Architecture, how-tos and service docs',
    topic: 'engineering',
    type: 'global',
    share: 0.26,
    access: 'logged-in',
    plant: { rate: 0.04, mix: mix(0.75, 0.2, 0.05) },
  },
  {
    key: 'OPS',
    name: 'Operations',
    description: 'Runbooks, postmortems and on-call handbook',
    topic: 'operations',
    type: 'global',
    share: 0.18,
    plant: { rate: 0.07, mix: mix(0.8, 0.15, 0.05) },
  },
  {
    key: 'SUP',
    name: 'Support Knowledge Base',
    description: 'Answers for customers and agents',
    topic: 'support',
    type: 'knowledge_base',
    share: 0.16,
    access: 'public',
    plant: { rate: 0.05, mix: mix(0.15, 0.55, 0.3) },
  },
  {
    key: 'HR',
    name: 'People Team',
    description: 'Policies, onboarding and benefits',
    topic: 'people',
    type: 'collaboration',
    share: 0.1,
    plant: { rate: 0.04, mix: mix(0.05, 0.85, 0.1) },
  },
  {
    key: 'CLIN',
    name: 'Clinic Operations',
    description: 'Intake procedures and clinic systems',
    topic: 'clinic',
    type: 'global',
    share: 0.14,
    plant: { rate: 0.1, mix: mix(0.05, 0.25, 0.7) },
  },
  {
    key: 'PERSONAL',
    name: 'personal',
    description: 'Personal notes',
    topic: 'engineering',
    type: 'personal',
    share: 0.04,
    plant: { rate: 0.08, mix: mix(0.7, 0.3, 0) },
  },
  {
    key: 'LEGACY',
    name: 'Legacy Platform (archived)',
    description: 'The 2019 platform, kept for reference',
    topic: 'operations',
    type: 'global',
    status: 'archived',
    share: 0.06,
    plant: { rate: 0.06, mix: mix(0.85, 0.15, 0) },
  },
  {
    key: 'LEGAL',
    name: 'Legal',
    description: 'Contracts and counsel',
    topic: 'people',
    type: 'global',
    share: 0.06,
    forbidden: true,
    plant: { rate: 0.06, mix: mix(0.2, 0.8, 0) },
  },
];
