/** A path as it can be printed on one line of a terminal: control characters (a NUL, a newline, an escape) escaped. */
export function printable(path: string): string {
  return /[\u0000-\u001f\u007f-\u009f]/.test(path) ? JSON.stringify(path).slice(1, -1) : path
}
