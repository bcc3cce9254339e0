// Validates a 360Giving data package against the standard's own JSON Schemas (version 1.4, in
// ../shared/data/standards/360giving/schema/) with Ajv, a JSON Schema 2020-12 validator, and
// ajv-formats for "date-time" and "uri".
//
//   import { validate360Giving } from './lib/validate-360giving.mjs';
//   const { valid, errors } = validate360Giving(JSON.parse(text));
//
// errors is Ajv's list ({instancePath, keyword, message, params}); describeErrors makes it text.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCHEMA_DIR = path.resolve(REPO_ROOT, '../shared/data/standards/360giving/schema');
const META_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

function readSchema(name) {
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'));
  // The standard's files name the 2020-12 meta-schema with "http://"; its identifier is the
  // "https://" one, which is the one Ajv knows.
  return { ...schema, $schema: META_SCHEMA_2020 };
}

function compilePackageValidator() {
  // Strict, except for two of its style checks the standard's schema does not follow (types left
  // to the parent schema, "required" in the branches of a oneOf): neither changes what is valid.
  const ajv = new Ajv2020({
    allErrors: true, strict: true, strictTypes: false, strictRequired: false,
  });
  addFormats(ajv);
  // The standard's annotations for its tools (codelist files, CSV roll-up): not constraints.
  ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']);
  const packageSchema = readSchema('360-giving-package-schema.json');
  const grantSchema = readSchema('360-giving-schema.json');
  // The package schema's grants refer to the 1.4.2 grant schema; the file holds 1.4.3 (a patch
  // release of the same 1.4). Register it under the URI the package refers to.
  const grantRef = packageSchema.properties.grants.items.$ref;
  ajv.addSchema(grantSchema, grantRef);
  return ajv.compile(packageSchema);
}

let validatePackage = null;

export function validate360Giving(packageObject) {
  validatePackage ??= compilePackageValidator();
  const valid = validatePackage(packageObject);
  return { valid, errors: valid ? [] : [...validatePackage.errors] };
}

export function describeErrors(errors) {
  return errors
    .map((e) => `  ${e.instancePath || '(package)'}: ${e.message} ${JSON.stringify(e.params).slice(0, 200)}`)
    .join('\n');
}
