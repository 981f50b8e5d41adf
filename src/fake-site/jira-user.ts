// The Jira v3 shapes every other Jira shape embeds: users, and timestamps in the SITE zone with a colon-less offset.
import type { Site } from './site.ts';
import { formatJiraTime } from './time-zone.ts';

export function jiraTime(site: Site, iso: string): string {
  return formatJiraTime(Date.parse(iso), site.options.siteTimeZone);
}

export function renderUser(site: Site, origin: string, accountId: string) {
  return {
    self: `${origin}/rest/api/3/user?accountId=${accountId}`,
    accountId,
    accountType: 'atlassian',
    displayName: site.displayName(accountId),
    active: true,
    timeZone: site.options.userTimeZone,
    avatarUrls: { '48x48': `${origin}/secure/useravatar?size=large&ownerId=${accountId}` },
  };
}
