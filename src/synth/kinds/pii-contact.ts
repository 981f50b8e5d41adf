// Contact and location PII: emails, phone numbers in national formats, public IPs, birth dates, addresses.

import { wrapWith, type SensitiveKind } from '../kind.ts';
import { fullName, STREET_NAMES, STREET_SUFFIXES, US_PLACES, userName } from '../names.ts';
import { DIGITS, type Rng } from '../rng.ts';

const name = fullName;
const EMAIL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.co.uk',
  'proton.me',
  'web.de',
  'orange.fr',
  'icloud.com',
];

// Geographic area codes in service (NANPA); exchanges avoid N11 and the 555 fiction block.
const NANP_AREAS = [
  '212',
  '312',
  '415',
  '503',
  '617',
  '702',
  '808',
  '919',
  '206',
  '303',
  '404',
  '512',
  '614',
  '713',
];
const nanpExchange = (rng: Rng): string => {
  const ex = `${rng.int(2, 9)}${rng.chars(DIGITS, 2)}`;
  return ex.endsWith('11') || ex === '555' ? '482' : ex;
};

const phoneSlots = { name };

const PHONE_WRAPS = [
  'Customer {name} asked to be called back on {v} after 3pm.',
  'Contact: {name}, phone {v}',
  'Reporter left a mobile number: {v}',
  'tel: {v} ({name}, site manager)',
  '| Name | Phone | Role |\n|---|---|---|\n| {name} | {v} | on-site contact |',
];

const phoneKind = (kind: string, nationalRule: string, generate: (rng: Rng) => string): SensitiveKind => ({
  kind,
  category: 'pii',
  family: 'phone',
  ruleIds: ['phone-international', nationalRule],
  generate,
  wrap: wrapWith(PHONE_WRAPS, phoneSlots),
});

