/**
 * Every diagnostic gwsim can emit: a stable code, its severity and a default hint.
 * Codes never change meaning once released; retire a code instead of reusing it.
 * Stages create diagnostics only through `diagnostic()` in ./diagnostic.ts.
 */
import type { Severity } from '../types';

interface CatalogEntry {
  severity: Severity;
  /** What the user should do, when the message alone does not say it. */
  hint: string;
}

export const DIAGNOSTIC_CATALOG = {
  'yaml.syntax': { severity: 'error', hint: 'Fix the YAML syntax at this position; the other documents still load.' },
  'yaml.alias-limit': {
    severity: 'error',
    hint: 'Remove the anchors/aliases that expand this document, or inline the values.',
  },
  'yaml.document-too-large': { severity: 'error', hint: 'Split the file into smaller documents.' },
  'yaml.not-an-object': { severity: 'error', hint: 'Each YAML document must be a Kubernetes object (a mapping).' },
  'object.missing-kind': { severity: 'error', hint: 'Add `apiVersion` and `kind` to the object.' },
  'object.missing-name': { severity: 'error', hint: 'Add `metadata.name`.' },
  'object.duplicate': {
    severity: 'warning',
    hint: 'Two documents define the same object; the later one wins, as with `kubectl apply`. Remove one.',
  },
  'object.unknown-kind': {
    severity: 'info',
    hint: 'gwsim keeps this object unchanged but does not interpret it.',
  },
  'object.unserved-version': {
    severity: 'warning',
    hint: 'Use an apiVersion the Gateway API CRDs serve (usually gateway.networking.k8s.io/v1).',
  },
  'schema.required': { severity: 'error', hint: 'Add the required field.' },
  'schema.type': { severity: 'error', hint: 'Change the value to the expected type.' },
  'schema.enum': { severity: 'error', hint: 'Use one of the allowed values.' },
  'schema.pattern': { severity: 'error', hint: 'Change the value to match the expected format.' },
  'schema.range': { severity: 'error', hint: 'Use a value within the allowed range.' },
  'schema.length': { severity: 'error', hint: 'Shorten or lengthen the value to the allowed size.' },
  'schema.unknown-field': {
    severity: 'warning',
    hint: 'Check the spelling; the API server drops unknown fields (gwsim keeps them in the YAML).',
  },
  'schema.rule': { severity: 'error', hint: 'The CRD validation rule rejects this combination of fields.' },
  'ref.not-found': {
    severity: 'warning',
    hint: 'The referenced object is not in the input. It may exist in the cluster; add it to simulate it.',
  },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOG;
