"use client";

import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { useState } from "react";

import type { RouterInputs, RouterOutputs } from "@ultramarket/api";
import { buttonClass, cn, formatPrice } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextAreaField, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { RichTextEditor } from "~/components/rich-text-editor";
import { Card } from "~/components/ui";
import type { Locale } from "~/lib/catalog";
import { LOCALE_LABELS, LOCALES, parseSom } from "~/lib/catalog";
import { queryString } from "~/lib/format";
import { cleanHtml, richTextClass, toEditorHtml } from "~/lib/rich-text";
import type { AttributeDrafts } from "./attribute-fields";
import { AttributeField, buildAttributes, draftsOf, keepDefined, sameAttributes } from "./attribute-fields";

export type EditableProduct = RouterOutputs["vendorCatalog"]["getProduct"];
export interface CategoryChoice {
  id: string;
  label: string;
}
type Localized = Record<Locale, string>;
type FieldErrors = Record<string, string[]>;

interface OptionDraft {
  key: string;
  name: Localized;
  values: string;
}
interface VariantDraft {
  sku: string;
  price: string;
  oldPrice: string;
  barcode: string;
}

const MAX_OPTIONS = 3;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 40;
const SEO_TITLE_MAX = 70;
const SEO_DESCRIPTION_MAX = 160;
const MAX_VARIANTS = 100;
const emptyText = (): Localized => ({ uz: "", ru: "", en: "" });
const emptyVariant = (): VariantDraft => ({ sku: "", price: "", oldPrice: "", barcode: "" });

function parseValues(text: string): string[] {
  return [...new Set(text.split(",").map((v) => v.trim()))].filter(Boolean);
}

/** Every combination of the options' values, in option order; one empty combination without options. */
function combinations(options: { key: string; values: string[] }[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (acc, option) => acc.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.key]: value }))),
    [{}],
  );
}

type Seo = RouterInputs["vendorCatalog"]["createProduct"]["seo"];
type StoredSeo = EditableProduct["seo"];

/** The typed SEO texts as the API's `seo`, empty languages (and empty halves) left out. */
function buildSeo(title: Localized, description: Localized): NonNullable<Seo> {
  const pick = (text: Partial<Localized> | undefined) =>
    Object.fromEntries(LOCALES.map((l) => [l, (text?.[l] ?? "").trim()] as const).filter(([, v]) => v)) as Partial<Localized>;
  const seo: NonNullable<Seo> = {};
  const t = pick(title);
  const d = pick(description);
  if (Object.keys(t).length) seo.title = t;
  if (Object.keys(d).length) seo.description = d;
  return seo;
}
const storedSeo = (seo: StoredSeo | undefined) => buildSeo({ ...emptyText(), ...seo?.title }, { ...emptyText(), ...seo?.description });
const sameSeo = (a: NonNullable<Seo>, b: NonNullable<Seo>) =>
  LOCALES.every((l) => a.title?.[l] === b.title?.[l] && a.description?.[l] === b.description?.[l]);

/** Tags as typed ("a, b, c") → distinct, trimmed, non-empty. */
const parseTags = (text: string) => parseValues(text);

const sameText = (a: Localized, b: Localized) => LOCALES.every((l) => a[l].trim() === (b[l] ?? "").trim());
const trimText = (t: Localized): Localized => ({ uz: t.uz.trim(), ru: t.ru.trim(), en: t.en.trim() });

