/**
 * boilerplate: remove blocks that are not the article — site furniture, comment
 * forms, related links, credits, footers — by rules that each name what they
 * found. Rules that need to know where the article starts and ends run after
 * the context-free ones, so the prose bounds ignore blocks already claimed.
 */
import {z} from 'zod'
import type {Block} from '../../blocks/block.js'
import {deleteBlocks, type BlockDeletion} from '../delete-blocks.js'
import type {ConfiguredStage, RuleInfo, StageInput, StageSpec, Warning} from '../../engine/stage.js'
import {holdsProse, isProse, type BlockContext, type BlockMatch, type BlockRule} from './block-rule.js'
import {DEFAULT_RECURRING, RECURRING_RULE, RecurringLines, recurringOptions} from './recurring.js'
import {classifierOptions, classifyBlocks, DEFAULT_CLASSIFIER_OPTIONS, type ClassifierOptions} from './classifier/index.js'
import {RemovalDetail} from './classifier/removal-detail.js'
import {wrappedLines} from './wrapped-prose.js'
import {DEFAULT_EMPTY_GUARD, emptyGuardOptions, rescueText, type EmptyGuardOptions} from './empty-guard.js'
import {renumber, repairedView, secondCleanView, type SecondCleanView} from './repaired-view.js'
import type {HardWrapOptions} from '../normalize/rules/hard-wrap.js'
import {DEFAULT_KEEP, ELEMENTS, findElements, keepOptions, type KeepOptions} from './elements.js'
import {compileUserPattern, CUSTOM_PATTERN_FLAGS, customPattern, type CustomPattern} from './user-pattern.js'
import {ruleInfo, ruleSwitches, withRuleSwitches} from '../rule-switches.js'
import {laterCopies, type LocalCopies} from '../dedup/local.js'
import {archiveLine} from './rules/archive-line.js'
import {authorBox} from './rules/author-box.js'
import {breadcrumb} from './rules/breadcrumb.js'
import {commentForm} from './rules/comment-form.js'
import {commentThread} from './rules/comment-thread.js'
import {consentDialog} from './rules/consent-dialog.js'
import {copyright} from './rules/copyright.js'
import {disclaimer} from './rules/disclaimer.js'
import {formWidget} from './rules/form-widget.js'
import {imageAlt} from './rules/image-alt.js'
import {masthead} from './rules/masthead.js'
import {menuLine} from './rules/menu-line.js'
import {photoCaption} from './rules/photo-caption.js'
import {photoCredit} from './rules/photo-credit.js'
import {postFooter} from './rules/post-footer.js'
import {readOriginal} from './rules/read-original.js'
import {relatedBullet} from './rules/related-bullet.js'
import {relatedHeader} from './rules/related-header.js'
import {shareBar} from './rules/share-bar.js'
import {siteNotice} from './rules/site-notice.js'
import {slideshow} from './rules/slideshow.js'
import {sourceLink} from './rules/source-link.js'
import {subscriptionNag} from './rules/subscription-nag.js'
import {tagLine} from './rules/tag-line.js'
import {truncatedTeaser} from './rules/truncated-teaser.js'
import {videoCaption} from './rules/video-caption.js'
import {pushAll} from '../../engine/arrays.js'
import {testHang, watchAt, watchCode} from '../../engine/watch-point.js'

/** Where the watchdog reads that this stage was running, outside any one rule. */
const STAGE = watchCode('boilerplate')
const CLASSIFIER = watchCode('boilerplate', 'block-classifier')

/** When the classifier may not take most of a document's prose. */
export const guttingOptions = z
  .object({
    /** Share of the prose words (lines of 12+ words ending a sentence, and the lines of a paragraph hard-wrapped mid-sentence) that the classifier may remove. */
    maxProseRemoved: z.number().min(0).max(1),
    /**
     * Share of the prose words it may remove from among the prose it keeps (before
     * the last prose line left): a side column's cells cut into the article's
     * paragraphs, not a trail of comments or teasers after it.
     */
    maxProseRemovedWithin: z.number().min(0).max(1),
    /** Documents with fewer prose words than this are left to the classifier. */
    minProseWords: z.number().int().min(0)
  })
  .strict()

export type GuttingOptions = z.output<typeof guttingOptions>

