// Fillers for the `{slot}`s of topic templates: services, environments, components, clinic systems...

import { SERVICES } from '../../synth/names.ts';
import type { Rng } from '../../synth/rng.ts';

const FILLERS: Record<string, readonly string[]> = {
  service: SERVICES,
  env: ['staging', 'production', 'eu-west-1', 'us-east-2', 'canary', 'dev'],
  component: [
    'checkout page',
    'login form',
    'CSV export',
    'webhook retry loop',
    'pagination',
    'the admin dashboard',
    'password reset flow',
    'search results',
    'PDF invoice',
    'the mobile app',
  ],
  browser: ['Chrome 131', 'Firefox 133', 'Safari 18.1', 'Edge 131'],
  tool: ['Terraform', 'Helm', 'ArgoCD', 'GitHub Actions', 'Datadog', 'PagerDuty', 'Vault', 'Grafana'],
  metric: [
    'p99 latency',
    'error rate',
    'queue depth',
    'CPU throttling',
    'disk usage',
    'connection pool saturation',
  ],
  plan: ['Starter', 'Team', 'Business', 'Enterprise'],
  feature: [
    'SSO login',
    'bulk import',
    'scheduled reports',
    'API access',
    'audit log',
    'two-factor authentication',
  ],
  role: [
    'Backend Engineer',
    'Product Designer',
    'Data Analyst',
    'Support Specialist',
    'Nurse Coordinator',
    'Accountant',
  ],
  system: [
    'the EHR',
    'the scheduling system',
    'the lab interface',
    'the e-prescribing module',
    'the check-in kiosk',
    'the fax gateway',
  ],
  clinicSite: ['Northside clinic', 'Riverside clinic', 'the downtown practice', 'the pediatrics wing'],
  vendor: ['Acme Supplies', 'Globex Logistics', 'Initech Software', 'Umbrella Facilities'],
  month: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** Replace every `{slot}` with a filler picked by `rng`. */
export function fill(rng: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
    const options = FILLERS[slot];
    return options ? rng.pick(options) : whole;
  });
}
