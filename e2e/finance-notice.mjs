// Finance: approves the formal notice of the case whose promise was broken.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { choose, claim, complete, openFilter, openTask, shown } from './tasklist.mjs';

const customer = process.env.CUSTOMER;

await scenario(`fiona approves the formal notice to ${customer}`, async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'fiona');
  await openFilter(page, 'My department');
  await openTask(page, `Approve demand letter: ${customer}`);
  await claim(page);
  const contacts = await shown(page, 'Recent contacts');
  expect(contacts.includes('sally') && contacts.includes('refuses to pay'),
    `the recent contacts show sally's refused follow-up call: ${contacts}`);
  await shot(page, '5-finance-approve-demand-letter');
  await choose(page, 'Decision', 'Approve');
  await page.locator('.task-card button', { hasText: 'Complete' }).scrollIntoViewIfNeeded();
  await shot(page, '6-finance-approved');
  await complete(page, `Approve demand letter: ${customer}`);
});
