import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(options: { service: string; level?: string; pretty?: boolean }): Logger {
  return pino({
    level: options.level ?? "info",
    base: { service: options.service },
    // Never let a credential reach the log, whatever object is logged.
    redact: {
      paths: ["password", "*.password", "token", "*.token", "headers.cookie", "headers.authorization", "*.headers.cookie"],
      censor: "[redacted]",
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
