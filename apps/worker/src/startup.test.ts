import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", main], {
    env,
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, lines: result.stderr.trim().split("\n").filter(Boolean), stdout: result.stdout };
}

describe("worker startup with bad configuration", () => {
  it("stops on a malformed variable with one line naming it", () => {
    const { code, lines } = start({ DATABASE_URL: "mysql://127.0.0.1/shop" });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^Invalid environment variable DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/),
    ]);
  });

  it("stops on a missing variable with one line naming it", () => {
    const { code, lines } = start({ SMTP_URL: "smtp://mail.example.uz:587" });
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^Invalid environment variable MAIL_FROM: is required when SMTP_URL is set/)]);
  });

  it("stops on a port that is not a number", () => {
    const { code, lines } = start({ WORKER_PORT: "eighty" });
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(/^Invalid environment variable WORKER_PORT: .*\(expected a TCP port number \(1-65535\)\)$/),
    ]);
  });
});
