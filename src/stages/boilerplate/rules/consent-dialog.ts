import type {Block} from '../../../blocks/block.js'
import {endsSentence, type BlockRule} from '../block-rule.js'

/**
 * What a cookie or consent dialog talks about, one pattern per topic. A
 * consent dialog names several of them in every paragraph, in the site's voice
 * ("we and our partners") addressing the reader ("your device"); an article
 * about privacy names them too, but not as the site speaking to its reader.
 * ASCII patterns without the `u` flag: V8 runs case-insensitive Unicode
 * patterns with `\b` several times slower, and every block of every page is asked.
 */
const TOPICS: Readonly<Record<string, RegExp>> = {
  // `cookie-cutter` is an idiom, not a cookie.
  cookie: /\bcookies?\b(?![- ]cutter)/i,
  consent:
    /\bconsent\w*|\bopt[- ]?(?:out|in)\b|\blegitimate interests?\b|\bprivacy (?:policy|settings|preferences|notice|statement)\b|\b(?:manage|change|update) (?:your )?(?:cookie )?(?:preferences|settings|choices)\b|\baccept(?: all)?\b|\breject all\b/i,
  privacy: /\bprivacy\b/i,
  partners: /\b(?:partners?|vendors?|third[- ]part(?:y|ies))\b/i,
  advertising: /\badverti\w*|\bads?\b|\bmarketing\b/i,
  profile: /\bpersonali[sz]\w*|\bprofiles?\b/i,
  device: /\bdevices?\b|\bbrowsers?\b|\bidentifiers?\b|\bIP address|\b(?:geo)?location\b/i,
  data: /\bdata\b|\b(?:your|personal) information\b/i,
  measurement: /\banalytics\b|\bmeasure\w*|\btraffic\b|\bstatistic\w*/i,
  site: /\b(?:our|this) (?:site|website|service|app)\b|\bthe (?:site|website)\b/i,
  tracking: /\btrack(?:ing|s|ed)?\b/i
}
const TOPIC_LIST = Object.entries(TOPICS)
/** What every opening paragraph holds (cookies, or partners beside consent), as plain words: most blocks are passed over on it. */
const MAY_OPEN = /cookie|partner|vendor|third.part/i
const READER = /\b(?:you|your)\b/i
const SITE_VOICE = /\b(?:we|our|us)\b/i

/** Fewer words than this: a dialog's button or heading (`[ ] Use precise geolocation data`). */
const SHORT_LINE = 12
/** Topics a long block names to continue a dialog without a voice. */
const LIST_TOPICS = 3

function topicsOf(text: string): Set<string> {
  const found = new Set<string>()
  for (const [name, pattern] of TOPIC_LIST) if (pattern.test(text)) found.add(name)
  return found
}

/**
 * What cookies are set for, as a dialog lists it; a privacy policy page says
 * what the site collects and whom it tells, which is no dialog (`With respect to
 * cookies: we do not set any.`).
 */
const PURPOSES = ['partners', 'advertising', 'profile', 'device', 'measurement', 'tracking']
/** Purposes an opening paragraph names. */
const OPENING_PURPOSES = 2

/**
 * A paragraph that opens a consent dialog: the site telling the reader what it
 * and its partners use cookies for. Consent without cookies opens one only
 * beside the partners it is asked for: an essay on data protection speaks of
 * consent, profiles and data in the first person too.
 */
function opensDialog(block: Block, topics: ReadonlySet<string>): boolean {
  if (!topics.has('cookie') && !(topics.has('consent') && topics.has('partners'))) return false
  if (PURPOSES.filter((purpose) => topics.has(purpose)).length < OPENING_PURPOSES) return false
  return READER.test(block.text) && SITE_VOICE.test(block.text)
}

/**
 * A block that may belong to a dialog: its purposes, headings and buttons.
 * Before the paragraph that opens the dialog a long block needs two topics and
 * a voice, or three (a list of purposes speaks to nobody in particular: `Store
 * and/or access information on a device.`); once it is open, two topics, or one
 * addressing the reader (`Information regarding which advertising is presented
 * to you…`).
 */
function continuesDialog(block: Block, topics: ReadonlySet<string>, open: boolean): boolean {
  if (block.words < SHORT_LINE || topics.size >= LIST_TOPICS) return topics.size >= 1
  if (open) return topics.size >= 2 || (topics.size === 1 && READER.test(block.text))
  return topics.size >= 2 && (READER.test(block.text) || SITE_VOICE.test(block.text))
}

/**
 * Blocks of a dialog without a topic of their own: toggles and labels (`Always
 * Active`, `View Illustrations`) and, once it is open, a purpose's title
 * (`Ensure security, prevent and detect fraud 403 partners can use this
 * purpose`): this many in a row at most, and only before a block that continues it.
 */
const MAX_BRIDGE = 2
const LABEL_WORDS = 5
const TITLE_WORDS = 20

function bridges(block: Block, open: boolean): boolean {
  return block.words <= LABEL_WORDS || (open && block.words <= TITLE_WORDS && !endsSentence(block.text))
}

/**
 * The last block of the dialog going from block `from` (in it) one way, `step`
 * +1 or -1: over blocks in it, and over up to MAX_BRIDGE bridging blocks in a
 * row when one in it follows them. Before the opening paragraph the dialog is
 * not open.
 */
function reach(blocks: readonly Block[], from: number, step: 1 | -1, inDialog: (k: number, open: boolean) => boolean): number {
  const open = step === 1
  let last = from
  let gap = 0
  for (let k = from + step; k >= 0 && k < blocks.length; k += step) {
    if (inDialog(k, open)) {
      last = k
      gap = 0
    } else if (++gap > MAX_BRIDGE || !bridges(blocks[k]!, open)) break
  }
  return last
}

/**
 * The blocks of the consent dialogs of a document: around each paragraph that
 * opens one, the adjacent blocks that continue it. Worked out once per
 * document, as the rule is asked block by block; each block's topics once.
 */
const dialogsOf = new WeakMap<readonly Block[], ReadonlySet<number>>()

function dialogBlocks(blocks: readonly Block[]): ReadonlySet<number> {
  const known = dialogsOf.get(blocks)
  if (known) return known
  const found = new Set<number>()
  dialogsOf.set(blocks, found)
  const topics: Array<ReadonlySet<string> | undefined> = []
  const topicsAt = (k: number): ReadonlySet<string> => (topics[k] ??= topicsOf(blocks[k]!.text))
  const inDialog = (k: number, open: boolean): boolean =>
    opensDialog(blocks[k]!, topicsAt(k)) || continuesDialog(blocks[k]!, topicsAt(k), open)
  for (let i = 0; i < blocks.length; i++) {
    if (found.has(i) || !MAY_OPEN.test(blocks[i]!.text) || !opensDialog(blocks[i]!, topicsAt(i))) continue
    const first = reach(blocks, i, -1, inDialog)
    const last = reach(blocks, i, 1, inDialog)
    for (let k = first; k <= last; k++) found.add(k)
    i = last
  }
  return found
}

/**
 * A cookie or consent dialog that the scraper kept as text: `We and our
 * partners store and/or access information on your device…` with its list of
 * purposes. Its paragraphs are long and read as prose, so the classifier may
 * keep them, and two unrelated pages of sites using one consent platform share
 * them word for word.
 */
export const consentDialog: BlockRule = {
  id: 'consent-dialog',
  reason: 'cookie or consent dialog',
  example: '`We and our partners use cookies to personalise ads and measure traffic on your device.`',
  match: (block, context) => dialogBlocks(context.blocks).has(block.index)
}
