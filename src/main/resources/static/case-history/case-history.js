// The case history page: finds cases (open and closed) through /api/case-history, shows the model version a case
// ran with bpmn-js (its path highlighted, with how often each step ran) and its audit trail from
// /api/cases/{n}/trail. Everything comes from the server with the page's login; nothing here can change a case.
'use strict';

const state = { trail: [], viewer: null };
const $ = (id) => document.getElementById(id);

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail ?? `${url}: ${response.status}`);
  }
  return response.json();
}

const day = (instant) => (instant ? instant.substring(0, 10) : '');
const time = (instant) => (instant ? instant.substring(0, 16).replace('T', ' ') : '');
const money = (currency, amount) => (amount == null ? '' : `${currency} ${Number(amount).toLocaleString('en-US',
  { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

async function search(event) {
  event?.preventDefault();
  const query = new URLSearchParams();
  for (const name of ['q', 'from', 'to']) {
    if ($(name).value) query.set(name, $(name).value);
  }
  $('status').textContent = 'searching...';
  try {
    const cases = await getJson(`/api/case-history?${query}`);
    const body = $('cases').tBodies[0];
    body.replaceChildren();
    for (const c of cases) {
      const row = body.insertRow();
      row.dataset.case = c.caseNumber;
      cell(row, c.caseNumber);
      cell(row, `${c.customerName ?? ''} (${c.customerAccount})`);
      cell(row, c.status);
      cell(row, c.outcome);
      cell(row, day(c.openedAt));
      cell(row, day(c.closedAt));
      cell(row, money(c.currency, c.amountAtOpen));
      cell(row, money(c.currency, c.outstandingAmount));
      row.addEventListener('click', () => openCase(c.caseNumber));
    }
    $('cases').hidden = false;
    $('status').textContent = cases.length ? `${cases.length} case(s)` : 'no case found';
  } catch (e) {
    $('status').textContent = e.message;
  }
}

async function openCase(caseNumber) {
  history.replaceState(null, '', `?case=${encodeURIComponent(caseNumber)}`);
  for (const row of $('cases').tBodies[0].rows) row.classList.toggle('selected', row.dataset.case === caseNumber);
  $('status').textContent = `loading ${caseNumber}...`;
  document.body.dataset.loaded = '';
  try {
    const base = `/api/cases/${encodeURIComponent(caseNumber)}`;
    const [found, trail] = await Promise.all([getJson(base), getJson(`${base}/trail`)]);
    $('case').hidden = false;
    $('case-title').textContent = `Case ${found.caseNumber}: ${found.customerAccount}`;
    $('case-facts').textContent = [found.status, found.outcome && `outcome ${found.outcome}`,
      `strategy ${found.strategy ?? '-'}`, `opened ${day(found.openedAt)}`, found.closedAt && `closed ${day(found.closedAt)}`,
      `overdue at opening ${money(found.currency, found.amountAtOpen)}`, `outstanding ${money(found.currency, found.outstandingAmount)}`]
      .filter(Boolean).join(' \u00b7 ');
    for (const [id, query] of [['download-json', 'format=json'], ['download-csv', 'format=csv'],
      ['download-pdf', 'format=pdf'], ['download-full', 'format=json&detail=full']]) {
      $(id).href = `${base}/trail?${query}`;
    }
    state.trail = trail;
    showTrail();
    await showDiagram(base);
    $('status').textContent = '';
    document.body.dataset.loaded = caseNumber;
  } catch (e) {
    $('status').textContent = e.message;
  }
}

// engine ids, and what the summary already says, stay in the downloads
const HIDDEN = ['taskId', 'taskDefinitionKey', 'decisionDefinitionId', 'decisionDefinitionKey', 'activityId', 'activityType',
  'processInstanceId', 'event', 'stage'];
const SAID = { DECISION: ['version', 'matchedRules', 'outputs'], HUMAN_STEP: ['submitted'] };

function details(entry) {
  const shown = [];
  for (const [name, value] of Object.entries(entry.details ?? {})) {
    if (HIDDEN.includes(name) || (SAID[entry.kind] ?? []).includes(name)) continue;
    const text = typeof value === 'object' && value !== null
      ? (Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? Object.values(v).join(' ') : v)).join('; ')
        : Object.entries(value).map(([k, v]) => `${k}: ${v}`).join('; '))
      : String(value);
    if (text) shown.push(`${name}: ${text}`);
  }
  return shown.join(' \u00b7 ');
}

function showTrail() {
  const wanted = new Set([...document.querySelectorAll('input[name=category]:checked')].map((box) => box.value));
  const body = $('trail').tBodies[0];
  body.replaceChildren();
  for (const entry of state.trail) {
    if (!wanted.has(entry.category)) continue;
    const row = body.insertRow();
    row.className = `${entry.category} ${entry.kind}`;
    cell(row, time(entry.at), 'time');
    cell(row, entry.kind.toLowerCase().replaceAll('_', ' '), 'kind');
    cell(row, entry.actor, 'who');
    const what = cell(row, entry.summary, 'what');
    const more = details(entry);
    if (more) {
      const small = document.createElement('div');
      small.className = 'details';
      small.textContent = more;
      what.append(small);
    }
  }
}

async function showDiagram(base) {
  const response = await fetch(`${base}/diagram`);
  if (!response.ok) {
    $('diagram').textContent = 'The diagram of this case is no longer kept (history cleaned up).';
    return;
  }
  const [xml, path] = await Promise.all([response.text(), getJson(`${base}/path`)]);
  state.viewer?.destroy();
  $('diagram').replaceChildren();
  state.viewer = new BpmnJS({ container: '#diagram' });
  await state.viewer.importXML(xml);
  const canvas = state.viewer.get('canvas');
  const overlays = state.viewer.get('overlays');
  const registry = state.viewer.get('elementRegistry');
  let marked = 0;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [id, count] of Object.entries(path.counts)) {
    const element = registry.get(id);
    if (!element) continue;
    // a sub-process the case is inside of is outlined only: filled, it would cover the steps in it
    const scope = element.type === 'bpmn:SubProcess';
    canvas.addMarker(id, path.active.includes(id) ? 'path-active' : 'path-ran');
    if (scope) canvas.addMarker(id, 'path-scope');
    if (!scope) {
      overlays.add(id, 'path-count', { position: { top: -9, right: 9 }, html: `<div class="path-count" title="ran ${count} time(s)">${count}</div>` });
      box.minX = Math.min(box.minX, element.x);
      box.minY = Math.min(box.minY, element.y);
      box.maxX = Math.max(box.maxX, element.x + element.width);
      box.maxY = Math.max(box.maxY, element.y + element.height);
    }
    marked++;
  }
  for (const id of path.flowsTaken) {
    if (registry.get(id)) canvas.addMarker(id, 'path-taken');
  }
  canvas.zoom('fit-viewport');
  if (marked > 0) {
    // show the part of the model the case went through, readable; the rest is a scroll or zoom away
    const margin = 60;
    canvas.viewbox({ x: box.minX - margin, y: box.minY - margin, width: box.maxX - box.minX + 2 * margin,
      height: box.maxY - box.minY + 2 * margin });
  }
  document.body.dataset.pathMarked = String(marked);
}

document.addEventListener('DOMContentLoaded', async () => {
  $('search').addEventListener('submit', search);
  document.querySelectorAll('input[name=category]').forEach((box) => box.addEventListener('change', showTrail));
  const me = await fetch('/api/me').then((r) => (r.ok ? r.json() : null));
  $('user').textContent = me ? `${me.userId} (${me.groups.join(', ')})` : '';
  const wanted = new URLSearchParams(location.search).get('case');
  if (wanted) {
    $('q').value = wanted;
    await search();
    await openCase(wanted);
  }
});
