/** The report page's stylesheet. Stage colours come as `.si<N>{--sc:...}` rules built per report. */

export const REPORT_CSS = String.raw`
:root {
  --bg: #f6f7f9; --panel: #fff; --ink: #1b1f24; --muted: #5b6470; --line: #d8dde3; --accent: #1d4ed8;
  --row: 30px; --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
h1 { font-size: 18px; margin: 0; }
h2 { font-size: 15px; margin: 0 0 8px; }
h3 { font-size: 14px; margin: 12px 0 6px; }
.muted { color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code, .mono { font-family: var(--mono); font-size: 12.5px; }

.top { position: sticky; top: 0; z-index: 5; background: var(--panel); border-bottom: 1px solid var(--line); padding: 10px 16px 0; }
.top-row { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
.figures { display: flex; flex-wrap: wrap; gap: 6px 22px; margin: 8px 0 6px; }
.figures div { display: flex; flex-direction: column; }
.figures dt { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.figures dd { margin: 0; font-size: 17px; font-weight: 600; font-variant-numeric: tabular-nums; }
.tabs { display: flex; gap: 2px; margin-top: 4px; }
.tabs a { padding: 7px 14px; text-decoration: none; color: var(--muted); border-bottom: 3px solid transparent; font-weight: 500; }
.tabs a[aria-current=page] { color: var(--ink); border-bottom-color: var(--accent); }
.tabs a:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }

main { padding: 14px 16px; }
.js [data-panel]:not(.active) { display: none; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 14px; }
.stack { display: grid; gap: 14px; }
code.err { white-space: pre-wrap; overflow-wrap: anywhere; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; min-width: 0; }

table { border-collapse: collapse; width: 100%; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--panel); position: sticky; top: 0; }
td.path { word-break: break-all; }

.bars { display: grid; grid-template-columns: minmax(90px, max-content) 1fr max-content; gap: 4px 10px; align-items: center; }
.bar { height: 14px; background: #eef0f3; border-radius: 3px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--sc, #64748b); border-radius: 3px; }
.bar-label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 260px; }

.chip { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 11.5px; line-height: 18px; color: #fff; background: var(--sc, #64748b); white-space: nowrap; }
.badge { display: inline-block; padding: 0 5px; border-radius: 4px; font-size: 10.5px; line-height: 16px; border: 1px solid currentColor; margin-left: 4px; white-space: nowrap; }
.badge.dup { color: #7c3aed; } .badge.kept { color: #047857; } .badge.failed { color: #b91c1c; } .badge.warn { color: #b45309; }

/* Files tab */
.files { display: grid; grid-template-columns: minmax(320px, 32%) 1fr; gap: 14px; height: calc(100vh - var(--top-h, 150px) - 28px); min-height: 420px; }
.list-pane, .view-pane { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; min-width: 0; min-height: 0; display: flex; flex-direction: column; }
.filters { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 8px; padding: 10px; border-bottom: 1px solid var(--line); }
.filters label { display: flex; flex-direction: column; font-size: 11px; color: var(--muted); gap: 2px; min-width: 0; }
.filters .wide { grid-column: 1 / -1; }
.filters input, .filters select { font: inherit; font-size: 13px; padding: 3px 5px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); min-width: 0; }
.filters .range { display: flex; gap: 6px; align-items: center; }
.filters .range input[type=range] { flex: 1; }
.filters .range input[type=number] { width: 64px; }
.list-head, .row { display: grid; grid-template-columns: 1fr 52px 64px; gap: 6px; padding: 0 10px; align-items: center; }
.list-head { font-size: 11px; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); height: 24px; }
.list { position: relative; overflow: auto; flex: 1; min-height: 0; }
.list-inner { position: relative; }
.row { position: absolute; left: 0; right: 0; height: var(--row); text-decoration: none; color: var(--ink); border-bottom: 1px solid #eef0f3; }
.row:hover { background: #f1f5ff; }
.row[aria-current=true] { background: #dbe6ff; }
.row:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.row .p { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; direction: ltr; }
.row.unchanged .p { color: var(--muted); }
.list-foot { padding: 6px 10px; border-top: 1px solid var(--line); font-size: 12px; color: var(--muted); display: flex; justify-content: space-between; }

.view-head { padding: 10px 14px; border-bottom: 1px solid var(--line); display: flex; flex-direction: column; gap: 6px; }
.view-title { font-family: var(--mono); font-size: 14px; font-weight: 600; word-break: break-all; }
.view-meta { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; font-size: 13px; color: var(--muted); }
.view-meta strong { color: var(--ink); font-variant-numeric: tabular-nums; }
.view-tools { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.decide { margin-top: 6px; }
.decide input { min-width: 16em; }
pre.yaml { white-space: pre-wrap; font-family: var(--mono); font-size: 12.5px; margin: 0; }
button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 5px; background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: #f1f5ff; }
button:disabled { opacity: .45; cursor: default; background: #fff; }
button[aria-pressed=true] { background: var(--accent); border-color: var(--accent); color: #fff; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.keys { font-size: 12px; color: var(--muted); }
kbd { font-family: var(--mono); font-size: 11px; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; background: #fafafa; }
.notes { display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
.note { padding: 4px 8px; border-radius: 4px; background: #fff7e6; border: 1px solid #f3d9a4; }
.note.error { background: #fdecec; border-color: #f2b8b8; white-space: pre-wrap; font-family: var(--mono); font-size: 12.5px; }
.note.dup { background: #f3efff; border-color: #d9ccfb; }
.view-body { flex: 1; min-height: 0; overflow: auto; }
.view-empty { padding: 40px; color: var(--muted); text-align: center; }
.sbs { display: grid; grid-template-columns: 1fr 1fr; height: 100%; }
.sbs > div { overflow: auto; min-width: 0; }
.sbs > div + div { border-left: 1px solid var(--line); }
.pane-label { position: sticky; top: 0; background: #f8fafc; border-bottom: 1px solid var(--line); padding: 3px 14px; font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); z-index: 1; }
.text { margin: 0; padding: 12px 14px 40vh; font-family: var(--mono); font-size: 13px; line-height: 1.6; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.text .blk { content-visibility: auto; }
.view-body, .sbs > div { position: relative; }

/* Changes */
.chg { --tint: color-mix(in srgb, var(--sc) 16%, transparent); --tint2: color-mix(in srgb, var(--sc) 30%, transparent); border-radius: 2px; cursor: help; }
.chg del { background: var(--tint); text-decoration: line-through; text-decoration-color: var(--sc); text-decoration-thickness: 1.5px; color: #3c4148; }
.chg ins { background: var(--tint2); text-decoration: underline; text-decoration-color: var(--sc); text-decoration-thickness: 2px; text-underline-offset: 2px; color: #111; }
.chg.empty::before { content: "\200b"; border-left: 2px solid var(--sc); margin: 0 1px; }
.chg .nl::before { content: "\21b5"; color: var(--sc); display: inline-block; text-decoration: none; padding: 0 1px; }
.chg .cp::before { content: attr(data-cp); font-size: 9.5px; font-family: var(--mono); color: #fff; background: var(--sc); border-radius: 2px; padding: 0 2px; margin: 0 1px; vertical-align: 1px; text-decoration: none; display: inline-block; }
.chg:focus { outline: none; }
.chg.cur, .chg:focus-visible { outline: 2px solid var(--sc); outline-offset: 1px; }
.chg.dim { opacity: .35; }
.changes-list { padding: 10px 14px; display: flex; flex-direction: column; gap: 8px; }
.changes-list > div { font-family: var(--mono); font-size: 13px; white-space: pre-wrap; overflow-wrap: anywhere; border-bottom: 1px solid #eef0f3; padding-bottom: 6px; }
.changes-list .where { color: var(--muted); font-size: 11px; display: block; }

#tip { position: fixed; z-index: 20; max-width: min(440px, 90vw); background: #1f2430; color: #f3f4f6; border-radius: 6px; padding: 8px 10px; font-size: 12.5px; box-shadow: 0 6px 24px rgba(0,0,0,.25); pointer-events: none; }
#tip[hidden] { display: none; }
#tip .tip-head { display: flex; gap: 6px; align-items: center; margin-bottom: 3px; }
#tip .tip-rule { font-family: var(--mono); font-weight: 700; }
#tip .tip-reason { margin-bottom: 4px; }
#tip .tip-diff { font-family: var(--mono); font-size: 11.5px; white-space: pre-wrap; overflow-wrap: anywhere; color: #cbd5e1; }
#tip .tip-folded { margin-top: 4px; font-size: 11.5px; color: #cbd5e1; }

.cluster { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin-bottom: 10px; content-visibility: auto; contain-intrinsic-size: auto 140px; }
.cluster .kept { margin: 2px 0 6px; }
.more { color: var(--muted); font-style: italic; padding: 6px 0; }

@media (max-width: 900px) {
  .files { grid-template-columns: 1fr; height: auto; }
  .list-pane { height: 60vh; }
  .view-pane { min-height: 70vh; }
}
`
