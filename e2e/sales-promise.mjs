// Sales: the initial contact call of a demo case, from "My department"; the customer promises to pay.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { choose, claim, complete, fill, fillDate, openFilter, openTask, shown } from './tasklist.mjs';

const customer = process.env.CUSTOMER;
const invoice = process.env.INVOICE;

await scenario(`sally records a promise to pay from ${customer}`, async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'sally');
  await openFilter(page, 'My department');
  await openTask(page, `Initial contact: ${customer}`);
  await shot(page, '1-sales-my-department');

  await claim(page);
  expect((await shown(page, 'Customer')) === customer, 'the form shows the customer');
  const invoices = await shown(page, 'Overdue invoices');
  expect(invoices.includes(invoice), `the invoice table lists ${invoice}: ${invoices}`);
  const talkingPoints = await shown(page, 'Talking points');
  expect(talkingPoints.length > 20, `talking points are shown: ${talkingPoints}`);
  expect((await shown(page, 'Outstanding')).startsWith('USD '), 'the outstanding amount has its currency');
  await page.locator('.fjs-form-field').filter({ hasText: 'Talking points' }).first().scrollIntoViewIfNeeded();
  await shot(page, '2-sales-case-context');

  await choose(page, 'Outcome', 'Promise to pay');
  await fill(page, 'Promised amount', process.env.PROMISED_AMOUNT);
  await fillDate(page, 'Promised payment date', process.env.PROMISED_DATE);
  await fill(page, 'Notes', 'Spoke to Ms Weber in accounts payable: pays the full amount next week.');
  await page.locator('.task-card button', { hasText: 'Complete' }).scrollIntoViewIfNeeded();
  await shot(page, '3-sales-promise-to-pay');
  await complete(page, `Initial contact: ${customer}`);
  await shot(page, '4-sales-completed');
});
