import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { consoleDir } from '../src/console/console.route';
import { DEMO_PASSWORD, seedDemoIfEmpty } from '../src/seed/demo-seed';
import { ARTIFACTS, launchBrowser, rawEnumValues, seriousA11yViolations, watchCsp } from './support/browser';
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

  /** Sets an antd date picker by typing the date, as a user may. */
  async function pickDate(picker: Locator, date: string): Promise<void> {
    await picker.click();
    await picker.press('ControlOrMeta+a');
    await picker.pressSequentially(date);
    await picker.press('Enter');
  }

  async function checkPage(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await rawEnumValues(page)).toEqual([]);
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

    // The enterprise filter marks that enterprise's bays, and only those.
    const holderOf = async (cell: Locator) =>
      (await cell.getAttribute('title'))!.split(' · ').slice(3).join(' · ');
    const holders = await Promise.all((await page.locator('button.bay').all()).map(holderOf));
    const name = await holderOf(page.locator('button.bay[data-status="OPERATING"]').first());
    const expected = holders.filter((h) => h === name).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(107);
    const filter = page.getByRole('combobox', { name: '企业' });
    await filter.click();
    await filter.fill(name);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name })
      .first()
      .click();
    const marked = page.locator('button.bay[data-match="true"]');
    await marked.first().waitFor();
    await expect(marked.count()).resolves.toBe(expected);
    for (const cell of await marked.all()) await expect(holderOf(cell)).resolves.toBe(name);
    await checkPage(page, 'bay-map-filtered');
    await page.close();
  }, 120_000);

  it('leases a vacant bay through the form, and shows refusals at the fields', async () => {
    const page = await signIn('leasing');
    // A date after the article's (2024-02-01), so that its figures, checked on the dashboard, stay as they are.
    await page.goto(`${base}/console/bays?zone=shifosi-west&asOf=2025-03-01`);
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
    const cell = (status: string) =>
      page.locator(`button.bay[data-code="${vacant}"][data-status="${status}"]`);
    await cell('RESERVED').waitFor();
    await checkPage(page, 'bay-map-leased');

    // Advance its stage through the bay's form, twice: the cell and the timeline follow.
    await cell('RESERVED').click();
    const tenancy = page.getByTestId('tenancy').filter({ hasText: 'console e2e' });
    await tenancy.waitFor();
    const timeline = async (items: number) => {
      await tenancy
        .locator('.ant-timeline-item')
        .nth(items - 1)
        .waitFor();
      await expect(tenancy.locator('.ant-timeline-item').count()).resolves.toBe(items);
    };
    await timeline(1);
    const action = tenancy.getByTestId('tenancy-action');
    await tenancy.getByRole('button', { name: '推进阶段' }).click();
    await action.getByRole('button', { name: '推进阶段' }).click();
    await action.waitFor({ state: 'detached' });
    await cell('FITTING_OUT').waitFor({ state: 'attached' });
    await timeline(2);
    await expect(tenancy.locator('.ant-timeline').textContent()).resolves.toContain('2025-03-01 装修');
    // Fitting out, it must open before it can end (Tenancy.nextStages): no end button, and OPERATING is the one move.
    await expect(tenancy.getByRole('button', { name: /退\s*租/ }).count()).resolves.toBe(0);
    await tenancy.getByRole('button', { name: '推进阶段' }).click();
    await action.locator('#stage').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '营业' }).click();
    await action.getByRole('button', { name: '推进阶段' }).click();
    await action.waitFor({ state: 'detached' });
    await cell('OPERATING').waitFor({ state: 'attached' });
    await timeline(3);

    // End it. The API's refusals (BAD_USER_INPUT) show at the fields they name: no reason, then a date too early.
    await tenancy.getByRole('button', { name: /退\s*租/ }).click();
    await action.getByRole('button', { name: /退\s*租/ }).click();
    await expect(action.locator('#text_help .ant-form-item-explain-error').textContent()).resolves.toContain(
      'reason',
    );
    await action.locator('#text').fill('console e2e end');
    await action.getByRole('button', { name: /退\s*租/ }).click();
    await expect(action.locator('#on_help .ant-form-item-explain-error').textContent()).resolves.toContain(
      'must be after 2025-03-01',
    );
    await expect(action.locator('#text_help .ant-form-item-explain-error').count()).resolves.toBe(0);
    await checkPage(page, 'end-tenancy-refused');
    await pickDate(action.locator('#on'), '2025-04-01'); // Enter in the date field submits the form
    await action.waitFor({ state: 'detached' });
    await tenancy.filter({ hasText: '2025-03-01 – 2025-04-01' }).waitFor();
    await timeline(4);
    await page.keyboard.press('Escape');

    // History: on 2025-03-01 the bay is still open; moving the date picker to 2025-04-01 shows it vacant.
    await cell('OPERATING').waitFor();
    await pickDate(page.getByRole('main').locator('.ant-picker input'), '2025-04-01');
    await page.waitForURL(/asOf=2025-04-01/);
    await cell('VACANT').waitFor();
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
    // The trend chart draws both bases; each series' definition on hover, the same as its figure card's.
    await expect(page.getByRole('img', { name: /入驻率走势/ }).getAttribute('aria-label')).resolves.toContain(
      '入驻率（按面积）',
    );
    const cardDefinition = async (testId: string) => {
      const tip = page.locator('.ant-tooltip:visible');
      await page.mouse.move(0, 0);
      await tip.waitFor({ state: 'hidden' });
      await page.getByTestId(testId).hover();
      await tip.waitFor();
      return (await tip.textContent())!;
    };
    const areaDefinition = await cardDefinition('occupancy-area');
    expect(areaDefinition).toMatch(/area|m²/);
    await expect(cardDefinition('trend-definition-area')).resolves.toBe(areaDefinition);
    await expect(cardDefinition('trend-definition-units')).resolves.toBe(
      await cardDefinition('occupancy-units'),
    );
    // Moving the date picker shows the park's history: mid-2023, fewer bays were taken than on 2024-02-01.
    await pickDate(page.getByRole('main').locator('.ant-picker input'), '2023-06-30');
    await page.waitForURL(/asOf=2023-06-30/);
    await page.getByTestId('occupied-units').filter({ hasNotText: '107' }).waitFor();
    const earlier = Number(
      (await page.getByTestId('occupied-units').locator('.ant-statistic-content-value').textContent())!,
    );
    expect(earlier).toBeLessThan(107);
    // The bay map agrees on that date.
    await page.goto(`${base}/console/bays?zone=shifosi-west&asOf=2023-06-30`);
    await page.locator('button.bay').first().waitFor();
    await expect(
      page.locator('button.bay[data-status="FITTING_OUT"], button.bay[data-status="OPERATING"]').count(),
    ).resolves.toBe(earlier);
    await page.goto(`${base}/console/dashboard?zone=shifosi-west&asOf=2024-02-01`);
    await page.getByTestId('occupancy-units').waitFor();
    // The English switch: the words and the enum values (the map's statuses) change language.
    await expect(page.getByRole('navigation').getByText('租控表').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Occupancy (bays)').waitFor();
    await checkPage(page, 'dashboard-en');
    await page.getByRole('navigation').getByText('Bay map', { exact: true }).click();
    await page.locator('button.bay').first().waitFor();
    await expect(page.getByTestId('legend').textContent()).resolves.toMatch(
      /Vacant.*Reserved.*Fitting out.*Operating/,
    );
    await checkPage(page, 'bay-map-en');
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
    // The audit log: the demo seed writes none (it inserts directly), so the entries are those of the leasing test's
    // lease, stage change and end, made through the forms above.
    await page.locator('input[aria-label="操作人"]').fill('leasing');
    await page.locator('input[aria-label="操作人"]').press('Enter');
    const auditRows = page.locator('.ant-table-row');
    await page.locator('.ant-card-head-title', { hasText: '(4)' }).waitFor();
    const operations = await auditRows.locator('td:nth-child(3)').allTextContents();
    expect(operations).toEqual(['endTenancy', 'advanceTenancyStage', 'advanceTenancyStage', 'leaseUnits']);
    await expect(auditRows.first().textContent()).resolves.toContain('console e2e end');
    await checkPage(page, 'audit-filtered');
    // The lists export through POST /export with the page's own query.
    await page.getByRole('navigation').getByText('企业', { exact: true }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const csv = await (await download).path();
    expect(readFileSync(csv, 'utf8')).toContain('富瑞雕塑');
    // XLSX: a real workbook (a zip: PK) with a header row and one row per enterprise of the list.
    const count = Number(
      /\((\d+)\)/.exec((await page.locator('.ant-card-head-title').first().textContent())!)![1],
    );
    expect(count).toBeGreaterThan(20);
    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 XLSX/ }).click();
    const bytes = readFileSync((await (await xlsxDownload).path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.actualRowCount).toBe(count + 1);

    // Column headers and enum values in Chinese by default, in English after the switch (checkPage: no raw constant).
    const headers = page.locator('.ant-table-thead th');
    await expect(headers.allTextContents()).resolves.toEqual(
      expect.arrayContaining(['统一社会信用代码', '行业', '来源省份']),
    );
    await expect(page.locator('.ant-table-tbody').textContent()).resolves.toMatch(/雕塑|石雕|石材/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Credit code (USCC)').waitFor();
    await expect(headers.allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Name', 'Industry', 'Province of origin']),
    );
    await expect(page.locator('.ant-table-tbody').textContent()).resolves.toMatch(/Sculpture|Stone carving/);
    await checkPage(page, 'enterprises-en');
    for (const [path, heading] of [
      ['machines', 'Machines'],
      ['talent', 'Talent'],
      ['partners', 'Partners'],
    ] as const) {
      await page.getByRole('navigation').getByText(heading, { exact: true }).click();
      await page.waitForURL(new RegExp(`/console/${path}`));
      await page.waitForLoadState('networkidle');
      await checkPage(page, `${path}-en`);
    }
    await page.close();
  }, 180_000);

  it('met no Content-Security-Policy refusal and no page error on any page', () => {
    expect(refused).toEqual([]);
  });
});
