// Smoke test of the browser harness: a sales user logs in to Tasklist and sees the team filters.
import { baseUrl, camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';

await scenario('sales user logs in to Tasklist', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'sally');
  await page.getByText('My department').first().waitFor();
  const filters = await page.locator('.task-filters').innerText();
  expect(filters.includes('My tasks') && filters.includes('Overdue'), `filters shown: ${filters}`);
  await shot(page, 'tasklist-login-sally');
  console.log(`Tasklist at ${baseUrl} shows the filters: ${filters.replace(/\s+/g, ' ')}`);
});
