/**
 * Text-only boilerplate block classifier: boosted shallow trees score each line
 * from its shape, furniture and page-position features, then a second ensemble
 * lets each block take the colour of its neighbourhood (the model format also
 * takes linear weights for either stage, see model.ts). Pure and linear in the
 * number of blocks.
 */
import {CONTEXT_FEATURES, LINE_FEATURES, PROSE_STOP_SHARE, contextVectors, documentFeatures, type LineStats} from './features.js'
import {completeTrees, evalCompleteTrees, type CompleteTrees} from './complete-trees.js'
import type {ClassifierModel, TreeNode} from './model.js'
import type {BlockDecision, ClassifierBlock, ClassifierOptions} from './types.js'
import {MODEL} from './weights.js'
import {PROSE_WORDS} from '../block-rule.js'
import {holdsSentences} from '../../../blocks/line-end.js'
import {wrappedLines} from '../wrapped-prose.js'

export const DEFAULT_CLASSIFIER_OPTIONS: Required<Omit<ClassifierOptions, 'model' | 'proseRows'>> = {
  threshold: MODEL.threshold,
  protectProseTokens: 12,
  protectMargin: 0.2,
  longProseTokens: 40,
  context: true,
  minBlocks: 30
}

/** Feature groups: the label names the group that pulled the score down most. */
const GROUPS: Record<string, readonly string[]> = {
  'menu-line': ['separators', 'nav_word', 'bullet', 'bullet_x_short', 'bullet_run', 'numbered'],
  'form-widget': ['widgets', 'widget_only'],
  'share-bar': ['share'],
  'comment-thread': [
    'comment',
    'comment_marker',
    'after_comment_marker',
    'after_comment_marker_x_outside',
    'time_ago',
    'comment_cue',
    'comment_density',
    'cues_before'
  ],
  'subscription-nag': ['nag'],
  'related-links': ['related'],
  'tag-line': ['tag'],
  'footer-line': ['copyright', 'url'],
  'repeated-line': ['repeated', 'repeated_count'],
  'outside-main-content': [
    'in_main',
    'before_main',
    'after_main',
    'lines_from_main',
    'tokens_from_main',
    'prose_density_5',
    'rel_position',
    'tokens_before_frac',
    'tokens_after_frac',
    'first_line',
    'main_share'
  ],
  'low-stopword-density': ['stop_ratio', 'stop_ratio_x_len', 'no_stop_words'],
  'short-fragment': [
    'log_tokens',
    'tok_le_2',
    'tok_le_5',
    'tok_ge_12',
    'tok_ge_25',
    'short_run',
    'prose',
    'terminal',
    'terminal_x_short',
    'colon_end'
  ],
  'title-case-link': ['title_ratio', 'title_ratio_x_short', 'caps_ratio'],
  'symbol-heavy': ['digit_ratio', 'symbol_ratio', 'avg_word_len', 'comma_rate'],
  'byline-or-date': ['byline', 'date']
}

const GROUP_INDICES: ReadonlyArray<[string, number[]]> = Object.entries(GROUPS).map(([group, names]) => [
  group,
  names.map((name) => LINE_FEATURES.indexOf(name as (typeof LINE_FEATURES)[number])).filter((j) => j >= 0)
])

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x))

function weightVector(names: readonly string[], weights: Record<string, number>): Float64Array {
  const w = new Float64Array(names.length)
  names.forEach((name, i) => (w[i] = weights[name] ?? 0))
  return w
}

function dot(w: Float64Array, v: Float64Array): number {
  let s = 0
  for (let i = 0; i < w.length; i++) s += w[i]! * v[i]!
  return s
}

/** A tree ensemble flattened into arrays: feature index -1 marks a leaf. */
interface FlatTrees {
  roots: Int32Array
  feature: Int32Array
  threshold: Float64Array
  left: Int32Array
  right: Int32Array
  value: Float64Array
}

