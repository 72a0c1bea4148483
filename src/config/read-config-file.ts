/** Reading a pipeline or overlay file: one it cannot read is a ConfigError naming the file and why. */
import {readFile} from 'node:fs/promises'
import {ConfigError} from '../errors.js'

export async function readConfigFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new ConfigError(path, '', `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
}
