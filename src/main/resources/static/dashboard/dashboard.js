// The dashboard draws the KPIs of /api/reports/kpis/* (the same REST endpoints scripts use) with Chart.js.
// The login is the dashboard's session; every figure comes from the server, nothing is computed here.
'use strict';

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const charts = {};

function filters() {
  const query = new URLSearchParams();
  for (const name of ['from', 'to', 'department']) {
    const value = document.getElementById(name).value;
    if (value) query.set(name, value);
  }
  return query;
}

async function kpi(name, extra = {}) {
  const query = filters();
  Object.entries(extra).forEach(([key, value]) => query.set(key, value));
  const response = await fetch(`/api/reports/kpis/${name}?${query}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${name}: ${problem.detail ?? response.status}`);
  }
  return response.json();
}

function draw(id, type, labels, datasets, options = {}) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), {
    type,
    data: { labels, datasets: datasets.map((d, i) => ({ backgroundColor: COLORS[i % COLORS.length],
      borderColor: COLORS[i % COLORS.length], ...d })) },
    // no animation: the chart is complete as soon as it is drawn (and screenshots show it whole)
    options: { animation: false, responsive: true, maintainAspectRatio: false, ...options },
  });
}

const column = (table, name) => table.rows.map((row) => row[name]);

function drawAging(table) {
  const buckets = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_91_180', 'over_180'];
  draw('chart-aging', 'bar', ['current', '1-30', '31-60', '61-90', '91-180', '>180'],
    table.rows.map((row) => ({ label: row.currency, data: buckets.map((b) => row[b]) })));
}

function drawReceivables(table) {
  draw('chart-receivables', 'bar', column(table, 'currency'), [
    { label: 'DSO (days)', data: column(table, 'dso') },
    { label: 'CEI (%)', data: column(table, 'cei') },
  ]);
}

function drawCases(table) {
  const outcomes = table.columns.filter((c) => !['month', 'opened', 'closed'].includes(c));
  draw('chart-cases', 'bar', column(table, 'month'), [
    { type: 'line', label: 'opened', data: column(table, 'opened'), stack: 'opened', backgroundColor: '#000', borderColor: '#000' },
    ...outcomes.map((outcome) => ({ label: `closed ${outcome}`, data: column(table, outcome), stack: 'closed' })),
  ], { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
}

function drawPromises(table) {
  const all = table.rows.find((row) => row.department === 'all');
  draw('chart-promises', 'doughnut', ['kept', 'broken', 'not yet checked'],
    [{ data: [all.kept, all.broken, all.made - all.checked], backgroundColor: ['#2ca02c', '#d62728', '#bbb'] }],
    { plugins: { title: { display: true, text: `promise-kept rate ${all.kept_rate ?? '-'} %` } } });
}

function drawRecovery(id, table, key) {
  draw(id, 'bar', column(table, key), [
    { label: 'recovery rate (%)', data: column(table, 'recovery_rate'), yAxisID: 'y' },
    { label: 'average days to close', data: column(table, 'avg_days_to_close'), yAxisID: 'days' },
  ], { scales: { y: { beginAtZero: true, max: 100, position: 'left' }, days: { beginAtZero: true, position: 'right' } } });
}

function drawOpenTasks(table) {
  const buckets = { not_overdue: 'not overdue', overdue_1_7_days: '1-7 days', overdue_8_30_days: '8-30 days',
    overdue_over_30_days: '> 30 days' };
  draw('chart-open-tasks', 'bar', column(table, 'department'),
    Object.entries(buckets).map(([name, label]) => ({ label, data: column(table, name), stack: 'tasks' })),
    { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
}

function csvLinks() {
  document.querySelectorAll('a.csv').forEach((link) => {
    const query = filters();
    if (link.dataset.by) query.set('by', link.dataset.by);
    query.set('format', 'csv');
    link.href = `/api/reports/kpis/${link.dataset.kpi}?${query}`;
  });
}

async function refresh() {
  const status = document.getElementById('status');
  document.body.dataset.loaded = 'false';
  status.textContent = 'loading...';
  csvLinks();
  try {
    const [aging, receivables, cases, promises, byStrategy, byCollector, byDepartment, openTasks] = await Promise.all([
      kpi('aging'), kpi('receivables'), kpi('cases'), kpi('promises'), kpi('recovery', { by: 'strategy' }),
      kpi('recovery', { by: 'collector' }), kpi('recovery', { by: 'department' }), kpi('open-tasks')]);
    drawAging(aging);
    drawReceivables(receivables);
    drawCases(cases);
    drawPromises(promises);
    drawRecovery('chart-recovery-strategy', byStrategy, 'strategy');
    drawRecovery('chart-recovery-collector', byCollector, 'collector');
    drawRecovery('chart-recovery-department', byDepartment, 'department');
    drawOpenTasks(openTasks);
    status.textContent = '';
    document.body.dataset.loaded = 'true';
  } catch (e) {
    status.textContent = e.message;
    document.body.dataset.loaded = 'error';
  }
}

async function start() {
  const me = await fetch('/api/me').then((r) => (r.ok ? r.json() : null));
  document.getElementById('user').textContent = me ? `${me.userId} (${me.groups.join(', ')})` : '';
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86400000).toISOString().slice(0, 10);
  document.getElementById('to').value = today;
  document.getElementById('from').value = yearAgo;
  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  await refresh();
}

start();
