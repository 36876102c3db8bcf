import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** RFC 6238 is RFC 4226's HOTP with the time step as counter; computed here so the clock can be injected. */
export function totpAt(secret: string, step: number, digits = TOTP_DIGITS): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), digits);
}

/**
 * The step a code belongs to, accepting one step of clock drift either way, or null.
 * Callers refuse steps at or before the last one used, so a code works once.
 */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = totpStep(now);
  for (const step of [current, current - 1, current + 1]) {
    if (totpAt(secret, step) === code) return step;
  }
  return null;
}

export async function totpEnrolment(secret: string, accountName: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = createTOTPKeyURI("UltraMarket", accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return { uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1 }) };
}

/** Ten single-use recovery codes, e.g. `k7qm-2xvp-9tdw`, shown once and stored hashed. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}