function flatten(trees: readonly TreeNode[], names: readonly string[]): FlatTrees {
  const feature: number[] = []
  const threshold: number[] = []
  const left: number[] = []
  const right: number[] = []
  const value: number[] = []
  const add = (node: TreeNode): number => {
    const id = feature.length
    const f = node.feature === undefined ? -1 : names.indexOf(node.feature)
    feature.push(node.left && node.right ? f : -1)
    threshold.push(node.threshold ?? 0)
    value.push(node.value)
    left.push(-1)
    right.push(-1)
    if (node.left && node.right && f >= 0) {
      left[id] = add(node.left)
      right[id] = add(node.right)
    }
    return id
  }
  const roots = trees.map(add)
  return {
    roots: Int32Array.from(roots),
    feature: Int32Array.from(feature),
    threshold: Float64Array.from(threshold),
    left: Int32Array.from(left),
    right: Int32Array.from(right),
    value: Float64Array.from(value)
  }
}

/** Sum of leaf values; with `contrib`, also credit each split's change in value to its feature. */
function evalTrees(t: FlatTrees, x: Float64Array, contrib?: Float64Array): number {
  // Locals, not property reads: this runs for every tree, block and round.
  const {roots, feature, threshold, left, right, value} = t
  let sum = 0
  for (let r = 0; r < roots.length; r++) {
    let node = roots[r]!
    let f = feature[node]!
    while (f >= 0) {
      const next = x[f]! < threshold[node]! ? left[node]! : right[node]!
      if (contrib) contrib[f] = contrib[f]! + value[next]! - value[node]!
      node = next
      f = feature[node]!
    }
    sum += value[node]!
  }
  return sum
}

const CONTEXT_NAMES: readonly string[] = [...LINE_FEATURES, ...CONTEXT_FEATURES.map((f) => `ctx_${f}`)]

interface Compiled {
  line: Float64Array
  context: Float64Array
  reference: Float64Array
  lineTrees?: FlatTrees
  contextTrees?: FlatTrees
  /** The same ensembles laid out for scoring; the linked form above credits features in explanations. */
  lineScorer?: CompleteTrees
  contextScorer?: CompleteTrees
}

