import {inTail, type BlockRule} from '../block-rule.js'

const READ_ORIGINAL = /\b(?:read|view|see)\b.{0,40}\b(?:original|full|whole)\b.{0,60}\b(?:here|source|site|website)\b/i
const ORIGINALLY = /^This (?:article|story|post) (?:was )?(?:originally|first) (?:appeared|published|posted)\b/i

/** `If you want to read this article from the original source, read it here.` */
export const readOriginal: BlockRule = {
  id: 'read-original',
  reason: 'link to the original article',
  example: '`Read the original article here.`',
  needsContext: true,
  match(block, context) {
    if (block.words > 35) return false
    if (ORIGINALLY.test(block.text)) return true
    // "Read the full report on the agency's website" can be content; a link line says "here" or ends the page.
    return READ_ORIGINAL.test(block.text) && (/\bhere\b/i.test(block.text) || inTail(block, context))
  }
}
