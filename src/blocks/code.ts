/**
 * Lines that read as source code: assignments, braces, calls, comments. Pages
 * about software quote code, where camel case, brackets glued to words and
 * short lines are meant; the repairs that would mend them in prose leave these
 * lines alone.
 */
const CODE_LINE = /[{}]|\s=>?\s|\(\)|\);|^\s*(?:\/\/|\/\*|#include\b)/

export function looksLikeCode(line: string): boolean {
  return CODE_LINE.test(line)
}

/** The line of `text` that holds offset `at`, without its newline. */
export function lineAround(text: string, at: number): string {
  const end = text.indexOf('\n', at)
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, end === -1 ? text.length : end)
}
