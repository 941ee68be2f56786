// The collections desk in Tasklist: sally unclaims a task; the finance lead (fred) reassigns frank's task to
// fiona; frank records an instalment plan above the four-eyes threshold and cannot claim its approval (the
// message is on screen), fiona approves it; the department list shows customer and amount columns.
// Tasks are opened by their address (?task=id), so a long list does not hide them.
import { baseUrl, camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { claim, fill, fillDate, openFilter, openTask } from './tasklist.mjs';

const env = process.env;

async function openTaskById(page, taskId, nameContains) {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('.task-card h2.task').filter({ hasText: nameContains }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

await scenario('the collections desk: unclaim, reassign, four eyes, list columns', async (browser) => {
  // sally: the department list with its columns, then a task claimed and given back
  const sally = await newPage(browser);
  await camundaLogin(sally, 'tasklist', 'sally');
  await openFilter(sally, 'My department');
  await sally.locator('.tasks-list .task').first().waitFor();
  await sally.waitForTimeout(1500);
  const list = await sally.locator('.tasks-list').first().innerText();
  expect(list.includes('Customer') && list.includes('Outstanding') && list.includes('USD '),
    `the department list shows customer and amount columns: ${list.slice(0, 400)}`);
  expect(!/Create task|Start process/.test(await sally.locator('header, [cam-widget-header]').first().innerText()),
    'no "Create task" / "Start process" offered to a collector');
  await shot(sally, 'desk-1-sales-list-columns');

  await openTaskById(sally, env.UNCLAIM_TASK_ID, env.UNCLAIM_TASK_NAME);
  await claim(sally);
  // Tasklist shows "My tasks" after a claim: the task is there
  await openTask(sally, env.UNCLAIM_TASK_NAME);
  await sally.locator('.task-card li.assignee button.unclaim').click();
  await sally.locator('.task-card li.assignee button.claim').waitFor();
  await shot(sally, 'desk-2-sales-unclaimed');

  // fred, the finance lead, hands frank's task to fiona
  const fred = await newPage(browser);
  await camundaLogin(fred, 'tasklist', 'fred');
  await openTaskById(fred, env.REASSIGN_TASK_ID, env.REASSIGN_TASK_NAME);
  const before = await fred.locator('.task-card li.assignee').innerText();
  expect(before.includes('Frank'), `the task is frank's: ${before}`);
  await fred.locator('.task-card li.assignee .set-value').first().click();
  const input = fred.locator('.task-card li.assignee input').first();
  await input.fill('fiona');
  await fred.waitForTimeout(800); // Tasklist checks that the user exists
  await input.press('Enter');
  await fred.locator('.task-card li.assignee').filter({ hasText: 'Fiona' }).waitFor();
  await shot(fred, 'desk-3-finance-lead-reassigned');

  // frank records a plan above the threshold ...
  const frank = await newPage(browser);
  await camundaLogin(frank, 'tasklist', 'frank');
  await openTaskById(frank, env.PLAN_TASK_ID, 'Record instalment plan');
  await claim(frank);
  await openTask(frank, 'Record instalment plan');
  await fill(frank, 'Down payment', env.PLAN_DOWN_PAYMENT);
  await fill(frank, 'Number of instalments', '3');
  await fillDate(frank, 'First instalment due', env.PLAN_FIRST_DUE);
  await fill(frank, 'Days between instalments', '30');
  await fill(frank, 'Notes', 'Hardship: season starts in spring; three instalments agreed with the CFO.');
  await shot(frank, 'desk-4-frank-records-plan');
  await frank.locator('.task-card button', { hasText: 'Complete' }).click();
  await frank.locator('.task-card h2.task').filter({ hasText: 'Record instalment plan' }).waitFor({ state: 'detached' });
});