/** Public unicast IPv4: avoids private, loopback, link-local, CGNAT, documentation and multicast ranges. */
function publicIpv4(rng: Rng): string {
  const first = rng.pick([23, 31, 45, 52, 63, 77, 81, 89, 104, 142, 151, 185, 212]);
  return `${first}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** Global unicast IPv6 in allocated RIR blocks (2a00::/12, 2600::/12, 2400::/12), never 2001:db8::/32. */
function publicIpv6(rng: Rng): string {
  const group = (): string => rng.chars('0123456789abcdef', rng.int(1, 4)).replace(/^0+(?=.)/, '');
  const head = `${rng.pick(['2a0', '260', '240'])}${rng.chars('123456789abcdef', 1)}`;
  const groups = [head, group(), group(), group()];
  return rng.chance(0.5)
    ? `${groups.join(':')}::${group()}`
    : [...groups, group(), group(), group(), group()].join(':');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function birthDate(rng: Rng): string {
  const y = rng.int(1941, 2004);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return rng.pick([
    `${y}-${pad2(m)}-${pad2(d)}`,
    `${pad2(m)}/${pad2(d)}/${y}`,
    `${pad2(d)}.${pad2(m)}.${y}`,
    `${months[m - 1]} ${d}, ${y}`,
  ]);
}

export const PII_CONTACT_KINDS: readonly SensitiveKind[] = [
  {
    kind: 'email',
    category: 'pii',
    family: 'contact',
    ruleIds: ['email'],
    generate: (rng) => `${userName(rng)}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}`,
    wrap: wrapWith(
      [
        'Please reply to the customer at {v} once the refund is processed.',
        'Reporter: {name} <{v}>',
        'name,email,plan\n{name},{v},enterprise',
        'Account owner email changed to {v} yesterday, can we verify?',
      ],
      { name },
    ),
  },
  phoneKind('phone-nanp', 'phone-north-america', (rng) => {
    const area = rng.pick(NANP_AREAS);
    const ex = nanpExchange(rng);
    const line = rng.chars(DIGITS, 4);
    return rng.pick([
      `(${area}) ${ex}-${line}`,
      `+1 ${area}-${ex}-${line}`,
      `${area}-${ex}-${line}`,
      `+1 ${area} ${ex} ${line}`,
    ]);
  }),
  phoneKind('phone-uk', 'phone-uk', (rng) => {
    // Ofcom: 074, 075 and 077-079 are mobile ranges (076 is mostly pagers).
    const drawn = `7${rng.pick(['4', '5', '7', '8', '9'])}${rng.chars(DIGITS, 2)}`;
    const mobile = drawn === '7911' || drawn === '7700' ? '7912' : drawn; // unallocated blocks
    const rest = rng.chars(DIGITS, 6);
    return rng.pick([
      `+44 ${mobile} ${rest}`,
      `0${mobile} ${rest}`,
      `+44 20 7${rng.chars(DIGITS, 3)} ${rng.chars(DIGITS, 4)}`,
    ]);
  }),
  phoneKind('phone-de', 'phone-germany', (rng) => {
    const prefix = rng.pick(['151', '152', '160', '170', '171', '176']);
    const rest = rng.chars(DIGITS, prefix === '160' ? 7 : 8);
    return rng.pick([`+49 ${prefix} ${rest}`, `0${prefix} ${rest}`, `+49 30 ${rng.chars(DIGITS, 8)}`]);
  }),
  phoneKind('phone-fr', 'phone-france', (rng) => {
    // ARCEP: 06 and 073-078 are metropolitan mobiles, 01 is Paris; 069x and 0639 belong to overseas regions.
    const first = rng.pick(['6', '7', '1']);
    const lead = first === '7' ? `${rng.int(3, 8)}${rng.int(0, 9)}` : `${rng.int(1, 8)}${rng.int(0, 8)}`;
    const pairs = [lead, ...Array.from({ length: 3 }, () => rng.chars(DIGITS, 2))].join(' ');
    return rng.pick([`+33 ${first} ${pairs}`, `0${first} ${pairs}`]);
  }),
  phoneKind('phone-in', 'phone-india', (rng) => {
    const n = `${rng.int(6, 9)}${rng.chars(DIGITS, 9)}`;
    return rng.pick([`+91 ${n.slice(0, 5)} ${n.slice(5)}`, `+91-${n}`]);
  }),
  {
    kind: 'ipv4-public',
    category: 'pii',
    family: 'network',
    ruleIds: ['ipv4-public'],
    generate: publicIpv4,
    wrap: wrapWith(
      [
        'Login attempts for {name} came from {v} (home connection).',
        'Customer says their office IP is {v}, please allowlist it.',
        'GeoIP lookup for client {v} shows the user location.',
      ],
      { name },
    ),
  },
  {
    kind: 'ipv6-public',
    category: 'pii',
    family: 'network',
    ruleIds: ['ipv6-public'],
    generate: publicIpv6,
    wrap: wrapWith(
      ['Customer {name} connects from {v} and gets blocked by the WAF.', 'client_ip={v} user={name}'],
      {
        name,
      },
    ),
  },
  {
    kind: 'date-of-birth',
    category: 'pii',
    family: 'personal',
    ruleIds: ['date-of-birth'],
    generate: birthDate,
    wrap: wrapWith(
      [
        '{name}, DOB: {v}',
        '| Employee | Date of birth | Team |\n|---|---|---|\n| {name} | {v} | Platform |',
        'Date of birth {v}, please update the HR record.',
        'Employee {name} (born {v}) starts Monday.',
      ],
      { name },
    ),
  },
  {
    kind: 'us-street-address',
    category: 'pii',
    family: 'personal',
    ruleIds: ['us-street-address'],
    generate: (rng) => {
      const place = rng.pick(US_PLACES);
      const unit = rng.chance(0.3) ? ` Apt ${rng.int(1, 40)}${rng.pick(['', 'B', 'C'])}` : '';
      return `${rng.int(12, 9899)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_SUFFIXES)}${unit}, ${place.city}, ${place.state} ${place.zip}${rng.chars(DIGITS, 2)}`;
    },
    wrap: wrapWith(
      ['Ship the replacement laptop to {name}, {v}.', 'Home address on file: {v}', 'Mailing address: {v}'],
      { name },
    ),
  },
];
