/**
 * The snippets the product promises (PRODUCT.md, capability 5), by prefix: checked in the
 * snippet file by the unit tests and in the installed extension by the integration tests.
 */
export const REQUIRED_SNIPPET_PREFIXES: readonly string[] = [
  'mn-agenda',
  'mn-session',
  'mn-goal',
  'mn-action',
  'mn-feedback',
  'mn-expectations',
  'mn-self-assessment',
];
