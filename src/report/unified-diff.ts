/** Unified diffs that `git apply` and `patch -p1` apply to the input file to give the cleaned file. */
import {createTwoFilesPatch} from 'diff'

export function unifiedDiff(relativePath: string, original: string, cleaned: string): string {
  const patch = createTwoFilesPatch(`a/${relativePath}`, `b/${relativePath}`, original, cleaned, undefined, undefined, {context: 3})
  // jsdiff starts with an `Index:` banner and a `===` rule; patch tools do not need them.
  return patch.replace(/^Index: [^\n]*\n=+\n/, '')
}
