// Email addresses that are personal data: the domain must end in a real TLD shape, and common look-alikes in
// engineering text are rejected: asset names (`icon@2x.png`), git remotes (`git@github.com:org/repo`),
// package specifiers (`@types/node`, `react@18.2.0`) and role mailboxes.
import type { ValidatorContext } from './index.ts';

const FILE_EXTENSIONS = new Set(
  'png jpg jpeg gif svg webp ico bmp tiff css scss less js mjs cjs jsx ts tsx map json yaml yml xml txt md lock zip gz tgz'.split(
    ' ',
  ),
);
const ROLE_MAILBOXES = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|hostmaster|abuse)$/i;

export function isPersonalEmail(value: string, context: ValidatorContext): boolean {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  if (!/^[a-z]{2,24}$/.test(tld) || FILE_EXTENSIONS.has(tld)) return false;
  if (/^\d+x$/.test(domain.split('.')[0] ?? '')) return false;
  if (ROLE_MAILBOXES.test(local)) return false;
  // A git remote `git@host:path` or a scoped package path right after the value.
  const after = context.text.slice(context.end, context.end + 1);
  return !(after === ':' && local === 'git') && after !== '/';
}
