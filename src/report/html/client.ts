/**
 * The report page's browser script, as a string inlined into the page. It is
 * plain ES2020 (no modules, no framework) so the page works from file://.
 * It reads the JSON blob `#rinse-data` and builds every piece of document text
 * with text nodes; it never assigns document text to innerHTML.
 *
 * Keep it free of backticks, dollar-brace, and script-closing sequences
 * (checked by a test).
 */
export const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var D = JSON.parse(document.getElementById('rinse-data').textContent);
  var docs = D.docs, rules = D.rules, stages = D.stages, reasons = D.reasons, clusters = D.clusters;
  /* Edits come with positions as steps from the previous edit (a smaller page): made absolute once. */
  docs.forEach(function (d) {
    var end = 0, line = 0;
    d.e.forEach(function (e) { e[2] += end; e[3] += e[2]; end = e[3]; e[5] += line; line = e[5]; });
  });
  var ROW = 30;
  var byPath = new Map();
  docs.forEach(function (d, i) { d.lp = d.p.toLowerCase(); byPath.set(d.p, i); });

  function q(sel, r) { return (r || document).querySelector(sel); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) { for (var i = 1; i < arguments.length; i++) { var c = arguments[i]; if (c !== null && c !== undefined) parent.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } return parent; }
  function pct(x) { return isFinite(x) ? (x * 100).toFixed(1) + '%' : '-'; }
  function int(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function bytes(n) {
    var u = ['B', 'KiB', 'MiB', 'GiB'], i = 0;
    while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; }
    return i === 0 ? int(n) + ' B' : n.toFixed(n >= 100 ? 0 : 1) + ' ' + u[i];
  }
  function fileHref(p) { return '#/file/' + encodeURIComponent(p); }
  function cleanedHref(p) { return 'cleaned/' + p.split('/').map(encodeURIComponent).join('/'); }
  function link(text, href, cls) { var a = el('a', cls, text); a.href = href; return a; }

  /* Header height for the Files layout. */
  var top = q('.top');
  function measureTop() { root.style.setProperty('--top-h', top.offsetHeight + 'px'); }
  measureTop();
  window.addEventListener('resize', function () { measureTop(); renderRows(); });

  /* ---------------- Tabs and routing ---------------- */
  var panels = document.querySelectorAll('[data-panel]');
  var tabLinks = document.querySelectorAll('[data-tab]');
  var tab = '';
  function showTab(name) {
    tab = name;
    panels.forEach(function (p) { p.classList.toggle('active', p.getAttribute('data-panel') === name); });
    tabLinks.forEach(function (a) { if (a.getAttribute('data-tab') === name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current'); });
    if (name === 'files') renderRows();
  }
  function route() {
    var h = location.hash, m;
    if ((m = /^#\/file\/(.*)$/.exec(h))) {
      var p;
      try { p = decodeURIComponent(m[1]); } catch (err) { p = m[1]; }
      showTab('files');
      var i = byPath.get(p);
      if (i === undefined) showMissing(p); else openDoc(i);
    } else if ((m = /^#\/rule\/(\d+)$/.exec(h))) {
      ctl.rule.value = m[1];
      ctl.stage.value = '';
      showTab('files');
      applyFilters();
    } else if ((m = /^#\/(overview|files|rules|dups|issues)$/.exec(h))) {
      showTab(m[1]);
    } else {
      showTab('overview');
    }
  }
  window.addEventListener('hashchange', route);

  /* ---------------- Filters ---------------- */
  var ctl = {
    search: q('[data-testid=filter-search]'),
    stage: q('[data-testid=filter-stage]'),
    rule: q('[data-testid=filter-rule]'),
    status: q('[data-testid=filter-status]'),
    dup: q('[data-testid=filter-dup]'),
    removed: q('[data-testid=filter-removed]'),
    removedNum: q('[data-testid=filter-removed-number]'),
    sort: q('[data-testid=sort]')
  };
  var filtered = [];
  var selected = -1;
  function numOrNull(v) { return v === '' ? null : Number(v); }
  // Edits of a document; past the page's budget only their number is carried (n).
  function edits(d) { return d.n != null ? d.n : d.e.length; }
  function docMatches(d, f) {
    if (f.text && d.lp.indexOf(f.text) === -1) return false;
    if (f.stage !== null && d.ss.indexOf(f.stage) === -1) return false;
    if (f.rule !== null && d.rs.indexOf(f.rule) === -1) return false;
    switch (f.status) {
      case 'changed': if (!(edits(d) > 0)) return false; break;
      case 'unchanged': if (edits(d) > 0 || d.f) return false; break;
      case 'failed': if (!d.f) return false; break;
      case 'issues': if (!(d.w || d.c || d.f || d.tn === 'original text does not match the edits')) return false; break;
    }
    switch (f.dup) {
      case 'member': if (!d.dm) return false; break;
      case 'kept': if (!d.dk) return false; break;
      case 'any': if (!d.dm && !d.dk) return false; break;
      case 'none': if (d.dm || d.dk) return false; break;
    }
    if (f.minRm > 0 && !(d.rm * 100 >= f.minRm)) return false;
    return true;
  }
  function currentFilter() {
    return {
      text: ctl.search.value.trim().toLowerCase(),
      stage: numOrNull(ctl.stage.value),
      rule: numOrNull(ctl.rule.value),
      status: ctl.status.value,
      dup: ctl.dup.value,
      minRm: Number(ctl.removed.value) || 0
    };
  }
  var sorters = {
    path: function (a, b) { return docs[a].p < docs[b].p ? -1 : docs[a].p > docs[b].p ? 1 : 0; },
    edits: function (a, b) { return edits(docs[b]) - edits(docs[a]) || a - b; },
    removed: function (a, b) { return docs[b].rm - docs[a].rm || a - b; },
    ms: function (a, b) { return docs[b].ms - docs[a].ms || a - b; },
    size: function (a, b) { return docs[b].bi - docs[a].bi || a - b; }
  };
  function applyFilters() {
    var f = currentFilter();
    filtered = [];
    for (var i = 0; i < docs.length; i++) if (docMatches(docs[i], f)) filtered.push(i);
    var s = sorters[ctl.sort.value];
    if (s) filtered.sort(s);
    q('[data-testid=file-count]').textContent = int(filtered.length) + ' of ' + int(docs.length) + ' files';
    inner.style.height = filtered.length * ROW + 'px';
    lastRange = '';
    renderRows();
    if (selected >= 0) markChanges();
  }
  var timer = 0;
  ctl.search.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(applyFilters, 60); });
  [ctl.stage, ctl.rule, ctl.status, ctl.dup, ctl.sort].forEach(function (c) { c.addEventListener('change', applyFilters); });
  ctl.removed.addEventListener('input', function () { ctl.removedNum.value = ctl.removed.value; applyFilters(); });
  ctl.removedNum.addEventListener('input', function () {
    var v = Math.max(0, Math.min(100, Number(ctl.removedNum.value) || 0));
    ctl.removed.value = String(v);
    applyFilters();
  });

  /* ---------------- Virtual file list ---------------- */
  var list = q('#list'), inner = q('#list-inner');
  var lastRange = '';
  var frame = 0;
  list.addEventListener('scroll', function () { if (!frame) frame = requestAnimationFrame(function () { frame = 0; renderRows(); }); });
  function badge(cls, text, title) { var b = el('span', 'badge ' + cls, text); if (title) b.title = title; return b; }
  function makeRow(pos) {
    var i = filtered[pos], d = docs[i];
    var a = el('a', 'row' + (edits(d) ? '' : ' unchanged'));
    a.href = fileHref(d.p);
    a.style.top = pos * ROW + 'px';
    a.setAttribute('data-testid', 'file-row');
    a.setAttribute('data-path', d.p);
    if (i === selected) a.setAttribute('aria-current', 'true');
    var p = el('span', 'p', d.p);
    p.title = d.p;
    if (d.f) p.appendChild(badge('failed', 'failed'));
    if (d.dm) p.appendChild(badge('dup', 'dup', 'member of a duplicate cluster'));
    if (d.dk) p.appendChild(badge('kept', 'kept', 'kept copy of a duplicate cluster'));
    if (d.w || d.c) p.appendChild(badge('warn', '!', (d.w ? d.w.length + ' warning(s) ' : '') + (d.c ? d.c.length + ' conflict(s)' : '')));
    add(a, p, el('span', 'num', d.f ? '-' : int(edits(d))), el('span', 'num', d.f ? '-' : pct(d.rm)));
    return a;
  }
  function renderRows() {
    if (tab !== 'files') return;
    var h = list.clientHeight || 600;
    var first = Math.max(0, Math.floor(list.scrollTop / ROW) - 8);
    var last = Math.min(filtered.length, Math.ceil((list.scrollTop + h) / ROW) + 8);
    var key = first + ':' + last + ':' + selected;
    if (key === lastRange) return;
    lastRange = key;
    var frag = document.createDocumentFragment();
    for (var pos = first; pos < last; pos++) frag.appendChild(makeRow(pos));
    inner.replaceChildren(frag);
  }
  function revealSelected() {
    var pos = filtered.indexOf(selected);
    if (pos < 0) return;
    var y = pos * ROW;
    if (y < list.scrollTop) list.scrollTop = y;
    else if (y + ROW > list.scrollTop + list.clientHeight) list.scrollTop = y + ROW - list.clientHeight;
  }
  function stepFile(delta) {
    if (!filtered.length) return;
    var pos = filtered.indexOf(selected);
    pos = pos < 0 ? (delta > 0 ? 0 : filtered.length - 1) : Math.max(0, Math.min(filtered.length - 1, pos + delta));
    location.hash = fileHref(docs[filtered[pos]].p);
  }
  list.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      stepFile(ev.key === 'ArrowDown' ? 1 : -1);
      setTimeout(function () { var r = q('.row[aria-current=true]', inner); if (r) r.focus(); }, 0);
    }
  });

  /* ---------------- Per-file view ---------------- */
  var view = q('#view');
  var sbs = false;
  var changeEls = [], navEls = [], navPos = -1;
  var INVISIBLE = { '\r': 'CR', '\u00a0': 'NBSP', '\u00ad': 'SHY', '\u200b': 'ZWSP', '\u200c': 'ZWNJ', '\u200d': 'ZWJ', '\u200e': 'LRM', '\u200f': 'RLM', '\u2028': 'LS', '\u2029': 'PS', '\u2060': 'WJ', '\ufeff': 'BOM', '\t': 'TAB' };
  var invisibleRe = /[\r\u00a0\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
  /* del/ins element holding s; invisible characters stay in the text and get a CSS label. */
  function marked(tag, s) {
    var node = el(tag);
    var wsOnly = /^\s+$/.test(s);
    var buf = '';
    for (var k = 0; k < s.length; k++) {
      var ch = s[k];
      var label = null;
      if (ch === '\n' && wsOnly) label = '';
      else if (ch === '\t' && wsOnly) label = 'TAB';
      else if (ch !== '\t' && invisibleRe.test(ch)) label = INVISIBLE[ch] || ('U+' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
      if (label === null) { buf += ch; continue; }
      if (buf) { node.appendChild(document.createTextNode(buf)); buf = ''; }
      var sp = el('span', label === '' ? 'nl' : 'cp', ch);
      if (label) sp.setAttribute('data-cp', label);
      node.appendChild(sp);
    }
    if (buf) node.appendChild(document.createTextNode(buf));
    return node;
  }
  function beforeOf(d, e) { return d.t !== null ? d.t.slice(e[2], e[3]) : (e[6] || ''); }
  function changeEl(d, k, part) {
    var e = d.e[k], r = rules[e[0]];
    var w = el('span', 'chg si' + r[0]);
    w.setAttribute('data-testid', part === 'after' ? 'change-after' : 'change');
    w.setAttribute('data-rule', r[1]);
    w.setAttribute('data-stage', stages[r[0]]);
    w.setAttribute('data-i', String(k));
    w.setAttribute('aria-label', (part === 'after' ? 'inserted by ' : 'change by ') + r[1]);
    w.tabIndex = -1;
    var before = beforeOf(d, e);
    if (part !== 'after' && before) w.appendChild(marked('del', before));
    if (part !== 'before' && e[4]) w.appendChild(marked('ins', e[4]));
    if (!w.firstChild) w.classList.add('empty');
    return w;
  }
  /*
   * The text as a column of blocks of about BLOCK characters, each ending at a
   * newline of unchanged text. Blocks are laid out independently (and skipped
   * off screen via content-visibility), so a long document opens quickly and
   * highlighting one change does not relayout the whole text. The blocks'
   * text, concatenated, is exactly the pane's text.
   */
  var BLOCK = 3000;
  function countLines(s) { var n = 0, at = -1; while ((at = s.indexOf('\n', at + 1)) !== -1) n++; return n; }
  function textPane(d, part) {
    var box = el('div', 'text');
    var block = null, size = 0, lines = 0;
    function put(node, len, nls) {
      if (!block) { block = el('div', 'blk'); size = 0; lines = 0; }
      block.appendChild(node); size += len; lines += nls;
    }
    function flush() {
      if (!block) return;
      block.style.containIntrinsicSize = 'auto ' + Math.ceil((lines + size / 120) * 21) + 'px';
      box.appendChild(block);
      block = null;
    }
    function plain(s) {
      var start = 0;
      while (start < s.length) {
        var want = Math.max(0, BLOCK - size);
        var cut = s.length - start > want ? s.indexOf('\n', start + want) : -1;
        if (cut === -1) { var rest = s.slice(start); put(document.createTextNode(rest), rest.length, countLines(rest)); return; }
        var piece = s.slice(start, cut + 1);
        put(document.createTextNode(piece), piece.length, countLines(piece));
        flush();
        start = cut + 1;
      }
    }
    var pos = 0, t = d.t;
    for (var k = 0; k < d.e.length; k++) {
      var e = d.e[k];
      if (e[2] > pos) plain(t.slice(pos, e[2]));
      var w = changeEl(d, k, part);
      put(w, e[3] - e[2] + e[4].length, 0);
      pos = e[3];
    }
    if (pos < t.length) plain(t.slice(pos));
    flush();
    return box;
  }
  function labelled(text, child, testid) {
    var box = el('div');
    box.setAttribute('data-testid', testid);
    return add(box, el('div', 'pane-label', text), child);
  }
  function showMissing(p) {
    selected = -1;
    lastRange = '';
    renderRows();
    view.replaceChildren(add(el('div', 'view-empty'), 'No document ', el('code', null, p), ' in this report.'));
  }
  function clusterNote(ci, asKept) {
    var c = clusters[ci], n = el('div', 'note dup');
    if (asKept) {
      add(n, 'Kept copy of ' + c.kind + ' cluster ' + c.id + ' (' + c.why + '). Members: ');
      c.m.slice(0, 20).forEach(function (m, j) { if (j) n.appendChild(document.createTextNode(', ')); n.appendChild(link(m[0], fileHref(m[0]))); });
      if (c.m.length > 20) n.appendChild(document.createTextNode(' and ' + (c.m.length - 20) + ' more'));
    } else {
      var me = null;
      for (var j = 0; j < c.m.length; j++) if (docs[selected] && c.m[j][0] === docs[selected].p) me = c.m[j];
      add(n, 'Duplicate (' + c.kind + ' cluster ' + c.id + ') of ', link(c.kept, fileHref(c.kept)),
        me ? ' - similarity ' + pct(me[1]) + ', containment ' + pct(me[2]) : '');
    }
    return n;
  }
  function openDoc(i) {
    var changedDoc = selected !== i;
    selected = i;
    var d = docs[i];
    hideTip();
    var head = el('div', 'view-head');
    var title = el('div', 'view-title', d.p);
    title.setAttribute('data-testid', 'view-path');
    var count = el('strong', null, String(edits(d)));
    count.setAttribute('data-testid', 'change-count');
    var match = el('span', null);
    match.setAttribute('data-testid', 'change-match-count');
    var meta = add(el('div', 'view-meta'), add(el('span'), count, edits(d) === 1 ? ' change' : ' changes'), match);
    if (!d.f) add(meta,
      add(el('span'), el('strong', null, bytes(d.bi)), ' \u2192 ', el('strong', null, bytes(d.bo))),
      add(el('span'), el('strong', null, pct(d.rm)), ' removed'),
      add(el('span'), el('strong', null, int(d.ms)), ' ms'));
    var legend = el('span');
    d.ss.forEach(function (si) { var c = el('span', 'chip si' + si, stages[si]); c.style.marginRight = '4px'; legend.appendChild(c); });
    meta.appendChild(legend);
    if (!d.f) meta.appendChild(link('cleaned file', cleanedHref(d.p)));

    var prev = el('button', null, '\u2191 prev'), next = el('button', null, 'next \u2193');
    prev.setAttribute('data-testid', 'prev-change'); next.setAttribute('data-testid', 'next-change');
    prev.title = 'Previous change (k or p)'; next.title = 'Next change (j or n)';
    prev.addEventListener('click', function () { step(-1); });
    next.addEventListener('click', function () { step(1); });
    var posEl = el('span', 'num', '');
    posEl.setAttribute('data-testid', 'change-pos');
    var toggle = el('button', null, 'side by side');
    toggle.setAttribute('data-testid', 'toggle-sbs');
    toggle.setAttribute('aria-pressed', String(sbs));
    toggle.title = 'Original | cleaned (s)';
    toggle.disabled = d.t === null;
    toggle.addEventListener('click', toggleSbs);
    var keys = add(el('span', 'keys'), el('kbd', null, 'j'), '/', el('kbd', null, 'k'), ' changes \u00b7 ', el('kbd', null, ']'), '/', el('kbd', null, '['), ' files \u00b7 ', el('kbd', null, 's'), ' side by side \u00b7 ', el('kbd', null, '/'), ' search');
    var tools = add(el('div', 'view-tools'), prev, next, posEl, toggle, keys);

    var notes = el('div', 'notes');
    if (d.f) notes.appendChild(el('div', 'note error', 'Failed: ' + d.f));
    if (d.n != null) notes.appendChild(el('div', 'note', 'Changes not shown: ' + d.tn + '. They are in report.json and diffs/' + d.p + '.diff (rinse diffs OUT writes it after a run with --no-diffs).'));
    else if (d.tn) notes.appendChild(el('div', 'note', 'Text not shown: ' + d.tn + '. Changes are listed with their original text.'));
    (d.w || []).forEach(function (w) { notes.appendChild(el('div', 'note', 'Warning: ' + w)); });
    (d.c || []).forEach(function (c) {
      notes.appendChild(el('div', 'note', 'Conflict in ' + c[0] + ': kept ' + c[1] + ', dropped ' + c[2] + ' at ' + c[5] + '..' + c[6] + ' (' + c[3] + ') - ' + c[4]));
    });
    (d.dm || []).forEach(function (ci) { notes.appendChild(clusterNote(ci, false)); });
    (d.dk || []).forEach(function (ci) { notes.appendChild(clusterNote(ci, true)); });
    add(head, title, meta, tools, notes.firstChild ? notes : null);

    var body = el('div', 'view-body');
    body.setAttribute('data-testid', 'view-body');
    if (d.t === null) {
      var listEl = el('div', 'changes-list');
      d.e.forEach(function (e, k) {
        var row = el('div');
        add(row, el('span', 'where', where(e)), changeEl(d, k, 'both'));
        listEl.appendChild(row);
      });
      if (!edits(d)) listEl.appendChild(el('div', 'muted', d.f ? 'No output.' : 'No changes.'));
      body.appendChild(listEl);
    } else if (sbs) {
      var left = labelled('original', textPane(d, 'before'), 'pane-original');
      var right = labelled('cleaned', textPane(d, 'after'), 'pane-cleaned');
      body.appendChild(add(el('div', 'sbs'), left, right));
      syncPanes(left, right);
    } else {
      body.appendChild(textPane(d, 'both'));
    }
    view.replaceChildren(head, body);
    changeEls = Array.prototype.slice.call(body.querySelectorAll('[data-testid=change]'));
    navPos = -1;
    curEl = null;
    markChanges();
    if (changedDoc) { lastRange = ''; renderRows(); revealSelected(); }
  }
  /* Switch inline / side by side, staying on the current change. */
  function toggleSbs() {
    var keep = curEl ? curEl.getAttribute('data-i') : null;
    sbs = !sbs;
    openDoc(selected);
    var w = keep === null ? null : q('[data-testid=change][data-i="' + keep + '"]', view);
    if (w) focusChange(w);
    var t = q('[data-testid=toggle-sbs]', view);
    if (t && !w) t.focus();
  }
  /* Dim the changes that the stage/rule filters do not select; navigation visits the others. */
  function markChanges() {
    var d = docs[selected];
    if (!d) return;
    var f = currentFilter();
    var active = f.rule !== null || f.stage !== null;
    navEls = [];
    changeEls.forEach(function (w) {
      var e = d.e[Number(w.getAttribute('data-i'))];
      var ids = [e[0]];
      (e[7] || []).forEach(function (x) { ids.push(x[0]); });
      var ok = !active || ids.some(function (ri) { return (f.rule === null || ri === f.rule) && (f.stage === null || rules[ri][0] === f.stage); });
      w.classList.toggle('dim', !ok);
      if (ok) navEls.push(w);
    });
    navPos = curEl ? navEls.indexOf(curEl) : -1;
    if (navEls.length && !curEl) navEls[0].tabIndex = 0;
    var m = q('[data-testid=change-match-count]', view);
    if (m) m.textContent = active ? '(' + navEls.length + ' match the filter)' : '';
    updatePos();
  }
  function updatePos() {
    var p = q('[data-testid=change-pos]', view);
    if (p) p.textContent = navEls.length ? (navPos < 0 ? '-' : navPos + 1) + ' / ' + navEls.length : '';
  }
  var curEl = null;
  /* Make w the current change: roving tabindex, highlight, position indicator. */
  function setCurrent(w) {
    if (curEl && curEl !== w) { curEl.tabIndex = -1; curEl.classList.remove('cur'); }
    changeEls.forEach(function (c) { if (c !== w && c.tabIndex === 0) c.tabIndex = -1; });
    curEl = w;
    w.tabIndex = 0;
    w.classList.add('cur');
    var at = navEls.indexOf(w);
    if (at >= 0) navPos = at;
    updatePos();
  }
  function focusChange(w) {
    setCurrent(w);
    w.focus({ preventScroll: true });
    w.scrollIntoView({ block: 'center' });
    if (sbs) alignPartner(w);
    showTip(w);
  }
  function step(delta) {
    if (!navEls.length) return;
    var cur = navPos;
    var active = document.activeElement;
    if (active && active.classList && active.classList.contains('chg') && navEls.indexOf(active) >= 0) cur = navEls.indexOf(active);
    var nextPos = cur < 0 ? (delta > 0 ? 0 : navEls.length - 1) : (cur + delta + navEls.length) % navEls.length;
    focusChange(navEls[nextPos]);
  }
  view.addEventListener('click', function (ev) {
    var w = ev.target.closest && ev.target.closest('[data-testid=change]');
    if (w) { setCurrent(w); w.focus({ preventScroll: true }); if (sbs) alignPartner(w); }
  });

  /* Side by side: the pane under the pointer drives the other so the same change lines up. */
  var panes = null, driver = null, syncFrame = 0;
  function syncPanes(left, right) {
    panes = [left, right];
    driver = left;
    [left, right].forEach(function (p) {
      p.addEventListener('pointerenter', function () { driver = p; });
      p.addEventListener('focusin', function () { driver = p; });
      p.addEventListener('scroll', function () {
        if (p !== driver || syncFrame) return;
        syncFrame = requestAnimationFrame(function () { syncFrame = 0; syncFrom(p); });
      });
    });
  }
  /*
   * Off-screen blocks have estimated heights until they are first shown, so
   * one alignment can be off by the difference; re-align for a few frames
   * until the partner stops moving.
   */
  function settle(fn, tries, calm) {
    calm = fn() > 1 ? 0 : (calm || 0) + 1;
    if (calm < 3 && tries > 0) requestAnimationFrame(function () { settle(fn, tries - 1, calm); });
  }
  /* Offset of e from the top of pane's content (blocks with containment are offset parents too). */
  function topIn(e, pane) {
    var y = 0;
    while (e && e !== pane) { y += e.offsetTop; e = e.offsetParent; }
    return y;
  }
  function alignTo(a, pa, b, pb) {
    return function () {
      var want = topIn(b, pb) - (topIn(a, pa) - pa.scrollTop);
      var moved = Math.abs(pb.scrollTop - want);
      pb.scrollTop = want;
      return moved;
    };
  }
  function syncFrom(p) {
    var other = p === panes[0] ? panes[1] : panes[0];
    var sel = p === panes[0] ? '[data-testid=change]' : '[data-testid=change-after]';
    var mine = p.querySelectorAll(sel);
    if (!mine.length) { other.scrollTop = p.scrollTop / Math.max(1, p.scrollHeight) * other.scrollHeight; return; }
    /* First change at or below the top edge, by binary search on offsetTop. */
    var lo = 0, hi = mine.length - 1, topY = p.scrollTop;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (topIn(mine[mid], p) < topY) lo = mid + 1; else hi = mid; }
    var a = mine[lo];
    var b = q((p === panes[0] ? '[data-testid=change-after]' : '[data-testid=change]') + '[data-i="' + a.getAttribute('data-i') + '"]', other);
    if (b) settle(alignTo(a, p, b, other), 12);
  }
  function alignPartner(w) {
    if (!panes) return;
    var b = q('[data-testid=change-after][data-i="' + w.getAttribute('data-i') + '"]', panes[1]);
    if (b) settle(alignTo(w, panes[0], b, panes[1]), 12);
  }

  /* ---------------- Tooltip ---------------- */
  var tip = q('#tip');
  var tipFor = null;
  function preview(s) {
    var out = s.length > 160 ? s.slice(0, 160) + '\u2026' : s;
    return out.replace(/\n/g, '\u21b5').replace(/\t/g, '\u2192').replace(/\u00a0/g, '\u237d').replace(/[\u200b-\u200f\u2060\ufeff]/g, '\u2400');
  }
  /* An edit's place: its line, or its offset when the original could not be rebuilt (line 0). */
  function where(e) {
    return e[5] ? 'line ' + e[5] : 'offset ' + e[2];
  }

  function showTip(w) {
    var d = docs[selected];
    if (!d || !w) return;
    var e = d.e[Number(w.getAttribute('data-i'))];
    if (!e) return;
    var r = rules[e[0]];
    tip.replaceChildren();
    add(tip, add(el('div', 'tip-head'), el('span', 'chip si' + r[0], stages[r[0]]), el('span', 'tip-rule', r[1]), el('span', null, where(e))));
    var reason = el('div', 'tip-reason', reasons[e[1]]);
    reason.setAttribute('data-testid', 'tooltip-reason');
    tip.appendChild(reason);
    var before = beforeOf(d, e);
    var diff = el('div', 'tip-diff');
    diff.textContent = '\u2212 ' + (before ? preview(before) : '(nothing)') + '\n+ ' + (e[4] ? preview(e[4]) : '(nothing)');
    tip.appendChild(diff);
    (e[7] || []).forEach(function (x) {
      var fr = rules[x[0]];
      tip.appendChild(el('div', 'tip-folded', 'folded: ' + stages[fr[0]] + ' / ' + fr[1] + ' - ' + reasons[x[1]]));
    });
    tip.hidden = false;
    tipFor = w;
    w.setAttribute('aria-describedby', 'tip');
    placeTip(w);
  }
  function placeTip(w) {
    var rects = w.getClientRects();
    var rect = rects.length ? rects[0] : w.getBoundingClientRect();
    var tw = tip.offsetWidth, th = tip.offsetHeight;
    var x = Math.max(8, Math.min(rect.left, window.innerWidth - tw - 8));
    var y = rect.bottom + 6;
    if (y + th > window.innerHeight - 8) y = Math.max(8, rect.top - th - 6);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function hideTip() {
    if (tipFor) tipFor.removeAttribute('aria-describedby');
    tipFor = null;
    tip.hidden = true;
  }
  function focusedChange() {
    var a = document.activeElement;
    return a && a.classList && a.classList.contains('chg') && view.contains(a) ? a : null;
  }
  view.addEventListener('mouseover', function (ev) {
    var w = ev.target.closest && ev.target.closest('.chg');
    if (w && w !== tipFor) showTip(w);
  });
  view.addEventListener('mouseout', function (ev) {
    var w = ev.target.closest && ev.target.closest('.chg');
    if (!w || (ev.relatedTarget && w.contains(ev.relatedTarget))) return;
    var f = focusedChange();
    if (f) showTip(f); else hideTip();
  });
  view.addEventListener('focusin', function (ev) {
    var w = ev.target;
    if (!(w.classList && w.classList.contains('chg'))) return;
    if (w.getAttribute('data-testid') === 'change') setCurrent(w);
    showTip(w);
  });
  view.addEventListener('focusout', function () { setTimeout(function () { if (!focusedChange()) hideTip(); }, 0); });
  view.addEventListener('scroll', function () { if (tipFor) placeTip(tipFor); }, true);

  /* ---------------- Keyboard ---------------- */
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    var typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (typing) { if (ev.key === 'Escape') t.blur(); return; }
    var k = ev.key;
    if (tab === 'files' && selected >= 0 && (k === 'j' || k === 'n')) { ev.preventDefault(); step(1); }
    else if (tab === 'files' && selected >= 0 && (k === 'k' || k === 'p')) { ev.preventDefault(); step(-1); }
    else if (tab === 'files' && k === ']') { ev.preventDefault(); stepFile(1); }
    else if (tab === 'files' && k === '[') { ev.preventDefault(); stepFile(-1); }
    else if (tab === 'files' && selected >= 0 && k === 's' && docs[selected].t !== null) { ev.preventDefault(); toggleSbs(); }
    else if (k === '/') { ev.preventDefault(); if (tab !== 'files') location.hash = '#/files'; ctl.search.focus(); }
    else if (k === 'Escape') hideTip();
  });

  applyFilters();
  route();
  root.setAttribute('data-ready', 'true');
})();
`
