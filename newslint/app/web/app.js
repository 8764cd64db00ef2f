/* newslint review page: paste or drop an article, POST it to /v1/check, see the findings
   highlighted in place and apply their fixes.

   The API counts offsets in Unicode code points; JavaScript strings count UTF-16 units, so every
   position from the API goes through a UnitIndex before it touches the text. The highlights are
   a copy of the text under a transparent textarea, laid out alike, with <mark>s where the
   findings are: the article stays an ordinary, editable textarea. */
'use strict';

const LEVELS = ['error', 'warning', 'info'];
const RANK = {error: 2, warning: 1, info: 0};
const RECHECK_AFTER_MS = 600;
const FORMAT_OF_EXTENSION = {txt: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html'};
const STATISTICS = [
  ['words', 'Words'], ['sentences', 'Sentences'],
  ['flesch_kincaid_grade', 'Flesch–Kincaid grade'], ['flesch_reading_ease', 'Reading ease'],
];

const byId = (id) => document.getElementById(id);
const ui = {
  text: byId('text'), backdrop: byId('backdrop'), highlights: byId('highlights'), editor: byId('editor'),
  format: byId('format'), file: byId('file'), check: byId('check'), fixAll: byId('fix-all'), undo: byId('undo'),
  status: byId('status'), announce: byId('announce'), stats: byId('stats'), findings: byId('findings'),
  count: byId('findings-count'), levelFilter: byId('level-filter'), familyFilter: byId('family-filter'),
  tokenForm: byId('token-form'), token: byId('token'), dropHint: byId('drop-hint'),
};

const state = {
  checkedText: null,   // the text the findings belong to; null before the first check
  findings: [],        // the API's diagnostics, with start and end in UTF-16 units
  summary: null, verdict: null, statistics: null, elapsedMs: null,
  active: -1,          // index into findings of the selected finding
  hiddenLevels: new Set(), hiddenFamilies: new Set(),
  undo: [], sequence: 0, timer: 0, checks: 0,
  token: sessionStorage.getItem('newslint-token') || '',
};

/* Positions ------------------------------------------------------------------------------ */

/** Code-point offsets (the API's) to UTF-16 indices (JavaScript's) for one text. */
class UnitIndex {
  constructor(text) {
    this.text = text;
    this.units = null;  // units[codePoint]; null while the text has no character outside the BMP
    if (/[\uD800-\uDFFF]/.test(text)) {
      this.units = [0];
      let unit = 0;
      for (const character of text) {
        unit += character.length;
        this.units.push(unit);
      }
    }
    this.lineStarts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) this.lineStarts.push(match.index + match[0].length);
  }

  at(codePoint) {
    if (this.units === null) return Math.min(codePoint, this.text.length);
    return this.units[Math.min(codePoint, this.units.length - 1)];
  }

  /** A 1-based line and column in code points, as the API's related locations give them. */
  atLine(line, column) {
    let unit = this.lineStarts[Math.min(line, this.lineStarts.length) - 1];
    for (let step = 1; step < column && unit < this.text.length; step += 1) {
      const code = this.text.charCodeAt(unit);
      unit += code >= 0xD800 && code <= 0xDBFF ? 2 : 1;
    }
    return unit;
  }
}

/* Checking ------------------------------------------------------------------------------- */

function requestHeaders() {
  const headers = {'Content-Type': 'application/json'};
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  return headers;
}

async function check() {
  clearTimeout(state.timer);
  const text = ui.text.value;
  if (!text.trim()) {
    accept(text, {diagnostics: [], summary: null, verdict: null, statistics: null}, null);
    say('Paste an article, or open a file, then check it.');
    return;
  }
  const sequence = ++state.sequence;
  const started = performance.now();
  ui.editor.setAttribute('aria-busy', 'true');
  say('Checking…');
  let response;
  let body;
  try {
    response = await fetch('v1/check', {
      method: 'POST', headers: requestHeaders(),
      body: JSON.stringify({text, format: ui.format.value, statistics: true}),
    });
    body = await response.json();
  } catch (error) {
    if (sequence === state.sequence) {
      ui.editor.removeAttribute('aria-busy');
      say(`The check failed (${error.message}): is newslint serve still running?`);
    }
    return;
  }
  if (sequence !== state.sequence) return;  // a newer check is on its way
  ui.editor.removeAttribute('aria-busy');
  if (response.status === 401) {
    ui.tokenForm.hidden = false;
    ui.token.focus();
    say('This server asks for a token: enter it above the article.');
    return;
  }
  if (!response.ok) {
    say(`The server did not check the article: ${body.error ? body.error.message : response.status}`);
    return;
  }
  accept(text, body, started);
}

