/** One invalid field, as the API names it in `details`. */
export interface ApiErrorDetail {
  field: string;
  message: string;
}

/** The error body every API route answers with (see DESIGN.md, "API shape"). */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ApiErrorDetail[];
  /** 412: the resource as it is now, so the page can show it and let the person try again. */
  current?: unknown;
  /** 429: seconds until another attempt is allowed (also in the Retry-After header). */
  retryAfterSeconds?: number;
}

export const REQUEST_ID_HEADER = 'X-Request-Id';

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorDetail(value: unknown): value is ApiErrorDetail {
  return isRecord(value) && typeof value['field'] === 'string' && typeof value['message'] === 'string';
}

/** True when `body` has the API's error shape (`statusCode`, `error`, `message`, optional `details`). */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return (
    isRecord(body) &&
    typeof body['statusCode'] === 'number' &&
    typeof body['error'] === 'string' &&
    typeof body['message'] === 'string' &&
    (body['details'] === undefined || (Array.isArray(body['details']) && body['details'].every(isErrorDetail)))
  );
}

/** Retry-After in its seconds form; the HTTP-date form is not used by the API. */
function retryAfterHeader(headers: Headers): number | undefined {
  const value = headers.get('Retry-After');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

export function reasonPhrase(statusCode: number): string {
  return REASON_PHRASES[statusCode] ?? (statusCode >= 500 ? 'Server Error' : 'Request Failed');
}

/** The API answered, but not with a 2xx. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  /** The reason phrase, e.g. "Not Found". */
  readonly error: string;
  readonly details: readonly ApiErrorDetail[];
  /** The `X-Request-Id` of the failed request, to quote when reporting a problem. */
  readonly requestId: string | undefined;
  /**
   * False when the body was not the API's error shape: the answer most likely came from something
   * in front of the API (a proxy or load balancer with no API behind it).
   */
  readonly fromApi: boolean;
  /** 412: the resource as the API has it now (see ApiErrorBody.current). */
  readonly current: unknown;
  /** 429: how long to wait before trying again, in seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorBody & { requestId?: string | undefined; fromApi?: boolean }) {
    super(init.message);
    this.statusCode = init.statusCode;
    this.error = init.error;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.fromApi = init.fromApi ?? true;
    this.current = init.current;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /**
   * Maps a non-2xx answer to an ApiError. A body in the API's error shape is kept as it is;
   * anything else (an HTML page from a proxy, an empty body) gets a message built from the status.
   */
  static fromResponse(response: Pick<Response, 'status' | 'statusText' | 'headers'>, body: unknown): ApiError {
    const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
    if (isApiErrorBody(body)) {
      const retryAfter = body.retryAfterSeconds ?? retryAfterHeader(response.headers);
      return new ApiError({
        ...body,
        requestId,
        retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined,
      });
    }
    const error = response.statusText || reasonPhrase(response.status);
    return new ApiError({
      statusCode: response.status,
      error,
      message: `The server answered ${response.status} ${error}.`,
      requestId,
      fromApi: false,
    });
  }

  get isClientError(): boolean {
    return this.statusCode >= 400 && this.statusCode < 500;
  }

  /** The message of one field from `details`, for showing next to its input. */
  fieldError(field: string): string | undefined {
    return this.details.find((detail) => detail.field === field)?.message;
  }
}

/** The request never got an answer from the API (network down, API stopped, unreadable answer). */
export class ApiUnreachableError extends Error {
  override readonly name = 'ApiUnreachableError';

  constructor(message = 'The Accord API could not be reached.', options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * Runs one openapi-fetch call and turns a failure to get any answer into ApiUnreachableError.
 * Cancellation (react-query aborting a stale request) is passed through untouched.
 */
export async function send<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (cause) {
    if (isAbortError(cause)) throw cause;
    throw new ApiUnreachableError(undefined, { cause });
  }
}
