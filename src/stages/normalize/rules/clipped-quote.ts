/**
 * `â€` closing a quote: the mojibake of `”` whose last byte (0x9D, undefined in
 * Windows-1252) was dropped on the way. The repair library reads `â€` before a
 * space as `†` (a lost no-break space), so this runs before it.
 */
import {editsForMatches, type TextRule} from '../../rule.js'

// Before `?` only at a sentence end: `donâ€?t` is an apostrophe that lost a byte.
const CLIPPED_QUOTE = /(?<=\S)\u00e2\u20ac(?=[\s.,;:)\]]|[!?](?:\s|$)|$)/gm

export const clippedQuote: TextRule = {
  id: 'clipped-quote',
  reason: 'closing quote `”` garbled, its last byte lost',
  example: '`“Hi,â€ she said` → `“Hi,” she said`',
  propose: (input) => (!input.text.includes('\u00e2\u20ac') ? [] : editsForMatches(input.text, CLIPPED_QUOTE, clippedQuote, () => '\u201d'))
}
