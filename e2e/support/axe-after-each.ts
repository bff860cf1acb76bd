// After every browser test, axe checks each page still open where the test left it: every page the tests visit
// is checked in the state the test brought it to, with 0 violations allowed (see e2e/support/axe.ts).
import { afterEach } from 'vitest';
import { expectNoAxeViolations } from './axe.ts';
import { openPages } from './browser.ts';

afterEach(async (context) => {
  // A test that already failed keeps its own failure; an axe failure would only hide it.
  if (context.task.result?.state === 'fail') return;
  for (const page of openPages()) {
    // A page between documents (a download, a navigation still under way) is checked by the next test.
    if (page.url() === 'about:blank') continue;
    await page.waitForLoadState('domcontentloaded');
    await expectNoAxeViolations(page, `${page.url()} after "${context.task.name}"`);
  }
});
