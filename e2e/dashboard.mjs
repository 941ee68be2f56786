// A finance manager finds the dashboard on the Camunda welcome page, logs in to it, narrows it to the first
// quarter of 2019 (the hand-computed ledger of KpiLedger) and sees every chart drawn with data.
import { baseUrl, camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';

await scenario('finance manager reads the dashboard', async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'welcome', 'frank');
  const link = page.getByRole('link', { name: 'ArCollect dashboard' });
  await link.waitFor();
  expect((await link.getAttribute('href')) === '/dashboard/', 'the welcome page links to the dashboard');

  await page.goto(`${baseUrl}/dashboard/`);
  await page.locator('input[name=username]').fill('frank');
  await page.locator('input[name=password]').fill('frank');
  await page.locator('button[type=submit]').click();
  // Spring Security returns to the page asked for (with ?continue)
  await page.waitForURL(/\/dashboard\/(\?continue)?$/);
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');

  await page.locator('#from').fill('2019-01-01');
  await page.locator('#to').fill('2019-03-31');
  await page.locator('#apply').click();
  await page.waitForFunction(() => document.body.dataset.loaded === 'true');
  const status = await page.locator('#status').innerText();
  expect(status === '', `no error shown, got: ${status}`);

  const charts = await page.evaluate(() => [...document.querySelectorAll('canvas')].map((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    const chart = Chart.getChart(canvas);
    const values = chart ? chart.data.datasets.flatMap((d) => d.data).filter((v) => typeof v === 'number' && v > 0) : [];
    return { id: canvas.id, inked, values: values.length };
  }));
  console.log(JSON.stringify(charts));
  expect(charts.length === 8, `8 charts, found ${charts.length}`);
  for (const chart of charts) {
    expect(chart.inked > 500, `${chart.id} is drawn (${chart.inked} pixels inked)`);
    expect(chart.values > 0, `${chart.id} shows data`);
  }
  const csv = await page.locator('a.csv[data-kpi=receivables]').getAttribute('href');
  expect(csv.includes('from=2019-01-01') && csv.includes('format=csv'), `CSV link follows the filters: ${csv}`);
  await shot(page, 'dashboard-frank');
});
