// Macro parameters (ADF extension `parameters`, storage `ac:parameter`) can hold any text a user typed, so they are
// scanned, each value labelled with its parameter name ("password: ...") so that context words still work.
// Presentation-only parameters are dropped: their values are fixed vocabularies that only add noise.

const PRESENTATION_PARAMETERS: ReadonlySet<string> = new Set([
  'language',
  'theme',
  'linenumbers',
  'firstline',
  'collapse',
  'breakoutmode',
  'breakoutwidth',
  'macrometadata',
  'schemaversion',
  'icon',
]);

export function isPresentationParameter(name: string): boolean {
  return PRESENTATION_PARAMETERS.has(name.toLowerCase());
}

/** Written before the value (`title:` then `deploy.sh`); the unnamed default parameter has no label. */
export function parameterLabel(name: string): string {
  return name === '' ? '' : `${name}:`;
}
