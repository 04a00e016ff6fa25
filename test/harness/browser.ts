import * as fs from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from './paths';

/** Headless Debian Chromium with a fresh profile (playwright refuses --user-data-dir in args). */
export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
