/**
 * Answers about single UTF-16 units that need a Unicode regex or a case
 * mapping, worked out once per unit and remembered: the tokenizers ask them
 * for every non-ASCII character of a batch.
 */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u

// 0: not asked yet, 1: a letter or number, 2: anything else.
const kinds = new Uint8Array(0x10000)

/** Whether a code unit of the Basic Multilingual Plane is a letter or a number (surrogates are not). */
export function isLetterOrNumberUnit(code: number): boolean {
  let kind = kinds[code]!
  if (kind === 0) kinds[code] = kind = LETTER_OR_NUMBER.test(String.fromCharCode(code)) ? 1 : 2
  return kind === 1
}

// 0: not asked yet, -1: lower-cases to several units, else the lower-case unit + 1.
const lowers = new Int32Array(0x10000)

/** The unit's lower-case unit, or -1 when lower-casing it gives several units (`İ`). */
export function lowerUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code
  let lower = lowers[code]!
  if (lower === 0) {
    const mapped = String.fromCharCode(code).toLowerCase()
    lowers[code] = lower = mapped.length === 1 ? mapped.charCodeAt(0) + 1 : -1
  }
  return lower === -1 ? -1 : lower - 1
}
