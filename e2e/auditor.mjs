// Auditors: Tasklist shows them the team filters, and no task in them to work.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { openFilter } from './tasklist.mjs';

await scenario('audrey (auditor) has no tasks to work', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'audrey');
  for (const filter of ['My tasks', 'My department']) {
    await page.locator('.task-filters').getByText(filter).first().waitFor({ timeout: 15000 })
      .catch(() => expect(false, `an auditor sees the filter ${filter}`));
    await openFilter(page, filter);
    await page.locator('.tasks-list').getByText('No task matching filters found').waitFor();
    const count = await page.locator('.tasks-list li.task').count();
    expect(count === 0, `${filter} shows ${count} tasks to an auditor`);
  }
  await shot(page, '9-auditor-no-tasks');
});
