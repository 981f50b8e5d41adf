// Test groups that need something of the machine: the built binary, Chromium, root to mount a file system.
// Outside CI a missing requirement skips the group and says why on stderr; under CI (.ci/run sets CI=true) it
// fails with a test named after what is missing, so a check can never pass in CI by not running.
import { describe, it } from 'vitest';

export interface Requirement {
  /** What is needed, as a reader would fix it: "the built binary (npm run build)". */
  what: string;
  present: boolean;
}

/** CI=true (or any value but empty, 0 and false), as CI services and .ci/run set it. */
export const underCi = (env: NodeJS.ProcessEnv = process.env): boolean =>
  !['', '0', 'false'].includes((env.CI ?? '').toLowerCase());

/** `describe(name, body)` when the requirement is present; otherwise a skip that says why, or a CI failure. */
export function describeWith(requirement: Requirement, name: string, body: () => void): void {
  if (requirement.present) {
    describe(name, body);
  } else if (underCi()) {
    describe(name, () => {
      it(`needs ${requirement.what}`, () => {
        throw new Error(`${requirement.what} is missing on this CI machine, so "${name}" cannot run`);
      });
    });
  } else {
    process.stderr.write(`skipped "${name}": ${requirement.what} is missing\n`);
    describe.skip(`${name} (skipped: ${requirement.what} is missing)`, body);
  }
}
