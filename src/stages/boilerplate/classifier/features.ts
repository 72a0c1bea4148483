/**
 * Text-only features for the boilerplate block classifier.
 *
 * Every block is one non-blank line of a page dump. Features come in three
 * kinds: the line's own shape (length, stop-word share, punctuation, symbols),
 * furniture cues (menus, `[widgets]`, share bars, comment-thread markers), and
 * document context (where the densest run of prose sits, repeated lines,
 * position). All feature values are plain numbers so the model stays a
 * readable weighted sum.
 */
import {isLetterOrNumberUnit, lowerUnit} from '../../../blocks/chars.js'
import {FNV_OFFSET, fnvStep, hashString, sequenceKey} from '../../../blocks/words.js'
import {endsWith} from '../../../blocks/line-end.js'
import {RECENT_LINES, RecentMemo} from '../../../blocks/recent.js'
import {STOP_WORDS} from '../../../lexicon/stop-words.js'
import type {ClassifierBlock} from './types.js'

const LETTER = /\p{L}/u
const WORD_CHAR = /^[\p{L}\p{N}]$/u

const BULLET_START = /^[•◦□▪■●○·‣⁃∙*–—-]\s/u
const NUMBERED_START = /^\(?\d{1,3}[.)]\s/
const endsSentence = endsWith('.!?…', '"”’\')]»')
const SEPARATOR = /\s(?:\||•|·|»|›|::|\/|–|—|-)\s/gu
const WIDGET = /\[[^\]]{0,60}\]/g
const URL_LIKE = /(?:https?:\/\/|www\.|\b[\w-]+\.(?:com|org|net|co\.uk|gov|edu|io)\b)/i
// What every URL_LIKE match holds, found without trying `[\w-]+` at each word start.
const URL_PART = /:\/\/|www\.|\.(?:com|org|net|co\.uk|gov|edu|io)\b/i
// Every SEPARATOR holds one of these: a line without any has none.
const SEPARATOR_CHAR = /[|•·»›:/–—-]/
const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b/i
const DATE_LIKE =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i
const TIME_AGO = /\b\d+\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago\b|\b\d{1,2}:\d{2}\s*(?:am|pm)\b/i
const BYLINE = /^(?:by|posted by|written by|author:|words by|story by|reported by)\s/i
const NAV_WORDS =
  /^(?:home|about(?: us)?|contact(?: us)?|log ?in|log ?out|sign ?in|sign ?up|register|search|menu|skip to .*|main menu|navigation|next|previous|prev|back to top|more|view all|see all|sitemap|site map|help|faq|careers|jobs|advertise|subscribe|newsletter|shop|store|cart|account|my account|settings|rss|feeds?|archives?|categories|tags|blog|news|sport|sports|weather|video|videos|photos|opinion|business|tech|technology|entertainment|lifestyle|travel|health|world|politics|science|local|u\.s\.|us|uk|events?|resources|privacy(?: policy)?|terms(?: of (?:use|service))?|cookie policy|accessibility|about the author|share|tweet|print|email|comments?)$/i
const SHARE_WORDS =
  /\b(?:share|tweet|facebook|twitter|pinterest|linkedin|whatsapp|reddit|tumblr|stumbleupon|digg|google\+|e-?mail this|print this|permalink|copy link)\b/i
const COMMENT_WORDS =
  /\b(?:repl(?:y|ies)|comments?|said\.{0,3}:?$|says:?$|wrote:?$|report abuse|flag as|like this|likes?\b.*\bdislikes?|upvote|downvote|thumbs up|permalink)\b/i
const NAG_WORDS =
  /\b(?:subscribe|newsletter|sign up|cookies?|privacy|terms of (?:use|service)|unsubscribe|inbox|notifications|download (?:our|the) app|follow us|like us|join (?:us|our)|get (?:our|the latest)|free trial|log in|logged in|sign in|create an account|password|username)\b/i
