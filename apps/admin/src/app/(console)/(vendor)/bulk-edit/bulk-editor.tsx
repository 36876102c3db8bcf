"use client";

import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { FormEvent } from "react";
import { useState } from "react";

import type { RouterInputs, RouterOutputs } from "@ultramarket/api";
import { buttonClass, cn, EmptyState } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf, SelectField, SubmitButton, TextField } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import { Badge, Card, Td, TableCard, Th } from "~/components/ui";
import { parseSom, somText, STATUS_LABELS, STATUS_TONES } from "~/lib/catalog";
import { queryString } from "~/lib/format";

type Variant = RouterOutputs["vendorCatalog"]["variants"]["items"][number];
type Change = RouterInputs["vendorCatalog"]["bulkUpdateVariants"]["changes"][number];
interface Warehouse {
  id: string;
  name: string;
}

/** What the vendor typed for one variant, next to the row as it was when editing began. */
interface Draft {
  base: Variant;
  price?: string;
  oldPrice?: string;
  /** On-hand text per warehouse id. */
  stock: Record<string, string>;
}

/** Which variant (and warehouse) each entry of the last `changes` sent stands for: the API names errors by index. */
interface SentChange {
  variantId: string;
  warehouseId?: string;
}

const PAGE_SIZE = 50;
const MAX_CHANGES = 500;
const MAX_ON_HAND = 10_000_000;

const cell = {
  price: (id: string) => `${id}|price`,
  oldPrice: (id: string) => `${id}|oldPrice`,
  stock: (id: string, warehouseId: string) => `${id}|stock|${warehouseId}`,
  row: (id: string) => `${id}|row`,
};

const levelOf = (variant: Variant, warehouseId: string) =>
  variant.stock.find((s) => s.warehouseId === warehouseId) ?? { warehouseId, onHand: 0, reserved: 0 };

const optionsText = (variant: Variant) => Object.values(variant.options).join(" / ");

/**
 * Prices and stock of many variants at once. Edited rows are selected by themselves; only
 * the changed values of selected rows are sent, in one all-or-nothing call.
 */