export const boilerplateOptions = z
  .object({
    rules: ruleSwitches,
    patterns: z.array(customPattern).optional(),
    /** Lines recurring across the batch; `false` turns the corpus pass off. */
    recurring: z.union([z.literal(false), recurringOptions.partial()]).optional(),
    /** The text-only block classifier for what no rule knows; `false` turns it off. */
    classifier: z.union([z.literal(false), classifierOptions]).optional(),
    /** Per article element: `keep` (the classifier leaves it alone), `auto` (it decides) or `drop` (always removed). */
    keep: keepOptions.partial().optional(),
    /** When the classifier would remove most of a document's prose, its prose stays (with a warning); `false` turns this off. */
    proseGuard: z.union([z.literal(false), guttingOptions.partial()]).optional(),
    /** When cleaning would leave a document (nearly) empty, the classifier's removals that read as text stay (with a warning); `false` turns this off. */
    emptyGuard: z.union([z.literal(false), emptyGuardOptions.partial()]).optional()
  })
  .strict()

/** The stage's options; `classifier.model` is for code only (a model trained elsewhere), not a pipeline-file key. */
export type BoilerplateOptions = Omit<z.input<typeof boilerplateOptions>, 'classifier'> & {classifier?: ClassifierOptions | false}

/** Built-in rules, in priority order. */
export const BOILERPLATE_RULES: readonly BlockRule[] = [
  commentForm,
  breadcrumb,
  menuLine,
  siteNotice,
  consentDialog,
  formWidget,
  shareBar,
  sourceLink,
  relatedHeader,
  videoCaption,
  slideshow,
  photoCredit,
  photoCaption,
  imageAlt,
  archiveLine,
  copyright,
  disclaimer,
  postFooter,
  subscriptionNag,
  masthead,
  authorBox,
  relatedBullet,
  truncatedTeaser,
  readOriginal,
  tagLine,
  commentThread
]

export function customRule(custom: CustomPattern): BlockRule {
  const pattern = compileUserPattern(custom.pattern, custom.flags ?? CUSTOM_PATTERN_FLAGS)
  const maxWords = custom.maxWords ?? 40
  return {
    id: custom.id,
    reason: custom.reason,
    example: `/${custom.pattern}/`,
    match: (block) => block.words <= maxWords && pattern.test(block.text)
  }
}

/** Decide which blocks are boilerplate; pure, for the stage and for tests. */
export function findBoilerplate(
  blocks: readonly Block[],
  rules: readonly BlockRule[],
  /** Each rule's watchdog mark, worked out once when the stage is built. */
  codes: readonly number[] = rules.map((rule) => watchCode('boilerplate', rule.id)),
  /**
   * `false` in a later round of the same document: the context-free rules are not
   * asked again. Each matches on a block of its own (a dialog's opening paragraph, a
   * slideshow's loader line), which the first round removed with what it claimed.
   * A predicate asks them of the blocks it picks (the lines a repair changed).
   */
  contextFree: boolean | ((block: Block) => boolean) = true
): BlockDeletion[] {
  const claimed = new Map<number, BlockDeletion>()
  const claim = (block: Block, rule: BlockRule, result: BlockMatch | true): void => {
    const match = typeof result === 'object' ? result : {}
    const deletion: BlockDeletion = {block, rule: rule.id, reason: match.reason ?? rule.reason}
    if (match.detail) deletion.detail = match.detail
    claimed.set(block.index, deletion)
    for (let k = 1; k <= (match.extend ?? 0); k++) {
      const next = blocks[block.index + k]
      if (next && !claimed.has(next.index))
        claimed.set(next.index, {block: next, rule: rule.id, reason: `${match.reason ?? rule.reason} (continued)`})
    }
  }
  // The first rule of one kind that matches claims the block with its answer (each rule asked once).
  const claimFirst = (block: Block, contextual: boolean, context: BlockContext): void => {
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k]!
      if ((rule.needsContext ?? false) !== contextual) continue
      watchAt(codes[k]!)
      testHang?.(codes[k]!, block.text)
      const result = rule.match(block, context)
      if (result) return claim(block, rule, result)
    }
  }
  const noContext: BlockContext = {blocks, firstProse: -1, lastProse: blocks.length}
  if (contextFree) for (const block of blocks) if (contextFree === true || contextFree(block)) claimFirst(block, false, noContext)
  const prose = blocks.filter((block) => !claimed.has(block.index) && isProse(block))
  const context: BlockContext = {blocks, firstProse: prose[0]?.index ?? -1, lastProse: prose.at(-1)?.index ?? -1}
  for (const block of blocks) if (!claimed.has(block.index)) claimFirst(block, true, context)
  watchAt(STAGE)
  return [...claimed.values()].sort((a, b) => a.block.index - b.block.index)
}