const RELATED_WORDS =
  /\b(?:related|popular|trending|recommended|most read|most viewed|most shared|more from|more stories|you (?:may|might) (?:also )?like|read more|see also|further reading|read next|up next|more in|latest (?:news|stories|posts)|recent posts|top stories|editor'?s picks|sponsored|advertisement|promoted|around the web|from the web|continue reading|click here|learn more)\b/i
const TAG_WORDS = /^(?:tags?|tagged|filed under|categor(?:y|ies)|topics?|posted in|labels?|keywords?)\s*:?/i
const COMMENT_CUE =
  /^(?:re:.{0,80}|.{0,60}\(score:\s*-?\d.*|.{1,60}\s(?:says|said|wrote|writes)(?: on .{0,40})?:?|.{0,40}\breply(?: to this)?(?: parent)?(?: share)?|(?:report|flag)(?: abuse| comment| as inappropriate| this comment)?|.{0,30}\b\d+ (?:points?|likes?|votes?)\b.{0,30}|in reply to .{0,60}|log in to reply|like reply.*|quote|permalink|parent|(?:\d+ )?(?:like|likes|upvote|downvote)s?)$/i
const COMMENT_MARKER =
  /^(?:.{0,40}following comments .*|\d+\s+(?:comments?|responses?|replies|thoughts|reactions)\b.*|comments?(?:\s*\(\d+\))?:?|(?:leave|post|add|write) (?:a |your )?(?:reply|comment|response)\b.*|reader comments|join the (?:discussion|conversation)\b.*|discussion|what do you think\??|your (?:comment|reply)|responses?(?:\s*\(\d+\))?:?|(?:show|view|load|read) (?:all )?(?:\d+ )?comments\b.*|comments? (?:are )?closed\.?|one (?:comment|response|reply|thought)s?\b.*)$/i

/** The share of stop words at which a long line reads as running text, not a list of names or links. */
export const PROSE_STOP_SHARE = 0.3

/** Per-line measurements from the text alone (before any context). */
export interface LineStats {
  tokens: number
  words: number
  chars: number
  stop: number
  stopRatio: number
  titleRatio: number
  capsRatio: number
  digitRatio: number
  symbolRatio: number
  avgWordLen: number
  commaRate: number
  terminal: boolean
  colonEnd: boolean
  bullet: boolean
  numbered: boolean
  separators: number
  widgets: number
  widgetOnly: boolean
  url: boolean
  copyright: boolean
  date: boolean
  timeAgo: boolean
  byline: boolean
  navWord: boolean
  share: boolean
  comment: boolean
  nag: boolean
  related: boolean
  tag: boolean
  commentMarker: boolean
  commentCue: boolean
  quoteStart: boolean
  prose: boolean
  /** The line's lower-cased words hashed: equal lines, equal keys; 0 without words. */
  key: number
}

// Line statistics depend on the text alone; the boilerplate stage classifies a
// document several times as it removes blocks, so recent lines are remembered.
const recentStats = new RecentMemo<LineStats>(RECENT_LINES)

export function lineStats(text: string): LineStats {
  const cached = recentStats.get(text)
  if (cached) return cached
  const stats = computeLineStats(text)
  recentStats.set(text, stats)
  return stats
}

/**
 * Word tokens (runs of letters, digits and underscores): counted, checked
 * against the stop words, and hashed lower-cased into the line's key (equal
 * word sequences, equal keys; 0 for a line without words). One scan that
 * builds no strings, since this runs over every line of a batch.
 */
function scanTokens(text: string): {tokens: number; stop: number; key: number} {
  let stop = 0
  let count = 0
  let start = -1
  let hash = FNV_OFFSET
  const n = text.length
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32
    let width = 0
    if (c < 128) width = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0
    else if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff && WORD_CHAR.test(text.slice(i, i + 2))) width = 2
    } else if (isLetterOrNumberUnit(c)) width = 1
    if (width > 0) {
      if (start === -1) {
        start = i
        hash = FNV_OFFSET
      }
      const lower = width === 1 ? lowerUnit(c) : -1
      if (lower >= 0) hash = fnvStep(hash, lower)
      else {
        const mapped = text.slice(i, i + width).toLowerCase()
        for (let k = 0; k < mapped.length; k++) hash = fnvStep(hash, mapped.charCodeAt(k))
      }
      i += width - 1
    } else if (start !== -1) {
      const token = hash >>> 0
      if (count === lineTokens.length) {
        const grown = new Uint32Array(count * 2)
        grown.set(lineTokens)
        lineTokens = grown
      }
      lineTokens[count++] = token
      if (isStopWord(token, text, start, i)) stop++
      start = -1
    }
  }
  return {tokens: count, stop, key: count === 0 ? 0 : sequenceKey(lineTokens, count) + 1}
}

