/**
 * The statements of audit verification (AuditService.verify), on their own so the benchmark can
 * explain exactly these. Each takes the workspace and a span of sequence numbers ($2 to $3).
 */

/** Events per verification statement: at a few µs each, seconds per statement at most. */
export const VERIFY_SPAN = 1_000_000;

/**
 * The newest event (its seq and hash) and the chain head (the seq and hash the last append
 * recorded), read in one statement so that both come from one snapshot.
 */
export const NEWEST_AND_HEAD = `
  SELECT e.seq AS last, e.hash AS last_hash, h.seq AS head_seq, h.hash AS head_hash
  FROM (SELECT $1::uuid AS workspace_id) w
  LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events WHERE workspace_id = w.workspace_id ORDER BY seq DESC LIMIT 1) e ON true
  LEFT JOIN audit_chain_heads h ON h.workspace_id = w.workspace_id`;

/**
 * The first event of the span that does not follow the one before it: its sequence number is not
 * the previous one's plus one (an event removed), or its link is not the previous event's hash
 * ($4, the genesis hash, before the first). One ordered pass; the row before the span is read too,
 * so a span starts where the previous one ended.
 */
export const FIRST_BROKEN_LINK = `
  SELECT min(seq) AS broken FROM (
    SELECT seq, prev_hash, lag(seq) OVER w AS prev_seq, lag(hash) OVER w AS prev_event_hash
    FROM audit_events WHERE workspace_id = $1 AND seq BETWEEN $2::bigint - 1 AND $3
    WINDOW w AS (ORDER BY seq)
  ) e
  WHERE seq >= $2 AND (seq <> coalesce(prev_seq, 0) + 1 OR prev_hash <> coalesce(prev_event_hash, $4))`;

/**
 * The first event of the span whose hash is not audit_chain_hash(prev_hash, body): a changed body
 * or a forged hash. Needs no order, so PostgreSQL may split it over parallel workers (an aggregate
 * with FILTER, which it does not turn into an ordered index scan as it would a bare min()).
 */
export const FIRST_BROKEN_HASH = `
  SELECT min(seq) FILTER (WHERE hash <> audit_chain_hash(prev_hash, body)) AS broken
  FROM audit_events WHERE workspace_id = $1 AND seq BETWEEN $2 AND $3`;