/** What a later stage of the pipeline removes that the fixed point must account for. */
export interface BoilerplateContext {
  /** In-document dedup after this stage: its options and the rules switched on. */
  localDedup?: LocalCopies
  /** A document's site, where recurring lines are counted (io/site.ts); without it the batch is one site. */
  siteOf?: (path: string) => string
  /** The wrap widths normalize recognises (its `hardWrap`): a later rewrap joins lines by them. */
  wrap?: HardWrapOptions
  /** The repair stage after this one: a second clean's boilerplate sees the text as it leaves it. */
  repair?: ConfiguredStage
}

export function boilerplate(options: BoilerplateOptions = {}, context: BoilerplateContext = {}): ConfiguredStage {
  const localDedup = context.localDedup
  const switches = options.rules ?? {}
  const recurring =
    options.recurring === false || switches['recurring-line'] === false
      ? undefined
      : new RecurringLines({...DEFAULT_RECURRING, ...options.recurring}, context.siteOf)
  const rules = [...(options.patterns ?? []).map(customRule), ...BOILERPLATE_RULES.filter((rule) => switches[rule.id] !== false)]
  const codes = [...rules, ...(recurring ? [RECURRING_RULE] : [])].map((rule) => watchCode('boilerplate', rule.id))
  const classifier =
    options.classifier === false || switches['block-classifier'] === false
      ? undefined
      : {...DEFAULT_CLASSIFIER_OPTIONS, ...options.classifier}
  const keep: KeepOptions = {...DEFAULT_KEEP, ...options.keep}
  const gutting = options.proseGuard === false ? undefined : {...DEFAULT_GUTTING, ...options.proseGuard}
  const emptying = options.emptyGuard === false ? undefined : {...DEFAULT_EMPTY_GUARD, ...options.emptyGuard}
  // Both guards second-guess the classifier: without it they have nothing to do.
  const guards: Guards = classifier ? {gutting, emptying} : {}
  const stage: ConfiguredStage = {
    name: 'boilerplate',
    source: 'rinse-boilerplate',
    options: {
      rules: switches,
      patterns: options.patterns ?? [],
      recurring: recurring?.options ?? false,
      classifier: classifier ?? false,
      keep,
      proseGuard: gutting ?? false,
      emptyGuard: emptying ?? false
    },
    passes: [
      {
        propose(input: StageInput) {
          const blocks = input.blocks()
          // The recurring lines are those of the document's site.
          const settings = {
            rules: recurring ? [...rules, recurring.rule(input.path, input.site)] : rules,
            codes,
            keep,
            classifier,
            view: {wrap: context.wrap, repair: context.repair}
          }
          const decided = decideDocument(blocks, settings, localDedup, guards)
          for (const warning of decided.warnings) input.warn(warning)
          const deletions = decided.deletions
          if (recurring) flagRecurringProse(input, blocks, deletions, recurring)
          return deleteBlocks(input.text, blocks, deletions)
        }
      }
    ]
  }
  if (recurring) stage.corpus = recurring
  return stage
}

type Settings = Parameters<typeof decide>[1]

interface Guards {
  gutting?: GuttingOptions
  emptying?: EmptyGuardOptions
}

/**
 * A document's removals, as the rounds decide them and the guards correct them,
 * with the guards' warnings. `settleEmpty` is false when deciding a view of the
 * output (what a second clean would do), which is not settled again.
 */
