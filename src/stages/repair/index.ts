/**
 * repair: mend sentences that scraping or machine translation broke, without
 * changing what they say. Every repair inserts or removes spaces and
 * punctuation only; words are never replaced.
 */
import {z} from 'zod'
import type {ConfiguredStage, StageSpec} from '../../engine/stage.js'
import {ruleInfo, ruleSwitches, withRuleSwitches} from '../rule-switches.js'
import type {TextRule} from '../rule.js'
import {ruleStage} from '../rule-stage.js'
import type {LocalCopies} from '../dedup/local.js'
import type {HardWrapOptions} from '../normalize/rules/hard-wrap.js'
import {gluedFullStop} from './rules/glued-full-stop.js'
import {gluedWords, type GluedWordsOptions} from './rules/glued-words.js'
import {rewrap, type RewrapOptions} from './rules/rewrap.js'
import {bracketSpacing} from './rules/bracket-spacing.js'
import {doubledDash} from './rules/doubled-dash.js'
import {doubledPunctuation} from './rules/doubled-punctuation.js'
import {spaceBeforePunctuation} from './rules/space-before-punctuation.js'

export const repairOptions = z
  .object({
    rules: ruleSwitches,
    /** Camel-case words that are real (brands, names) and must not be split. */
    allow: z.array(z.string()).optional()
  })
  .strict()

export type RepairOptions = z.input<typeof repairOptions>

export const REPAIR_PASSES: ReadonlyArray<ReadonlyArray<TextRule<GluedWordsOptions & RewrapOptions>>> = [
  // Lines a wrap broke, first: the other repairs then see whole sentences, as on a re-run.
  [rewrap],
  // Removals first, so the insertions that follow see settled punctuation.
  [doubledPunctuation, doubledDash, spaceBeforePunctuation],
  // Brackets before the sentence ends: `million ( ppm ).If` is `(ppm).If` to a re-run.
  [bracketSpacing],
  // The missing space after a sentence end first: glued-words leaves `WordWord.Next` alone
  // (it may be a domain) but splits `WordWord. Next`, as it would on a re-run.
  [gluedFullStop],
  [gluedWords],
  // Brackets again after the splits: `[saveThis]Save` holds a phrase once it is `[save This]Save`.
  [bracketSpacing],
  // Again, last: the fixes above change line lengths, and so the wrap width a re-run's normalize would see.
  [rewrap]
]

/** What a later stage of the pipeline removes that the fixed point must account for. */
export interface RepairContext {
  /** In-document dedup after this stage: a token's copy it removes does not count as a repeat. */
  localDedup?: LocalCopies
  /** The wrap widths normalize recognises (its `hardWrap`), for rewrap. */
  wrap?: HardWrapOptions
}

export function repair(options: RepairOptions = {}, context: RepairContext = {}): ConfiguredStage {
  const allow = options.allow ?? []
  return ruleStage(
    'repair',
    REPAIR_PASSES,
    options.rules ?? {},
    {allow, localDedup: context.localDedup, wrap: context.wrap},
    {rules: options.rules ?? {}, allow}
  )
}

const REPAIR_RULES = [...new Set(REPAIR_PASSES.flat())].map(ruleInfo)

export const repairStage: StageSpec = {
  name: 'repair',
  description: 'fix glued words, missing spaces, doubled punctuation and dashes, bracket spacing',
  rules: REPAIR_RULES,
  schema: withRuleSwitches(repairOptions, REPAIR_RULES),
  create: repair
}
