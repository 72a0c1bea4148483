import {STOP_WORDS} from '../../../lexicon/stop-words.js'
import {type BlockRule} from '../block-rule.js'

const MENU_SEPARATOR = /\s+(?:\||•|·|»|›|\/|::)\s+/
// Every MENU_SEPARATOR holds one of these: most lines need no split.
const MENU_SEPARATOR_CHAR = /[|•·»›/:]/

/** Words that name the sections of a site's menu. */
const MENU_WORDS = new Set(
  'home homepage about contact shop store cart news blog subscribe login register search sport sports weather opinion business politics world tech technology science culture arts entertainment lifestyle travel health food recipes video videos photos podcasts events careers jobs advertise privacy terms faq help donate archive archives resources newsletter newsletters rss'.split(
    ' '
  )
)

/**
 * A menu without separators, as a text dump joins its links: `Home World Business
 * Tech Sport Culture`. Four or more capitalized words, no function word but a
 * menu's `About`, no sentence punctuation; starting at `Home` with three menu
 * words, or with four that are three in four of its words. A headline has
 * function words, or names that are not menu sections.
 */
function isSpacedMenu(text: string): boolean {
  if (/[.!?:;,"”’)]$/.test(text)) return false
  const words = text.split(/\s+/).filter((word) => word !== '&' && word !== '-' && word !== '–')
  if (words.length < 4 || words.length > 15) return false
  let menu = 0
  for (const word of words) {
    if (!/^\p{Lu}[\p{L}'-]*$/u.test(word)) return false
    const lower = word.toLowerCase()
    if (MENU_WORDS.has(lower)) menu++
    else if (STOP_WORDS.has(lower)) return false
  }
  const fromHome = /^home(?:page)?$/i.test(words[0]!)
  return menu >= 3 && (fromHome || (menu >= 4 && menu >= 0.75 * words.length))
}

/** `Home | News | Sport | Weather`: three or more short items with separators, or a run of menu words. */
export const menuLine: BlockRule = {
  id: 'menu-line',
  reason: 'navigation menu',
  example: '`Home | News | Sport | Weather`, `Home About Blog Contact Shop`',
  match(block) {
    const items = MENU_SEPARATOR_CHAR.test(block.text) ? block.text.split(MENU_SEPARATOR) : [block.text]
    // Each of a spaced menu's four or more items holds a word.
    if (items.length < 3) return block.words >= 4 && isSpacedMenu(block.text)
    return items.every((item) => item.trim().split(/\s+/).length <= 4 && !/[.!?]$/.test(item.trim()))
  }
}
