/** The `rules` option every rule stage takes: a rule id switched on (true) or off (false). */
import {z} from 'zod'
import type {RuleInfo} from '../engine/stage.js'

/** Any id here; a stage's descriptor narrows it to the stage's own rule ids (`withRuleSwitches`). */
export const ruleSwitches = z.record(z.string(), z.boolean()).optional()

/** The switches for exactly these rule ids, so a misspelt id in a pipeline file is an error. */
export function ruleSwitchesFor(ids: readonly string[]) {
  return z.partialRecord(z.enum(ids as [string, ...string[]]), z.boolean()).optional()
}

/** A stage's options schema with its `rules` switches narrowed to `rules`. */
export function withRuleSwitches<Shape extends z.ZodRawShape>(options: z.ZodObject<Shape>, rules: readonly RuleInfo[]) {
  return options.extend({rules: ruleSwitchesFor(rules.map((rule) => rule.id))})
}

/** A rule's documentation: id, reason and example, without its logic. */
export const ruleInfo = (rule: RuleInfo): RuleInfo => ({id: rule.id, reason: rule.reason, example: rule.example})

/**
 * Options checked against a schema that fills in defaults, but kept as the file
 * wrote them: the pipeline's hash and its report name what the file says, as for
 * the stages whose schemas have no defaults.
 */
export const asWritten = (schema: z.ZodType) =>
  z.unknown().superRefine((value, context) => {
    const parsed = schema.safeParse(value)
    if (!parsed.success) for (const issue of parsed.error.issues) context.addIssue(issue as never)
  })
