/** rinse's version, from its package.json (two folders up from both src/ and dist/ modules). */
import {readFileSync} from 'node:fs'

export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}).version
