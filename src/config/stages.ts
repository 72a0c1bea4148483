/** The catalog of stages a pipeline file may name: each with its option schema, its rules and its factory. */
import {z} from 'zod'
import type {ConfiguredStage, RuleInfo} from '../core/stage.js'
import {BOILERPLATE_RULES, boilerplate} from '../stages/boilerplate/index.js'
import {CUSTOM_PATTERN_FLAGS, userPatternProblem} from '../stages/boilerplate/user-pattern.js'
import {DEDUP_RULES, dedup} from '../stages/dedup/index.js'
import {NORMALIZE_EXTRA_RULES, NORMALIZE_PASSES, normalize} from '../stages/normalize/index.js'
import {REPAIR_PASSES, repair} from '../stages/repair/index.js'
import {retext} from '../stages/retext/index.js'

export interface StageSpec {
  name: string
  description: string
  rules: RuleInfo[]
  schema: z.ZodType
  create(options: never): ConfiguredStage
}

function switches(rules: readonly RuleInfo[]) {
  return z.partialRecord(z.enum(rules.map((rule) => rule.id) as [string, ...string[]]), z.boolean()).optional()
}

const KEEP_CHOICE = z.enum(['keep', 'auto', 'drop'])

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
  ...(['title', 'subhead', 'byline', 'dateline', 'caption'] as const).map((element) => ({
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
    schema: z
      .object({
        rules: switches(normalizeRules),
        hardWrap: z.object({minWidth: z.number().int().positive(), maxWidth: z.number().int().positive()}).partial().strict().optional(),
        finalNewline: z.boolean().optional()
      })
      .strict(),
    create: normalize
  },
  boilerplate: {
    name: 'boilerplate',
    description: 'remove navigation, comment forms, related links, credits, footers',
    rules: boilerplateRules,
    schema: z
      .object({
        rules: switches(boilerplateRules),
        patterns: z
          .array(
            z
              .object({
                id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kebab-case rule id'),
                pattern: z.string(),
                flags: z
                  .string()
                  .regex(/^[gimsuy]*$/)
                  .optional(),
                reason: z.string().min(1),
                maxWords: z.number().int().positive().optional()
              })
              .strict()
              .superRefine((custom, context) => {
                const problem = userPatternProblem(custom.pattern, custom.flags ?? CUSTOM_PATTERN_FLAGS)
                if (problem) context.addIssue({code: 'custom', path: ['pattern'], message: problem})
              })
          )
          .optional(),
        classifier: z
          .union([
            z.literal(false),
            z
              .object({
                threshold: z.number().gt(0).lt(1),
                protectProseTokens: z.number().int().min(0),
                protectMargin: z.number().min(0).max(1),
                longProseTokens: z.number().int().min(0),
                context: z.boolean(),
                minBlocks: z.number().int().min(0)
              })
              .partial()
              .strict()
          ])
          .optional(),
        proseGuard: z
          .union([
            z.literal(false),
            z
              .object({maxProseRemoved: z.number().min(0).max(1), minProseWords: z.number().int().min(0)})
              .partial()
              .strict()
          ])
          .optional(),
        keep: z
          .object({title: KEEP_CHOICE, subhead: KEEP_CHOICE, byline: KEEP_CHOICE, dateline: KEEP_CHOICE, caption: KEEP_CHOICE})
          .partial()
          .strict()
          .optional(),
        recurring: z
          .union([
            z.literal(false),
            z
              .object({minDocuments: z.number().int().min(2), maxWords: z.number().int().positive()})
              .partial()
              .strict()
          ])
          .optional()
      })
      .strict(),
    create: boilerplate
  },
  repair: {
    name: 'repair',
    description: 'fix glued words, missing spaces, doubled punctuation and dashes, bracket spacing',
    rules: repairRules,
    schema: z.object({rules: switches(repairRules), allow: z.array(z.string()).optional()}).strict(),
    create: repair
  },
  dedup: {
    name: 'dedup',
    description: 'remove blocks repeated within a document, keeping the most complete copy',
    rules: DEDUP_RULES,
    schema: z
      .object({
        rules: switches(DEDUP_RULES),
        minWords: z.number().int().min(1).optional(),
        containment: z.number().gt(0).max(1).optional(),
        documents: z
          .union([
            z.literal(false),
            z
              .object({
                shingleSize: z.number().int().min(1),
                numHashes: z.number().int().min(1),
                bands: z.number().int().min(1),
                rows: z.number().int().min(1),
                seed: z.number().int(),
                hashFamily: z.enum(['multiply-shift', 'mod-prime']),
                threshold: z.number().gt(0).max(1),
                containmentThreshold: z.number().gt(0).max(1),
                minWords: z.number().int().min(0),
                policy: z.enum(['longest', 'earliest', 'first-seen']),
                priorWins: z.boolean(),
                maxBucket: z.number().int().min(2),
                passage: z
                  .object({
                    enabled: z.boolean(),
                    minWords: z.number().int().min(1),
                    action: z.enum(['report', 'remove']),
                    maxDocs: z.number().int().min(2)
                  })
                  .partial()
                  .strict(),
                guard: z.union([
                  z.literal(false),
                  z
                    .object({
                      maxRemovedShare: z.number().gt(0).max(1),
                      minWordsLeft: z.number().int().min(0),
                      minProseWords: z.number().int().min(0),
                      maxLostWords: z.number().int().min(1)
                    })
                    .partial()
                    .strict()
                ]),
                index: z.string().min(1),
                batch: z.string().min(1)
              })
              .partial()
              .strict()
          ])
          .optional()
      })
      .strict(),
    create: dedup
  },
  retext: {
    name: 'retext',
    description: 'any installed retext plugin; its fixes become edits of rule <plugin>:<ruleId>, its other messages warnings',
    // Rule ids come from the plugin: `retext-repeated-words:the`.
    rules: [],
    schema: z.object({plugin: z.string().min(1), options: z.unknown().optional()}).strict(),
    create: retext
  }
}
