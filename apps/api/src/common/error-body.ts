/** The one error shape of the API (DESIGN.md section 7). */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  requestId?: string;
  /** 429: when to try again (also in the Retry-After header). */
  retryAfterSeconds?: number;
  /** 412: the resource as it is now, so the client can merge. */
  current?: unknown;
}
