/** A vendor order's invoice and packing slip (PDF, served by the console's route handlers to its vendor and to staff). */
export function DocumentLinks({ vendorOrderId }: { vendorOrderId: string }) {
  const link = "text-indigo-700 underline hover:text-indigo-900";
  return (
    <p className="flex flex-wrap gap-4 text-sm" data-testid="order-documents">
      <a className={link} href={`/api/orders/${vendorOrderId}/invoice.pdf`} download>
        Invoice (PDF)
      </a>
      <a className={link} href={`/api/orders/${vendorOrderId}/packing-slip.pdf`} download>
        Packing slip (PDF)
      </a>
    </p>
  );
}
