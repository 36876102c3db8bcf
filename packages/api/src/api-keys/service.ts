import { and, desc, eq, isNull } from "drizzle-orm";

import { schema } from "@ultramarket/db";
import { recordAudit } from "../audit/service";
import type { ApiKeySession, Context, UserSession } from "../core/context";
import { generateToken, hashToken } from "../core/crypto";
import { NotFound } from "../core/errors";
import type { Permission } from "../core/permissions";

const { apiKeys } = schema;
const KEY_PREFIX = "umk_";
/** Last-used times are written at most this often, so a busy key is not a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** Creates a key and returns it once; only its hash is kept. */
export async function createApiKey(ctx: Context & { session: UserSession }, input: { name: string; scopes: Permission[] }) {
  const key = `${KEY_PREFIX}${generateToken(32)}`;
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({ name: input.name, prefix: key.slice(0, 10), keyHash: hashToken(key), scopes: input.scopes, createdById: ctx.session.userId })
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, createdAt: apiKeys.createdAt });
  await recordAudit(ctx, {
    action: "api_key.created",
    targetType: "api_key",
    targetId: row!.id,
    metadata: { name: input.name, scopes: input.scopes },
  });
  return { ...row!, key };
}

export async function listApiKeys(ctx: Pick<Context, "db">) {
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdAt: apiKeys.createdAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}

export async function revokeApiKey(ctx: Context & { session: UserSession }, input: { id: string }) {
  const [row] = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (!row) throw new NotFound("API key not found or already revoked");
  await recordAudit(ctx, { action: "api_key.revoked", targetType: "api_key", targetId: row.id });
}

/** The caller an API key stands for, or null when it is unknown or revoked. */
export async function authenticateApiKey(ctx: Pick<Context, "db" | "clock">, key: string): Promise<ApiKeySession | null> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 200) return null;
  const [row] = await ctx.db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const now = ctx.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await ctx.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.id));
  }
  return { kind: "api-key", apiKeyId: row.id, scopes: row.scopes as Permission[] };
}
