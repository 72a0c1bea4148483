/**
 * Remove terminal escape sequences left in text captured from a console or a log
 * (`\x1b[31mError\x1b[0m`): colour and cursor codes (CSI) and title or link codes
 * (OSC). Done before control characters are removed, which would take the ESC alone
 * and leave `[31m` in the text.
 */
import {editsForMatches, type TextRule} from '../../rule.js'

// CSI: ESC [ parameters intermediates final; OSC: ESC ] text, ended by BEL or ESC \.
const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g

export const ansiEscape: TextRule = {
  id: 'ansi-escape',
  reason: 'terminal escape sequence',
  example: '`\\x1b[31mError\\x1b[0m` → `Error`',
  propose: (input) => (input.text.includes('\u001b') ? editsForMatches(input.text, ANSI_ESCAPE, ansiEscape, () => '') : [])
}