// The token hashes of the line being scanned, reused from line to line (an array
// emptied by `length = 0` gives up its storage and grows again for every line).
let lineTokens = new Uint32Array(64)

/** Stop words by the hash of their text; a hit is confirmed letter by letter. */
const STOP_WORD_HASHES = new Map([...STOP_WORDS].map((word) => [hashString(word), word]))

function isStopWord(hash: number, text: string, start: number, end: number): boolean {
  const word = STOP_WORD_HASHES.get(hash)
  if (word === undefined || word.length !== end - start) return false
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(start + k)
    if (lowerUnit(c) !== word.charCodeAt(k)) return false
  }
  return true
}

function computeLineStats(text: string): LineStats {
  const {tokens: nTok, stop, key} = scanTokens(text)
  // Space-separated words, scanned in place rather than split out.
  let wordCount = 0
  let title = 0
  let caps = 0
  let alphaWords = 0
  let wordLetters = 0
  for (let ws = 0; ws < text.length;) {
    let we = text.indexOf(' ', ws)
    if (we === -1) we = text.length
    if (we === ws) {
      ws++
      continue
    }
    wordCount++
    // First letter of the word (ASCII fast path, Unicode fallback).
    let first = -1
    for (let j = ws; j < we; j++) {
      const c = text.charCodeAt(j)
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && LETTER.test(text[j]!))) {
        first = j
        break
      }
    }
    if (first !== -1) {
      alphaWords++
      wordLetters += we - ws
      const code = text.charCodeAt(first)
      // An ASCII lower-case first letter rules out both (no case conversions needed).
      if (code < 97 || code > 122) {
        if (code <= 90 || text[first] !== text[first]!.toLowerCase()) title++
        const word = text.slice(ws, we)
        if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) caps++
      }
    }
    ws = we + 1
  }
  let digits = 0
  let symbols = 0
  let spaces = 0
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === 32) spaces++
    else if (c >= 48 && c <= 57) digits++
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 39 || c === 44 || c === 46 || c === 0x2019) continue
    else if (c < 128 || !WORD_CHAR.test(text[j]!)) symbols++
  }
  const nonSpace = Math.max(1, text.length - spaces)
  const commas = (text.match(/,/g) ?? []).length
  const widgetMatches = text.match(WIDGET) ?? []
  const separators = SEPARATOR_CHAR.test(text) ? (text.match(SEPARATOR) ?? []).length : 0
  const short = nTok <= 12
  const stopRatio = nTok ? stop / nTok : 0
  const terminal = endsSentence(text)
  return {
    tokens: nTok,
    words: wordCount,
    chars: text.length,
    stop,
    stopRatio,
    titleRatio: alphaWords ? title / alphaWords : 0,
    capsRatio: alphaWords ? caps / alphaWords : 0,
    digitRatio: digits / nonSpace,
    symbolRatio: symbols / nonSpace,
    avgWordLen: alphaWords ? wordLetters / alphaWords : 0,
    commaRate: nTok ? commas / nTok : 0,
    terminal,
    colonEnd: /:$/.test(text),
    bullet: BULLET_START.test(text),
    numbered: NUMBERED_START.test(text),
    separators,
    widgets: widgetMatches.length,
    widgetOnly: widgetMatches.length > 0 && text.replace(WIDGET, '').replace(/[\s|•·]+/g, '').length === 0,
    url: URL_PART.test(text) && URL_LIKE.test(text),
    copyright: COPYRIGHT.test(text),
    date: nTok <= 25 && DATE_LIKE.test(text),
    timeAgo: nTok <= 25 && TIME_AGO.test(text),
    byline: nTok <= 15 && BYLINE.test(text),
    navWord:
      nTok <= 4 &&
      NAV_WORDS.test(
        text
          .replace(BULLET_START, '')
          .replace(/[:»›>]+$/, '')
          .trim()
      ),
    share: short && SHARE_WORDS.test(text),
    comment: short && COMMENT_WORDS.test(text),
    nag: nTok <= 30 && NAG_WORDS.test(text),
    related: nTok <= 20 && RELATED_WORDS.test(text),
    tag: nTok <= 40 && TAG_WORDS.test(text),
    commentMarker: nTok <= 30 && nTok > 0 && COMMENT_MARKER.test(text.replace(BULLET_START, '').trim()),
    commentCue: nTok <= 20 && nTok > 0 && COMMENT_CUE.test(text.replace(BULLET_START, '').trim()),
    quoteStart: /^["“‘'«]/.test(text),
    prose: nTok >= 10 && stopRatio >= 0.2 && (terminal || nTok >= 25) && !/^\s*[•◦□▪■]/u.test(text),
    key
  }
}

