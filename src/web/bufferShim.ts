/**
 * The web host has no `Buffer`. gray-matter converts its input with `Buffer.from` (only to
 * keep an untouched copy); this stand-in, injected into the web bundle alone, gives it bytes.
 */
export const Buffer = {
  from: (text: string): Uint8Array => new TextEncoder().encode(text),
  isBuffer: (_value: unknown): boolean => false,
};
