// Debian's Chromium, driven by playwright-core (no downloaded browser). `.ci/run` installs it.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** GONGKAI_CHROMIUM overrides the path (e.g. another distribution's binary). */
export const chromiumPath = process.env.GONGKAI_CHROMIUM ?? "/usr/bin/chromium";

/** Why the browser tests cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  return existsSync(chromiumPath)
    ? null
    : `Chromium not found at ${chromiumPath} (install it with: apt-get install -y chromium fonts-wqy-zenhei)`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30_000,
    args: [
      // Tests often run as root in containers, where Chromium's sandbox cannot start.
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      // Nothing but the test server: no updates, sync, safe-browsing or other phoning home.
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface Size {
  name: "phone" | "desktop";
  label: string;
  viewport: { width: number; height: number };
  isMobile: boolean;
  hasTouch: boolean;
}

/** Every journey runs at both sizes: a small phone and an ordinary desktop window. */
export const sizes: readonly Size[] = [
  {
    name: "phone",
    label: "360×740 phone",
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  },
  {
    name: "desktop",
    label: "1280×800 desktop",
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
  },
];
