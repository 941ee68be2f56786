// The customer file: one customer on one screen (contact, credit, open invoices, promises, cases, contact log) from
// /api/customer-file/{account}, and the form that logs a call, note, promise or dispute through the customer's open
// case. Texts come from the server in the browser's language (English or Chinese, one message source).
'use strict';

const $ = (id) => document.getElementById(id);
const state = { texts: {}, language: 'en', session: null, file: null, kind: 'CALL', ticked: new Set() };

function t(key, ...args) {
  const text = state.texts[key];
  if (text == null) return args.length ? `${key} ${args.join(' ')}` : key;
  return text.replace(/\{(\d)\}/g, (_, i) => args[Number(i)] ?? '');
}
/** A code as words: the text for prefix.CODE, or the code made readable when there is none. */
function word(prefix, code) {
  if (code == null || code === '') return '';
  const text = state.texts[`${prefix}.${code}`];
  return text ?? String(code).toLowerCase().replace(/_/g, ' ');
}

const locale = () => (state.language === 'zh' ? 'zh-CN' : 'en-GB');
function money(currency, amount) {
  if (amount == null) return '';
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
  } catch {
    return `${currency} ${Number(amount).toFixed(2)}`;
  }
}
const percent = (share) => (share == null ? '' : new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share));
const number = (value, digits = 0) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value ?? 0);
function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}
const when = (instant) => (instant ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' })
  .format(new Date(instant)) : '');

class Problem extends Error {
  constructor(status, detail, correlationId) {
    super(detail);
    this.status = status;
    this.correlationId = correlationId;
  }
  toString() {
    const lead = t(`error.${this.status >= 500 ? 500 : this.status}`);
    if (this.status >= 500) return `${lead} ${this.correlationId ?? ''}`;
    return `${lead} ${this.message ?? ''}`;
  }
}

async function call(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { ...options, headers: { Accept: 'application/json', ...(options.headers ?? {}) } });
  } catch {
    throw new Problem(0, t('error.network'));
  }
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Problem(401, '');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Problem(response.status, problem.detail ?? problem.title ?? '', problem.correlationId);
  }
  return response.status === 204 ? null : response.json();
}

function cell(row, text, className) {
  const td = row.insertCell();
  if (text instanceof Node) td.append(text); else td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}
