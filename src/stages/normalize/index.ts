/**
 * normalize: make the text comparable and the paragraph structure regular
 * before any rule looks at it. Passes run in order; each sees the previous
 * pass's result (decoding entities before stripping tags, trimming before
 * collapsing blank lines).
 */
import type {ConfiguredStage} from '../../core/stage.js'
import type {TextRule} from '../rule.js'
import {ruleStage} from '../rule-stage.js'
import {blankLines} from './rules/blank-lines.js'
import {DEFAULT_HARD_WRAP, hardWrap, type HardWrapOptions} from './rules/hard-wrap.js'
import {htmlEntity} from './rules/html-entity.js'
import {htmlTag} from './rules/html-tag.js'
import {invisibleCharacter} from './rules/invisible-character.js'
import {lineEndings} from './rules/line-endings.js'
import {mojibake} from './rules/mojibake.js'
import {oddSpace} from './rules/odd-space.js'
import {lineTrim, spaceRun} from './rules/space.js'
import {unicodeNfc} from './rules/unicode-nfc.js'

export interface NormalizeOptions {
  rules?: Record<string, boolean>
  hardWrap?: Partial<HardWrapOptions>
}

export const NORMALIZE_PASSES: ReadonlyArray<ReadonlyArray<TextRule<HardWrapOptions>>> = [
  [lineEndings],
  [mojibake],
  [htmlEntity],
  [invisibleCharacter, oddSpace, unicodeNfc],
  [htmlTag],
  [lineTrim, spaceRun],
  [blankLines],
  [hardWrap as TextRule<HardWrapOptions>]
]

/** Rule ids that a hard-wrap join can report besides its own. */
export const NORMALIZE_EXTRA_RULES = [
  {id: 'hyphenated-break', reason: 'word hyphenated across a line break', example: '`infra-\\nstructure` → `infrastructure`'}
]

export function normalize(options: NormalizeOptions = {}): ConfiguredStage {
  const hardWrapOptions = {...DEFAULT_HARD_WRAP, ...options.hardWrap}
  return ruleStage('normalize', NORMALIZE_PASSES, options.rules ?? {}, hardWrapOptions, {
    rules: options.rules ?? {},
    hardWrap: hardWrapOptions
  })
}
