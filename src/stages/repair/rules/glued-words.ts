/**
 * Split two words a scraper glued together where a link, line or paragraph
 * boundary was lost (`LondonThe mayor`, `budgetOfficials`). Camel case is
 * also how brands, names and code are written (iPhone, YouTube, McDonald,
 * KitchenAid, newPos), so a token is split only when both halves are words, it
 * is not on the allow-list, it occurs once in the document (a real name tends
 * to repeat; a copy that a later dedup removes does not count), and the right half reads as the start of what follows: a function
 * word (`RussiaSo as not to`), or a word the sentence goes on after, of four
 * letters or more or a short starter like `New` or `Two` (`RussiaChinese
 * leader`; not `Red Hat OpenShift` at the end of a line, `at SmartSites, a
 * firm`, or `our KitchenAid`), or a label with its colon (`FurrerUpdated:`).
 * Lines that read as code are left alone.
 */
import {lineAround, looksLikeCode} from '../../../blocks/code.js'
import type {Block} from '../../../blocks/block.js'
import type {ProposedEdit} from '../../../engine/types.js'
import {CAMEL_CASE_WORDS, NAME_PREFIXES} from '../../../lexicon/camel-case.js'
import {isEnglishWord} from '../../../lexicon/dictionary.js'
import {STOP_WORDS} from '../../../lexicon/stop-words.js'
import type {TextRule} from '../../rule.js'
import {laterCopies, type LocalCopies} from '../../dedup/local.js'

export interface GluedWordsOptions {
  /** Extra camel-case words to leave alone (case-insensitive). */
  allow: string[]
  /** A later in-document dedup: a copy it removes does not count as a second occurrence. */
  localDedup?: LocalCopies
}

const GLUED = /(?<![\p{L}\p{N}'’@#/._-])([\p{Lu}]?[\p{Ll}]{2,})([\p{Lu}][\p{Ll}]+)(?![\p{L}\p{N}@/_-]|\.[\p{L}])/uy
// A lower-case letter followed by a capital: the cheap scan that finds candidates.
const CASE_CHANGE = /[a-z\u00df-\u00ff][A-Z\u00c0-\u00de]/g
const TOKEN_CHAR = /[\p{L}\p{N}'’@#/._-]/u
// After a lost boundary the glued-on sentence goes on: a space (or a spaced dash), then a word.
const SENTENCE_GOES_ON = /[ \t]+(?:[—–][ \t]+)?["“‘']?[\p{L}\p{N}]/uy
// Short words that start sentences but are not function words: `MondayTwo people`, `BeijingTop officials`.
const SHORT_STARTERS = new Set(['new', 'top', 'old', 'big', 'key', 'two', 'six', 'ten'])
// Labels that follow a byline or caption with a colon: `By Amanda FurrerUpdated: Dec 19`.
const LABELS = new Set(['updated', 'published', 'posted', 'modified', 'photo', 'photos', 'video', 'source', 'credit', 'tags'])

export const gluedWords: TextRule<GluedWordsOptions> = {
  id: 'glued-words',
  reason: 'two words glued together',
  example: '`LondonThe mayor` → `London The mayor`',
  propose(input, options) {
    const text = input.text
    const allow = new Set(options.allow.map((word) => word.toLowerCase()))
    const counts = new Map<string, number>()
    const matches: RegExpExecArray[] = []
    let lastStart = -1
    // Characters before `walked` were already walked back over: each is read once, so a
    // token of many case changes (`aBaBaB…`) costs its length, not its length squared.
    let walked = 0
    CASE_CHANGE.lastIndex = 0
    for (let change = CASE_CHANGE.exec(text); change; change = CASE_CHANGE.exec(text)) {
      let start = change.index
      while (start > walked && TOKEN_CHAR.test(text[start - 1]!)) start--
      // Walked back to the last change: the same token as that change's.
      if (start === walked && lastStart >= 0) start = lastStart
      walked = change.index
      if (start === lastStart) continue
      lastStart = start
      GLUED.lastIndex = start
      const match = GLUED.exec(text)
      if (!match) continue
      matches.push(match)
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1)
    }
    // A name tends to repeat; a copy that dedup removes next is no repeat (a second clean would not see it).
    if (options.localDedup && [...counts.values()].some((count) => count > 1))
      countOutsideCopies(input.blocks(), matches, counts, options.localDedup)
    const edits: ProposedEdit[] = []
    for (const match of matches) {
      const [token, left, right] = match as unknown as [string, string, string]
      const lower = token.toLowerCase()
      if (CAMEL_CASE_WORDS.has(lower) || allow.has(lower) || counts.get(token)! > 1) continue
      if (NAME_PREFIXES.has(left.toLowerCase()) || isEnglishWord(lower)) continue
      if (!isEnglishWord(right)) continue
      // A lower-case left half must be a word; a capitalised one may be a name (Okafor).
      if (/^\p{Ll}/u.test(left) && !isEnglishWord(left)) continue
      if (!startsWhatFollows(text, match.index + token.length, right)) continue
      if (looksLikeCode(lineAround(text, match.index))) continue
      const at = match.index + left.length
      edits.push({start: at, end: at, replacement: ' ', rule: gluedWords.id, reason: `\`${left}\` and \`${right}\` glued together`})
    }
    return edits
  }
}

/** Whether `right`, ending at `end`, reads as the first word of a sentence glued on. */
function startsWhatFollows(text: string, end: number, right: string): boolean {
  const lower = right.toLowerCase()
  if (STOP_WORDS.has(lower)) return true
  if (LABELS.has(lower) && text[end] === ':') return true
  if (right.length < 4 && !SHORT_STARTERS.has(lower)) return false
  SENTENCE_GOES_ON.lastIndex = end
  return SENTENCE_GOES_ON.test(text)
}

/** Takes out of `counts` the matches inside blocks that a later dedup removes as copies. */
function countOutsideCopies(
  blocks: readonly Block[],
  matches: readonly RegExpExecArray[],
  counts: Map<string, number>,
  local: LocalCopies
): void {
  const copies = laterCopies(blocks, local)
  if (copies.size === 0) return
  const removed = blocks.filter((_, at) => copies.has(at))
  for (const match of matches) {
    if (removed.some((block) => match.index >= block.start && match.index < block.end)) counts.set(match[0], counts.get(match[0])! - 1)
  }
}
