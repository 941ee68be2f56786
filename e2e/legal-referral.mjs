// Legal: reviews the dossier after the notice deadline and refers the case to the lawyer.
import { camundaLogin, expect, newPage, scenario, shot } from './browser.mjs';
import { choose, claim, complete, fill, openFilter, openTask, shown } from './tasklist.mjs';

const customer = process.env.CUSTOMER;

await scenario(`larry refers ${customer} to the lawyer`, async (browser) => {
  const page = await newPage(browser);
  await camundaLogin(page, 'tasklist', 'larry');
  await openFilter(page, 'My department');
  await openTask(page, `Review legal dossier: ${customer}`);
  await claim(page);
  expect((await shown(page, 'Formal notice deadline')).length > 0, 'the notice deadline is shown');
  await shot(page, '7-legal-dossier');
  await choose(page, 'Decision', 'Refer to our lawyer');
  await fill(page, 'Notes', 'Claim to Meyer & Partner, file 2026-114.');
  await shot(page, '8-legal-referral');
  await complete(page, `Review legal dossier: ${customer}`);
});
