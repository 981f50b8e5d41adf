// Whether a space or project was read: a score of 0 means "clean" only for content that was scanned.
import type { ContainerRow } from './model.ts';

export const hasGaps = (c: ContainerRow): boolean => Object.values(c.skipped).some((n) => n > 0);

/** Nothing of it could be read (every listing refused or failed): its score says nothing. */
export const unread = (c: ContainerRow): boolean => c.scanned === 0 && hasGaps(c);
