import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['server/main.ts'], { env: { ...process.env, PORT: '4998', HELPLOOP_DATABASE: '/tmp/q2.db' }, stdio: ['ignore', 'ignore', 'inherit'] });
await new Promise(r => setTimeout(r, 1500));
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await b.newPage();
page.setDefaultTimeout(5000);
const focused = () => page.evaluate(() => { const a = document.activeElement?.shadowRoot?.activeElement ?? document.activeElement; return a ? `${a.tagName.toLowerCase()}${a.className ? `.${a.className}` : ''}` : ''; });
try {
await page.goto('http://127.0.0.1:4998/demo/shop/checkout/');
for (let i = 0; i < 20 && (await focused()) !== 'button.launcher'; i++) { await page.keyboard.press('Tab'); console.log(i, await focused()); }
await page.keyboard.press('Enter');
await page.waitForTimeout(500);
console.log('after enter', await focused());
console.log('stops', await page.getByRole('dialog').locator('a[href], button, input').count());
for (let i = 0; i < 12; i++) { await page.keyboard.press('Tab'); console.log('tab', await focused()); }
await page.keyboard.press('Escape');
console.log('esc', await focused());
await page.goto('http://127.0.0.1:4998/demo/shop/orders/');
await page.getByRole('button', { name: '도움말', exact: true }).click();
await page.keyboard.type('환불 언제 되나요');
await page.waitForTimeout(1500);
console.log(await page.getByRole('dialog').locator('.body').innerHTML());
} catch (e) { console.log('ERR', e.message); }
await b.close(); srv.kill();
