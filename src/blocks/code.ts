/**
 * Lines that read as source code: a statement that assigns or ends in `);`,
 * braces, arrows, empty calls, comments. Pages about software quote code,
 * where camel case, brackets glued to words and short lines are meant; the
 * repairs that would mend them in prose leave these lines alone. Prose has its
 * own `=` and `);` (`1 USD = 0.92 EUR`, `Apple (AAPL); Microsoft`), so those
 * count only where a statement would put them.
 */
const CODE_LINE = new RegExp(
  [
    // An assignment that starts the line: `x = 1`, `let total += n`, `user.name = "A"`.
    String.raw`^\s*(?:(?:const|let|var|val|auto|int|string|public|private|static|final|def|return)\s+)*[A-Za-z_$][\w$]*(?:(?:\.|->|::)[A-Za-z_$][\w$]*|\[[^\]]*\])*\s*[-+*/%|&]?=(?!=)\s`,
    // A statement ending the line: `f(a, b);`, `x = y(z); // note`.
    String.raw`\);\s*(?:\/\/.*)?$`,
    String.raw`[{}]`,
    String.raw`\s=>\s`,
    String.raw`\w\(\)`,
    String.raw`^\s*(?:\/\/|\/\*|#include\b|#define\b)`
  ].join('|')
)

export function looksLikeCode(line: string): boolean {
  return CODE_LINE.test(line)
}

/** The line of `text` that holds offset `at`, without its newline. */
export function lineAround(text: string, at: number): string {
  const end = text.indexOf('\n', at)
  return text.slice(text.lastIndexOf('\n', at - 1) + 1, end === -1 ? text.length : end)
}
