/** A pipeline or overlay file that cannot be used: which file, which key, and what was expected. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    readonly expected: string
  ) {
    super(`${source}: ${key ? `\`${key}\`: ` : ''}${expected}`)
    this.name = 'ConfigError'
  }
}
