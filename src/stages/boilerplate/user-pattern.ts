/**
 * Patterns from pipeline files run on RE2, whose matching time is linear in the
 * line's length: a pattern such as `(a+)+$` cannot hang a batch as a backtracking
 * engine would. RE2 has no backreferences and no lookaround; such a pattern is
 * refused when the pipeline is loaded, before any input is read.
 */
import {createRequire} from 'node:module'
import type RE2Type from 're2'
import {z} from 'zod'

type RE2Constructor = typeof RE2Type

/** Flags of a pattern that gives none: case-insensitive, Unicode. */
export const CUSTOM_PATTERN_FLAGS = 'iu'

let engine: RE2Constructor | undefined

/** The native module loads on first use, so a pipeline without patterns never loads it. */
function re2(): RE2Constructor {
  engine ??= createRequire(import.meta.url)('re2') as RE2Constructor
  return engine
}

/** Compile a user pattern; throws RE2's own message for what it cannot run. */
export function compileUserPattern(source: string, flags: string): {test(text: string): boolean} {
  const RE2 = re2()
  return new RE2(source, flags)
}

/** Why a user pattern cannot be used, or undefined when it can. */
export function userPatternProblem(source: string, flags = CUSTOM_PATTERN_FLAGS): string | undefined {
  try {
    compileUserPattern(source, flags)
    return undefined
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return `expected a pattern RE2 can run, not \`${source}\`: ${why} (rinse runs pipeline patterns with RE2, in time linear in the line, so that no line can hang a batch; RE2 has no backreferences or lookaround)`
  }
}

/** A pipeline file's own boilerplate rule: refused at load when RE2 cannot run its pattern. */
export const customPattern = z
  .object({
    /** Rule id reported for matches. */
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a kebab-case rule id'),
    /** A regular expression tested against each block (one trimmed line). */
    pattern: z.string(),
    flags: z
      .string()
      .regex(/^[gimsuy]*$/)
      .optional(),
    reason: z.string().min(1),
    /** Only blocks with at most this many words match (default 40). */
    maxWords: z.number().int().positive().optional()
  })
  .strict()
  .superRefine((custom, context) => {
    const problem = userPatternProblem(custom.pattern, custom.flags ?? CUSTOM_PATTERN_FLAGS)
    if (problem) context.addIssue({code: 'custom', path: ['pattern'], message: problem})
  })

export type CustomPattern = z.output<typeof customPattern>
