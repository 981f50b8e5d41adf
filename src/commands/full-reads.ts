// One line per scan saying which places were read in full and why, so ops can see why a night cost more:
// `read in full: 1 of 23 places (became readable: jira FIN); probed, still refused: jira HR`.
import type { FullReason } from '../crawl/baselines.ts';
import type { PlaceCoverage } from '../crawl/crawl.ts';

const WORDS: Record<FullReason | 'became-readable', string> = {
  new: 'new',
  'never-complete': 'never read to the end',
  due: 'due for reconciliation',
  'was-forbidden': 'refused before',
  'became-readable': 'became readable',
  requested: '--mode full',
  history: 'former versions asked for the first time',
};

/** Names shown per reason before `+N more`: a first run reads every place in full. */
const SHOWN = 8;

const named = (places: readonly PlaceCoverage[]) => {
  const names = places.slice(0, SHOWN).map((p) => `${p.product} ${p.containerKey}`);
  return places.length > SHOWN ? [...names, `+${places.length - SHOWN} more`].join(', ') : names.join(', ');
};

const refused = (p: PlaceCoverage) => (p.coverage.skipped.forbidden ?? 0) > 0;

export function fullReadsLine(coverage: readonly PlaceCoverage[]): string | undefined {
  const planned = coverage.filter((p) => p.read !== undefined);
  if (planned.length === 0) return undefined;
  const full = planned.filter((p) => p.read?.mode === 'full');
  const probes = full.filter((p) => p.read?.reason === 'was-forbidden' && refused(p));
  const read = full.filter((p) => !probes.includes(p));
  const groups = new Map<string, PlaceCoverage[]>();
  for (const place of read) {
    const reason = place.read?.reason === 'was-forbidden' ? 'became-readable' : (place.read?.reason ?? 'new');
    groups.set(WORDS[reason], [...(groups.get(WORDS[reason]) ?? []), place]);
  }
  const why = [...groups].map(([reason, places]) => `${reason}: ${named(places)}`).join('; ');
  const line = `read in full: ${read.length} of ${planned.length} places${why ? ` (${why})` : ''}`;
  return probes.length > 0 ? `${line}; probed, still refused: ${named(probes)}` : line;
}
