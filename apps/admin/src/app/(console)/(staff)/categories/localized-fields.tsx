import { TextAreaField, TextField } from "@ultramarket/ui/forms";
import type { Locale } from "~/lib/catalog";
import { LOCALE_LABELS, LOCALES } from "~/lib/catalog";

const SLUG_HINT = "Left empty, made from the name";

/** The category's name in every language (Uzbek required). */
export function CategoryNameFields(props: {
  name: Record<Locale, string>;
  onName: (name: Record<Locale, string>) => void;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      {LOCALES.map((locale) => (
        <TextField
          key={locale}
          label={`Name (${LOCALE_LABELS[locale]})`}
          name={`name.${locale}`}
          value={props.name[locale]}
          onChange={(e) => props.onName({ ...props.name, [locale]: e.target.value })}
          error={props.errors[`name.${locale}`]}
          required={locale === "uz"}
        />
      ))}
    </>
  );
}

/** The Russian and English slugs and the description in every language: shared by the create form and the editor. */
export function LocalizedCategoryFields(props: {
  slugs: { ru: string; en: string };
  onSlugs: (slugs: { ru: string; en: string }) => void;
  description: Record<Locale, string>;
  onDescription: (description: Record<Locale, string>) => void;
  errors: Record<string, string[] | undefined>;
  descriptionRows: number;
}) {
  return (
    <>
      {(["ru", "en"] as const).map((locale) => (
        <TextField
          key={locale}
          label={`Slug (${LOCALE_LABELS[locale]})`}
          name={`slugs.${locale}`}
          value={props.slugs[locale]}
          onChange={(e) => props.onSlugs({ ...props.slugs, [locale]: e.target.value.toLowerCase() })}
          error={props.errors[`slugs.${locale}`]}
          hint={SLUG_HINT}
        />
      ))}
      {LOCALES.map((locale) => (
        <TextAreaField
          key={locale}
          label={`Description (${LOCALE_LABELS[locale]})`}
          name={`description.${locale}`}
          rows={props.descriptionRows}
          value={props.description[locale]}
          onChange={(e) => props.onDescription({ ...props.description, [locale]: e.target.value })}
          error={props.errors[`description.${locale}`]}
        />
      ))}
    </>
  );
}