/** Names of the stage-1 features, in vector order. */
export const LINE_FEATURES = [
  'bias',
  'log_tokens',
  'tok_le_2',
  'tok_le_5',
  'tok_ge_12',
  'tok_ge_25',
  'stop_ratio',
  'stop_ratio_x_len',
  'no_stop_words',
  'title_ratio',
  'title_ratio_x_short',
  'caps_ratio',
  'digit_ratio',
  'symbol_ratio',
  'avg_word_len',
  'comma_rate',
  'terminal',
  'terminal_x_short',
  'colon_end',
  'bullet',
  'bullet_x_short',
  'numbered',
  'separators',
  'widgets',
  'widget_only',
  'url',
  'copyright',
  'date',
  'time_ago',
  'byline',
  'nav_word',
  'share',
  'comment',
  'nag',
  'related',
  'tag',
  'comment_marker',
  'quote_start',
  'blank_before',
  'repeated',
  'repeated_count',
  'rel_position',
  'tokens_before_frac',
  'tokens_after_frac',
  'first_line',
  'in_main',
  'before_main',
  'after_main',
  'lines_from_main',
  'tokens_from_main',
  'main_share',
  'after_comment_marker',
  'after_comment_marker_x_outside',
  'comment_cue',
  'comment_density',
  'cues_before',
  'prose',
  'prose_density_5',
  'bullet_run',
  'short_run'
] as const

export type LineFeatureName = (typeof LINE_FEATURES)[number]

export interface DocumentFeatures {
  stats: LineStats[]
  /** One vector per block, aligned with LINE_FEATURES. */
  vectors: Float64Array[]
  /** Densest run of prose, inclusive; [-1, -1] when the page has none. */
  main: [number, number]
}

/**
 * Find the densest run of prose: maximum-sum window where prose lines gain
 * their tokens and everything else costs a little. Short lines inside the run
 * are tolerated; long stretches of furniture end it.
 */
export function mainRegion(stats: readonly LineStats[], excluded?: ArrayLike<number>): [number, number] {
  let best = 0
  let bestStart = -1
  let bestEnd = -1
  let sum = 0
  let start = 0
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i]!
    const gain = s.commentMarker || s.commentCue || excluded?.[i] ? -40 : s.prose ? s.tokens : -(2 + 0.5 * Math.min(s.tokens, 30))
    if (sum <= 0) {
      sum = gain
      start = i
    } else sum += gain
    if (sum > best) {
      best = sum
      bestStart = start
      bestEnd = i
    }
  }
  return [bestStart, bestEnd]
}

/** What the line features need to know of the whole page, measured once per page. */
interface PageMeasures {
  n: number
  totalTokens: number
  /** Tokens before each line (prefix sums, n + 1 entries). */
  before: Float64Array
  /** Prose tokens before each line (prefix sums, n + 1 entries). */
  proseBefore: Float64Array
  /** How many lines share each line's text key. */
  keyCount: Map<number, number>
  /** 1 after a comment-thread marker that follows the article's first prose. */
  afterMarker: Uint8Array
  /** The densest run of prose, and its tokens. */
  main: [number, number]
  mainTokens: number
  /** The dump has (almost) no blank lines, so none says where a paragraph ends. */
  noBlankInfo: boolean
  /** The comment-marker section each line is in (cue windows do not look across one). */
  section: Uint16Array
  /** Comment cues seen since the first prose line, before each line. */
  cuesBefore: Uint16Array
  /** Length of the run of bullets, and of short lines, each line is in. */
  bulletRun: Uint16Array
  shortRun: Uint16Array
}

