import { isRole, ROLE_LABELS } from '@accord/raci';
import type { components } from '../../../lib/api/schema';
import { actionLabel } from './actions';
import { type AuditLookups, NO_LOOKUPS } from './changes';

type AuditEvent = components['schemas']['AuditEventView'];

function text(record: unknown, key: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function lookup(map: ReadonlyMap<string, string>, id: string | null | undefined): string | undefined {
  return id ? map.get(id) : undefined;
}

/** Who did it: the actor's name, or "Accord" for events with no person behind them. */
export function actorOf(event: Pick<AuditEvent, 'actorName'>): string {
  return event.actorName ?? 'Accord';
}

/** The actor's role as a label, if it is a known role. */
export function actorRoleOf(event: Pick<AuditEvent, 'actorRole'>): string | null {
  return isRole(event.actorRole) ? ROLE_LABELS[event.actorRole] : null;
}

/**
 * What the event acted on, named as a person would: the client's name (as it was before a
 * rename), the invited address, the member's name. Null when the action says it all
 * ("signed in", "joined the workspace").
 */
export function subjectOf(event: AuditEvent, lookups: AuditLookups = NO_LOOKUPS): string | null {
  const { before, after } = event;
  switch (event.action) {
    case 'client.created':
    case 'client.archived':
    case 'client.restored':
      return text(after, 'name') ?? text(before, 'name') ?? lookup(lookups.clients, event.entityId) ?? null;
    case 'client.renamed':
      return text(before, 'name') ?? lookup(lookups.clients, event.entityId) ?? null;
    case 'workspace.created':
      return text(after, 'name') ?? null;
    case 'invitation.created':
      return text(after, 'email') ?? null;
    case 'invitation.revoked':
      return text(before, 'email') ?? null;
    case 'matrix.created':
    case 'party.created':
      return text(after, 'name') ?? null;
    case 'party.updated':
    case 'party.deleted':
      return text(before, 'name') ?? text(after, 'name') ?? null;
    case 'responsibility.created':
    case 'responsibility.letters_set':
      return text(after, 'title') ?? text(before, 'title') ?? null;
    case 'responsibility.updated':
    case 'responsibility.deleted':
      return text(before, 'title') ?? text(after, 'title') ?? null;
    case 'member.role_changed':
    case 'member.removed':
      return (
        lookup(lookups.memberships, event.entityId) ??
        text(before, 'email') ??
        lookup(lookups.people, text(before, 'userId')) ??
        'a member'
      );
    default:
      return null;
  }
}

/** "renamed client Harbor Dental": the action in words with its subject. */
export function describeEvent(event: AuditEvent, lookups: AuditLookups = NO_LOOKUPS): string {
  const subject = subjectOf(event, lookups);
  return subject ? `${actionLabel(event.action)} ${subject}` : actionLabel(event.action);
}
