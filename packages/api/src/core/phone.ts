/**
 * Normalises an Uzbek phone number to E.164 (+998 and 9 digits). Accepts the ways people
 * type them: "+998 90 123-45-67", "998901234567", "90 123 45 67", "(90) 1234567".
 * Returns null for anything that is not a 9-digit Uzbek number.
 */
export function normalizeUzPhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, "").replace(/^\+/, "");
  if (!/^\d+$/.test(digits)) return null;
  const national = digits.length === 12 && digits.startsWith("998") ? digits.slice(3) : digits.length === 9 ? digits : null;
  if (!national || !/^(20|33|50|55|61|62|65|66|67|69|70|71|72|73|74|75|76|77|78|79|88|90|91|93|94|95|97|98|99)\d{7}$/.test(national))
    return null;
  return `+998${national}`;
}
