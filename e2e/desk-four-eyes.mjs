// Four eyes in Tasklist: frank recorded the plan, so Tasklist refuses his claim of its approval with the reason
// (no engine code) and the task stays free; fiona claims and approves it.
import { baseUrl, camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { choose, claim, openTask } from './tasklist.mjs';

const env = process.env;

async function openTaskById(page, taskId, nameContains) {
  await page.goto(`${baseUrl}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.locator('.task-card h2.task').filter({ hasText: nameContains }).waitFor();
  await page.locator('.fjs-form').waitFor();
}

await scenario('four eyes: frank cannot claim the approval of his own plan, fiona approves it', async (browser) => {
  const frank = await newPage(browser);
  await camundaLogin(frank, 'tasklist', 'frank');
  await openTaskById(frank, env.APPROVAL_TASK_ID, 'Approve instalment plan');
  await frank.locator('.task-card').getByText('Claim', { exact: true }).click();
  // the refusal in Tasklist's notification (not the form's heading, which says "four eyes" too)
  const refusal = frank.getByText('recorded this instalment plan', { exact: false }).first();
  await refusal.waitFor({ timeout: 15000 });
  const shown = await frank.locator('body').innerText();
  expect(shown.includes('recorded this instalment plan'), 'the reason is on the screen');
  expect(!/ENGINE-\d{5}|Exception|TaskListener/.test(shown), 'no engine code or Java text on the screen');
  await frank.waitForTimeout(500);
  await shot(frank, 'desk-5-frank-four-eyes-refused');
  await frank.reload();
  await frank.locator('.task-card h2.task').filter({ hasText: 'Approve instalment plan' }).waitFor();
  await frank.locator('.task-card li.assignee button.claim').waitFor();

  const fiona = await newPage(browser);
  await camundaLogin(fiona, 'tasklist', 'fiona');
  await openTaskById(fiona, env.APPROVAL_TASK_ID, 'Approve instalment plan');
  await claim(fiona);
  await openTask(fiona, 'Approve instalment plan');
  const recordedBy = await fiona.locator('.fjs-form-field').filter({ hasText: 'Recorded by' }).locator('input').first().inputValue();
  expect(recordedBy === 'frank', `the form says who recorded the plan: ${recordedBy}`);
  await choose(fiona, 'Decision', 'Approve the plan');
  await fiona.locator('.task-card button', { hasText: 'Complete' }).scrollIntoViewIfNeeded();
  await shot(fiona, 'desk-6-fiona-approves-plan');
  await fiona.locator('.task-card button', { hasText: 'Complete' }).click();
  await fiona.locator('.task-card h2.task').filter({ hasText: 'Approve instalment plan' }).waitFor({ state: 'detached' });
});
