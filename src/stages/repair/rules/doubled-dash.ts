/** Dashes repeated by scraping or machine translation: `— —`. */
import {editsForMatches, type TextRule} from '../../rule.js'

/** `a hard sell— — some say` → `a hard sell — some say`. */
export const doubledDash: TextRule = {
  id: 'doubled-dash',
  reason: 'dash repeated',
  example: '`sell— — some say` → `sell — some say`',
  // The pattern may start at any space; a text without a dash has no match.
  propose: (input) =>
    !hasDash(input.text)
      ? []
      : editsForMatches(input.text, /([ \t]*)([—–])(?:[ \t]*\2)+([ \t]*)/g, doubledDash, (match) => {
          if (!/[ \t]*\S*[ \t]+/.test(match[0].slice(match[1]!.length)) && match[0].split(match[2]!).length < 3) return undefined
          return match[1] || match[3] ? ` ${match[2]} ` : match[2]
        })
}

function hasDash(text: string): boolean {
  return text.includes('—') || text.includes('–')
}