function decideDocument(
  blocks: readonly Block[],
  settings: Settings,
  localDedup: LocalCopies | undefined,
  guards: Guards,
  settleEmpty = true
): {deletions: BlockDeletion[]; warnings: Warning[]} {
  const warnings: Warning[] = []
  let deletions = removeRounds(blocks, settings, localDedup)
  const {gutting, emptying} = guards
  const guard = gutting ? guardProse(blocks, deletions, gutting) : undefined
  if (gutting && guard) {
    // Most of the prose would go on the classifier's word alone: decide again
    // with every prose line out of its reach, and tell the reviewer.
    const settled = settleGuard(blocks, removeRounds(blocks, settings, localDedup, true), settings, localDedup, gutting)
    deletions = settled.deletions
    if (settled.holds) warnings.push({start: guard.start, end: guard.end, rule: 'kept-prose', reason: guard.reason})
  }
  const rescue = emptying ? rescueText(blocks, deletions, emptying) : undefined
  if (rescue) {
    deletions = deletions.filter((deletion) => !rescue.kept.has(deletion.block.index))
    // The output must be a fixed point: what a second clean of the rescued text would remove (a line whose
    // neighbours are gone now scores otherwise, a contextual rule sees other prose bounds) goes now.
    if (settleEmpty)
      deletions = settle(blocks, deletions, settings.view, (view) => decideDocument(view, settings, localDedup, guards, false).deletions)
    const gone = new Set(deletions.map((deletion) => deletion.block.index))
    // A second clean may take the whole run after all: then nothing was kept to warn about.
    if ([...rescue.kept].some((index) => !gone.has(index)))
      warnings.push({start: rescue.start, end: rescue.end, rule: 'kept-text', reason: rescue.reason})
  }
  return {deletions, warnings}
}

/**
 * `deletions` and what a second clean would remove from what they leave, seen
 * as repair leaves it, removed now (every line of a joined paragraph), round
 * after round until `decideAgain` finds nothing on that view; in text order.
 */
function settle(
  blocks: readonly Block[],
  deletions: readonly BlockDeletion[],
  secondClean: SecondCleanView,
  decideAgain: (view: readonly Block[]) => BlockDeletion[]
): BlockDeletion[] {
  const gone = new Set(deletions.map((deletion) => deletion.block.index))
  const more: BlockDeletion[] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const left = blocks.filter((block) => !gone.has(block.index))
    const view = repairedView(renumber(left, blocks), secondClean)
    const again = decideAgain(view.blocks)
    if (again.length === 0) break
    for (const deletion of again)
      for (const source of view.sources[deletion.block.index]!) {
        const block = left[source.index]!
        more.push({...deletion, block})
        gone.add(block.index)
      }
  }
  return [...deletions, ...more].sort((a, b) => a.block.index - b.block.index)
}

/**
 * Decide again on what is left until nothing more goes: removing a menu can make
 * its neighbour look different, and the output must be a fixed point, so that
 * cleaning it again changes nothing. Once a round finds nothing, the rounds go
 * on in the view a second clean would have: first without the blocks a later
 * dedup stage removes as in-document copies, then also as the later repair
 * leaves the text (lines joined, words unglued), where a removed line takes its
 * source lines with it. They end when a round finds nothing in the last view.
 * With `keepProse`, the classifier removes no prose line.
 */
function removeRounds(
  blocks: readonly Block[],
  settings: Settings,
  localDedup: LocalCopies | undefined,
  keepProse = false
): BlockDeletion[] {
  const deletions: BlockDeletion[] = []
  let remaining: Block[] = [...blocks]
  // Which view the rounds see: the plain one, without copies, or the second clean's (repaired, then without copies).
  let seen: 'plain' | 'without-copies' | 'second-clean' = 'plain'
  let entered = false
  for (let round = 0; round < MAX_ROUNDS && remaining.length > 0; round++) {
    const visible = seen === 'without-copies' ? withoutCopies(remaining, localDedup) : remaining
    const numbered = renumber(visible, blocks)
    const second = seen === 'second-clean' ? secondCleanView(numbered, {...settings.view, localDedup}) : undefined
    // Entering the second clean's view: when it changes nothing, it is the view that found nothing.
    if (second && entered && !second.changed.includes(true)) break
    entered = false
    // The context-free rules are asked in the first round, and in the second clean's view of a line repair changed.
    const contextFree = round === 0 || (second ? (block: Block) => second.changed[block.index]! : false)
    const found = decide(second?.blocks ?? numbered, settings, keepProse, contextFree)
    if (found.length === 0) {
      if (seen === 'second-clean') break
      // Without copies the view is the plain one when dedup would remove none.
      seen = seen === 'plain' && withoutCopies(remaining, localDedup).length < remaining.length ? 'without-copies' : 'second-clean'
      entered = seen === 'second-clean'
      continue
    }
    const gone = new Set<Block>()
    for (const deletion of found)
      for (const source of second ? second.sources[deletion.block.index]! : [deletion.block]) {
        const block = visible[source.index]!
        deletions.push({...deletion, block})
        gone.add(block)
      }
    remaining = remaining.filter((block) => !gone.has(block))
  }
  return deletions.sort((a, b) => a.block.index - b.block.index)
}