function emptyRow(table, text) {
  const row = table.tBodies[0].insertRow();
  const td = cell(row, text, 'muted');
  td.colSpan = table.tHead.rows[0].cells.length;
}
function facts(dl, pairs) {
  dl.replaceChildren();
  for (const [term, value, className] of pairs) {
    if (value == null || value === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    if (value instanceof Node) dd.append(value); else dd.textContent = value;
    if (className) dd.className = className;
    dl.append(dt, dd);
  }
}
function badge(text, className = '') {
  const span = document.createElement('span');
  span.className = `badge ${className}`;
  span.textContent = text;
  return span;
}
function link(text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  return a;
}

function translatePage() {
  document.documentElement.lang = state.language === 'zh' ? 'zh-CN' : 'en';
  document.title = `ArCollect ${t('title')}`;
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
  for (const element of document.querySelectorAll('[data-t-placeholder]')) element.placeholder = t(element.dataset.tPlaceholder);
}

async function search(event) {
  event?.preventDefault();
  const q = $('q').value.trim();
  $('status').textContent = t('search.searching');
  try {
    const found = await call(`/api/customer-file?q=${encodeURIComponent(q)}`);
    if (found.length === 1 && q) {
      $('found').hidden = true;
      $('status').textContent = '';
      return openFile(found[0].accountNumber);
    }
    const body = $('found').tBodies[0];
    body.replaceChildren();
    for (const c of found) {
      const row = body.insertRow();
      row.dataset.account = c.accountNumber;
      cell(row, c.name);
      cell(row, c.accountNumber);
      cell(row, word('tier', c.tier));
      cell(row, money(c.currency, c.openAmount), 'num');
      cell(row, c.openCase ?? '');
      row.addEventListener('click', () => openFile(c.accountNumber));
    }
    $('found').hidden = found.length === 0;
    $('status').textContent = found.length ? t('search.count', found.length) : t('search.none');
  } catch (e) {
    $('status').textContent = String(e);
  }
}

async function openFile(account, fresh) {
  history.replaceState(null, '', `?account=${encodeURIComponent(account)}`);
  $('problem').hidden = true;
  $('status').textContent = t('loading');
  document.body.dataset.loaded = '';
  try {
    const file = await call(`/api/customer-file/${encodeURIComponent(account)}`);
    state.file = file;
    state.ticked = new Set();
    show(file, fresh);
    $('file').hidden = false;
    $('found').hidden = true;
    $('status').textContent = '';
    document.body.dataset.loaded = account;
  } catch (e) {
    $('file').hidden = true;
    $('problem').textContent = String(e);
    $('problem').hidden = false;
    $('status').textContent = '';
    document.body.dataset.loaded = `error:${e.status}`;
  }
}

function show(file, fresh) {
  const c = file.customer;
  const cr = file.credit;
  $('name').textContent = `${c.name} (${c.accountNumber})`;
  const badges = $('badges');
  badges.replaceChildren(badge(word('tier', c.tier)));
  if (cr.grade) badges.append(badge(`${t('credit.grade')} ${cr.grade}`, `grade grade-${cr.grade}`));
  badges.append(file.openCase ? badge(t('badge.openCase', file.openCase)) : badge(t('badge.noCase')));
  if (c.creditHold) badges.append(badge(t('badge.creditHold'), 'warn'));
  if (c.doNotContact) badges.append(badge(t('badge.doNotContact'), 'warn'));

  const offset = c.utcOffsetMinutes;
  const utc = `UTC${offset >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const languageName = c.language ? (new Intl.DisplayNames([locale()], { type: 'language' }).of(c.language) ?? c.language) : '';
  facts($('contact-facts'), [
    [t('contact.localTime'), `${c.localTime}  ${date(c.localDate)}  (${c.timeZone}, ${utc})`, 'big'],
    [t('contact.language'), languageName],
    [t('contact.phone'), c.phone ? link(c.phone, `tel:${c.phone}`) : null],
    [t('contact.email'), c.email ? link(c.email, `mailto:${c.email}`) : null],
    [t('contact.address'), c.address?.length ? c.address.join(', ') : null],
    [t('contact.owner'), c.accountOwner],
    [t('badge.doNotContact'), c.doNotContact ? t('contact.doNotContactSince', date(c.doNotContactSince), c.doNotContactReason ?? '') : null],
  ]);
  const persons = $('persons');
  persons.tBodies[0].replaceChildren();
  for (const p of file.contacts) {
    const row = persons.tBodies[0].insertRow();
    cell(row, p.name);
    cell(row, p.role);
    cell(row, p.phone ? link(p.phone, `tel:${p.phone}`) : '');
    cell(row, link(p.email, `mailto:${p.email}`));
    cell(row, word('channel', p.preferredChannel));
  }
  if (!file.contacts.length) emptyRow(persons, t('contact.none'));

  facts($('credit-facts'), [
    [t('credit.tier'), word('tier', c.tier)],
    [t('credit.grade'), cr.grade ? graded(cr) : t('credit.notGraded'), cr.grade ? 'big' : ''],
    [t('credit.limit'), money(cr.currency, cr.creditLimit)],
    [t('credit.exposure'), `${money(cr.currency, cr.exposure)}${cr.exposureRatio == null ? '' : `  (${t('credit.usage', percent(cr.exposureRatio))})`}`],
    [t('credit.available'), money(cr.currency, cr.available)],
    [t('credit.hold'), c.creditHold ? t('credit.holdYes') : t('credit.holdNo')],
  ]);
  facts($('credit-figures'), [
    [t('credit.paidInvoices'), number(cr.paidInvoiceCount)],
    [t('credit.latePaid'), percent(cr.latePaymentShare)],
    [t('credit.averageDaysLate'), number(cr.averageDaysLate, 1)],
    [t('credit.p90'), number(cr.p90DaysLate)],
    [t('credit.disputed'), percent(cr.disputeShare)],
    [t('credit.oldest'), number(cr.oldestOpenDaysPastDue)],
  ]);

  const invoices = $('invoices');
  invoices.tBodies[0].replaceChildren();
  invoices.tFoot.replaceChildren();
  const disputable = file.openCase && file.mayLog;
  for (const i of file.invoices) {
    const row = invoices.tBodies[0].insertRow();
    row.dataset.invoice = i.invoiceNumber;
    row.classList.toggle('overdue', i.overdue);
    row.classList.toggle('disputed', i.disputed);
    const tick = cell(row, '', 'tick');
    if (disputable && i.ofOpenCase && !i.disputed) {
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'disputed';
      box.value = i.invoiceNumber;
      box.setAttribute('aria-label', `${t('invoices.tick')} ${i.invoiceNumber}`);
      box.addEventListener('change', () => {
        if (box.checked) state.ticked.add(i.invoiceNumber); else state.ticked.delete(i.invoiceNumber);
        if (box.checked && state.kind !== 'DISPUTE') chooseKind('DISPUTE');
        showTicked();
      });
      tick.append(box);
    }
    cell(row, i.invoiceNumber);
    cell(row, date(i.issueDate));
    cell(row, date(i.dueDate));
    cell(row, money(i.currency, i.amount), 'num');
    cell(row, money(i.currency, i.openAmount), 'num');
    const states = [i.overdue ? t('invoices.overdue', i.daysPastDue) : i.daysPastDue === 0 && i.dueDate === c.localDate ? t('invoices.dueToday') : t('invoices.notYetDue')];
    if (i.disputed) states.push(`${t('invoices.disputed')}${i.disputeReason ? `: ${i.disputeReason}` : ''}`);
    cell(row, states.join(' · '), 'state');
  }
  if (!file.invoices.length) emptyRow(invoices, t('invoices.none'));
  else {
    const totals = {};
    for (const i of file.invoices) totals[i.currency] = (totals[i.currency] ?? 0) + Number(i.openAmount);
    const row = invoices.tFoot.insertRow();
    const label = cell(row, t('invoices.total'));
    label.colSpan = 5;
    cell(row, Object.entries(totals).map(([currency, sum]) => money(currency, sum)).join(', '), 'num');
    cell(row, '');
  }

  const promises = $('promises');
  promises.tBodies[0].replaceChildren();
  for (const p of file.promises) {
    const row = promises.tBodies[0].insertRow();
    cell(row, date(p.promisedDate));
    cell(row, money(p.currency, p.amount), 'num');
    cell(row, word('promise', p.state));
    cell(row, date(p.madeAt));
    cell(row, p.caseNumber);
  }
  if (!file.promises.length) emptyRow(promises, t('promises.none'));

  const cases = $('cases');
  cases.tBodies[0].replaceChildren();
  for (const k of file.cases) {
    const row = cases.tBodies[0].insertRow();
    const number = document.createElement('span');
    number.append(`${k.caseNumber} `, link(t('cases.history'), `/case-history/?case=${encodeURIComponent(k.caseNumber)}`));
    cell(row, number);
    cell(row, k.status === 'OPEN' ? word('stage', k.stage) : word('status', k.status));
    cell(row, word('caseOutcome', k.outcome));
    cell(row, date(k.openedAt));
    cell(row, date(k.closedAt));
    cell(row, money(k.currency, k.amountAtOpen), 'num');
    cell(row, money(k.currency, k.outstandingAmount), 'num');
  }
  if (!file.cases.length) emptyRow(cases, t('cases.none'));

  const log = $('log');
  log.tBodies[0].replaceChildren();
  file.contactLog.forEach((entry, index) => {
    const row = log.tBodies[0].insertRow();
    if (fresh && index === 0) row.classList.add('fresh');
    cell(row, when(entry.at));
    cell(row, entry.userId ?? t('log.automatic'));
    cell(row, word('channel', entry.channel));
    cell(row, word('outcome', entry.outcome));
    cell(row, entry.notes);
    cell(row, entry.caseNumber ?? '');
  });
  if (!file.contactLog.length) emptyRow(log, t('log.none'));

  showActions(file);
}

function graded(credit) {
  const value = document.createElement('span');
  const sub = document.createElement('span');
  sub.className = 'sub';
  sub.textContent = t('credit.gradeFrom', credit.gradedInCase, date(credit.gradedOn));
  value.append(credit.grade, sub);
  return value;
}

const KINDS = ['CALL', 'NOTE', 'PROMISE', 'DISPUTE'];

function showActions(file) {
  const form = $('act');
  const may = file.mayLog;
  form.hidden = !may;
  $('act-where').textContent = !may ? t('act.readOnly') : file.openCase ? t('act.caseNote', file.openCase) : t('act.noCase');
  const kinds = $('kinds');
  kinds.querySelectorAll('label').forEach((label) => label.remove());
  for (const kind of (file.openCase ? KINDS : ['NOTE'])) {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'kind';
    radio.value = kind;
    radio.addEventListener('change', () => chooseKind(kind));
    label.append(radio, ` ${t(`act.kind.${kind}`)}`);
    kinds.append(label);
  }
  fillSelect($('channel'), ['PHONE', 'VISIT', 'EMAIL'], 'channel');
  fillSelect($('outcome'), ['REACHED', 'NO_ANSWER', 'LEFT_MESSAGE', 'CALL_BACK'], 'outcome');
  const currency = file.credit.currency ?? file.invoices[0]?.currency ?? '';
  $('amount-label').textContent = t('act.amount', currency);
  chooseKind(file.openCase ? 'CALL' : 'NOTE');
}

function fillSelect(select, codes, prefix) {
  select.replaceChildren(...codes.map((code) => new Option(word(prefix, code), code)));
}

function chooseKind(kind) {
  state.kind = kind;
  for (const radio of document.querySelectorAll('input[name=kind]')) radio.checked = radio.value === kind;
  for (const element of $('act').querySelectorAll('[class*="for-"]')) {
    element.hidden = !element.classList.contains(`for-${kind}`);
  }
  $('notes-label').textContent = kind === 'DISPUTE' ? t('act.disputeNotes') : t('act.notes');
  showTicked();
}

function showTicked() {
  $('ticked').textContent = state.ticked.size ? t('act.ticked', [...state.ticked].join(', ')) : t('act.tickedNone');
}

async function save(event) {
  event.preventDefault();
  const file = state.file;
  const status = $('act-status');
  const entry = { kind: state.kind, notes: $('notes').value };
  if (state.kind !== 'NOTE') entry.channel = $('channel').value;
  if (state.kind === 'CALL') entry.outcome = $('outcome').value;
  if (state.kind === 'PROMISE') {
    entry.promisedAmount = $('promisedAmount').value === '' ? null : Number($('promisedAmount').value);
    entry.promisedDate = $('promisedDate').value || null;
  }
  if (state.kind === 'DISPUTE') entry.invoices = [...state.ticked];
  $('save').disabled = true;
  status.className = '';
  status.textContent = t('act.saving');
  try {
    const headers = { 'Content-Type': 'application/json' };
    if (state.session?.csrfHeader) headers[state.session.csrfHeader] = state.session.csrfToken;
    const logged = await call(`/api/customer-file/${encodeURIComponent(file.customer.accountNumber)}/contacts`,
      { method: 'POST', headers, body: JSON.stringify(entry) });
    $('act').reset();
    await openFile(file.customer.accountNumber, true);
    status.className = 'ok';
    status.textContent = logged.caseNumber ? t('act.savedCase', logged.caseNumber) : t('act.saved');
  } catch (e) {
    status.className = 'error';
    status.textContent = String(e);
  } finally {
    $('save').disabled = false;
  }
}

async function start() {
  try {
    const [texts, session] = await Promise.all([call('/api/customer-file/texts'), call('/api/customer-file/session')]);
    state.texts = texts.texts;
    state.language = texts.language;
    state.session = session;
    $('user').textContent = session.user;
  } catch (e) {
    $('problem').textContent = String(e);
    $('problem').hidden = false;
  }
  translatePage();
  $('search').addEventListener('submit', search);
  $('act').addEventListener('submit', save);
  const account = new URLSearchParams(window.location.search).get('account');
  if (account) {
    $('q').value = account;
    await openFile(account);
  }
}

start();
