// Sales on the phone with a key account: from the call task in Tasklist sally opens the customer file (contact
// persons, local time, credit, open invoices, promises, cases, contact log), logs an inbound call there without
// completing the task, and finds the call in the contact log and in the case trail. Then the file of a Chinese
// customer in a Chinese browser: contacts, invoices, promises and history in Chinese; she records a promise to pay.
import { baseUrl, camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { openFilter, openTask } from './tasklist.mjs';

const customer = process.env.CUSTOMER;
const account = process.env.ACCOUNT;
const caseNumber = process.env.CASE_NUMBER;
const zhAccount = process.env.ZH_ACCOUNT;
const notes = process.env.NOTES;

async function pageLogin(page, user) {
  await page.locator('input[name=username]').fill(user);
  await page.locator('input[name=password]').fill(user);
  await page.locator('button[type=submit]').click();
}

const text = (page, selector) => page.locator(selector).innerText();

await scenario('sally logs an ad-hoc call from the customer file and reads a Chinese customer in Chinese', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'sally');
  await openFilter(page, 'My tasks');
  await openTask(page, `Initial contact: ${customer}`);
  const link = page.locator('.fjs-form a', { hasText: 'Open the customer file' }).first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  expect(href === `/customer-file/?account=${account}`, `the call form links to the customer file (${href})`);
  expect((await link.innerText()).includes(customer), 'the link names the customer');

  await page.goto(`${baseUrl}${href}`);
  await pageLogin(page, 'sally');
  await page.waitForFunction((a) => document.body.dataset.loaded === a, account);
  expect((await text(page, '#name')).includes(customer), 'the file is the customer\'s');
  expect((await text(page, '#badges')).includes(`Open case ${caseNumber}`), 'the open case is named');
  const persons = await text(page, '#persons');
  expect(persons.includes('Priya Shah') && persons.includes('+44 20 7946 0310'), `contact persons with phone: ${persons}`);
  const contact = await text(page, '#contact-facts');
  expect(/\d\d:\d\d/.test(contact) && contact.includes('Europe/London'), `their local time: ${contact}`);
  const credit = await text(page, '#credit-card');
  for (const expected of ['Key account', 'Credit grade', 'Credit limit', 'Exposure', 'Invoices paid', 'Credit hold']) {
    expect(credit.includes(expected), `the credit card shows "${expected}": ${credit}`);
  }
  const invoices = await page.locator('#invoices tbody tr').count();
  expect(invoices >= 2, `the open invoices are listed (${invoices})`);
  expect((await text(page, '#invoices')).includes('days overdue'), 'overdue invoices say by how much');
  expect((await text(page, '#cases')).includes(caseNumber), 'the case is listed with its stage');
  await shot(page, 'customer-file-sally');

  // an inbound call, logged while the call task stays open
  await page.locator('input[name=kind][value=CALL]').check();
  await page.locator('#channel').selectOption('PHONE');
  await page.locator('#outcome').selectOption('REACHED');
  await page.locator('#notes').fill(notes);
  await page.locator('#save').click();
  await page.locator('#act-status', { hasText: `Logged in case ${caseNumber}` }).waitFor();
  const latest = await page.locator('#log tbody tr').first().innerText();
  expect(latest.includes(notes) && latest.includes('sally') && latest.includes('Reached'),
    `the call heads the contact log: ${latest}`);
  await page.locator('#act-card').scrollIntoViewIfNeeded();
  await shot(page, 'customer-file-sally-call-logged');

  // the case trail has it too
  await page.goto(`${baseUrl}/case-history/?case=${encodeURIComponent(caseNumber)}`);
  await page.waitForFunction((n) => document.body.dataset.loaded === n, caseNumber);
  const trail = await text(page, '#trail');
  expect(trail.includes(notes), 'the call is in the case trail');

  // the task is still there, not completed
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/`);
  await openFilter(page, 'My tasks');
  await openTask(page, `Initial contact: ${customer}`);

  // a Chinese customer, in a Chinese browser
  const zhContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const zh = await zhContext.newPage();
  zh.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 45000));
  await zh.goto(`${baseUrl}/customer-file/?account=${encodeURIComponent(zhAccount)}`);
  await pageLogin(zh, 'sally');
  await zh.waitForFunction((a) => document.body.dataset.loaded === a, zhAccount);
  expect((await text(zh, 'h1')) === '客户档案', 'the page is in Chinese');
  const zhPersons = await text(zh, '#persons');
  expect(zhPersons.includes('王丽') && zhPersons.includes('财务经理'), `contact persons: ${zhPersons}`);
  expect((await text(zh, '#contact-facts')).includes('Asia/Shanghai'), 'local time in Shanghai');
  const zhInvoices = await text(zh, '#invoices');
  expect(zhInvoices.includes('逾期') && zhInvoices.includes(`${zhAccount}-1`), `invoices in Chinese: ${zhInvoices}`);
  expect((await zh.locator('#cases tbody tr').count()) >= 1, 'the cases are listed');
  expect((await text(zh, '#cases')).includes('初次联系') || (await text(zh, '#cases')).includes('跟进'),
    'stages in words, in Chinese');

  await zh.locator('input[name=kind][value=PROMISE]').check();
  await zh.locator('#promisedAmount').fill('5000');
  await zh.locator('#promisedDate').fill(process.env.PROMISED_DATE);
  await zh.locator('#notes').fill('王丽确认周五付款');
  await zh.locator('#save').click();
  await zh.locator('#act-status', { hasText: '已记入案件' }).waitFor();
  const promises = await text(zh, '#promises');
  expect(promises.includes('未到期') && promises.includes('5,000.00'), `the promise is listed in Chinese: ${promises}`);
  const log = await text(zh, '#log');
  expect(log.includes('承诺付款') && log.includes('王丽确认周五付款'), 'the contact log shows it in Chinese words');
  await shot(zh, 'customer-file-zh');

  // a readable refusal: not a customer of hers? (all demo customers are) - an unknown account instead
  await zh.goto(`${baseUrl}/customer-file/?account=NO-SUCH-1`);
  await zh.waitForFunction(() => document.body.dataset.loaded === 'error:404');
  expect((await text(zh, '#problem')).startsWith('未找到'), 'a 404 in words');
});
