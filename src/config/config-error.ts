/** A pipeline or overlay file that cannot be used: which file, which key, and what was expected. */
import {readFile} from 'node:fs/promises'

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

/** A configuration file's text; one it cannot read is a ConfigError naming the file and why. */
export async function readConfigFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(path, '', `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}
