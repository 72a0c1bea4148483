/** Site furniture: breadcrumbs, menus, mastheads, notices, form widgets and share bars. */
import {STOP_WORDS} from '../../../lexicon/stop-words.js'
import {inHead, wholeLine, type BlockRule} from '../block-rule.js'

/** `Home News Some title...`, `Home > World > Asia`: a path of links ending at the page. */
export const breadcrumb: BlockRule = {
  id: 'breadcrumb',
  reason: 'breadcrumb navigation',
  example: '`Home News Council backs tram depot plan after...`',
  match(block) {
    if (block.words > 30) return false
    const text = block.text
    if (/^You are here\s*:/i.test(text)) return true
    if (!/^(?:Home|Homepage|Start|Front page)\b/i.test(text)) return false
    return /\s[›»>/|»→]\s|\s[›»>→]\S|(?:\.\.\.|…)$/.test(text)
  }
}

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

const OUTLET = String.raw`(?:Times|Post|News|Herald|Daily|Journal|Tribune|Gazette|Chronicle|Review|Today|Online|Media|Press|Observer|Telegraph|Express|Mirror|Independent|Insider|Wire|Weekly|Monthly|Magazine|Ledger|Courier|Sentinel|Standard|Register|Examiner|Dispatch|Bulletin|Globe|Network|Digest)`

const MASTHEAD = new RegExp(String.raw`^(?:The\s+)?(?:[\p{Lu}][\p{L}'&.-]*\s+){0,3}${OUTLET}$`, 'u')

/** `The Daily Ledger` at the top of the page, before the article starts. */
export const masthead: BlockRule = {
  id: 'masthead',
  reason: 'site name banner',
  example: '`The Daily Ledger`',
  needsContext: true,
  match(block, context) {
    if (!inHead(block, context) || block.words > 5) return false
    return MASTHEAD.test(block.text)
  }
}

const NOTICES = [
  String.raw`Now you can (?:see|read|watch|listen)\b.*`,
  String.raw`Skip to (?:main )?content`,
  String.raw`Jump to (?:navigation|content|main content)`,
  String.raw`Advertisement`,
  String.raw`Sponsored(?: content)?`,
  String.raw`Story continues below(?: advertisement)?`,
  String.raw`Scroll (?:down )?to continue(?: reading)?`,
  String.raw`(?:We|This (?:site|website)) uses? cookies\b.*`,
  String.raw`By (?:using|continuing to use) this (?:site|website)\b.*`,
  String.raw`Accept(?: all)? cookies`,
  String.raw`Toggle (?:navigation|menu)`,
  String.raw`(?:Open|Close) (?:menu|navigation)`,
  String.raw`Menu`,
  String.raw`(?:Please (?:turn on|enable) JavaScript\.? )?(?:Media|This (?:site|page|video|content|feature)) requires? (?:JavaScript|(?:Adobe )?Flash)\b.*`,
  String.raw`This (?:story|article|page) contains (?:a piece of )?media that requires\b.*`,
  String.raw`If these are available but disabled, please enable them\b.*`,
  String.raw`Please enable JavaScript to view\b.*`
]
const NOTICE = wholeLine(NOTICES)

/** `Now you can read this in Spanish...`, `Skip to content`, cookie banners. */
export const siteNotice: BlockRule = {
  id: 'site-notice',
  reason: 'site notice or banner',
  example: '`Now you can read this in Spanish...`',
  match: (block) => block.words <= 40 && NOTICE.test(block.text)
}

/** `[Search]`, `Password: [    ]`, `[image]`: form controls and placeholders as w3m prints them. */
export const formWidget: BlockRule = {
  id: 'form-widget',
  reason: 'form control or image placeholder',
  example: '`[Search]`',
  match(block) {
    const text = block.text
    if (/^(?:\[[^\]\n]{0,40}\]\s*)+$/.test(text) && block.words <= 6) return true
    if (/\[\s{2,}\]|\[_+\]/.test(text) && block.words <= 8) return true
    return /^(?:Search|Password|User ?name|E-?mail(?: address)?|Name|Login)\s*:?\s*\[/i.test(text)
  }
}

const SHARE_WORDS = new Set(
  'share shares sharing tweet email e-mail print facebook twitter x linkedin pinterest reddit whatsapp telegram copy link links comment comments save flipboard messenger pocket tumblr mail sms on this article story the via to with friends url'.split(
    ' '
  )
)
const NETWORK = /\b(?:share|tweet|facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|flipboard|email)\b/i

/** `Share on Facebook Twitter Email Print`: a row of share buttons. */
export const shareBar: BlockRule = {
  id: 'share-bar',
  reason: 'share buttons',
  example: '`Share this: Facebook Twitter Email`',
  match(block) {
    if (block.words > 12 || !NETWORK.test(block.text)) return false
    const tokens = block.text.toLowerCase().match(/[\p{L}-]+/gu) ?? []
    return tokens.length > 0 && tokens.every((token) => SHARE_WORDS.has(token))
  }
}
