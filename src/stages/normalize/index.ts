/**
 * normalize: make the text comparable and the paragraph structure regular
 * before any rule looks at it. Passes run in order; each sees the previous
 * pass's result (decoding entities before stripping tags, trimming before
 * collapsing blank lines).
 */
import {z} from 'zod'
import type {ConfiguredStage, StageSpec} from '../../engine/stage.js'
import type {TextRule} from '../rule.js'
import {ruleStage} from '../rule-stage.js'
import {ansiEscape} from './rules/ansi-escape.js'
import {blankLines} from './rules/blank-lines.js'
import {DEFAULT_HARD_WRAP, hardWrap, hardWrapOptions, type HardWrapOptions} from './rules/hard-wrap.js'
import {ruleInfo, ruleSwitches, withRuleSwitches} from '../rule-switches.js'
import {htmlEntity} from './rules/html-entity.js'
import {htmlTag} from './rules/html-tag.js'
import {invisibleCharacter} from './rules/invisible-character.js'
import {lineEndings} from './rules/line-endings.js'
import {mojibake} from './rules/mojibake.js'
import {c1Control} from './rules/c1-control.js'
import {clippedQuote} from './rules/clipped-quote.js'
import {lossyMojibake} from './rules/lossy-mojibake.js'
import {lostNoBreakSpace} from './rules/lost-no-break-space.js'
import {loneSurrogate} from './rules/lone-surrogate.js'
import {oddSpace} from './rules/odd-space.js'
import {lineTrim} from './rules/line-trim.js'
import {spaceRun} from './rules/space-run.js'
import {unicodeNfc} from './rules/unicode-nfc.js'

export const normalizeOptions = z
  .object({
    rules: ruleSwitches,
    hardWrap: hardWrapOptions.partial().optional(),
    /**
     * End the text with exactly one newline, as a text file should (default). JSONL
     * runs turn it off: a record's text field is not a file, and its end is left as it is.
     */
    finalNewline: z.boolean().optional()
  })
  .strict()

export type NormalizeOptions = z.input<typeof normalizeOptions>

/** What the rules of the normalize stage are given. */
export type NormalizeRuleOptions = HardWrapOptions & {finalNewline: boolean}

export const NORMALIZE_PASSES: ReadonlyArray<ReadonlyArray<TextRule<NormalizeRuleOptions>>> = [
  [lineEndings],
  [ansiEscape],
  [clippedQuote],
  // One repair of each line by the encoding library, its changes sorted by kind.
  [mojibake, lostNoBreakSpace, lossyMojibake, c1Control, loneSurrogate],
  [htmlEntity],
  [invisibleCharacter, oddSpace, unicodeNfc],
  [htmlTag],
  [lineTrim, spaceRun],
  [blankLines],
  [hardWrap as TextRule<NormalizeRuleOptions>]
]

/** Rule ids that a hard-wrap join can report besides its own. */
export const NORMALIZE_EXTRA_RULES = [
  {id: 'hyphenated-break', reason: 'word hyphenated across a line break', example: '`infra-\\nstructure` → `infrastructure`'}
]

/** The wrap widths hard-wrap recognises, defaults filled in (later stages join lines by the same). */
export function wrapWidths(options: NormalizeOptions = {}): HardWrapOptions {
  return {...DEFAULT_HARD_WRAP, ...options.hardWrap}
}

export function normalize(options: NormalizeOptions = {}): ConfiguredStage {
  const hardWrapOptions = wrapWidths(options)
  const finalNewline = options.finalNewline ?? true
  return ruleStage(
    'normalize',
    NORMALIZE_PASSES,
    options.rules ?? {},
    {...hardWrapOptions, finalNewline},
    {
      rules: options.rules ?? {},
      hardWrap: hardWrapOptions,
      finalNewline
    }
  )
}

const NORMALIZE_RULES = [...NORMALIZE_PASSES.flat().map(ruleInfo), ...NORMALIZE_EXTRA_RULES]

export const normalizeStage: StageSpec = {
  name: 'normalize',
  description: 'Unicode, whitespace, mojibake, HTML entities and tag remnants, paragraph structure',
  rules: NORMALIZE_RULES,
  schema: withRuleSwitches(normalizeOptions, NORMALIZE_RULES),
  create: normalize
}