export const DEFAULT_GUTTING: GuttingOptions = {maxProseRemoved: 0.5, maxProseRemovedWithin: 0.35, minProseWords: 100}

/**
 * Whether the classifier took most of the document's prose: the prose words it
 * removed against those no rule removed. The rules name what they found; the
 * classifier only scores, so it alone does not empty an article.
 */
function guardProse(
  blocks: readonly Block[],
  deletions: readonly BlockDeletion[],
  options: GuttingOptions
): {start: number; end: number; reason: string} | undefined {
  const byRule = new Map(deletions.map((deletion) => [deletion.block.index, deletion.rule]))
  // Prose the classifier removed for a structural reason (a comment thread) is not the article's.
  const structural = new Set(deletions.filter((deletion) => deletion.detail?.structure).map((deletion) => deletion.block.index))
  const wrapped = wrappedLines(blocks)
  let prose = 0
  let removed = 0
  // Removed prose words before the last prose line kept, counted when that line is reached.
  let within = 0
  let pending = 0
  let first: Block | undefined
  let last: Block | undefined
  for (const block of blocks) {
    if (!holdsProse(block) && !wrapped[block.index]) continue
    const rule = byRule.get(block.index)
    if (rule !== undefined && rule !== 'block-classifier') continue
    prose += block.words
    if (rule === undefined) {
      within += pending
      pending = 0
    }
    if (rule === undefined || structural.has(block.index)) continue
    removed += block.words
    pending += block.words
    first ??= block
    last = block
  }
  if (prose < options.minProseWords || !first || !last) return undefined
  const share = Math.round((removed / prose) * 100)
  if (removed > prose * options.maxProseRemoved)
    return {
      start: first.start,
      end: last.end,
      reason: `kept: the classifier would have removed ${removed} of the ${prose} words of prose (${share}%, more than maxProseRemoved ${options.maxProseRemoved}); its prose lines stay, check this document`
    }
  if (within > prose * options.maxProseRemovedWithin)
    return {
      start: first.start,
      end: last.end,
      reason: `kept: the classifier would have removed ${removed} of the ${prose} words of prose (${share}%), ${within} of them from among the prose it keeps (more than maxProseRemovedWithin ${options.maxProseRemovedWithin}); its prose lines stay, check this document`
    }
  return undefined
}

/**
 * A second clean of the output decides the guard again, on what the guard kept
 * and as rewrap joins it: with the boilerplate around it gone, the classifier
 * may take less than the guard's share, and a paragraph kept as wrapped lines
 * is one line there. For the output to be a fixed point, what that clean would
 * remove goes now (all the lines of a joined paragraph). Returns all the
 * removals, and whether the guard holds on what is left.
 */
function settleGuard(
  blocks: readonly Block[],
  deletions: readonly BlockDeletion[],
  settings: Settings,
  localDedup: LocalCopies | undefined,
  gutting: GuttingOptions
): {deletions: BlockDeletion[]; holds: boolean} {
  let holds = true
  const settled = settle(blocks, deletions, settings.view, (view) => {
    const normal = removeRounds(view, settings, localDedup)
    if (normal.length === 0) return normal
    holds = guardProse(view, normal, gutting) !== undefined
    return holds ? removeRounds(view, settings, localDedup, true) : normal
  })
  return {deletions: settled, holds}
}

/**
 * Rounds end when one finds nothing (the output is then a fixed point); this only
 * bounds the work on a page whose removals keep changing what is left.
 */
const MAX_ROUNDS = 16

/** The blocks a later in-document dedup would leave: its removed copies left out. */
function withoutCopies(blocks: readonly Block[], local: LocalCopies | undefined): Block[] {
  if (!local) return blocks as Block[]
  const copies = laterCopies(blocks, local)
  return copies.size === 0 ? (blocks as Block[]) : blocks.filter((_, at) => !copies.has(at))
}

