// Auditors: Tasklist shows them no tasks to work.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { openFilter } from './tasklist.mjs';

await scenario('audrey (auditor) has no tasks to work', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'audrey');
  for (const filter of ['My tasks', 'My department']) {
    if (await page.locator('.task-filters').getByText(filter).count() === 0) {
      continue;
    }
    await openFilter(page, filter);
    await page.waitForTimeout(1000);
    const count = await page.locator('.tasks-list li.task').count();
    expect(count === 0, `${filter} shows ${count} tasks to an auditor`);
  }
  await shot(page, '9-auditor-no-tasks');
});
