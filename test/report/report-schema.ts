// docs/report.schema.json as a validator (JSON Schema 2020-12, formats checked), for the unit and e2e tests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const SCHEMA = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../docs/report.schema.json'), 'utf8'),
) as object;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(SCHEMA);

/** The schema's complaints about `value` as `path: message` lines; empty when it validates. */
export function schemaErrors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
