"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import type { RouterOutputs } from "@ultramarket/api";
import { buttonClass, cn, EmptyState, formatPrice } from "@ultramarket/ui";
import { fieldErrorsOf, FormAlert, formErrorOf } from "@ultramarket/ui/forms";
import { useTRPC } from "@ultramarket/ui/trpc";
import type { Locale } from "~/i18n/locales";
import type { ShopMessages } from "~/i18n/shop-messages";
import { fill, inLocale } from "~/i18n/shop-messages";
import type { Address, AddressLabels, Region } from "../account/addresses";
import { AddressForm } from "../account/address-form";

type Quote = RouterOutputs["checkout"]["start"];
type ShippingOption = Quote["groups"][number]["shippingOptions"][number];

/**
 * A key for one checkout attempt: made when the page opens and sent with every try of
 * "place order" from it, so a double click or a retry after a lost answer returns the same
 * order instead of making a second one. (Not crypto.randomUUID: that needs a secure context.)
 */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `checkout-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function FieldMessages({ id, messages }: { id?: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {messages.join(" ")}
    </p>
  );
}

export function CheckoutForm({
  locale,
  initialAddresses,
  regions,
  defaultRecipient,
  t,
  addressLabels,
}: {
  locale: Locale;
  initialAddresses: Address[];
  regions: Region[];
  defaultRecipient: { name: string; phone: string };
  t: ShopMessages;
  addressLabels: AddressLabels;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const headingIds = { address: useId(), shipping: useId(), payment: useId(), review: useId() };
  const { data: addresses } = useQuery(trpc.users.addresses.queryOptions(undefined, { initialData: initialAddresses }));
  const [addressId, setAddressId] = useState<string | null>(
    () => (initialAddresses.find((a) => a.isDefault) ?? initialAddresses[0])?.id ?? null,
  );
  const [adding, setAdding] = useState(initialAddresses.length === 0);
  const [shipping, setShipping] = useState<Record<string, string>>({});
  const [idempotencyKey] = useState(newIdempotencyKey);
  const price = (amount: number) => formatPrice(amount, "UZS", locale);
  const regionName = (code: string) => regions.find((r) => r.code === code)?.name[locale] ?? code;

  const input = { addressId: addressId ?? "", shipping: Object.entries(shipping).map(([vendorId, methodId]) => ({ vendorId, methodId })) };
  const quote = useQuery(
    trpc.checkout.start.queryOptions(input, { enabled: Boolean(addressId), placeholderData: keepPreviousData, staleTime: 0 }),
  );
  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      trpc: { context: { idempotencyKey } },
      onSuccess: async (placed) => {
        // The cart was emptied by the order: the header's count follows.
        await queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        router.push(`/${locale}/checkout/placed/${placed.orderId}`);
      },
      // A refusal (stock, prices, address) shows what changed; a lost answer is retried below as it was sent.
      onError: (error) => {
        if (error.data) void quote.refetch();
      },
    }),
  );
  const data = quote.data;
  const problems = { ...(data?.problems ?? {}), ...fieldErrorsOf(place.error), ...fieldErrorsOf(quote.error) };
  const days = (option: ShippingOption) =>
    option.minDays === option.maxDays
      ? fill(t.sameDays, { n: option.minDays })
      : fill(t.days, { min: option.minDays, max: option.maxDays });
  const canPlace = Boolean(data && addressId && Object.keys(data.problems).length === 0 && !quote.isFetching);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <section aria-labelledby={headingIds.address} className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id={headingIds.address} className="mb-3 text-lg font-semibold">
            1. {t.steps.address}
          </h2>
          {addresses.length === 0 && !adding ? <EmptyState title={t.noAddress} /> : null}
          {addresses.length > 0 ? (
            <fieldset>
              <legend className="sr-only">{t.chooseAddress}</legend>
              <div className="grid gap-3 md:grid-cols-2">
                {addresses.map((address) => (
                  <label
                    key={address.id}
                    className={cn(
                      "flex cursor-pointer gap-3 rounded-lg border p-3 text-sm",
                      address.id === addressId ? "border-indigo-600 bg-indigo-50" : "border-slate-200",
                    )}
                    data-testid="checkout-address"
                  >
                    <input
                      type="radio"
                      name="address"
                      value={address.id}
                      checked={address.id === addressId}
                      onChange={() => setAddressId(address.id)}
                      className="mt-1 accent-indigo-600"
                    />
                    <span>
                      <span className="block font-medium">{address.label || address.recipientName}</span>
                      <span className="block text-slate-600">
                        {address.recipientName}, {address.phone}
                        <br />
                        {address.street}, {address.city}, {regionName(address.region)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              <FieldMessages messages={problems.addressId ?? problems.address} />
            </fieldset>
          ) : null}
          <div className="mt-4">
            {adding ? (
              <AddressForm
                title={addressLabels.newTitle}
                locale={locale}
                regions={regions}
                defaults={defaultRecipient}
                labels={addressLabels}
                onDone={async () => {
                  const fresh = await queryClient.fetchQuery(trpc.users.addresses.queryOptions(undefined, { staleTime: 0 }));
                  // The newest address is the one just added (the list may be ordered by default first).
                  const added = fresh.find((a) => !addresses.some((old) => old.id === a.id));
                  if (added) setAddressId(added.id);
                  setAdding(false);
                }}
                onCancel={() => setAdding(false)}
              />
            ) : (
              <button type="button" className={buttonClass("secondary")} onClick={() => setAdding(true)}>
                {t.addAddress}
              </button>
            )}
          </div>
        </section>

        <section
          aria-labelledby={headingIds.shipping}
          className="rounded-xl border border-slate-200 bg-white p-5"
          aria-busy={quote.isFetching || undefined}
        >
          <h2 id={headingIds.shipping} className="mb-3 text-lg font-semibold">
            2. {t.steps.shipping}
          </h2>
          {!addressId ? <p className="text-sm text-slate-500">{t.noAddress}</p> : null}
          {addressId && !data ? <p className="text-sm text-slate-500">{t.quoteLoading}</p> : null}
          <FormAlert message={formErrorOf(quote.error)} />
          {problems.cart ? <FieldMessages messages={problems.cart} /> : null}
          <div className="space-y-4">
            {data?.groups.map((group) => {
              const error = problems[`shipping.${group.vendorId}`];
              const errorId = `shipping-error-${group.vendorId}`;
              return (
                <fieldset
                  key={group.vendorId}
                  className="rounded-lg border border-slate-200 p-3"
                  aria-describedby={error ? errorId : undefined}
                  data-testid="shipping-group"
                >
                  <legend className="px-1 text-sm font-medium">{fill(t.soldBy, { vendor: group.vendorName })}</legend>
                  {group.shippingOptions.length === 0 ? <p className="text-sm text-slate-600">{t.noShipping}</p> : null}
                  <div className="space-y-2">
                    {group.shippingOptions.map((option) => (
                      <label key={option.methodId} className="flex cursor-pointer items-start gap-3 text-sm">
                        <input
                          type="radio"
                          name={`shipping-${group.vendorId}`}
                          value={option.methodId}
                          checked={group.shipping?.methodId === option.methodId}
                          onChange={() => setShipping((previous) => ({ ...previous, [group.vendorId]: option.methodId }))}
                          className="mt-1 accent-indigo-600"
                        />
                        <span className="flex-1">
                          <span className="block font-medium">
                            {inLocale(option.name, locale)} · {days(option)}
                          </span>
                          {option.pickupAddress ? (
                            <span className="block text-slate-500">{fill(t.pickup, { address: option.pickupAddress })}</span>
                          ) : null}
                        </span>
                        <span className="font-medium">{option.amount === 0 ? t.free : price(option.amount)}</span>
                      </label>
                    ))}
                  </div>
                  <FieldMessages id={errorId} messages={error} />
                </fieldset>
              );
            })}
          </div>
        </section>

        <section aria-labelledby={headingIds.payment} className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id={headingIds.payment} className="mb-3 text-lg font-semibold">
            3. {t.steps.payment}
          </h2>
          <label className="flex items-start gap-3 text-sm">
            <input type="radio" name="payment" value="cod" checked readOnly className="mt-1 accent-indigo-600" />
            <span>
              <span className="block font-medium">{t.cod}</span>
              <span className="block text-slate-500">{t.codHint}</span>
            </span>
          </label>
        </section>

        <section aria-labelledby={headingIds.review} className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id={headingIds.review} className="mb-3 text-lg font-semibold">
            4. {t.steps.review}
          </h2>
          <div className="space-y-4">
            {data?.groups.map((group) => (
              <div key={group.vendorId}>
                <h3 className="text-sm font-medium text-slate-600">{fill(t.soldBy, { vendor: group.vendorName })}</h3>
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {group.lines.map((line) => (
                    <li key={line.variantId} className="py-2" data-testid="review-line">
                      <div className="flex justify-between gap-3">
                        <span>
                          {inLocale(line.title, locale)} × {line.quantity}
                        </span>
                        <span className="font-medium">{price(line.lineTotalAmount)}</span>
                      </div>
                      <p className="text-xs text-slate-500">
                        {line.quantity} × {price(line.unitPriceAmount)} ·{" "}
                        {fill(t.vatLine, { rate: line.vatRateBps / 100, amount: price(line.vatAmount) })}
                        {line.ikpuCode ? ` · ${fill(t.ikpu, { code: line.ikpuCode })}` : ""}
                      </p>
                      <FieldMessages messages={problems[`lines.${line.variantId}`]} />
                    </li>
                  ))}
                </ul>
                {group.shipping ? (
                  <p className="flex justify-between text-sm text-slate-600">
                    <span>
                      {t.shipping}: {inLocale(group.shipping.name, locale)} ({fill(t.expected, { days: days(group.shipping) })})
                    </span>
                    <span>{group.shipping.amount === 0 ? t.free : price(group.shipping.amount)}</span>
                  </p>
                ) : null}
              </div>
            ))}
          </div>
        </section>
      </div>

      <aside className="h-fit space-y-3 rounded-xl border border-slate-200 bg-white p-5 lg:sticky lg:top-4">
        {data ? (
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>{t.itemsTotal}</dt>
              <dd>{price(data.itemsTotalAmount)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>{t.shipping}</dt>
              <dd>{price(data.shippingTotalAmount)}</dd>
            </div>
            <div className="flex justify-between text-slate-500">
              <dt>{t.vatIncluded}</dt>
              <dd>{price(data.vatTotalAmount)}</dd>
            </div>
            <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-semibold">
              <dt>{t.total}</dt>
              <dd data-testid="checkout-total">{price(data.grandTotalAmount)}</dd>
            </div>
          </dl>
        ) : null}
        {data && Object.keys(data.problems).length > 0 ? (
          <div role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
            <p className="font-medium">{t.problems}</p>
            <ul className="list-disc pl-5">
              {Object.values(data.problems)
                .flat()
                .map((message) => (
                  <li key={message}>{message}</li>
                ))}
            </ul>
          </div>
        ) : null}
        <FormAlert message={formErrorOf(place.error)} />
        {place.error && !place.error.data && place.variables ? (
          // No answer from the server (connection lost): the order may have been placed. Sending the
          // same body with the same key returns that order if so, or places it now if not.
          <button type="button" className={cn(buttonClass("secondary"), "w-full")} onClick={() => place.mutate(place.variables)}>
            {t.retry}
          </button>
        ) : null}
        <button
          type="button"
          className={cn(buttonClass("primary"), "w-full")}
          disabled={!canPlace || place.isPending || place.isSuccess}
          aria-busy={place.isPending || undefined}
          onClick={() => {
            if (!data || !addressId) return;
            place.mutate({
              addressId,
              shipping: data.groups.flatMap((g) => (g.shipping ? [{ vendorId: g.vendorId, methodId: g.shipping.methodId }] : [])),
              paymentMethod: "cod",
              expectedTotalAmount: data.grandTotalAmount,
            });
          }}
        >
          {place.isPending || place.isSuccess ? t.placing : t.placeOrder}
        </button>
      </aside>
    </div>
  );
}
