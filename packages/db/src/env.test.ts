import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { loadEnv, port, postgresUrl } from "./env";

const schema = z.object({ DATABASE_URL: postgresUrl.optional(), PORT: port.default(3000), NAME: z.string().describe("a display name") });

describe("loadEnv", () => {
  afterEach(() => vi.restoreAllMocks());

  function failing(source: Record<string, string | undefined>) {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    vi.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => loadEnv(schema, source)).toThrow("exit 1");
    return errors;
  }

  it("returns typed values with defaults applied, treating empty strings as unset", () => {
    expect(loadEnv(schema, { NAME: "x", DATABASE_URL: "" })).toEqual({ NAME: "x", PORT: 3000 });
    expect(loadEnv(schema, { NAME: "x", PORT: "8080" }).PORT).toBe(8080);
  });

  it("stops with one line naming a malformed variable and what it expects", () => {
    const lines = failing({ NAME: "x", DATABASE_URL: "mysql://db/x" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Invalid environment variable DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL \(expected a PostgreSQL connection URL/,
    );
  });

  it("stops with one line per missing variable", () => {
    const lines = failing({ PORT: "70000" });
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toMatch(/^Invalid environment variable PORT: .*\(expected a TCP port number \(1-65535\)\)$/m);
    expect(lines.join("\n")).toMatch(/^Invalid environment variable NAME: .*\(expected a display name\)$/m);
  });
});