const isCue = (s: LineStats): boolean => s.commentCue || s.timeAgo

function measurePage(blocks: readonly ClassifierBlock[], stats: readonly LineStats[]): PageMeasures {
  const n = blocks.length
  const keyCount = new Map<number, number>()
  let totalTokens = 0
  for (const s of stats) {
    totalTokens += s.tokens
    if (s.key) keyCount.set(s.key, (keyCount.get(s.key) ?? 0) + 1)
  }
  const before = new Float64Array(n + 1)
  const proseBefore = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) {
    before[i + 1] = before[i]! + stats[i]!.tokens
    proseBefore[i + 1] = proseBefore[i]! + (stats[i]!.prose ? stats[i]!.tokens : 0)
  }
  const afterMarker = commentMarkerSeen(stats)
  const main = mainRegion(stats, afterMarker)
  // A dump with (almost) no blank lines says nothing about paragraph breaks:
  // treat every line as its own paragraph rather than as run-on furniture.
  let blankCount = 0
  for (const b of blocks) if (b.blankBefore) blankCount++
  const [ms, me] = main
  let mainTokens = 0
  if (ms >= 0) for (let i = ms; i <= me; i++) mainTokens += stats[i]!.tokens
  return {
    n,
    totalTokens,
    before,
    proseBefore,
    keyCount,
    afterMarker,
    main,
    mainTokens,
    noBlankInfo: n >= 5 && blankCount < 0.05 * n,
    section: commentSections(stats),
    cuesBefore: cuesSinceProse(stats),
    bulletRun: runLengths(stats, (s) => s.bullet),
    shortRun: runLengths(stats, (s) => s.tokens <= 6)
  }
}

/** 1 for each line after a comment-thread marker seen once the article's prose has begun. */
function commentMarkerSeen(stats: readonly LineStats[]): Uint8Array {
  const out = new Uint8Array(stats.length)
  let seen = false
  let proseSeen = false
  for (let i = 0; i < stats.length; i++) {
    out[i] = seen ? 1 : 0
    if (stats[i]!.commentMarker && proseSeen) seen = true
    if (stats[i]!.prose) proseSeen = true
  }
  return out
}

function commentSections(stats: readonly LineStats[]): Uint16Array {
  const out = new Uint16Array(stats.length)
  let section = 0
  for (let i = 0; i < stats.length; i++) {
    if (stats[i]!.commentMarker) section = Math.min(section + 1, 65535)
    out[i] = section
  }
  return out
}

function cuesSinceProse(stats: readonly LineStats[]): Uint16Array {
  const out = new Uint16Array(stats.length)
  let count = 0
  let started = false
  for (let i = 0; i < stats.length; i++) {
    out[i] = Math.min(count, 65535)
    if (started && isCue(stats[i]!)) count++
    if (stats[i]!.prose) started = true
  }
  return out
}

function runLengths(stats: readonly LineStats[], pred: (s: LineStats) => boolean): Uint16Array {
  const n = stats.length
  const out = new Uint16Array(n)
  let i = 0
  while (i < n) {
    if (!pred(stats[i]!)) {
      i++
      continue
    }
    let j = i
    while (j < n && pred(stats[j]!)) j++
    for (let k = i; k < j; k++) out[k] = Math.min(j - i, 65535)
    i = j
  }
  return out
}

/** Share of comment cues among the lines of a ±10 window in the line's own comment section. */
function cueDensity(stats: readonly LineStats[], page: PageMeasures, i: number): number {
  let cues = 0
  let lines = 0
  for (let j = Math.max(0, i - 10); j <= Math.min(page.n - 1, i + 10); j++) {
    if (j === i || page.section[j] !== page.section[i]) continue
    lines++
    if (isCue(stats[j]!)) cues++
  }
  return Math.min(1, (3 * cues) / Math.max(1, lines))
}

