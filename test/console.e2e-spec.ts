import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { consoleDir } from '../src/console/console.route';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../src/seed/demo-seed';
import { ARTIFACTS, launchBrowser, seriousA11yViolations, watchCsp } from './support/browser';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The park console (web/, served at /console) in a real browser against the app on the demo park: the built console
 * (`npm test` builds it first), Debian's chromium driven by playwright-core.
 */
describe('park console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const refused: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(consoleDir(), 'index.html')))
      throw new Error('console not built: run npm run build');
    t = await startTestApp();
    expect(await seedDemoIfEmpty(t.dataSource)).toBe(true);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(username: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    refused.push(...watchCsp(page));
    await page.goto(`${base}/console/`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page
      .getByRole('button', { name: '登 录' })
      .or(page.getByRole('button', { name: '登录' }))
      .click();
    await page.getByTestId('who').waitFor();
    return page;
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('serves the console with the same security headers as the API', async () => {
    const response = await fetch(`${base}/console/bays`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    // Styles: antd's injected <style> tags carry the page's nonce; nothing inline without it.
    const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain(`nonce="${nonce}"`);
    expect((await fetch(`${base}/console/assets/nothing.js`)).status).toBe(404);
  });

  it('signs in as leasing and shows the bay map of shifosi-west on 2024-02-01: 107 of 140 bays taken', async () => {
    const page = await signIn('leasing');
    await checkPage(page, 'dashboard-today');
    await page.goto(`${base}/console/bays?zone=shifosi-west&asOf=2024-02-01`);
    await page.locator('button.bay').first().waitFor();
    await expect(page.locator('button.bay').count()).resolves.toBe(140);
    const taken = page.locator('button.bay[data-status="FITTING_OUT"], button.bay[data-status="OPERATING"]');
    await expect(taken.count()).resolves.toBe(107);
    await expect(page.getByTestId('bay-total').textContent()).resolves.toContain('140');
    await checkPage(page, 'bay-map');

    // A cell opens the bay: its tenancy timeline and machines.
    await page.locator('button.bay[data-status="OPERATING"]').first().click();
    await page.getByTestId('tenancy').first().waitFor();
    await expect(page.locator('.ant-drawer .ant-timeline-item').count()).resolves.toBeGreaterThan(0);
    await checkPage(page, 'bay-drawer');
    await page.keyboard.press('Escape');
    await page.close();
  }, 120_000);

  it('leases a vacant bay through the form, and shows refusals at the fields', async () => {
    const page = await signIn('leasing');
    await page.goto(`${base}/console/bays?zone=shifosi-west&asOf=2024-02-01`);
    await page.locator('button.bay').first().waitFor();
    const vacant = (await page
      .locator('button.bay[data-status="VACANT"]')
      .first()
      .getAttribute('data-code'))!;
    const held = page.locator('button.bay[data-status="OPERATING"]').first();
    const heldCode = (await held.getAttribute('data-code'))!;
    const holder = (await held.getAttribute('title'))!.split(' · ').pop()!;

    const openForm = async (code: string) => {
      await page.getByTestId('lease-mode').click();
      await page.locator(`button.bay[data-code="${code}"]`).click();
      await page.getByRole('button', { name: /租赁所选/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('#enterpriseId').click();
      await dialog.locator('#enterpriseId').fill('雕塑');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      return dialog;
    };

    // The API refuses a bay already held: CONFLICT, shown at the bays field with the holder it names.
    let dialog = await openForm(heldCode);
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const unitError = dialog.locator('.ant-form-item-explain-error').first();
    await unitError.waitFor();
    await expect(unitError.textContent()).resolves.toContain(holder);
    await expect(dialog.getByRole('alert').last().textContent()).resolves.toContain(holder);
    await checkPage(page, 'lease-conflict');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('lease-mode').click();

    // BAD_USER_INPUT: the API's `fields` land at the form field they name (a note over 1000 characters).
    dialog = await openForm(vacant);
    await dialog.locator('#note').fill('长'.repeat(1001));
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    const noteError = dialog.locator('#note_help .ant-form-item-explain-error');
    await noteError.waitFor();
    await expect(noteError.textContent()).resolves.toMatch(/1000/);

    // Then a good lease: the cell turns RESERVED.
    await dialog.locator('#note').fill('console e2e');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator(`button.bay[data-code="${vacant}"][data-status="RESERVED"]`).waitFor();
    await checkPage(page, 'bay-map-leased');
    await page.close();
  }, 120_000);

  it('shows the dashboard figures of 2024-02-01: 76.4% of bays, 76.3% of area', async () => {
    const page = await signIn('leasing');
    await page.goto(`${base}/console/dashboard?zone=shifosi-west&asOf=2024-02-01`);
    await page.getByTestId('occupancy-units').waitFor();
    await expect(page.getByTestId('occupancy-units').textContent()).resolves.toContain('76.4');
    await expect(page.getByTestId('occupancy-area').textContent()).resolves.toContain('76.3');
    await page.locator('canvas').first().waitFor();
    await checkPage(page, 'dashboard');
    // Its definition on hover.
    await page.getByTestId('occupancy-units').hover();
    await expect(page.locator('.ant-tooltip:visible').textContent()).resolves.toContain('divided by');
    await checkPage(page, 'dashboard-definition');
    // The English switch.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Occupancy (bays)').waitFor();
    await page.close();
  }, 120_000);

  it('shows a recruiter the talent pages and not the bay map or its leasing forms', async () => {
    const page = await signIn('recruiter');
    const menu = page.getByRole('navigation');
    await expect(menu.getByText('人才').count()).resolves.toBe(1);
    await expect(menu.getByText('租控表').count()).resolves.toBe(0);
    await page.goto(`${base}/console/bays?zone=shifosi-west`);
    await page.waitForURL(/\/console\/dashboard/);
    await expect(page.getByTestId('lease-mode').count()).resolves.toBe(0);
    await page.goto(`${base}/console/talent`);
    await page.getByRole('heading', { name: '人才' }).waitFor();
    await checkPage(page, 'talent');
    await page.close();
  }, 120_000);

  it('shows an admin every page, the audit log included, each with its lists and charts', async () => {
    const page = await signIn('admin');
    for (const [path, heading] of [
      ['enterprises', '企业'],
      ['machines', '设备'],
      ['talent', '人才'],
      ['partners', '合作伙伴'],
      ['contracts', '合同'],
      ['audit', '审计日志'],
    ] as const) {
      await page.getByRole('navigation').getByText(heading, { exact: true }).click();
      await page.waitForURL(new RegExp(`/console/${path}`));
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      await checkPage(page, path);
    }
    // The lists export through POST /export with the page's own query.
    await page.getByRole('navigation').getByText('企业', { exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const csv = await (await download).path();
    expect(readFileSync(csv, 'utf8')).toContain('富瑞雕塑');
    await page.close();
  }, 180_000);

  it('met no Content-Security-Policy refusal and no page error on any page', () => {
    expect(refused).toEqual([]);
  });
});
