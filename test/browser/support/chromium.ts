import { type Browser, chromium } from "playwright-core";

/**
 * Debian's Chromium, never a downloaded one (scripts/ensure-chromium.sh installs it). The flags keep it
 * from reaching for Google's hosts, which this machine's closed network refuses many at a time.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
