import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCaHierarchyState } from './tests/e2e/fixtures/ca-hierarchy.mjs';
import { writeRadarState, writeSixtyCertificatesState } from './tests/e2e/fixtures/scm-state.mjs';

// A fresh copy for every run: the emulator saves its state after each change.
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-e2e-'));
const caState = path.join(stateDir, 'ca-hierarchy.json');
const caActionsState = path.join(stateDir, 'ca-actions.json');
writeCaHierarchyState(caState);
writeCaHierarchyState(caActionsState);
const scmState = path.join(stateDir, 'scm-sixty.json');
const radarState = path.join(stateDir, 'radar.json');
writeSixtyCertificatesState(scmState);
writeRadarState(radarState);
const nginxState = path.join(stateDir, 'nginx.json');
writeCaHierarchyState(nginxState);

// ccm-serve serves the release build and proxies the CCM and IAM hosts of
// the default profile to a local fake upstream.
const FAKE = 'http://127.0.0.1:9301';
const HOSTS = ['ccm.ap-southeast-3.myhuaweicloud.com', 'iam.ap-southeast-3.myhuaweicloud.com', 'scm.ap-southeast-1.myhuaweicloud.com'];
const overrides = HOSTS.map((h) => `--upstream-override ${h}=${FAKE}`).join(' ');

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:8090',
    // The specs assert the English UI; tests/e2e/i18n-zh.spec.ts sets zh-CN itself.
    locale: 'en-US',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node tests/e2e/fake-upstream.mjs',
      url: `${FAKE}/__requests`,
      reuseExistingServer: false,
    },
    {
      command: `target/release/ccm-serve --listen 127.0.0.1:8090 --dist dist ${overrides}`,
      url: 'http://127.0.0.1:8090/',
      reuseExistingServer: false,
    },
    {
      // The demo set-up: the built-in emulator answers every CCM, SCM and IAM host.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8091 --dist dist --emulate',
      url: 'http://127.0.0.1:8091/',
      reuseExistingServer: false,
    },
    {
      // The emulator loaded with a small CA hierarchy.
      command: `target/release/ccm-serve --listen 127.0.0.1:8092 --dist dist --emulate --state ${caState}`,
      url: 'http://127.0.0.1:8092/',
      reuseExistingServer: false,
    },
    {
      // The same hierarchy for the lifecycle tests, which change it.
      command: `target/release/ccm-serve --listen 127.0.0.1:8093 --dist dist --emulate --state ${caActionsState}`,
      url: 'http://127.0.0.1:8093/',
      reuseExistingServer: false,
    },
    {
      // An empty emulator: the hierarchy is built through the console.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8094 --dist dist --emulate --seed empty',
      url: 'http://127.0.0.1:8094/',
      reuseExistingServer: false,
    },
    {
      // Another empty one for the CA workflow a new user goes through
      // (tests/e2e/ca-workflow.spec.ts), so ca-build's tree stays its own.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8099 --dist dist --emulate --seed empty',
      url: 'http://127.0.0.1:8099/',
      reuseExistingServer: false,
    },
    {
      // 60 SSL certificates for the list; import, export, push and delete.
      command: `target/release/ccm-serve --listen 127.0.0.1:8097 --dist dist --emulate --state ${scmState}`,
      url: 'http://127.0.0.1:8097/',
      reuseExistingServer: false,
    },
    {
      // SSL certificates, CAs and private certificates at known distances
      // from expiry: the overview's radar and the activity log.
      command: `target/release/ccm-serve --listen 127.0.0.1:8098 --dist dist --emulate --state ${radarState}`,
      url: 'http://127.0.0.1:8098/',
      reuseExistingServer: false,
    },
    {
      // Private certificates: the demo seed (real CAs with keys), fresh on every run.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8095 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8095/',
      reuseExistingServer: false,
    },
    {
      // Private certificates at size: 10,000 records for paging.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8096 --dist dist --emulate --seed scale',
      url: 'http://127.0.0.1:8096/',
      reuseExistingServer: false,
    },
    {
      // The fault suite's own emulator (demo seed): faults are global to a
      // server, so no other spec shares it.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8102 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8102/',
      reuseExistingServer: false,
    },
    {
      // Keyboard-only workflows (keyboard.spec.ts): the demo seed, its own
      // state, changed by the workflows.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8104 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8104/',
      reuseExistingServer: false,
    },
    {
      // The CSR manager (ssl-csr.spec.ts): the demo seed, fresh on every run.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8105 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8105/',
      reuseExistingServer: false,
    },
    {
      // The SSL lifecycle, tags and list filters (ssl-lifecycle, ssl-tags):
      // the demo seed, validated through /__emulator/validate.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8106 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8106/',
      reuseExistingServer: false,
    },
    {
      // Renewal, "Create similar" and the toolbox against the account's CAs
      // (renew.spec, ca-similar.spec, tools-account.spec): the demo seed,
      // changed by renewals and revocations no other spec counts.
      command: 'target/release/ccm-serve --listen 127.0.0.1:8107 --dist dist --emulate --seed demo',
      url: 'http://127.0.0.1:8107/',
      reuseExistingServer: false,
    },
    {
      // The nginx recipe (Debian's nginx) serving dist/ on 8100, its proxy
      // routes pointed at the emulator on 8101 instead of the cloud.
      command: `target/release/ccm-serve --listen 127.0.0.1:8101 --dist dist --emulate --state ${nginxState}`,
      url: 'http://127.0.0.1:8101/',
      reuseExistingServer: false,
    },
    {
      command: 'scripts/run-nginx.sh 127.0.0.1:8100 http://127.0.0.1:8101',
      url: 'http://127.0.0.1:8100/',
      reuseExistingServer: false,
    },
  ],
});