export function BulkEditor({
  vendorId,
  vendorParam,
  warehouses,
  initialSearch = "",
}: {
  vendorId: string;
  vendorParam?: string;
  warehouses: Warehouse[];
  initialSearch?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchText, setSearchText] = useState(initialSearch);
  const [search, setSearch] = useState(initialSearch);
  const [selected, setSelected] = useState<Record<string, Variant>>({});
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [reason, setReason] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sent, setSent] = useState<SentChange[]>([]);
  const [result, setResult] = useState<string | null>(null);

  // Pages by cursor (the last SKU of the page before). Not useInfiniteQuery: tRPC adds a `direction` key to
  // infinite queries' input, which the API's strict input schema refuses.
  const [cursors, setCursors] = useState<string[]>([]);
  const pages = useQueries({
    queries: [undefined, ...cursors].map((cursor) =>
      trpc.vendorCatalog.variants.queryOptions(
        { vendorId, limit: PAGE_SIZE, ...(search ? { search } : {}), ...(cursor ? { cursor } : {}) },
        { staleTime: 0 },
      ),
    ),
  });
  const firstPage = pages[0]!;
  const lastPage = pages.at(-1)!;
  const rows = pages.flatMap((page) => page.data?.items ?? []);
  const nextCursor = lastPage.data?.nextCursor ?? null;
  const loadingMore = cursors.length > 0 && lastPage.isPending;
  const loadError = pages.find((page) => page.isError)?.error;

  const save = useMutation(
    trpc.vendorCatalog.bulkUpdateVariants.mutationOptions({
      onSuccess: async (saved, input) => {
        // Fresh values first, so the saved rows never flash their old ones.
        await queryClient.invalidateQueries(trpc.vendorCatalog.variants.pathFilter());
        const done = new Set(input.changes.map((c) => c.variantId));
        setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !done.has(id))));
        setSelected({});
        setReason("");
        setResult(
          `Saved: ${saved.priced} price change${saved.priced === 1 ? "" : "s"} and ${saved.restocked} stock change${
            saved.restocked === 1 ? "" : "s"
          }.`,
        );
      },
    }),
  );

  // Errors beside the cells: ours first, then the API's (`changes.<index>.<field>`, mapped back through `sent`).
  const cellErrors: Record<string, string> = {};
  const otherErrors: string[] = [];
  let reasonError: string[] | undefined = localErrors.reason ? [localErrors.reason] : undefined;
  for (const [key, messages] of Object.entries(fieldErrorsOf(save.error))) {
    const message = messages[0] ?? "Check this value";
    const match = /^changes\.(\d+)(?:\.(.+))?$/.exec(key);
    const target = match ? sent[Number(match[1])] : undefined;
    if (match && target) {
      const field = match[2] ?? "";
      const where =
        field === "priceAmount"
          ? cell.price(target.variantId)
          : field === "compareAtAmount"
            ? cell.oldPrice(target.variantId)
            : field.startsWith("stock") && target.warehouseId
              ? cell.stock(target.variantId, target.warehouseId)
              : cell.row(target.variantId);
      cellErrors[where] ??= message;
    } else if (key === "reason") reasonError = messages;
    else if (key !== "_input") otherErrors.push(message);
  }
  Object.assign(cellErrors, localErrors);
  delete cellErrors.reason;
  const erroredIds = new Set(Object.keys(cellErrors).map((key) => key.split("|")[0]!));
  const hiddenErrors = [...erroredIds].filter((id) => !rows.some((r) => r.id === id));

  const selectedIds = Object.keys(selected);
  const changedIds = selectedIds.filter((id) => drafts[id]);
  const shownIds = rows.map((r) => r.id);
  const allShownSelected = shownIds.length > 0 && shownIds.every((id) => selected[id]);
  const someShownSelected = shownIds.some((id) => selected[id]);

  function edit(row: Variant, patch: { price?: string; oldPrice?: string; stock?: Record<string, string> }) {
    setDrafts((current) => {
      const draft = current[row.id] ?? { base: row, stock: {} };
      return { ...current, [row.id]: { ...draft, ...patch, stock: { ...draft.stock, ...patch.stock } } };
    });
    setSelected((current) => (current[row.id] ? current : { ...current, [row.id]: row }));
    setLocalErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(`${row.id}|`))));
    setResult(null);
  }

  function toggle(row: Variant, on: boolean) {
    setSelected((current) => {
      const next = { ...current };
      if (on) next[row.id] = row;
      else delete next[row.id];
      return next;
    });
  }

  function toggleShown(on: boolean) {
    setSelected((current) => {
      const next = { ...current };
      for (const row of rows) {
        if (on) next[row.id] ??= row;
        else delete next[row.id];
      }
      return next;
    });
  }

  function discard() {
    setDrafts({});
    setSelected({});
    setLocalErrors({});
    setNotice(null);
    save.reset();
  }

  /** The `changes` for the selected rows' changed values, with what each one stands for; or the problems found. */
  function collect() {
    const errors: Record<string, string> = {};
    const changes: Change[] = [];
    const map: SentChange[] = [];
    for (const id of selectedIds) {
      const draft = drafts[id];
      if (!draft) continue;
      const base = draft.base;
      const first: Change = { variantId: id };
      let priceOk = true;
      if (draft.price !== undefined) {
        const amount = parseSom(draft.price);
        if (amount === null || Number.isNaN(amount)) {
          errors[cell.price(id)] = "Enter the price in soʻm, e.g. 125000";
          priceOk = false;
        } else if (amount !== base.priceAmount) first.priceAmount = amount;
      }
      if (draft.oldPrice !== undefined) {
        const amount = parseSom(draft.oldPrice);
        if (amount !== null && Number.isNaN(amount)) {
          errors[cell.oldPrice(id)] = "Enter the old price in soʻm, or leave it empty";
          priceOk = false;
        } else if (amount !== base.compareAtAmount) first.compareAtAmount = amount;
      }
      const price = first.priceAmount ?? base.priceAmount;
      const compareAt = first.compareAtAmount === undefined ? base.compareAtAmount : first.compareAtAmount;
      if (priceOk && compareAt !== null && compareAt <= price && (first.priceAmount !== undefined || first.compareAtAmount !== undefined)) {
        errors[cell.oldPrice(id)] = "The old price must be higher than the price";
      }
      const restock: { warehouseId: string; onHand: number }[] = [];
      for (const [warehouseId, text] of Object.entries(draft.stock)) {
        const level = levelOf(base, warehouseId);
        const trimmed = text.trim();
        if (!/^\d{1,8}$/.test(trimmed) || Number(trimmed) > MAX_ON_HAND) {
          errors[cell.stock(id, warehouseId)] = "Enter a whole number of units";
          continue;
        }
        const onHand = Number(trimmed);
        if (onHand < level.reserved) errors[cell.stock(id, warehouseId)] = `At least ${level.reserved}: that many are reserved for orders`;
        else if (onHand !== level.onHand) restock.push({ warehouseId, onHand });
      }
      // One change per warehouse whose stock moves; the prices ride on the first.
      if (restock[0]) first.stock = restock[0];
      if (first.priceAmount !== undefined || first.compareAtAmount !== undefined || first.stock) {
        changes.push(first);
        map.push({ variantId: id, warehouseId: first.stock?.warehouseId });
      }
      for (const stock of restock.slice(1)) {
        changes.push({ variantId: id, stock });
        map.push({ variantId: id, warehouseId: stock.warehouseId });
      }
    }
    return { errors, changes, map };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    setNotice(null);
    save.reset();
    const { errors, changes, map } = collect();
    if (reason.trim().length < 3) errors.reason = "Say why, in at least 3 characters (e.g. price list of 1 December)";
    setLocalErrors(errors);
    if (Object.keys(errors).some((k) => k !== "reason")) {
      setNotice("Nothing was saved: check the highlighted values.");
      return;
    }
    if (!changes.length) {
      setNotice(
        selectedIds.length ? "Nothing to save: the selected rows have no changed values." : "Select rows and change their values first.",
      );
      return;
    }
    if (changes.length > MAX_CHANGES) {
      setNotice(`At most ${MAX_CHANGES} changes at once (this is ${changes.length}); save in parts.`);
      return;
    }
    if (errors.reason) return;
    setSent(map);
    save.mutate({ vendorId, changes, reason: reason.trim() });
  }

  const apply = (mutate: (row: Variant, draft: Draft | undefined) => Partial<Omit<Draft, "base">> | null) => {
    let count = 0;
    const next = { ...drafts };
    for (const row of Object.values(selected)) {
      const draft = next[row.id];
      const patch = mutate(row, draft);
      if (!patch) continue;
      const base = draft ?? { base: row, stock: {} };
      next[row.id] = { ...base, ...patch, stock: { ...base.stock, ...patch.stock } };
      count++;
    }
    setDrafts(next);
    setResult(null);
    return count;
  };

  const formError = formErrorOf(save.error);
  const hasCellErrors = Object.keys(cellErrors).length > 0;

  return (
    <div className="space-y-6" data-testid="bulk-editor">
      <form
        role="search"
        action="/bulk-edit"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        onSubmit={(event) => {
          // Searching keeps the edits; the URL follows, so a reload shows the same rows (and a submit before
          // the page is interactive still works, as a plain GET).
          event.preventDefault();
          const next = searchText.trim().slice(0, 100);
          setSearch(next);
          setCursors([]);
          window.history.replaceState(null, "", `/bulk-edit${queryString({ vendor: vendorParam, search: next || undefined })}`);
        }}
      >
        {vendorParam ? <input type="hidden" name="vendor" value={vendorParam} /> : null}
        <TextField
          label="Search"
          name="search"
          type="search"
          value={searchText}
          placeholder="SKU or Uzbek title"
          onChange={(e) => setSearchText(e.target.value)}
          className="min-w-56 flex-1"
        />
        <SubmitButton>Search</SubmitButton>
        {search ? (
          <button
            type="button"
            className="py-2 text-sm text-indigo-700 hover:underline"
            onClick={() => {
              setSearchText("");
              setSearch("");
              setCursors([]);
              window.history.replaceState(null, "", `/bulk-edit${queryString({ vendor: vendorParam })}`);
            }}
          >
            Clear
          </button>
        ) : null}
      </form>

      <ApplyToSelected count={selectedIds.length} warehouses={warehouses} apply={apply} />

      {firstPage.isPending ? (
        <div className="space-y-2" role="status" aria-live="polite">
          <span className="sr-only">Loading variants…</span>
          <div className="h-40 animate-pulse rounded-xl bg-slate-200" aria-hidden="true" />
        </div>
      ) : loadError && rows.length === 0 ? (
        <div className="space-y-2">
          <FormAlert message={`The variants could not be loaded: ${loadError.message}`} />
          <button type="button" className={buttonClass("secondary")} onClick={() => void firstPage.refetch()}>
            Try again
          </button>
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={search ? "No variants match this search" : "No variants yet"}>
          {search ? "Search by SKU or by the product’s Uzbek title." : "Add products first; their variants are listed here."}
        </EmptyState>
      ) : (
        <TableCard caption="Variants with their prices and stock" testId="bulk-table">
          <thead>
            <tr>
              <Th className="w-10">
                <input
                  type="checkbox"
                  aria-label="Select all shown variants"
                  checked={allShownSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = someShownSelected && !allShownSelected;
                  }}
                  onChange={(e) => toggleShown(e.target.checked)}
                  className="h-4 w-4"
                />
              </Th>
              <Th>SKU</Th>
              <Th>Product</Th>
              <Th>Price (soʻm)</Th>
              <Th>Old price (soʻm)</Th>
              {warehouses.map((w) => (
                <Th key={w.id} className="min-w-32 whitespace-normal">
                  On hand: {w.name}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const draft = drafts[row.id];
              const isSelected = Boolean(selected[row.id]);
              const priceValue = draft?.price ?? somText(row.priceAmount);
              const oldPriceValue = draft?.oldPrice ?? somText(row.compareAtAmount);
              const changed = (a: string, b: string) => (a.trim() !== b ? "[&_input]:border-amber-400 [&_input]:bg-amber-50" : "");
              return (
                <tr key={row.id} data-testid="bulk-row" data-sku={row.sku} className={cn(isSelected && "bg-indigo-50/40")}>
                  <Td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${row.sku}`}
                      checked={isSelected}
                      onChange={(e) => toggle(row, e.target.checked)}
                      className="mt-2 h-4 w-4"
                    />
                  </Td>
                  <Td className="pt-4 font-mono text-xs whitespace-nowrap">{row.sku}</Td>
                  <Td className="min-w-48">
                    <Link
                      href={`/products/${row.productId}${queryString({ vendor: vendorParam })}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {row.productTitle || "(untitled)"}
                    </Link>
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      {optionsText(row) ? <span>{optionsText(row)}</span> : null}
                      <Badge tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status]}</Badge>
                    </div>
                    {cellErrors[cell.row(row.id)] ? (
                      <p role="alert" className="mt-1 text-xs text-red-600">
                        {cellErrors[cell.row(row.id)]}
                      </p>
                    ) : null}
                  </Td>
                  <Td>
                    <TextField
                      label={`Price (soʻm) for ${row.sku}`}
                      className={cn("w-32 [&>label]:sr-only", changed(priceValue, somText(row.priceAmount)))}
                      inputMode="decimal"
                      value={priceValue}
                      onChange={(e) => edit(row, { price: e.target.value })}
                      error={cellErrors[cell.price(row.id)] ? [cellErrors[cell.price(row.id)]!] : undefined}
                    />
                  </Td>
                  <Td>
                    <TextField
                      label={`Old price (soʻm) for ${row.sku}`}
                      className={cn("w-32 [&>label]:sr-only", changed(oldPriceValue, somText(row.compareAtAmount)))}
                      inputMode="decimal"
                      placeholder="none"
                      value={oldPriceValue}
                      onChange={(e) => edit(row, { oldPrice: e.target.value })}
                      error={cellErrors[cell.oldPrice(row.id)] ? [cellErrors[cell.oldPrice(row.id)]!] : undefined}
                    />
                  </Td>
                  {warehouses.map((w) => {
                    const level = levelOf(row, w.id);
                    const value = draft?.stock[w.id] ?? String(level.onHand);
                    const error = cellErrors[cell.stock(row.id, w.id)];
                    return (
                      <Td key={w.id}>
                        <TextField
                          label={`On hand in ${w.name} for ${row.sku}`}
                          className={cn("w-24 [&>label]:sr-only", changed(value, String(level.onHand)))}
                          type="number"
                          inputMode="numeric"
                          min={level.reserved}
                          step={1}
                          value={value}
                          hint={`reserved ${level.reserved}`}
                          onChange={(e) => edit(row, { stock: { [w.id]: e.target.value } })}
                          error={error ? [error] : undefined}
                        />
                      </Td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </TableCard>
      )}
      {loadError && rows.length > 0 ? <FormAlert message={`Some variants could not be loaded: ${loadError.message}`} /> : null}
      {nextCursor || loadingMore ? (
        <button
          type="button"
          className={buttonClass("secondary")}
          disabled={loadingMore}
          aria-busy={loadingMore || undefined}
          onClick={() => nextCursor && setCursors((current) => [...current, nextCursor])}
        >
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      ) : null}

      <form
        onSubmit={submit}
        noValidate
        aria-label="Save the changes"
        className="sticky bottom-0 z-10 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-lg"
      >
        <div data-testid="bulk-result">
          <FormAlert tone="success" message={result} />
        </div>
        <FormAlert
          message={
            notice ??
            formError ??
            (hasCellErrors || otherErrors.length ? `Nothing was saved: ${otherErrors[0] ?? "check the highlighted values"}.` : null)
          }
        />
        {hiddenErrors.length ? (
          <p className="text-sm text-red-700">
            Rows not shown by this search need attention too:{" "}
            {hiddenErrors.map((id) => selected[id]?.sku ?? drafts[id]?.base.sku ?? id).join(", ")}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Reason"
            name="reason"
            value={reason}
            maxLength={300}
            placeholder="Price list of 1 December, stock count…"
            onChange={(e) => setReason(e.target.value)}
            error={reasonError}
            className="min-w-64 flex-1"
          />
          <SubmitButton pending={save.isPending}>{save.isPending ? "Saving…" : "Save changes"}</SubmitButton>
          {selectedIds.length || Object.keys(drafts).length ? (
            <button type="button" className={buttonClass("secondary")} onClick={discard} disabled={save.isPending}>
              Discard changes
            </button>
          ) : null}
        </div>
        <p className="text-xs text-slate-500" role="status" data-testid="bulk-selection">
          {selectedIds.length} selected · {changedIds.length} with edits. All of it is saved, or none of it; stock changes land in the stock
          ledger with the reason.
        </p>
      </form>
    </div>
  );
}

/** Set a price, change prices by a percentage, or set stock in one warehouse, for every selected row (saved with the rest). */
function ApplyToSelected({
  count,
  warehouses,
  apply,
}: {
  count: number;
  warehouses: Warehouse[];
  apply: (mutate: (row: Variant, draft: Draft | undefined) => Partial<Omit<Draft, "base">> | null) => number;
}) {
  const [price, setPrice] = useState("");
  const [percent, setPercent] = useState("");
  const [warehouseId, setWarehouseId] = useState(warehouses[0]?.id ?? "");
  const [onHand, setOnHand] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const disabled = count === 0;
  const fail = (key: string, text: string) => {
    setErrors({ [key]: text });
    setMessage(null);
  };
  const applied = (what: string, rows: number) => {
    setErrors({});
    setMessage(`${what} on ${rows} selected row${rows === 1 ? "" : "s"}. Review the table, then save.`);
  };

  function setAllPrices(event: FormEvent) {
    event.preventDefault();
    const amount = parseSom(price);
    if (amount === null || Number.isNaN(amount)) return fail("price", "Enter the price in soʻm, e.g. 125000");
    applied(
      "Price set",
      apply(() => ({ price: somText(amount) })),
    );
  }

  function changePrices(event: FormEvent) {
    event.preventDefault();
    const text = percent.replace(/\s/g, "").replace(",", ".").replace(/%$/, "");
    const value = Number(text);
    if (!/^[+-]?\d+(\.\d+)?$/.test(text) || value <= -100 || value > 1000)
      return fail("percent", "Enter a percentage between -99 and 1000, e.g. -10 or 5");
    applied(
      `Prices changed by ${value > 0 ? "+" : ""}${value}%`,
      apply((row, draft) => {
        const current = parseSom(draft?.price ?? somText(row.priceAmount));
        if (current === null || Number.isNaN(current)) return null;
        return { price: somText(Math.max(0, Math.round((current * (1 + value / 100)) / 100) * 100)) };
      }),
    );
  }

  function setAllStock(event: FormEvent) {
    event.preventDefault();
    if (!warehouseId) return fail("warehouse", "Choose a warehouse");
    const trimmed = onHand.trim();
    if (!/^\d{1,8}$/.test(trimmed) || Number(trimmed) > MAX_ON_HAND) return fail("onHand", "Enter a whole number of units");
    applied(
      "Stock set",
      apply(() => ({ stock: { [warehouseId]: trimmed } })),
    );
  }

  return (
    <Card title={`Apply to selected (${count})`}>
      <div className="flex flex-wrap gap-x-8 gap-y-4" data-testid="bulk-apply">
        <form onSubmit={setAllPrices} className="flex w-72 items-start gap-2" noValidate aria-label="Set the price of the selected rows">
          <TextField
            label="New price (soʻm)"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            error={errors.price ? [errors.price] : undefined}
            className="flex-1"
          />
          <button type="submit" className={cn(buttonClass("secondary"), "mt-6")} disabled={disabled}>
            Set price
          </button>
        </form>
        <form onSubmit={changePrices} className="flex w-72 items-start gap-2" noValidate aria-label="Change the price of the selected rows">
          <TextField
            label="Change price by %"
            inputMode="decimal"
            value={percent}
            placeholder="-10"
            hint="Rounded to whole soʻm"
            onChange={(e) => setPercent(e.target.value)}
            error={errors.percent ? [errors.percent] : undefined}
            className="flex-1"
          />
          <button type="submit" className={cn(buttonClass("secondary"), "mt-6")} disabled={disabled}>
            Change prices
          </button>
        </form>
        {warehouses.length ? (
          <form
            onSubmit={setAllStock}
            className="flex flex-wrap items-start gap-2"
            noValidate
            aria-label="Set the stock of the selected rows"
          >
            <SelectField
              label="Warehouse"
              value={warehouseId}
              onChange={(e) => setWarehouseId(e.target.value)}
              error={errors.warehouse ? [errors.warehouse] : undefined}
              className="w-56"
            >
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="On hand"
              type="number"
              inputMode="numeric"
              min={0}
              value={onHand}
              onChange={(e) => setOnHand(e.target.value)}
              error={errors.onHand ? [errors.onHand] : undefined}
              className="w-24"
            />
            <button type="submit" className={cn(buttonClass("secondary"), "mt-6")} disabled={disabled}>
              Set stock
            </button>
          </form>
        ) : (
          <p className="text-sm text-slate-500">Add a warehouse to keep stock.</p>
        )}
      </div>
      <p className="mt-3 text-xs text-slate-500" role="status">
        {disabled ? "Select rows in the table (editing a row selects it)." : message}
      </p>
    </Card>
  );
}
