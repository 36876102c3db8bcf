import { z } from "zod";

/**
 * Validates environment variables against a zod schema. On failure it prints one line
 * per bad variable, naming it and what it expects, and exits: a process must never start
 * half-configured. Each app's `env.ts` is the only place that reads `process.env`.
 */
export function loadEnv<T extends z.ZodObject>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  // Empty strings mean "unset": `.env` files and shells produce them for cleared variables.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const name = issue.path.join(".");
    const described = descriptionOf(schema.shape[name]);
    console.error(`Invalid environment variable ${name}: ${issue.message}${described ? ` (expected ${described})` : ""}`);
  }
  process.exit(1);
}

/** The description of a field, looking through .optional() / .default() wrappers. */
function descriptionOf(field: unknown): string | undefined {
  let current = field as z.ZodType | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.description) return current.description;
    const def = current._zod.def as { innerType?: z.ZodType };
    current = def.innerType;
  }
  return undefined;
}

export const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
  .describe("a PostgreSQL connection URL, e.g. postgres://user:pass@host:5432/db");
export const redisUrl = z
  .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
  .describe("a Redis connection URL, e.g. redis://127.0.0.1:6379");
export const port = z.coerce.number().int().min(1).max(65535).describe("a TCP port number (1-65535)");
export const logLevel = z
  .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
  .describe("one of fatal, error, warn, info, debug, trace, silent");
