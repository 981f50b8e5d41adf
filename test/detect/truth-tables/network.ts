// Network identifiers (validators in ip and mac-address): public addresses in every written form, device MACs.
import type { Row } from './index.ts';

export const NETWORK_ROWS: Row[] = [
  ['public-ipv6', '::ffff:81.214.37.190', true, 'IPv4-mapped public address'],
  ['public-ipv6', '::FFFF:81.214.37.190', true, 'mapped, upper case'],
  ['public-ipv6', '::ffff:10.20.30.40', false, 'mapped private address'],
  ['public-ipv6', '2a02:8071:b83:4e00::', true, 'network part of a CIDR prefix'],
  ['public-ipv6', '3fff:1:2::7', false, 'documentation 3fff::/20'],
  ['public-ipv6', '2002:c000:204::1', false, '6to4'],
  ['mac-address', '3c:22:fb:91:4e:07', true, 'colon notation'],
  ['mac-address', '00-1A-2B-3C-4D-5E', true, 'dash notation'],
  ['mac-address', '3c22.fb91.4e07', true, 'Cisco dot notation'],
  ['mac-address', 'ff:ff:ff:ff:ff:ff', false, 'broadcast'],
  ['mac-address', '00:00:00:00:00:00', false, 'all zeros'],
  ['mac-address', '01:00:5e:00:00:fb', false, 'group (multicast) bit'],
  ['mac-address', '3c:22:fb-91:4e:07', false, 'mixed separators'],
];
