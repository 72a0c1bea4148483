/** The catalog of stages a pipeline file may name: each with its option schema, its rules and its factory. */
import {z} from 'zod'
import type {ConfiguredStage, RuleInfo} from '../engine/stage.js'
import {BOILERPLATE_RULES, boilerplate, boilerplateOptions} from '../stages/boilerplate/index.js'
import {ELEMENTS} from '../stages/boilerplate/elements.js'
import {DEDUP_RULES, dedup, dedupOptions} from '../stages/dedup/index.js'
import {NORMALIZE_EXTRA_RULES, NORMALIZE_PASSES, normalize, normalizeOptions} from '../stages/normalize/index.js'
import {REPAIR_PASSES, repair, repairOptions} from '../stages/repair/index.js'
import {retext, retextOptions} from '../stages/retext/index.js'
import {ruleSwitchesFor} from '../stages/rule-switches.js'

export interface StageSpec {
  name: string
  description: string
  rules: RuleInfo[]
  schema: z.ZodType
  create(options: never): ConfiguredStage
}

/** A stage's `rules` switches, narrowed to its own rule ids (a misspelt id is an error). */
const switches = (rules: readonly RuleInfo[]) => ruleSwitchesFor(rules.map((rule) => rule.id))

/**
 * Options checked against a schema that fills in defaults, but kept as the file
 * wrote them: the pipeline's hash and its report name what the file says, as for
 * the stages whose schemas have no defaults.
 */
const asWritten = (schema: z.ZodType) =>
  z.unknown().superRefine((value, context) => {
    const parsed = schema.safeParse(value)
    if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue(issue as never)
  })

const info = (rule: RuleInfo): RuleInfo => ({id: rule.id, reason: rule.reason, example: rule.example})

const normalizeRules = [...NORMALIZE_PASSES.flat().map(info), ...NORMALIZE_EXTRA_RULES]
const boilerplateRules = [
  ...BOILERPLATE_RULES.map(info),
  {id: 'recurring-line', reason: 'line recurring across documents of the batch', example: '`Follow us on social media` in 40 files'},
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
const repairRules = REPAIR_PASSES.flat().map(info)

export const STAGES: Record<string, StageSpec> = {
  normalize: {
    name: 'normalize',
    description: 'Unicode, whitespace, mojibake, HTML entities and tag remnants, paragraph structure',
    rules: normalizeRules,
    schema: normalizeOptions.extend({rules: switches(normalizeRules)}),
    create: normalize
  },
  boilerplate: {
    name: 'boilerplate',
    description: 'remove navigation, comment forms, related links, credits, footers',
    rules: boilerplateRules,
    schema: boilerplateOptions.extend({rules: switches(boilerplateRules)}),
    create: boilerplate
  },
  repair: {
    name: 'repair',
    description: 'fix glued words, missing spaces, doubled punctuation and dashes, bracket spacing',
    rules: repairRules,
    schema: repairOptions.extend({rules: switches(repairRules)}),
    create: repair
  },
  dedup: {
    name: 'dedup',
    description: 'remove blocks repeated within a document, keeping the most complete copy',
    rules: DEDUP_RULES,
    schema: asWritten(dedupOptions.extend({rules: switches(DEDUP_RULES)})),
    create: dedup
  },
  retext: {
    name: 'retext',
    description: 'any installed retext plugin; its fixes become edits of rule <plugin>:<ruleId>, its other messages warnings',
    // Rule ids come from the plugin: `retext-repeated-words:the`.
    rules: [],
    schema: retextOptions,
    create: retext
  }
}
