// A person's view of the extension: the packaged .vsix installed into code-server (real VS Code),
// the session pointed at the emulator, the workbench opened in headless chromium.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const host = require('../../../../scripts/lib/host.js') as {
  ROOT: string;
  ensureHost(): void;
  startEmulator(options: object): Promise<{ url: string; close(): Promise<void> }>;
  startCodeServer(options: object): Promise<{ url: string; stop(): Promise<void> }>;
  installVsix(options: object): void;
  launchBrowser(): Promise<Browser>;
  freshUserData(dir: string, settings?: object): void;
  awsEnv(url: string): Record<string, string | undefined>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recordE2eCommands } = require('../../../../scripts/lib/commandCoverage.js') as {
  recordE2eCommands(userDataDir: string): Set<string>;
};

/** The repository's root (fixtures are read from it). */
export const ROOT = host.ROOT;
export const SCREENSHOTS = path.join(ROOT, '.test-results', 'e2e');

export interface E2eSession {
  page: Page;
  emulatorUrl: string;
  /** The emulator's world, for tests that put unusual data in it (hostile names). */
  world(): unknown;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /**
   * Open the fixture folder as a multi-root workspace (a .code-workspace file) rather than as a folder: adding a
   * folder to it (Open Instance Files) then does not reload the window, as it does for a single folder.
   */
  multiRoot?: boolean;
}

export async function openWorkbench(vsix: string, options: WorkbenchOptions = {}): Promise<E2eSession> {
  host.ensureHost();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'smw-e2e-'));
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  host.freshUserData(userDataDir);
  // A copy of the fixture workspace: commands that write beside a file (batch predictions) leave the repository alone.
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(host.ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  host.installVsix({ vsix, userDataDir, extensionsDir });
  const emulator = await host.startEmulator({ port: 0, scenario: 'seeded', timeScale: 0.01, log: () => {} });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await host.startCodeServer({
    userDataDir,
    extensionsDir,
    folder: workspace,
    env: host.awsEnv(emulator.url),
    logFile: path.join(SCREENSHOTS, 'code-server.log'),
  });
  const browser = await host.launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  if (options.multiRoot) {
    const file = path.join(scratch, 'e2e.code-workspace');
    fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'workspace' }], settings: {} }));
    await page.goto(`${server.url}/?workspace=${encodeURIComponent(file)}`);
  } else {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  }
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    emulatorUrl: emulator.url,
    world: () => (emulator as unknown as { world(): unknown }).world(),
    close: async () => {
      await browser.close();
      await server.stop();
      recordE2eCommands(userDataDir);
      await emulator.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the packaged extension in real VS Code before a suite's tests and closes it after; returns the
 * session getter. `npm run test:e2e` packages the .vsix and passes its path in SMW_VSIX.
 */
export function useWorkbench(
  prepare?: (session: E2eSession) => Promise<void>,
  options: WorkbenchOptions = {},
): () => E2eSession {
  let session: E2eSession | undefined;
  before(async () => {
    const vsix = process.env.SMW_VSIX;
    if (!vsix) throw new Error('run through `npm run test:e2e`, which packages the .vsix first');
    session = await openWorkbench(vsix, options);
    await prepare?.(session);
  });
  // A failed test leaves a picture of the window as it was, to see why.
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && session) {
      await session.page
        .screenshot({
          path: path.join(
            SCREENSHOTS,
            `failed-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`,
          ),
        })
        .catch(() => undefined);
    }
  });
  after(async () => session?.close());
  return () => {
    if (!session) throw new Error('the workbench is not open');
    return session;
  };
}
