import type { AttributeDefinition } from "@ultramarket/db";
import type { FieldErrors } from "../core/errors";

/** Checks product attributes against the category's definitions (required, type, enum values). */
export function checkAttributes(definitions: AttributeDefinition[], values: Record<string, string | number | boolean>): FieldErrors {
  const errors: FieldErrors = {};
  const known = new Map(definitions.map((d) => [d.key, d]));
  for (const definition of definitions) {
    const value = values[definition.key];
    if (value === undefined || value === "") {
      if (definition.required)
        errors[`attributes.${definition.key}`] = [`${definition.name.en || definition.key} is required in this category`];
      continue;
    }
    const ok =
      definition.type === "number"
        ? typeof value === "number"
        : definition.type === "boolean"
          ? typeof value === "boolean"
          : definition.type === "enum"
            ? typeof value === "string" && (definition.options ?? []).some((o) => o.value === value)
            : typeof value === "string";
    if (!ok)
      errors[`attributes.${definition.key}`] = [
        definition.type === "enum" ? "Choose one of the listed values" : `Expected a ${definition.type}`,
      ];
  }
  for (const key of Object.keys(values)) if (!known.has(key)) errors[`attributes.${key}`] = ["This category has no such attribute"];
  return errors;
}
