/**
 * The encoding repair library (@photostructure/ftfy, a port of Python's ftfy),
 * configured for scraped articles: it repairs encodings only. Its other fixers
 * are off because rinse has rules of its own for them (HTML entities, terminal
 * escapes, line breaks, control characters, Unicode normalization), and because
 * straightening quotes, splitting ligatures or changing the width of CJK text
 * alters text that is not damaged.
 */
import {fix_and_explain, TextFixerConfig, type ExplanationStep} from '@photostructure/ftfy'

const CONFIG = TextFixerConfig({
  fix_encoding: true,
  restore_byte_a0: true,
  replace_lossy_sequences: true,
  decode_inconsistent_utf8: true,
  fix_c1_controls: true,
  fix_surrogates: true,
  unescape_html: false,
  remove_terminal_escapes: false,
  fix_latin_ligatures: false,
  fix_character_width: false,
  uncurl_quotes: false,
  fix_line_breaks: false,
  remove_control_chars: false,
  normalization: null,
  explain: true
})

export type FixPlan = readonly ExplanationStep[]

export interface RepairedSegment {
  text: string
  plan: FixPlan
}

/** Repair one segment (a line or part of one); the plan is empty when nothing changed. */
export function repairSegment(segment: string): RepairedSegment {
  const {text, explanation} = fix_and_explain(segment, CONFIG)
  return {text, plan: text === segment ? [] : (explanation ?? [])}
}

/** The plan as a person reads it: `encode sloppy-windows-1252 → decode utf-8`. */
export function describePlan(plan: FixPlan): string {
  return plan.map(([action, parameter]) => `${action} ${parameter}`).join(' → ')
}

const CODEC_NAMES: Record<string, string> = {
  'latin-1': 'Latin-1',
  'sloppy-windows-1252': 'Windows-1252',
  'sloppy-windows-1251': 'Windows-1251',
  'sloppy-windows-1250': 'Windows-1250',
  'sloppy-windows-1253': 'Windows-1253',
  'sloppy-windows-1254': 'Windows-1254',
  'sloppy-windows-1257': 'Windows-1257',
  'iso-8859-2': 'ISO 8859-2',
  macroman: 'MacRoman',
  cp437: 'CP437'
}

/** The codecs the text was wrongly decoded with, outermost layer first. */
export function misreadCodecs(plan: FixPlan): string[] {
  return plan.filter(([action]) => action === 'encode').map(([, codec]) => CODEC_NAMES[codec] ?? codec)
}

export function planUses(plan: FixPlan, parameter: string): boolean {
  return plan.some(([, used]) => used === parameter)
}
