/** Decode HTML character references left in text (`&amp;`, `&#8217;`, `&rsquo;`), double-escaped ones in one step. */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {windows1252Char} from '../../../lexicon/windows-1252.js'
import {editsForMatches, type TextRule} from '../../rule.js'

// `&amp;` layers in front of a reference are escaping of the `&` itself.
const REFERENCE = /&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g

export function decodeReference(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10)
    // Browsers read numeric references 128-159 as Windows-1252.
    if (code >= 0x80 && code <= 0x9f) return windows1252Char(code)
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
    return String.fromCodePoint(code)
  }
  const decoded = decodeNamedCharacterReference(body)
  return decoded === false ? undefined : decoded
}

export const htmlEntity: TextRule = {
  id: 'html-entity',
  reason: 'HTML character reference left in text',
  example: '`Q&amp;A` → `Q&A`',
  propose: (input) =>
    !input.text.includes('&') ? [] : editsForMatches(input.text, REFERENCE, htmlEntity, (match) => decodeReference(match[1]!))
}
