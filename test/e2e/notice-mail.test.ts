// Browser: a notice the mail relay refused for good (SMTP 550) is shown on the staff case page as
// an alert with the relay's answer, so the reporter is reached another way (issue 17, item 3).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser } from '../support/http.ts';
import { buildLaporanInput } from '../support/factories.ts';
import { startBrowserSession, type BrowserSession } from '../support/browser.ts';
import { startRelay } from '../support/smtpRelay.ts';
import { createContext, createJobRegistry } from '../../src/server/context.ts';
import { startWorker } from '../../src/server/jobs/worker.ts';
import { loadVault } from '../../src/server/platform/vault.ts';

let session: BrowserSession;
let relay: Awaited<ReturnType<typeof startRelay>>;
before(async () => {
  session = await startBrowserSession();
  relay = await startRelay();
});
after(async () => {
  await session?.close();
  await relay?.close();
});

test("a refused notice e-mail is an alert on the case page, with the relay's answer", async () => {
  const response = await fetch(`${session.baseUrl}/api/v1/laporan`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(buildLaporanInput({ pelapor: { email: 'refuse@example.id' } })),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  const caseId = JSON.parse(body).id as string;

  const { db, config } = session.netra;
  const vault = loadVault({ key: config.identityKey, dataDir: config.dataDir });
  const worker = startWorker(
    db,
    {
      'notices.email': createJobRegistry(
        createContext({
          db,
          config: { ...config, smtpUrl: `smtp://127.0.0.1:${relay.port}/?tls.rejectUnauthorized=false` },
          vault,
        }),
      )['notices.email'],
    },
    { autoStart: false },
  );
  while (await worker.runOnce());
  await worker.stop();
  assert.equal(relay.tries.get('refuse@example.id'), 1);

  const desk = session.page;
  const { username, password } = await buildUser(db, { role: 'pengawas_kabkota', regionCode: '16.02' });
  await desk.goto(`/staf/kasus/${caseId}`);
  await desk.waitForURL(/\/staf\/masuk/);
  await desk.getByLabel('Nama pengguna').fill(username);
  await desk.getByLabel('Kata sandi').fill(password);
  await desk.getByRole('button', { name: 'Masuk', exact: true }).click();
  const alert = desk.locator('.notice-list__item[data-email-state="failed"]').getByRole('alert');
  await alert.getByText(/E-mail pemberitahuan gagal terkirim setelah 1 percobaan/).waitFor();
  await alert.getByText(/550 5\.1\.1 <\[alamat pelapor\]>: Recipient address rejected/).waitFor();
  assert.equal(await desk.getByText('refuse@example.id').count(), 0, 'the address stays sealed');
  await session.screenshot(desk, 'kasus-email-gagal');
});
