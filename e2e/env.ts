/** Where the end-to-end tests find the apps: scripts/e2e.ts starts them there and sets these. */
export const WEB_URL = process.env.E2E_WEB_URL ?? "http://127.0.0.1:3100";
export const ADMIN_URL = process.env.E2E_ADMIN_URL ?? "http://127.0.0.1:3101";
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
