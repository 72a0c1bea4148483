/**
 * Decode C1 control characters that are Windows-1252 punctuation read as
 * Latin-1 (`\x84Handwerk\x93` → `„Handwerk“`): they are damaged text, not
 * invisible characters, and are decoded before any rule could delete them.
 */
import {encodingRule} from '../encoding/rule.js'

export const c1Control = encodingRule('c1-control', {
  reason: 'Windows-1252 character read as a C1 control character',
  example: '`\\x93quoted\\x94` → `“quoted”`'
})
