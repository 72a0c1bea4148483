import {wholeLine, type BlockRule} from '../block-rule.js'

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