/** One round over a list of blocks: rules, article elements, then the classifier. */
function decide(
  blocks: readonly Block[],
  settings: {
    rules: readonly BlockRule[]
    codes: readonly number[]
    keep: KeepOptions
    classifier: (Required<Omit<ClassifierOptions, 'model' | 'proseRows'>> & Pick<ClassifierOptions, 'model' | 'proseRows'>) | undefined
    /** What a second clean does to the output before its boilerplate sees it. */
    view: SecondCleanView
  },
  keepProse = false,
  contextFree: boolean | ((block: Block) => boolean) = true
): BlockDeletion[] {
  const deletions = findBoilerplate(blocks, settings.rules, settings.codes, contextFree)
  const removed = new Set(deletions.map((deletion) => deletion.block.index))
  const elements = findElements(blocks, removed)
  const kept = new Set<number>()
  for (const [index, element] of elements) {
    if (settings.keep[element] === 'keep') kept.add(index)
    if (settings.keep[element] !== 'drop') continue
    deletions.push({block: blocks[index]!, rule: `drop-${element}`, reason: `${element} (keep.${element} is drop)`})
    removed.add(index)
  }
  const classifier = settings.classifier && keepProse ? {...settings.classifier, longProseTokens: 1, proseRows: true} : settings.classifier
  if (classifier && worthClassifying(blocks, removed.size, classifier.minBlocks))
    pushAll(deletions, classify(blocks, removed, kept, classifier))
  return deletions
}

/**
 * Short documents give the classifier too little context to tell furniture from
 * text, and a short clean article is where it errs most. It runs on long
 * documents, and on short ones that show they are a page: rules already found
 * furniture in it, and most of its lines are short.
 */
function worthClassifying(blocks: readonly Block[], ruled: number, minBlocks: number): boolean {
  if (blocks.length >= minBlocks) return true
  const short = blocks.filter((block) => block.words < 8).length
  return ruled >= 2 && short >= 5 && short >= blocks.length * 0.4
}

/** What no rule claimed, the classifier decides; protected article elements stay. */
function classify(
  blocks: readonly Block[],
  removed: ReadonlySet<number>,
  kept: ReadonlySet<number>,
  options: ClassifierOptions
): BlockDeletion[] {
  watchAt(CLASSIFIER)
  const decisions = classifyBlocks(
    blocks.map((block) => ({text: block.text, blankBefore: block.blankBefore})),
    options
  )
  watchAt(STAGE)
  const deletions: BlockDeletion[] = []
  for (const block of blocks) {
    const decision = decisions[block.index]!
    if (!decision.boilerplate || removed.has(block.index) || kept.has(block.index)) continue

    deletions.push({
      block,
      rule: 'block-classifier',
      // The short reason is what report.json keeps; the explanation in words, with the
      // features, is for the library and `rinse explain`.
      reason: `scored as boilerplate (${decision.label})`,
      detail: new RemovalDetail(decision)
    })
  }
  return deletions
}

/** A recurring line that reads like prose stays, with a warning for the reviewer. */
function flagRecurringProse(
  input: StageInput,
  blocks: readonly Block[],
  deletions: readonly BlockDeletion[],
  recurring: RecurringLines
): void {
  const removed = new Set(deletions.map((deletion) => deletion.block.index))
  for (const block of blocks) {
    const found = removed.has(block.index) || !isProse(block) ? undefined : recurring.evidence(block, input.path, input.site)
    if (found) {
      input.warn({
        start: block.start,
        end: block.end,
        rule: 'recurring-line',
        reason: `kept: reads like prose but is ${recurring.evidenceText(found.site, found.line)}`
      })
    }
  }
}

/** Every rule id the stage reports: its block rules, the corpus and classifier rules, and the element switches. */
const STAGE_RULES: RuleInfo[] = [
  ...BOILERPLATE_RULES.map(ruleInfo),
  RECURRING_RULE,
  {
    id: 'block-classifier',
    reason: 'a block the text classifier judges boilerplate; the reason names its main features',
    example: '`Top Stories Politics Tech Health` (3 words per item, no stop words)'
  },
  ...ELEMENTS.map((element) => ({
    id: `drop-${element}`,
    reason: `${element} removed because keep.${element} is drop`,
    example: `\`keep: {${element}: drop}\``
  }))
]

export const boilerplateStage: StageSpec = {
  name: 'boilerplate',
  description: 'remove navigation, comment forms, related links, credits, footers',
  rules: STAGE_RULES,
  schema: withRuleSwitches(boilerplateOptions, STAGE_RULES),
  create: boilerplate
}
