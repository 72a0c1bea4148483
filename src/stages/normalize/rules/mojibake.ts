/**
 * Repair UTF-8 that was decoded as Windows-1252, Latin-1 or MacRoman (`â€™` →
 * `’`, `Ã©` → `é`, `√©` → `é`), as ftfy does: only byte sequences that re-encode
 * to valid UTF-8 and decode to a plausible character are changed, and layers of
 * double encoding are undone together so the fix is idempotent.
 */
import {windows1252Char} from '../../../lexicon/windows-1252.js'
import {editsForMatches, type TextRule} from '../../rule.js'

interface Codec {
  name: string
  /** Character → the byte it came from. */
  byteOf: Map<string, number>
  run: RegExp
}

const UTF8 = new TextDecoder('utf-8', {fatal: true})

function codec(name: 'windows-1252' | 'macintosh', leadBytes: number[]): Codec {
  const decoder = new TextDecoder(name)
  const byteOf = new Map<string, number>()
  for (let byte = 0x80; byte <= 0xff; byte++)
    byteOf.set(name === 'windows-1252' ? windows1252Char(byte) : decoder.decode(Uint8Array.of(byte)), byte)
  if (name === 'windows-1252') {
    // Latin-1 readers turn 0x80-0x9F into C1 controls instead.
    for (let byte = 0x80; byte <= 0x9f; byte++) byteOf.set(String.fromCharCode(byte), byte)
  }
  const continuation = [...byteOf].filter(([, byte]) => byte >= 0x80 && byte <= 0xbf).map(([char]) => char)
  const leads = [...byteOf].filter(([, byte]) => leadBytes.includes(byte)).map(([char]) => char)
  const cls = (chars: string[]): string => `[${chars.map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}]`
  // A run: a lead character and one to three continuation characters, repeated.
  const run = new RegExp(`(?:${cls(leads)}${cls(continuation)}{1,3})+`, 'g')
  return {name, byteOf, run}
}

const range = (from: number, to: number): number[] => Array.from({length: to - from + 1}, (_, i) => from + i)
const CODECS: Codec[] = [
  codec('windows-1252', range(0xc2, 0xf4)),
  // MacRoman's lead characters include quotes and dashes; only the two leads
  // that real MacRoman mojibake is made of (√ for é-like, ‚ for ’-like) are used.
  codec('macintosh', [0xc3, 0xe2])
]

/** Characters a repair may produce: Latin letters, punctuation, currency, symbols, emoji. */
function plausible(char: string): boolean {
  const code = char.codePointAt(0)!
  return (
    (code >= 0xa0 && code <= 0x24f) ||
    (code >= 0x2010 && code <= 0x206f) ||
    (code >= 0x20a0 && code <= 0x20cf) ||
    code === 0x2122 ||
    (code >= 0x1f300 && code <= 0x1faff)
  )
}

/** Decode one layer of a run; undefined when any sequence is not clean UTF-8. */
function decodeLayer(text: string, codec: Codec): string | undefined {
  const bytes: number[] = []
  for (const char of text) {
    const byte = codec.byteOf.get(char)
    if (byte === undefined) return undefined
    bytes.push(byte)
  }
  let decoded: string
  try {
    decoded = UTF8.decode(Uint8Array.from(bytes))
  } catch {
    return undefined
  }
  for (const char of decoded) if (!plausible(char)) return undefined
  return decoded
}

/** Fix a text, undoing up to three layers; returns the text unchanged when nothing is unambiguous. */
export function fixMojibake(text: string): string {
  let current = text
  for (let layer = 0; layer < 3; layer++) {
    let changed = false
    for (const codec of CODECS) {
      const next = current.replace(codec.run, (run) => decodeLayer(run, codec) ?? run)
      if (next !== current) {
        current = next
        changed = true
        break
      }
    }
    if (!changed) break
  }
  return current
}

// `â€` closing a quote: the mojibake of `”` whose last byte (0x9D, undefined in
// Windows-1252) was dropped on the way. Nothing else leaves `â€` before a space.
const CLIPPED_QUOTE = /(?<=\S)\u00e2\u20ac(?=[\s.,;:!?)\]]|$)/gm
// Every mojibake run starts with one of these; most texts have none.
const LEAD = /[\u00c2-\u00f4\u221a\u201a]/

// A stretch of characters that mojibake is made of, as the unit of one edit.
const SUSPECT =
  /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u221a\u00c4\u201a]{2,}/g

export const mojibake: TextRule = {
  id: 'mojibake',
  reason: 'UTF-8 text decoded with the wrong encoding',
  example: '`donâ€™t` → `don’t`',
  propose: (input) =>
    !LEAD.test(input.text)
      ? []
      : [
          ...editsForMatches(input.text, SUSPECT, mojibake, (match) => fixMojibake(match[0])),
          ...editsForMatches(
            input.text,
            CLIPPED_QUOTE,
            {id: mojibake.id, reason: 'closing quote `”` garbled, its last byte lost'},
            () => '\u201d'
          )
        ]
}