export function ProductEditor({
  vendorId,
  vendorParam,
  categories,
  product,
}: {
  vendorId: string;
  vendorParam?: string;
  categories: CategoryChoice[];
  product?: EditableProduct;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [tab, setTab] = useState<Locale>("uz");
  const [title, setTitle] = useState<Localized>(product ? { ...emptyText(), ...product.title } : emptyText());
  const [description, setDescription] = useState<Localized>(product ? { ...emptyText(), ...product.description } : emptyText());
  const [categoryId, setCategoryId] = useState(product?.categoryId ?? "");
  const [brand, setBrand] = useState(product?.brand ?? "");
  const [ikpuCode, setIkpuCode] = useState(product?.ikpuCode ?? "");
  const [attributes, setAttributes] = useState<AttributeDrafts>(() => draftsOf(product?.attributes));
  const [tags, setTags] = useState(product?.tags.join(", ") ?? "");
  const [seoTitle, setSeoTitle] = useState<Localized>({ ...emptyText(), ...product?.seo.title });
  const [seoDescription, setSeoDescription] = useState<Localized>({ ...emptyText(), ...product?.seo.description });
  // The category whose attribute definitions the values were last trimmed to.
  const [trimmedFor, setTrimmedFor] = useState(product?.categoryId ?? "");
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [variants, setVariants] = useState<Record<string, VariantDraft>>({});
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [done, setDone] = useState<string | null>(null);

  const create = useMutation(
    trpc.vendorCatalog.createProduct.mutationOptions({
      onSuccess: (created) => router.push(`/products/${created.id}${queryString({ vendor: vendorParam, created: "1" })}`),
    }),
  );
  const update = useMutation(
    trpc.vendorCatalog.updateProduct.mutationOptions({
      onSuccess: () => {
        setDone("Product saved.");
        router.refresh();
      },
    }),
  );
  const attributesQuery = useQuery(
    trpc.vendorCatalog.categoryAttributes.queryOptions(categoryId ? { vendorId, categoryId } : skipToken, { staleTime: 60_000 }),
  );
  const definitions = categoryId ? attributesQuery.data : [];
  // Changing the category drops the values of attributes the new category does not have.
  if (definitions && categoryId !== trimmedFor) {
    setTrimmedFor(categoryId);
    setAttributes((current) => keepDefined(current, definitions));
  }
  const mutation = product ? update : create;
  const errors: FieldErrors = { ...fieldErrorsOf(mutation.error), ...localErrors };
  const pending = mutation.isPending;

  const usable = options.map((o) => ({ key: o.key.trim(), values: parseValues(o.values) })).filter((o) => o.key && o.values.length);
  const matrix = product ? [] : combinations(usable);
  const comboKey = (combo: Record<string, string>) => usable.map((o) => combo[o.key]).join(" / ");

  function setVariant(key: string, patch: Partial<VariantDraft>) {
    setVariants((current) => ({ ...current, [key]: { ...(current[key] ?? emptyVariant()), ...patch } }));
  }
  function setOption(index: number, patch: Partial<OptionDraft>) {
    setOptions((current) => current.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    const local: FieldErrors = {};
    if (!categoryId) local.categoryId = ["Choose a category"];
    const tagList = parseTags(tags);
    if (tagList.length > MAX_TAGS) local.tags = [`At most ${MAX_TAGS} tags`];
    else if (tagList.some((tag) => tag.length > MAX_TAG_LENGTH)) local.tags = [`Each tag has at most ${MAX_TAG_LENGTH} characters`];
    const seo = buildSeo(seoTitle, seoDescription);
    const built = definitions ? buildAttributes(definitions, attributes) : null;
    if (categoryId && !built) {
      local._attributes = [
        attributesQuery.isError
          ? "The category's attributes could not be loaded; reload the page"
          : "The category's attributes are still loading",
      ];
    }
    if (product) {
      const input: RouterInputs["vendorCatalog"]["updateProduct"] = { vendorId, productId: product.id };
      if (categoryId !== product.categoryId) input.categoryId = categoryId;
      if (!sameText(title, { ...emptyText(), ...product.title })) input.title = trimText(title);
      if (!sameText(description, { ...emptyText(), ...product.description })) input.description = trimText(description);
      if (brand.trim() !== (product.brand ?? "")) input.brand = brand.trim();
      if (ikpuCode.trim() && ikpuCode.trim() !== (product.ikpuCode ?? "")) input.ikpuCode = ikpuCode.trim();
      if (tagList.join("\u0000") !== product.tags.join("\u0000")) input.tags = tagList;
      if (!sameSeo(seo, storedSeo(product.seo))) input.seo = seo;
      // Attributes are material: only sent when their values (or the category) changed.
      if (built && definitions) {
        const stored =
          categoryId === product.categoryId
            ? buildAttributes(definitions, keepDefined(draftsOf(product.attributes), definitions)).values
            : null;
        if (!stored || !sameAttributes(built.values, stored)) {
          Object.assign(local, built.errors);
          input.attributes = built.values;
        }
      } else if (categoryId === product.categoryId) {
        delete local._attributes;
      }
      setLocalErrors(local);
      if (Object.keys(local).length) return;
      if (Object.keys(input).length === 2) {
        setDone("Nothing changed.");
        return;
      }
      update.mutate(input);
      return;
    }
    if (built) Object.assign(local, built.errors);
    if (matrix.length > MAX_VARIANTS) local._variants = [`At most ${MAX_VARIANTS} variants; remove some option values`];
    const variantInputs: RouterInputs["vendorCatalog"]["createProduct"]["variants"] = matrix.map((combo, index) => {
      const draft = variants[comboKey(combo)] ?? emptyVariant();
      const price = parseSom(draft.price);
      const oldPrice = parseSom(draft.oldPrice);
      if (price === null) local[`variants.${index}.priceAmount`] = ["Enter the price"];
      else if (Number.isNaN(price)) local[`variants.${index}.priceAmount`] = ["Enter the price in soʻm, e.g. 125000"];
      if (oldPrice !== null && Number.isNaN(oldPrice)) local[`variants.${index}.compareAtAmount`] = ["Enter the old price in soʻm"];
      return {
        sku: draft.sku.trim(),
        barcode: draft.barcode.trim() || undefined,
        options: combo,
        priceAmount: price ?? 0,
        compareAtAmount: oldPrice ?? undefined,
      };
    });
    setLocalErrors(local);
    if (Object.keys(local).length) return;
    create.mutate({
      vendorId,
      categoryId,
      title: trimText(title),
      description: trimText(description),
      brand: brand.trim() || undefined,
      ikpuCode: ikpuCode.trim() || undefined,
      tags: tagList,
      attributes: built?.values ?? {},
      options: options.map((o) => ({ key: o.key.trim(), name: trimText(o.name), values: parseValues(o.values) })),
      variants: variantInputs,
      seo,
    });
  }

  const tabHasError = (locale: Locale) =>
    Boolean(
      errors[`title.${locale}`] || errors[`description.${locale}`] || errors[`seo.title.${locale}`] || errors[`seo.description.${locale}`],
    );
  const shownAttributes = new Set((definitions ?? []).map((d) => `attributes.${d.key}`));
  // Attribute messages show beside their fields; those of attributes without a field (and the rest) go on top.
  const otherErrors = Object.entries(errors)
    .filter(
      ([key]) =>
        (key.startsWith("attributes") && !shownAttributes.has(key)) ||
        key === "options" ||
        key === "variants" ||
        key === "_variants" ||
        key === "_attributes" ||
        key === "seo" ||
        key === "seo.title" ||
        key === "seo.description",
    )
    .map(([, messages]) => messages[0]);
  const tagCount = parseTags(tags).length;
  const tagsError = errors.tags ?? Object.entries(errors).find(([key]) => key.startsWith("tags."))?.[1];

  return (
    <form
      onSubmit={submit}
      className="space-y-6"
      data-testid="product-editor"
      aria-label={product ? "Edit product" : "New product"}
      noValidate
    >
      <FormAlert tone="success" message={done} />
      <FormAlert message={formErrorOf(mutation.error) ?? (Object.keys(localErrors).length ? "Check the highlighted fields" : null)} />
      {otherErrors.length ? (
        <ul className="list-inside list-disc rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {otherErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}

      <Card title="Title and description">
        <div role="tablist" aria-label="Language" className="mb-4 flex gap-1 border-b border-slate-200">
          {LOCALES.map((locale) => (
            <button
              key={locale}
              type="button"
              role="tab"
              id={`lang-tab-${locale}`}
              aria-selected={tab === locale}
              aria-controls={`lang-panel-${locale}`}
              onClick={() => setTab(locale)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm",
                tab === locale ? "border-indigo-600 font-medium text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {LOCALE_LABELS[locale]}
              {locale === "uz" ? " *" : ""}
              {tabHasError(locale) ? (
                <span className="ml-1 text-red-600" aria-label="has errors">
                  ●
                </span>
              ) : null}
            </button>
          ))}
        </div>
        {LOCALES.map((locale) => (
          <div
            key={locale}
            role="tabpanel"
            id={`lang-panel-${locale}`}
            aria-labelledby={`lang-tab-${locale}`}
            hidden={tab !== locale}
            className="space-y-4"
          >
            <TextField
              label={`Title (${LOCALE_LABELS[locale]})`}
              name={`title.${locale}`}
              value={title[locale]}
              maxLength={200}
              required={locale === "uz"}
              onChange={(e) => setTitle({ ...title, [locale]: e.target.value })}
              error={errors[`title.${locale}`]}
            />
            <RichTextEditor
              label={`Description (${LOCALE_LABELS[locale]})`}
              name={`description.${locale}`}
              value={description[locale]}
              required={locale === "uz"}
              onChange={(html) => setDescription((current) => ({ ...current, [locale]: html }))}
              error={errors[`description.${locale}`]}
              hint="Bold, italic, lists, headings and links; other formatting is removed when saved."
            />
            <TextField
              label={`Title for search engines (${LOCALE_LABELS[locale]})`}
              name={`seo.title.${locale}`}
              value={seoTitle[locale]}
              maxLength={SEO_TITLE_MAX}
              onChange={(e) => setSeoTitle((current) => ({ ...current, [locale]: e.target.value }))}
              error={errors[`seo.title.${locale}`]}
              hint={`${seoTitle[locale].length}/${SEO_TITLE_MAX} · Optional: the title search engines show; the product title is used when empty.`}
            />
            <TextAreaField
              label={`Description for search engines (${LOCALE_LABELS[locale]})`}
              name={`seo.description.${locale}`}
              value={seoDescription[locale]}
              maxLength={SEO_DESCRIPTION_MAX}
              rows={2}
              onChange={(e) => setSeoDescription((current) => ({ ...current, [locale]: e.target.value }))}
              error={errors[`seo.description.${locale}`]}
              hint={`${seoDescription[locale].length}/${SEO_DESCRIPTION_MAX} · Optional: the snippet under the title in search results.`}
            />
          </div>
        ))}
        <ProductPreview
          locale={tab}
          title={title}
          description={description}
          brand={brand}
          priceAmount={product ? product.minPriceAmount : lowestPrice(matrix.map((combo) => variants[comboKey(combo)]?.price ?? ""))}
        />
      </Card>

      <Card title="Details">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Category"
            name="categoryId"
            value={categoryId}
            onChange={(e) => setCategoryId(e.target.value)}
            error={errors.categoryId}
            className="sm:col-span-2"
            required
          >
            <option value="">Choose a category…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Brand"
            name="brand"
            value={brand}
            maxLength={80}
            onChange={(e) => setBrand(e.target.value)}
            error={errors.brand}
          />
          <TextField
            label="IKPU / MXIK code"
            name="ikpuCode"
            value={ikpuCode}
            inputMode="numeric"
            maxLength={17}
            hint="17 digits, printed on fiscal receipts"
            onChange={(e) => setIkpuCode(e.target.value.replace(/\D/g, ""))}
            error={errors.ikpuCode}
          />
          <TextField
            label="Tags"
            name="tags"
            value={tags}
            placeholder="android, 5g, dual sim"
            hint={`Separate tags with commas · ${tagCount}/${MAX_TAGS}, each at most ${MAX_TAG_LENGTH} characters`}
            onChange={(e) => setTags(e.target.value)}
            error={tagsError}
            className="sm:col-span-2"
          />
        </div>
        {product?.status === "published" ? (
          <p className="mt-3 text-xs text-slate-500">
            Changing the category, title, description or attributes sends a published product back to review.
          </p>
        ) : null}
      </Card>

      {categoryId ? (
        <Card title="Attributes">
          <div data-testid="product-attribute-fields">
            {!definitions ? (
              attributesQuery.isError ? (
                <p className="text-sm text-red-700" role="alert">
                  The category&apos;s attributes could not be loaded.{" "}
                  <button type="button" className="underline" onClick={() => void attributesQuery.refetch()}>
                    Try again
                  </button>
                </p>
              ) : (
                <p className="text-sm text-slate-500" role="status">
                  Loading the category&apos;s attributes…
                </p>
              )
            ) : definitions.length === 0 ? (
              <p className="text-sm text-slate-500">This category has no attributes to fill.</p>
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-500">
                  Shown as specifications on the product page and used by the category&apos;s filters.
                  {definitions.some((d) => d.required) ? " Fields marked * are required." : null}
                </p>
                <div className="grid gap-4 sm:grid-cols-2">
                  {definitions.map((definition) => (
                    <AttributeField
                      key={definition.key}
                      definition={definition}
                      value={attributes[definition.key]}
                      onChange={(value) => setAttributes((current) => ({ ...current, [definition.key]: value }))}
                      error={errors[`attributes.${definition.key}`]}
                    />
                  ))}
                </div>
              </>
            )}
          </div>
        </Card>
      ) : null}

      {product ? (
        <Card title="Options">
          {product.options.length === 0 ? (
            <p className="text-sm text-slate-500">This product has a single variant and no options.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {product.options.map((o) => (
                <li key={o.key}>
                  <span className="font-medium">{o.name.uz || o.key}</span> <span className="text-slate-500">({o.key})</span>:{" "}
                  {o.values.join(", ")}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-500">Options cannot be changed after the product is created.</p>
        </Card>
      ) : (
        <>
          <Card title="Options">
            <p className="mb-3 text-sm text-slate-500">
              Up to {MAX_OPTIONS} options such as colour or size. Every combination of their values becomes a variant.
            </p>
            <div className="space-y-4">
              {options.map((option, index) => (
                <fieldset key={index} className="space-y-3 rounded-lg border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-medium">Option {index + 1}</legend>
                  <div className="grid gap-3 sm:grid-cols-4">
                    <TextField
                      label="Key"
                      value={option.key}
                      placeholder="color"
                      onChange={(e) => setOption(index, { key: e.target.value.toLowerCase() })}
                      error={errors[`options.${index}.key`]}
                    />
                    {LOCALES.map((locale) => (
                      <TextField
                        key={locale}
                        label={`Name (${LOCALE_LABELS[locale]})`}
                        value={option.name[locale]}
                        onChange={(e) => setOption(index, { name: { ...option.name, [locale]: e.target.value } })}
                        error={errors[`options.${index}.name.${locale}`]}
                      />
                    ))}
                  </div>
                  <TextField
                    label="Values"
                    value={option.values}
                    placeholder="Red, Blue, Green"
                    hint="Separate values with commas"
                    onChange={(e) => setOption(index, { values: e.target.value })}
                    error={
                      errors[`options.${index}.values`] ??
                      Object.entries(errors).find(([k]) => k.startsWith(`options.${index}.values.`))?.[1]
                    }
                  />
                  <button
                    type="button"
                    className="text-sm text-red-700 hover:underline"
                    onClick={() => setOptions((current) => current.filter((_, i) => i !== index))}
                  >
                    Remove option {index + 1}
                  </button>
                </fieldset>
              ))}
            </div>
            {errors.options ? <p className="mt-2 text-xs text-red-600">{errors.options[0]}</p> : null}
            {options.length < MAX_OPTIONS ? (
              <button
                type="button"
                className={cn(buttonClass("secondary"), "mt-3")}
                onClick={() => setOptions((current) => [...current, { key: "", name: emptyText(), values: "" }])}
              >
                Add option
              </button>
            ) : null}
          </Card>

          <Card title={`Variants (${matrix.length})`}>
            {matrix.length > MAX_VARIANTS ? (
              <p className="mb-3 text-sm text-red-700">
                {matrix.length} combinations: at most {MAX_VARIANTS} variants are allowed.
              </p>
            ) : null}
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" aria-label="Variants">
                <thead>
                  <tr className="text-slate-500">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Variant
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      SKU
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Price (soʻm)
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Old price (soʻm)
                    </th>
                    <th scope="col" className="py-2 font-medium">
                      Barcode
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {matrix.slice(0, MAX_VARIANTS).map((combo, index) => {
                    const key = comboKey(combo);
                    const draft = variants[key] ?? emptyVariant();
                    const name = key || "Default";
                    return (
                      <tr key={key} className="border-t border-slate-100 align-top">
                        <th scope="row" className="py-2 pr-3 font-medium">
                          {name}
                          {errors[`variants.${index}.options`] ? (
                            <p className="text-xs font-normal text-red-600">{errors[`variants.${index}.options`]![0]}</p>
                          ) : null}
                        </th>
                        <td className="py-2 pr-3">
                          <TextField
                            label={`SKU for ${name}`}
                            className="[&>label]:sr-only"
                            value={draft.sku}
                            onChange={(e) => setVariant(key, { sku: e.target.value })}
                            error={errors[`variants.${index}.sku`]}
                          />
                        </td>
                        <td className="py-2 pr-3">
                          <TextField
                            label={`Price for ${name}`}
                            className="[&>label]:sr-only"
                            inputMode="decimal"
                            value={draft.price}
                            onChange={(e) => setVariant(key, { price: e.target.value })}
                            error={errors[`variants.${index}.priceAmount`]}
                          />
                        </td>
                        <td className="py-2 pr-3">
                          <TextField
                            label={`Old price for ${name}`}
                            className="[&>label]:sr-only"
                            inputMode="decimal"
                            value={draft.oldPrice}
                            onChange={(e) => setVariant(key, { oldPrice: e.target.value })}
                            error={errors[`variants.${index}.compareAtAmount`]}
                          />
                        </td>
                        <td className="py-2">
                          <TextField
                            label={`Barcode for ${name}`}
                            className="[&>label]:sr-only"
                            inputMode="numeric"
                            value={draft.barcode}
                            onChange={(e) => setVariant(key, { barcode: e.target.value })}
                            error={errors[`variants.${index}.barcode`]}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>
        </>
      )}

      <SubmitButton pending={pending}>{pending ? "Saving…" : product ? "Save changes" : "Create product"}</SubmitButton>
    </form>
  );
}

/** The lowest of the typed prices (tiyin), or null when none is a price yet. */
function lowestPrice(texts: string[]): number | null {
  const prices = texts.map(parseSom).filter((p): p is number => p !== null && !Number.isNaN(p));
  return prices.length ? Math.min(...prices) : null;
}

/**
 * Roughly how the storefront shows the product in the chosen language (empty texts fall
 * back to Uzbek, as there). Rendered on demand only: the description is cleaned in the browser.
 */
function ProductPreview({
  locale,
  title,
  description,
  brand,
  priceAmount,
}: {
  locale: Locale;
  title: Localized;
  description: Localized;
  brand: string;
  priceAmount: number | null;
}) {
  const [open, setOpen] = useState(false);
  const shownTitle = title[locale].trim() || title.uz.trim();
  const shownDescription = description[locale].trim() ? description[locale] : description.uz;
  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <button
        type="button"
        className={buttonClass("secondary")}
        aria-expanded={open}
        aria-controls="product-preview"
        onClick={() => setOpen((current) => !current)}
      >
        {open ? "Hide preview" : "Preview"}
      </button>
      {open ? (
        <section
          id="product-preview"
          aria-label={`Preview in ${LOCALE_LABELS[locale]}`}
          className="mt-3 space-y-2 rounded-xl border border-dashed border-slate-300 bg-slate-50 p-5"
          data-testid="product-preview"
        >
          {brand.trim() ? <p className="text-xs tracking-wide text-slate-500 uppercase">{brand.trim()}</p> : null}
          <p className="text-xl font-bold text-slate-900">{shownTitle || <span className="text-slate-400">No title yet</span>}</p>
          <p className="text-lg font-semibold text-slate-900">
            {priceAmount === null ? <span className="text-slate-400">No price yet</span> : formatPrice(priceAmount, "UZS", locale)}
          </p>
          {shownDescription.trim() ? (
            <div className={richTextClass} dangerouslySetInnerHTML={{ __html: cleanHtml(toEditorHtml(shownDescription)) }} />
          ) : (
            <p className="text-sm text-slate-400">No description yet.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
