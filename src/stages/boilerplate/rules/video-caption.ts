import type {BlockRule} from '../block-rule.js'

const DURATION = /\s\(?(\d{1,2}):([0-5]\d)(?::[0-5]\d)?\)?$/
// A clock time reads "at 10:30"; a clip's duration follows a title.
const BEFORE_TIME = /\b(?:at|by|from|until|till|to|before|after|around|about|since|between|and|or|is|was|opens|closes|starts|ends|begins)$/i

/** `Mayor opens the new bridge (2022) 2:20`: a video's title and duration. */
export const videoCaption: BlockRule = {
  id: 'video-caption',
  reason: 'video title with its duration',
  example: '`Firefighters rescue a horse from a ditch 1:45`',
  match(block) {
    const text = block.text
    if (/^(?:Video|Watch|WATCH|VIDEO|Listen|Podcast)\s*[:|–-]\s*\S/.test(text) && block.words <= 20) return {reason: 'video or audio link'}
    if (block.words > 25) return false
    const duration = DURATION.exec(text)
    if (!duration) return false
    const head = text.slice(0, duration.index).trimEnd()
    if (/[.!?;:,]$/.test(head) || BEFORE_TIME.test(head) || /\b(?:a\.m|p\.m)\.?$/i.test(head)) return false
    return head.split(/\s+/).length >= 2
  }
}
