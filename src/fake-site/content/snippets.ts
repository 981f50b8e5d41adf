// Code material for code blocks and code macros: the benign generators of src/synth, each with the language
// label a Jira code block or Confluence code macro would carry.

import {
  benignLogLines,
  javaStackTrace,
  kubernetesYaml,
  nodeStackTrace,
  placeholderConfig,
  pythonTraceback,
  sqlSnippet,
} from '../../synth/benign.ts';
import type { Rng } from '../../synth/rng.ts';
import { fill } from './topic-fillers.ts';

/** [language, title template, body generator] */
const CODE: ReadonlyArray<[string, string, (rng: Rng) => string]> = [
  ['java', 'Stack trace from {service}', javaStackTrace],
  ['javascript', 'Stack trace from {service}', nodeStackTrace],
  ['python', 'Traceback', pythonTraceback],
  ['yaml', '{service}-deployment.yaml', kubernetesYaml],
  ['sql', 'query.sql', sqlSnippet],
  ['properties', 'application.properties', placeholderConfig],
  ['text', '{service}.log', (rng) => benignLogLines(rng, rng.int(2, 6))],
];

export function codeSnippet(rng: Rng): { language: string; title: string; body: string } {
  const [language, title, make] = rng.pick(CODE);
  return { language, title: fill(rng, title), body: make(rng) };
}
