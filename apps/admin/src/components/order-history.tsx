import { Td, TableCard, Th } from "~/components/ui";
import { formatDateTime } from "~/lib/format";

interface OrderEvent {
  id: string;
  createdAt: Date;
  fromStatus: string | null;
  toStatus: string;
  actorRole: string | null;
  reason: string | null;
}

/** A vendor order's moves, oldest first: when, from, to, by whom and why. */
export function OrderHistory({ caption, events, testId }: { caption: string; events: OrderEvent[]; testId?: string }) {
  return (
    <TableCard caption={caption} testId={testId}>
      <thead>
        <tr>
          <Th>When</Th>
          <Th>From</Th>
          <Th>To</Th>
          <Th>By</Th>
          <Th>Reason</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <Td className="whitespace-nowrap text-slate-500">{formatDateTime(event.createdAt)}</Td>
            <Td>{event.fromStatus ?? "—"}</Td>
            <Td>{event.toStatus}</Td>
            <Td>{event.actorRole ?? "—"}</Td>
            <Td>{event.reason ?? ""}</Td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
