/**
 * A cheap scan for lines that may hold encoding damage, so that clean text
 * never reaches the repair library. UTF-8 read with a single-byte codec always
 * leaves a lead character (from bytes 0xC2-0xF4) followed by a continuation
 * character (from bytes 0x80-0xBF); the other damage the library repairs leaves
 * C1 control characters, lone surrogates, or a lead before a space (a lost
 * no-break space). Letters alone — French, Russian, Chinese text — do not pass.
 */
import {windows1252Char} from '../../../lexicon/windows-1252.js'

// Code page 437's characters for bytes 0x80-0xFF (no TextDecoder has it).
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

// The single-byte codecs the repair library tries (its CHARMAP_ENCODINGS), MacRoman and CP437 apart.
const DECODERS = ['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'iso-8859-2'].map(
  (name) => new TextDecoder(name)
)
const MAC_ROMAN = new TextDecoder('macintosh')

/** The characters the codecs show for bytes from-to; `leads` limits MacRoman and CP437 to the lead bytes their damage really starts with. */
function charsOf(from: number, to: number, leads?: {macRoman: number[]; cp437: number[]}): Set<string> {
  const chars = new Set<string>()
  for (let byte = from; byte <= to; byte++) {
    chars.add(String.fromCharCode(byte)) // Latin-1
    chars.add(windows1252Char(byte))
    for (const decoder of DECODERS) chars.add(decoder.decode(Uint8Array.of(byte)))
    if (!leads || leads.macRoman.includes(byte)) chars.add(MAC_ROMAN.decode(Uint8Array.of(byte)))
    if (!leads || leads.cp437.includes(byte)) chars.add(CP437_HIGH[byte - 0x80]!)
  }
  return chars
}

// MacRoman's other lead characters are quotes, dashes and the no-break space,
// and CP437's are box-drawing lines: ordinary text pairs them every day.
const RARE_LEADS = {macRoman: [0xc2, 0xc3, 0xc5, 0xe2], cp437: [0xc2, 0xc3, 0xc5, 0xe2, 0xf0]}

// Bit flags per UTF-16 code unit: a lead character, a continuation character.
const LEAD = 1
const CONTINUATION = 2
const FLAGS = new Uint8Array(0x10000)
for (const char of charsOf(0xc2, 0xf4, RARE_LEADS)) FLAGS[char.charCodeAt(0)]! |= LEAD
for (const char of charsOf(0x80, 0xbf)) FLAGS[char.charCodeAt(0)]! |= CONTINUATION
// The Latin-1 leads that the library reads before a space as a lost no-break space.
const LEADS_BEFORE_SPACE = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9])

const NON_ASCII = /[^\u0000-\u007f]/g

/**
 * The offset of the first sign of encoding damage in text[from, to), or -1: a
 * lead before a continuation character, a C1 control, a surrogate, or a
 * Latin-1 lead before a space. A regex skips ASCII; runs of other characters
 * are walked with the flags table.
 */
export function firstSuspect(text: string, from = 0, to = text.length): number {
  NON_ASCII.lastIndex = from
  for (let match = NON_ASCII.exec(text); match && match.index < to; match = NON_ASCII.exec(text)) {
    let at = match.index
    for (let code = text.charCodeAt(at); at < to && code >= 0x80; code = text.charCodeAt(++at)) {
      const next = at + 1 < to ? text.charCodeAt(at + 1) : 0
      if (code >= 0xd800 && code <= 0xdfff) {
        // A pair is a character (an emoji); a lone surrogate is damage.
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          at++
          continue
        }
        return at
      }
      if (code <= 0x9f) return at
      if (FLAGS[code]! & LEAD && (FLAGS[next]! & CONTINUATION || (next === 0x20 && LEADS_BEFORE_SPACE.has(code)))) return at
    }
    NON_ASCII.lastIndex = at
  }
  return -1
}

/** Whether a text may hold damage that the encoding repair can fix. */
export function mayHoldEncodingDamage(text: string): boolean {
  return firstSuspect(text) !== -1
}
