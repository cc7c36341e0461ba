import type { SimulationEventView, SimulationView } from '../api/simulate-escalation';

/**
 * The simulator's timeline: every call of the plan, with the response and resolution targets and
 * the moment the path runs dry placed among them by minute, so that one glance shows whether
 * someone on duty is called before the response target.
 */
export type TimelineEntry =
  | { kind: 'call'; minute: number; event: SimulationEventView; index: number; firstAnswer: boolean }
  | { kind: 'respond_by'; minute: number; at: string }
  | { kind: 'resolve_by'; minute: number; at: string }
  | { kind: 'dry'; minute: number; message: string };

/** Markers sort after the calls of the same minute: "called at 30" comes before "respond by 30". */
const ORDER: Readonly<Record<TimelineEntry['kind'], number>> = { call: 0, dry: 1, respond_by: 2, resolve_by: 3 };

export function timelineOf(simulation: SimulationView): TimelineEntry[] {
  const first = simulation.events.findIndex((e) => e.covering);
  const entries: TimelineEntry[] = simulation.events.map((event, index) => ({
    kind: 'call',
    minute: event.minute,
    event,
    index,
    firstAnswer: index === first,
  }));
  if (simulation.dry && simulation.events.length > 0) {
    entries.push({ kind: 'dry', minute: simulation.dry.minute, message: simulation.dry.message });
  }
  entries.push({ kind: 'respond_by', minute: simulation.targets.responseMinutes, at: simulation.targets.respondBy });
  // The resolution target is often days away; it belongs on the line only when calls reach that far.
  const lastCall = simulation.events.at(-1)?.minute ?? 0;
  if (simulation.targets.resolutionMinutes <= Math.max(lastCall, simulation.dry?.minute ?? 0)) {
    entries.push({
      kind: 'resolve_by',
      minute: simulation.targets.resolutionMinutes,
      at: simulation.targets.resolveBy,
    });
  }
  return entries
    .map((entry, position) => ({ entry, position }))
    .sort(
      (a, b) => a.entry.minute - b.entry.minute || ORDER[a.entry.kind] - ORDER[b.entry.kind] || a.position - b.position,
    )
    .map(({ entry }) => entry);
}

/** The index in `entries` up to which the line is drawn as "happened": the first answer, else everything. */
export function activeIndex(entries: readonly TimelineEntry[]): number {
  const answer = entries.findIndex((e) => e.kind === 'call' && e.firstAnswer);
  return answer >= 0 ? answer : entries.length - 1;
}