const compiled = new WeakMap<ClassifierModel, Compiled>()
function compile(model: ClassifierModel): Compiled {
  let c = compiled.get(model)
  if (!c) {
    c = {
      line: weightVector(LINE_FEATURES, model.line),
      context: weightVector(CONTEXT_FEATURES, model.context),
      reference: weightVector(LINE_FEATURES, model.reference ?? {})
    }
    if (model.lineTrees) {
      c.lineTrees = flatten(model.lineTrees, LINE_FEATURES)
      c.lineScorer = completeTrees(model.lineTrees, LINE_FEATURES)
    }
    if (model.contextTrees) {
      c.contextTrees = flatten(model.contextTrees, CONTEXT_NAMES)
      c.contextScorer = completeTrees(model.contextTrees, CONTEXT_NAMES)
    }
    compiled.set(model, c)
  }
  return c
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function describe(stats: LineStats, label: string, neighbourhood: string | undefined): string {
  const parts = [plural(stats.tokens, 'word')]
  if (stats.tokens > 0) parts.push(stats.stop === 0 ? 'no stop words' : `${Math.round(stats.stopRatio * 100)}% stop words`)
  if (!stats.terminal && stats.tokens > 0) parts.push('no sentence ending')
  const cue: Record<string, string> = {
    'menu-line': stats.separators >= 2 ? 'menu separators' : stats.bullet ? 'a short list item' : 'a navigation word',
    'form-widget': 'a [form widget]',
    'share-bar': 'share or social words',
    'comment-thread': 'in a comment thread',
    'subscription-nag': 'a subscribe/login/cookie notice',
    'related-links': 'a related/popular links cue',
    'tag-line': 'a tag or category line',
    'footer-line': stats.copyright ? 'a copyright notice' : 'a web address',
    'repeated-line': 'repeated elsewhere on the page',
    'outside-main-content': 'outside the main run of prose',
    'title-case-link': 'mostly title-case words',
    'symbol-heavy': 'mostly digits or symbols',
    'byline-or-date': stats.byline ? 'a byline' : 'a date'
  }
  const c = cue[label]
  if (c) parts.push(c)
  if (neighbourhood) parts.push(neighbourhood)
  return parts.join(', ')
}

function featureRecord(v: Float64Array, ctx: Float64Array | undefined, stage1: number): Record<string, number> {
  const features: Record<string, number> = {}
  LINE_FEATURES.forEach((name, j) => (features[name] = v[j]!))
  if (ctx) CONTEXT_FEATURES.forEach((name, j) => (features[`ctx_${name}`] = ctx[j]!))
  features.stage1_logit = stage1
  return features
}

/** A decision's label, and its reason in words, which is built only when read (a removal's label names its rule; few reasons are read). */
interface Explained {
  label: string
  reason: () => string
}

/** A decision whose feature record is built on first read (most callers never look). */
class Decision implements BlockDecision {
  #features: Record<string, number> | undefined
  #explained: Explained | undefined
  #reason: string | undefined
  readonly #explain: () => Explained
  readonly #vector: Float64Array
  readonly #ctx: Float64Array | undefined
  readonly #stage1: number
  boilerplate: boolean
  score: number
  structure?: string
  constructor(
    boilerplate: boolean,
    score: number,
    explain: () => Explained,
    vector: Float64Array,
    ctx: Float64Array | undefined,
    stage1: number,
    structure: string | undefined
  ) {
    if (structure) this.structure = structure
    this.boilerplate = boilerplate
    this.score = score
    this.#explain = explain
    this.#vector = vector
    this.#ctx = ctx
    this.#stage1 = stage1
  }
  get label(): string {
    return (this.#explained ??= this.#explain()).label
  }
  get reason(): string {
    return (this.#reason ??= (this.#explained ??= this.#explain()).reason())
  }
  /** The first `count` stage-1 features, without building the whole record. */
  leadingFeatures(count: number): Record<string, number> {
    const features: Record<string, number> = {}
    for (let j = 0; j < Math.min(count, LINE_FEATURES.length); j++) features[LINE_FEATURES[j]!] = this.#vector[j]!
    return features
  }
  get features(): Record<string, number> {
    return (this.#features ??= featureRecord(this.#vector, this.#ctx, this.#stage1))
  }
  toJSON(): Omit<BlockDecision, 'leadingFeatures'> {
    const json = {boilerplate: this.boilerplate, score: this.score, label: this.label, reason: this.reason, features: this.features}
    return this.structure ? {...json, structure: this.structure} : json
  }
}

/** Classify with an explicit model (the trainer and held-out evaluation use this). */
export function classifyWithModel(
  blocks: readonly ClassifierBlock[],
  model: ClassifierModel,
  options: ClassifierOptions = {}
): BlockDecision[] {
  const opts = {...DEFAULT_CLASSIFIER_OPTIONS, threshold: model.threshold, ...options}
  const w = compile(model)
  const doc = documentFeatures(blocks)
  const n = blocks.length
  const logits1 = new Float64Array(n)
  for (let i = 0; i < n; i++) logits1[i] = w.lineScorer ? evalCompleteTrees(w.lineScorer, doc.vectors[i]!) : dot(w.line, doc.vectors[i]!)
  const ctx = opts.context ? contextVectors(logits1, doc.stats) : undefined
  const nLine = LINE_FEATURES.length
  const joint = new Float64Array(CONTEXT_NAMES.length)
  const contextLogit = (i: number, contrib?: Float64Array): number => {
    if (!w.contextTrees || !w.contextScorer) return dot(w.context, ctx![i]!)
    joint.set(doc.vectors[i]!, 0)
    joint.set(ctx![i]!, nLine)
    return contrib ? evalTrees(w.contextTrees, joint, contrib) : evalCompleteTrees(w.contextScorer, joint)
  }
  const decisions: BlockDecision[] = []
  const inMainIdx = LINE_FEATURES.indexOf('in_main')
  const afterMarkerIdx = LINE_FEATURES.indexOf('after_comment_marker')
  const cuesBeforeIdx = LINE_FEATURES.indexOf('cues_before')
  const linesFromIdx = LINE_FEATURES.indexOf('lines_from_main')
  const densityIdx = LINE_FEATURES.indexOf('comment_density')
  const blankIdx = LINE_FEATURES.indexOf('blank_before')
  const apart = paragraphsApart(doc.stats, doc.vectors, blankIdx)
  const wrapped = options.proseRows ? wrappedLines(blocks) : undefined
  for (let i = 0; i < n; i++) {
    const stats = doc.stats[i]!
    // The guard's second decision counts a table layout's rows and a hard-wrapped paragraph's lines as prose too.
    const row = options.proseRows ? (wrapped![i] ? WRAPPED : blocks[i]!.text) : undefined
    const v = doc.vectors[i]!
    const logit = ctx ? contextLogit(i) : logits1[i]!
    const score = sigmoid(logit)
    let boilerplate = score < opts.threshold
    let guarded = false
    if (
      boilerplate &&
      opts.protectProseTokens > 0 &&
      stats.tokens >= opts.protectProseTokens &&
      score >= opts.threshold - opts.protectMargin &&
      stats.prose &&
      stats.stopRatio >= PROSE_STOP_SHARE &&
      v[afterMarkerIdx] === 0 &&
      v[cuesBeforeIdx] === 0 &&
      (v[inMainIdx] === 1 || v[linesFromIdx]! * 6 <= Math.log1p(3))
    ) {
      boilerplate = false
      guarded = true
    }
    // A long paragraph of prose is not removed on the score alone, however low:
    // it takes a structural reason, named in the message. In the guard's second
    // decision the main run of prose is no reason: it is found from the scores
    // that were about to take most of the prose, so prose far from it may be the
    // article (a column layout's), and only a comment thread or a list still counts.
    const linesFromMain = options.proseRows ? 0 : v[linesFromIdx]!
    const structural =
      boilerplate && isLongProse(stats, PROSE_WORDS, row)
        ? (structuralReason(v[afterMarkerIdx]!, v[cuesBeforeIdx]!, v[densityIdx]!, v[inMainIdx]!, linesFromMain) ??
          (apart && v[blankIdx] === 0 ? LIST_RUN : undefined))
        : undefined
    const structure = structural?.reason
    if (boilerplate && !structure && opts.longProseTokens > 0 && isLongProse(stats, Math.max(PROSE_WORDS, opts.longProseTokens), row)) {
      boilerplate = false
      guarded = true
    }
    // The explanation is worked out only when asked for (a removal's message):
    // most decisions of a round are never explained.
    const explain = (): Explained => {
      // Which feature group pulled this line furthest below a typical content line.
      let label = 'low-content-score'
      if (boilerplate) {
        const contrib = new Float64Array(CONTEXT_NAMES.length)
        if (w.contextTrees && ctx) contextLogit(i, contrib)
        else if (w.lineTrees) evalTrees(w.lineTrees, v, contrib)
        else for (let j = 0; j < nLine; j++) contrib[j] = w.line[j]! * (v[j]! - w.reference[j]!)
        let worst = 0
        for (const [group, indices] of GROUP_INDICES) {
          let c = 0
          for (const j of indices) c += contrib[j]!
          if (c < worst) {
            worst = c
            label = group
          }
        }
        let ctxSum = 0
        for (let j = nLine; j < contrib.length; j++) ctxSum += contrib[j]!
        if (ctxSum < worst) label = 'boilerplate-neighbourhood'
      }
      let neighbourhood: string | undefined
      if (boilerplate && ctx && logits1[i]! > 0 && logit < 0) {
        label = 'boilerplate-neighbourhood'
        neighbourhood = 'among boilerplate blocks'
      } else if (ctx) {
        const prev = i > 0 ? logits1[i - 1]! : -1
        const next = i + 1 < n ? logits1[i + 1]! : -1
        if (prev < 0 && next < 0) neighbourhood = i === 0 || i === n - 1 ? 'next to boilerplate' : 'between two boilerplate blocks'
      }
      if (structural) label = structural.label
      const final = boilerplate ? label : guarded ? 'protected-prose' : 'content'
      return {
        label: final,
        reason: () =>
          boilerplate
            ? structure
              ? `${plural(stats.tokens, 'word')} of prose, ${structure}`
              : describe(stats, label, neighbourhood)
            : guarded
              ? 'long prose line, kept despite a low score'
              : 'reads as main content'
      }
    }
    decisions.push(new Decision(boilerplate, score, explain, v, ctx?.[i], logits1[i]!, structure))
  }
  return decisions
}

/**
 * A long paragraph that reads as prose: a normal share of stop words and a sentence
 * end, or, given the line's text as `row`, two sentence ends inside it (a table
 * layout's row, where a side column's cell follows the paragraph), or, given
 * WRAPPED, none (a line of a hard-wrapped paragraph, see wrapped-prose.ts).
 */
export function isLongProse(stats: LineStats, minTokens: number, row?: string | typeof WRAPPED): boolean {
  return (
    minTokens > 0 &&
    stats.tokens >= minTokens &&
    stats.stopRatio >= PROSE_STOP_SHARE &&
    (stats.terminal || row === WRAPPED || (row !== undefined && holdsSentences(row)))
  )
}

/** In place of a row's text: the line of a hard-wrapped paragraph (wrapped-prose.ts). */
const WRAPPED = Symbol('wrapped')

/**
 * What in the page's structure, not the score, marks a line as boilerplate: a
 * comment thread (after a comment marker, or among comment cues such as
 * `X says:` and `Reply`), or a place far from the main run of prose.
 */
function structuralReason(
  afterMarker: number,
  cuesBefore: number,
  density: number,
  inMain: number,
  linesFrom: number
): StructuralReason | undefined {
  const thread = (reason: string): StructuralReason => ({label: 'comment-thread', reason: `in a comment thread (${reason})`})
  if (afterMarker > 0) return thread('after a comment marker')
  if (density > 0) return thread('among comment cues')
  if (cuesBefore > 0 && inMain === 0) return thread('after comment cues, outside the main text')
  if (inMain === 0 && linesFrom * 6 > Math.log1p(FAR_FROM_MAIN))
    return {label: 'outside-main-content', reason: `outside the main run of prose (more than ${FAR_FROM_MAIN} lines away)`}
  return undefined
}

/** A structural reason for removing prose: the decision's label and the words of its message. */
interface StructuralReason {
  label: string
  reason: string
}

const LIST_RUN: StructuralReason = {
  label: 'list-run',
  reason: "in a run of lines without the blank lines that set the page's paragraphs apart (a list or gallery)"
}

/**
 * Whether the page sets its prose paragraphs apart with blank lines (most of
 * them follow one): then a long line glued to the one before belongs to a list,
 * a gallery of captions or a run of teasers, not to the article's paragraphs.
 */
function paragraphsApart(stats: readonly LineStats[], vectors: readonly Float64Array[], blankIdx: number): boolean {
  let prose = 0
  let apart = 0
  for (let i = 0; i < stats.length; i++) {
    if (!isLongProse(stats[i]!, PROSE_WORDS)) continue
    prose++
    if (vectors[i]![blankIdx] === 1) apart++
  }
  return prose >= 3 && apart >= prose * PARAGRAPHS_APART
}

/** Share of a page's prose lines after a blank line for the page to count as setting paragraphs apart. */
const PARAGRAPHS_APART = 0.4

/** Lines from the main run of prose beyond which a paragraph is a side column's, not the article's. */
const FAR_FROM_MAIN = 10

/** Decide for each block whether it is boilerplate. Pure; O(blocks). */
export function classifyBlocks(blocks: readonly ClassifierBlock[], options: ClassifierOptions = {}): BlockDecision[] {
  return classifyWithModel(blocks, options.model ?? MODEL, options)
}