function accept(text, body, started) {
  const index = new UnitIndex(text);
  state.checkedText = text;
  state.findings = body.diagnostics.map((d) => ({
    ...d,
    start: index.at(d.offset),
    end: index.at(d.offset + d.length),
    related: d.related.map((r) => ({...r, start: index.atLine(r.line, r.column),
                                    end: index.atLine(r.end_line, r.end_column)})),
    fix: d.fix || null,
  }));
  state.summary = body.summary;
  state.verdict = body.verdict;
  state.statistics = body.statistics || null;
  state.active = -1;
  render();
  state.elapsedMs = started === null ? null : Math.round(performance.now() - started);
  state.checks += 1;
  document.body.dataset.checks = String(state.checks);
  document.body.dataset.checkMs = String(state.elapsedMs);
  renderStatistics();
  if (body.summary) say(summaryText());
}

function summaryText() {
  const {errors, warnings, infos, fail_on: failOn} = state.summary;
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = state.verdict === 'fail' ? `would not pass (fails on ${failOn})` : 'passes';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}: the article ${verdict}.`;
}

function textIsChecked() {
  return state.checkedText !== null && ui.text.value === state.checkedText;
}

/* Rendering ------------------------------------------------------------------------------ */

function visible(finding) {
  return !state.hiddenLevels.has(finding.level) && !state.hiddenFamilies.has(finding.family);
}

function render() {
  if (state.active >= 0 && !visible(state.findings[state.active])) state.active = -1;
  renderHighlights();
  renderFilters();
  renderFindings();
  renderButtons();
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
}

/** The text with a <mark> over every stretch that one or more shown findings cover (and over the
    selected finding's related places); a stretch names its findings in data-findings. */
function renderHighlights() {
  const text = ui.text.value;
  const tail = text.endsWith('\n') || text.endsWith('\r') ? ' ' : '';  // a textarea shows the empty last line
  if (!textIsChecked()) {
    ui.highlights.textContent = text + tail;
    syncGeometry();
    return;
  }
  const ranges = [];
  state.findings.forEach((f, i) => { if (visible(f)) ranges.push({start: f.start, end: f.end, finding: i, level: f.level}); });
  if (state.active >= 0) {
    state.findings[state.active].related.forEach((r, k) => ranges.push({start: r.start, end: r.end, related: k}));
  }
  const cuts = new Set([0, text.length]);
  for (const r of ranges) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const html = [];
  for (let p = 0; p < points.length; p += 1) {
    const from = points[p];
    for (const r of ranges) {
      if (r.start === from && r.end === from && r.finding !== undefined) html.push(markTag([r], true) + '</mark>');
    }
    if (p + 1 === points.length) break;
    const to = points[p + 1];
    const piece = escapeHtml(text.slice(from, to));
    const covering = ranges.filter((r) => r.start <= from && r.end >= to && r.start < r.end);
    html.push(covering.length ? `${markTag(covering, false)}${piece}</mark>` : piece);
  }
  ui.highlights.innerHTML = html.join('') + tail;
  syncGeometry();
}

function markTag(covering, point) {
  const findings = covering.filter((r) => r.finding !== undefined).map((r) => r.finding);
  const related = covering.filter((r) => r.related !== undefined).map((r) => r.related);
  const classes = ['hl'];
  if (findings.length) {
    const level = findings.map((i) => state.findings[i].level).sort((a, b) => RANK[b] - RANK[a])[0];
    classes.push(`lvl-${level}`);
  }
  if (findings.includes(state.active)) classes.push('active');
  if (related.length) classes.push('related');
  if (point) classes.push('point');
  const data = [findings.length ? ` data-findings="${findings.join(' ')}"` : '',
                related.length ? ` data-related="${related.join(' ')}"` : ''].join('');
  return `<mark class="${classes.join(' ')}"${data}>`;
}

/** Keep the copy under the textarea exactly as wide and as scrolled as the textarea's text. */
function syncGeometry() {
  ui.highlights.style.width = `${ui.text.clientWidth}px`;
  ui.backdrop.scrollTop = ui.text.scrollTop;
  ui.backdrop.scrollLeft = ui.text.scrollLeft;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function renderFilters() {
  const counts = (key) => state.findings.reduce((m, f) => m.set(f[key], (m.get(f[key]) || 0) + 1), new Map());
  const levels = counts('level');
  const families = counts('family');
  fillFilter(ui.levelFilter, 'level', LEVELS.filter((l) => levels.has(l)), levels, state.hiddenLevels);
  fillFilter(ui.familyFilter, 'family', [...families.keys()].sort(), families, state.hiddenFamilies);
}

function fillFilter(fieldset, kind, names, counts, hidden) {
  const legend = fieldset.querySelector('legend');
  fieldset.replaceChildren(legend);
  if (!names.length) fieldset.append(element('span', {className: 'none'}, 'none'));
  for (const name of names) {
    const id = `filter-${kind}-${name}`;
    const box = element('input', {type: 'checkbox', id, dataset: {kind, name}});
    box.checked = !hidden.has(name);
    fieldset.append(element('span', {className: `filter ${kind === 'level' ? `lvl-${name}` : ''}`}, box,
                            element('label', {for: id}, `${name} (${counts.get(name)})`)));
  }
}

function describeFix(fix) {
  if (fix.edits.length === 1) {
    const {replacement} = fix.edits[0];
    return replacement === '' ? 'Delete it' : `Replace with “${replacement}”`;
  }
  return `Apply the fix (${fix.edits.length} edits)`;
}

/** Suggestions that the fix does not already make: one button per different change. */
function extraSuggestions(finding) {
  const made = finding.fix && finding.fix.edits.length === 1 && finding.fix.edits[0].offset === finding.offset
    && finding.fix.edits[0].length === finding.length ? finding.fix.edits[0].replacement : null;
  return finding.length > 0 ? finding.suggestions.filter((s) => s !== made) : [];
}

function renderFindings() {
  const items = [];
  const shown = state.findings.filter(visible).length;
  ui.count.textContent = state.checkedText === null ? '' : `(${shown} of ${state.findings.length})`;
  state.findings.forEach((f, i) => {
    if (!visible(f)) return;
    const head = element('button', {type: 'button', className: 'finding-go', dataset: {action: 'select', index: i},
                                    'aria-describedby': `finding-rule-${i}`},
      element('span', {className: `badge lvl-${f.level}`}, f.level),
      element('span', {className: 'where'}, `${f.line}:${f.column}`),
      element('span', {className: 'message'}, f.message));
    const rule = element('p', {className: 'rule', id: `finding-rule-${i}`},
      f.link ? element('a', {href: f.link, target: '_blank', rel: 'noopener noreferrer'}, f.rule) : f.rule);
    const related = f.related.length ? element('ul', {className: 'related-places', 'aria-label': 'Related places'},
      ...f.related.map((r, k) => element('li', {}, element('button', {type: 'button', className: 'link',
        dataset: {action: 'related', index: i, related: k}}, `${r.line}:${r.column} ${r.message}`)))) : null;
    const actions = [];
    if (f.fix) {
      actions.push(element('button', {type: 'button', className: f.fix.safe ? 'apply safe' : 'apply',
                                      dataset: {action: 'fix', index: i}},
                           describeFix(f.fix), f.fix.safe ? element('span', {className: 'tag'}, 'safe') : null));
    }
    for (const suggestion of extraSuggestions(f)) {
      actions.push(element('button', {type: 'button', className: 'apply', dataset: {action: 'suggest', index: i, suggestion}},
                           `Replace with “${suggestion}”`));
    }
    items.push(element('li', {className: `finding lvl-${f.level}`, id: `finding-${i}`, dataset: {index: i},
                               'aria-current': i === state.active ? 'true' : 'false'},
      head, rule, related, actions.length ? element('div', {className: 'actions'}, ...actions) : null));
  });
  if (!items.length && state.checkedText !== null) {
    items.push(element('li', {className: 'empty'}, state.findings.length ? 'Every finding is filtered out.' : 'No findings.'));
  }
  ui.findings.replaceChildren(...items);
}

function renderStatistics() {
  const rows = [];
  const add = (name, value, key) => rows.push(element('div', {dataset: {stat: key}}, element('dt', {}, name),
                                                      element('dd', {}, String(value))));
  if (state.statistics) {
    for (const [key, name] of STATISTICS) if (key in state.statistics) add(name, state.statistics[key], key);
  }
  if (state.summary) {
    add('Errors', state.summary.errors, 'errors');
    add('Warnings', state.summary.warnings, 'warnings');
    add('Infos', state.summary.infos, 'infos');
    add('Verdict', state.verdict === 'fail' ? `fail (on ${state.summary.fail_on})` : 'pass', 'verdict');
  }
  if (state.elapsedMs !== null && state.summary) add('Checked in', `${state.elapsedMs} ms`, 'elapsed');
  ui.stats.replaceChildren(...rows);
}

function renderButtons() {
  const safe = textIsChecked() ? safeFixes().length : 0;
  ui.fixAll.disabled = safe === 0;
  ui.fixAll.textContent = safe ? `Apply all safe fixes (${safe})` : 'Apply all safe fixes';
  ui.undo.disabled = state.undo.length === 0;
  for (const button of ui.findings.querySelectorAll('[data-action="fix"], [data-action="suggest"]')) {
    button.disabled = !textIsChecked();
  }
}

function say(message) {
  ui.status.textContent = message;
}

/* Selecting ------------------------------------------------------------------------------ */

function select(index, {scrollText = true, focus = false} = {}) {
  state.active = index;
  renderHighlights();
  for (const item of ui.findings.querySelectorAll('li.finding')) {
    item.setAttribute('aria-current', Number(item.dataset.index) === index ? 'true' : 'false');
  }
  if (index < 0) return;
  const item = byId(`finding-${index}`);
  if (item) {
    item.scrollIntoView({block: 'nearest'});
    if (focus) item.querySelector('.finding-go').focus();
  }
  if (scrollText) scrollTextTo(ui.highlights.querySelector(`mark[data-findings~="${index}"]`));
  const f = state.findings[index];
  const related = f.related.length ? ` It contradicts or repeats ${f.related.length} other place${f.related.length === 1 ? '' : 's'}, highlighted in green.` : '';
  ui.announce.textContent = `${f.level} at line ${f.line}, column ${f.column}: ${f.message}.${related}`;
}

function scrollTextTo(mark) {
  if (!mark) return;
  ui.text.scrollTop = Math.max(0, mark.offsetTop - ui.text.clientHeight / 3);
  syncGeometry();
}

function step(direction) {
  const shown = state.findings.map((f, i) => i).filter((i) => visible(state.findings[i]));
  if (!shown.length) return;
  const at = shown.indexOf(state.active);
  const next = at < 0 ? (direction > 0 ? 0 : shown.length - 1) : (at + direction + shown.length) % shown.length;
  select(shown[next], {focus: true});
}

/** The finding under the caret, when the text is clicked. */
function selectAtCaret() {
  if (!textIsChecked()) return;
  const caret = ui.text.selectionStart;
  let best = -1;
  state.findings.forEach((f, i) => {
    if (visible(f) && f.start <= caret && caret <= f.end
        && (best < 0 || f.end - f.start < state.findings[best].end - state.findings[best].start)) best = i;
  });
  if (best >= 0 && best !== state.active) select(best, {scrollText: false});
}

/* Fixing --------------------------------------------------------------------------------- */

/** Whether two edits touch the same characters (the rule newslint's --fix follows). */
function conflict(a, b) {
  if (a.offset === b.offset && a.length === b.length && a.replacement === b.replacement) return false;
  const aEnd = a.offset + a.length;
  const bEnd = b.offset + b.length;
  if (a.length === 0 && b.length === 0) return a.offset === b.offset;
  if (a.length === 0) return b.offset < a.offset && a.offset < bEnd;
  if (b.length === 0) return a.offset < b.offset && b.offset < aEnd;
  return a.offset < bEnd && b.offset < aEnd;
}

/** The safe fixes of the shown findings that can be made together: whole fixes, in text order,
    each left out when it touches what one taken before it changes. */
function safeFixes() {
  const fixes = state.findings.filter((f) => visible(f) && f.fix && f.fix.safe && f.fix.edits.length).map((f) => f.fix);
  const first = (fix) => Math.min(...fix.edits.map((e) => e.offset));
  fixes.sort((a, b) => first(a) - first(b));
  const taken = [];
  const chosen = [];
  for (const fix of fixes) {
    if (fix.edits.some((e, i) => fix.edits.slice(i + 1).some((o) => conflict(e, o)))) continue;
    if (fix.edits.some((e) => taken.some((t) => conflict(e, t)))) continue;
    taken.push(...fix.edits);
    chosen.push(fix);
  }
  return chosen;
}

/** Apply edits given in code points to the checked text, then check again. */
function applyEdits(edits, what) {
  if (!textIsChecked()) return;
  const text = state.checkedText;
  const index = new UnitIndex(text);
  const unique = [...new Map(edits.map((e) => [`${e.offset}:${e.length}:${e.replacement}`, e])).values()];
  const inUnits = unique.map((e) => ({start: index.at(e.offset), end: index.at(e.offset + e.length), replacement: e.replacement}))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of inUnits) result = result.slice(0, e.start) + e.replacement + result.slice(e.end);
  state.undo.push(text);
  const scroll = ui.text.scrollTop;
  ui.text.value = result;
  ui.text.scrollTop = scroll;
  say(`${what}; checking again…`);
  check();
}

function applyFinding(index, suggestion) {
  const f = state.findings[index];
  if (suggestion === undefined) applyEdits(f.fix.edits, `Applied the fix at ${f.line}:${f.column}`);
  else applyEdits([{offset: f.offset, length: f.length, replacement: suggestion}], `Replaced with “${suggestion}”`);
}

/* Files ---------------------------------------------------------------------------------- */

async function openFile(file) {
  const extension = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
  const format = FORMAT_OF_EXTENSION[extension];
  if (!format) {
    say(`${file.name}: newslint reads .txt, .md and .html files.`);
    return;
  }
  const text = (await file.text()).replace(/^\uFEFF/, '');
  ui.format.value = format;
  ui.text.value = text;
  ui.text.scrollTop = 0;
  state.undo = [];
  say(`Opened ${file.name}; checking…`);
  await check();
}

/* Events --------------------------------------------------------------------------------- */

ui.check.addEventListener('click', () => check());
ui.format.addEventListener('change', () => check());
ui.fixAll.addEventListener('click', () => {
  const fixes = safeFixes();
  applyEdits(fixes.flatMap((fix) => fix.edits), `Applied ${fixes.length} safe fix${fixes.length === 1 ? '' : 'es'}`);
});
ui.undo.addEventListener('click', () => {
  if (!state.undo.length) return;
  ui.text.value = state.undo.pop();
  say('Undone; checking again…');
  check();
});

ui.text.addEventListener('input', () => {
  renderHighlights();
  renderButtons();
  clearTimeout(state.timer);
  state.timer = setTimeout(check, RECHECK_AFTER_MS);
});
ui.text.addEventListener('scroll', syncGeometry);
ui.text.addEventListener('click', selectAtCaret);
new ResizeObserver(syncGeometry).observe(ui.text);

ui.findings.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const index = Number(button.dataset.index);
  const {action} = button.dataset;
  if (action === 'select') select(index);
  else if (action === 'related') {
    if (state.active !== index) select(index, {scrollText: false});
    scrollTextTo(ui.highlights.querySelector(`mark[data-related~="${button.dataset.related}"]`));
  } else if (action === 'fix') applyFinding(index);
  else if (action === 'suggest') applyFinding(index, button.dataset.suggestion);
});

for (const fieldset of [ui.levelFilter, ui.familyFilter]) {
  fieldset.addEventListener('change', (event) => {
    const {kind, name} = event.target.dataset;
    const hidden = kind === 'level' ? state.hiddenLevels : state.hiddenFamilies;
    if (event.target.checked) hidden.delete(name); else hidden.add(name);
    render();
  });
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    check();
  } else if (event.key === 'F8') {
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  } else if (event.key === 'Escape' && state.active >= 0) {
    select(-1);
  }
});

ui.file.addEventListener('change', () => {
  if (ui.file.files.length) openFile(ui.file.files[0]);
  ui.file.value = '';
});
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer.types.includes('Files')) return;
  dragDepth += 1;
  ui.dropHint.hidden = false;
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) ui.dropHint.hidden = true;
});
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => {
  event.preventDefault();
  dragDepth = 0;
  ui.dropHint.hidden = true;
  if (event.dataTransfer.files.length) openFile(event.dataTransfer.files[0]);
});

ui.tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  state.token = ui.token.value.trim();
  sessionStorage.setItem('newslint-token', state.token);
  ui.tokenForm.hidden = true;
  check();
});

render();
