// For rules that know only the name a value is assigned to (`client_secret = ...`): the value must look drawn
// at random. Three tests, each cheap: random secrets of this length almost always mix letters and digits; their
// entropy is close to what a random value of their length and alphabet has (entropy.ts); and their characters
// switch class (digit, lower, upper) about as often as chance says, where words, CamelCase names and version
// stamps keep long runs of one class (`SalesResults-1.2`, `DOC_Vector_5_32`, `release20240112`).
import { entropyRatio } from '../entropy.ts';

/** Share of a random value's expected entropy it must reach (entropy.ts entropyRatio). */
export const RANDOM_ENTROPY_RATIO = 0.85;
/** Share of the class switches chance gives that the value must show. */
export const CLASS_SWITCH_RATIO = 0.5;

export function isRandomLooking(value: string): boolean {
  return (
    /[0-9]/.test(value) &&
    /[A-Za-z]/.test(value) &&
    entropyRatio(value) >= RANDOM_ENTROPY_RATIO &&
    classSwitchRatio(value) >= CLASS_SWITCH_RATIO
  );
}

function classOf(code: number): number {
  if (code >= 48 && code <= 57) return 0;
  if (code >= 97 && code <= 122) return 1;
  if (code >= 65 && code <= 90) return 2;
  return -1;
}

/** Class switches between neighbouring letters/digits, as a share of what chance gives for this class mix. */
export function classSwitchRatio(value: string): number {
  const counts = [0, 0, 0];
  let pairs = 0;
  let switches = 0;
  let previous = -1;
  for (let i = 0; i < value.length; i++) {
    const cls = classOf(value.charCodeAt(i));
    if (cls < 0) continue;
    counts[cls]!++;
    if (previous >= 0) {
      pairs++;
      if (cls !== previous) switches++;
    }
    previous = cls;
  }
  const total = counts[0]! + counts[1]! + counts[2]!;
  const chance = 1 - counts.reduce((sum, n) => sum + (n / total) ** 2, 0);
  return pairs === 0 || chance === 0 ? 0 : switches / pairs / chance;
}