/** Write line i's LINE_FEATURES into v, in their order. */
function writeLineVector(v: Float64Array, i: number, stats: readonly LineStats[], blankBefore: boolean, page: PageMeasures): void {
  const {n, before, totalTokens, afterMarker} = page
  const [ms, me] = page.main
  const s = stats[i]!
  const short = s.tokens <= 8 ? 1 : 0
  // Tokens, and prose tokens, in a ±5 window (the line itself left out).
  const lo = Math.max(0, i - 5)
  const hi = Math.min(n, i + 6)
  const winTok = before[hi]! - before[lo]! - s.tokens
  const winProse = page.proseBefore[hi]! - page.proseBefore[lo]! - (s.prose ? s.tokens : 0)
  const inMain = ms >= 0 && i >= ms && i <= me
  const beforeMain = ms >= 0 && i < ms
  const afterMain = ms >= 0 && i > me
  const linesFrom = ms < 0 ? n : inMain ? 0 : beforeMain ? ms - i : i - me
  const tokensFrom = ms < 0 ? totalTokens : inMain ? 0 : beforeMain ? before[ms]! - before[i + 1]! : before[i]! - before[me + 1]!
  const repeated = s.key ? (page.keyCount.get(s.key) ?? 1) - 1 : 0
  let k = 0
  v[k++] = 1
  v[k++] = Math.log1p(s.tokens)
  v[k++] = s.tokens <= 2 ? 1 : 0
  v[k++] = s.tokens <= 5 ? 1 : 0
  v[k++] = s.tokens >= 12 ? 1 : 0
  v[k++] = s.tokens >= 25 ? 1 : 0
  v[k++] = s.stopRatio
  v[k++] = s.stopRatio * Math.min(1, s.tokens / 15)
  v[k++] = s.tokens > 0 && s.stop === 0 ? 1 : 0
  v[k++] = s.titleRatio
  v[k++] = s.titleRatio * short
  v[k++] = s.capsRatio
  v[k++] = Math.min(1, s.digitRatio * 2)
  v[k++] = Math.min(1, s.symbolRatio * 2)
  v[k++] = Math.min(12, s.avgWordLen) / 6
  v[k++] = Math.min(0.5, s.commaRate) * 2
  v[k++] = s.terminal ? 1 : 0
  v[k++] = s.terminal ? short : 0
  v[k++] = s.colonEnd ? 1 : 0
  v[k++] = s.bullet ? 1 : 0
  v[k++] = s.bullet ? short : 0
  v[k++] = s.numbered ? 1 : 0
  v[k++] = Math.min(4, s.separators) / 4
  v[k++] = Math.min(3, s.widgets) / 3
  v[k++] = s.widgetOnly ? 1 : 0
  v[k++] = s.url ? 1 : 0
  v[k++] = s.copyright ? 1 : 0
  v[k++] = s.date ? 1 : 0
  v[k++] = s.timeAgo ? 1 : 0
  v[k++] = s.byline ? 1 : 0
  v[k++] = s.navWord ? 1 : 0
  v[k++] = s.share ? 1 : 0
  v[k++] = s.comment ? 1 : 0
  v[k++] = s.nag ? 1 : 0
  v[k++] = s.related ? 1 : 0
  v[k++] = s.tag ? 1 : 0
  v[k++] = s.commentMarker ? 1 : 0
  v[k++] = s.quoteStart ? 1 : 0
  v[k++] = blankBefore || page.noBlankInfo ? 1 : 0
  v[k++] = repeated > 0 ? 1 : 0
  v[k++] = Math.min(3, Math.log1p(repeated)) / 3
  v[k++] = n > 1 ? i / (n - 1) : 0
  v[k++] = totalTokens ? before[i]! / totalTokens : 0
  v[k++] = totalTokens ? (totalTokens - before[i + 1]!) / totalTokens : 0
  v[k++] = i === 0 ? 1 : 0
  v[k++] = inMain ? 1 : 0
  v[k++] = beforeMain ? 1 : 0
  v[k++] = afterMain ? 1 : 0
  v[k++] = Math.min(6, Math.log1p(linesFrom)) / 6
  v[k++] = Math.min(8, Math.log1p(tokensFrom)) / 8
  v[k++] = totalTokens ? page.mainTokens / totalTokens : 0
  v[k++] = afterMarker[i]!
  v[k++] = afterMarker[i]! && !inMain ? 1 : afterMarker[i]! ? 0.5 : 0
  v[k++] = s.commentCue ? 1 : 0
  v[k++] = cueDensity(stats, page, i)
  v[k++] = Math.min(3, Math.log1p(page.cuesBefore[i]!)) / 3
  v[k++] = s.prose ? 1 : 0
  v[k++] = winTok > 0 ? winProse / winTok : 0
  v[k++] = Math.min(4, Math.log1p(page.bulletRun[i]!)) / 4
  v[k] = Math.min(4, Math.log1p(page.shortRun[i]!)) / 4
}

/** Every line's statistics and LINE_FEATURES vector, and the page's densest run of prose. */
export function documentFeatures(blocks: readonly ClassifierBlock[]): DocumentFeatures {
  const stats = blocks.map((b) => lineStats(b.text))
  const page = measurePage(blocks, stats)
  // One buffer for the page, a view per line: a typed array of its own per line
  // would cost a separate allocation outside the heap each.
  const width = LINE_FEATURES.length
  const buffer = new Float64Array(page.n * width)
  const vectors: Float64Array[] = []
  for (let i = 0; i < page.n; i++) {
    const v = buffer.subarray(i * width, (i + 1) * width)
    writeLineVector(v, i, stats, blocks[i]!.blankBefore, page)
    vectors.push(v)
  }
  return {stats, vectors, main: page.main}
}

/** Names of the stage-2 (context) features, in vector order. */
export const CONTEXT_FEATURES = [
  'bias',
  'own_score',
  'prev_score',
  'next_score',
  'prev3_mean',
  'next3_mean',
  'win5_max',
  'win2_min',
  'prev_content',
  'next_content',
  'both_sides_content',
  'both_sides_boilerplate',
  'short_x_neighbours',
  'long_line',
  'content_before',
  'content_after',
  'own_x_long'
] as const

export type ContextFeatureName = (typeof CONTEXT_FEATURES)[number]

/**
 * Context vectors from stage-1 logits: short blocks take the colour of their
 * neighbourhood, while long prose mostly keeps its own verdict.
 */
export function contextVectors(logits: ArrayLike<number>, stats: readonly LineStats[]): Float64Array[] {
  const n = logits.length
  const clip = (x: number): number => Math.max(-8, Math.min(8, x)) / 4
  const at = (i: number): number => (i >= 0 && i < n ? clip(logits[i]!) : -1)
  const contentPrefix = new Float64Array(n + 1)
  for (let i = 0; i < n; i++) contentPrefix[i + 1] = contentPrefix[i]! + (logits[i]! > 0 ? 1 : 0)
  const total = contentPrefix[n]!
  const out: Float64Array[] = []
  const width = CONTEXT_FEATURES.length
  const buffer = new Float64Array(n * width)
  for (let i = 0; i < n; i++) {
    const s = stats[i]!
    let p3 = 0
    let n3 = 0
    for (let d = 1; d <= 3; d++) {
      p3 += at(i - d)
      n3 += at(i + d)
    }
    let max5 = -Infinity
    for (let d = -5; d <= 5; d++) if (d !== 0 && i + d >= 0 && i + d < n) max5 = Math.max(max5, at(i + d))
    if (max5 === -Infinity) max5 = -1
    let min2 = Infinity
    for (let d = -2; d <= 2; d++) if (d !== 0 && i + d >= 0 && i + d < n) min2 = Math.min(min2, at(i + d))
    if (min2 === Infinity) min2 = -1
    const prevC = at(i - 1) > 0 ? 1 : 0
    const nextC = at(i + 1) > 0 ? 1 : 0
    const long = s.tokens >= 15 ? 1 : 0
    const own = clip(logits[i]!)
    const v = buffer.subarray(i * width, (i + 1) * width)
    let k = 0
    v[k++] = 1
    v[k++] = own
    v[k++] = at(i - 1)
    v[k++] = at(i + 1)
    v[k++] = p3 / 3
    v[k++] = n3 / 3
    v[k++] = max5
    v[k++] = min2
    v[k++] = prevC
    v[k++] = nextC
    v[k++] = prevC && nextC ? 1 : 0
    v[k++] = !prevC && !nextC ? 1 : 0
    v[k++] = ((1 - long) * (p3 + n3)) / 6
    v[k++] = long
    v[k++] = total ? contentPrefix[i]! / total : 0
    v[k++] = total ? (total - contentPrefix[i + 1]!) / total : 0
    v[k] = own * long
    out.push(v)
  }
  return out
}
