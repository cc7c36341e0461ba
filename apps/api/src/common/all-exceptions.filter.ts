import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { isDatabaseUnavailable } from './database-errors';
import type { ErrorBody } from './error-body';
import { FieldValidationException } from './validation';

/**
 * Every error leaves the API in one shape. Unknown errors are logged with their stack and answered
 * as a bare 500, so no internals leak; an unreachable database is a 503 the client may retry.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (body.statusCode >= 500 && body.statusCode !== 503) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof FieldValidationException) {
      return { statusCode: 400, error: 'Bad Request', message: exception.message, details: exception.problems };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'string') return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: raw };
      // Keep what the thrower added (details, current state for a 412, retryAfterSeconds), in the one shape.
      const { message, statusCode: _s, error: _e, ...extra } = raw as Record<string, unknown>;
      return {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
        ...extra,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'Service Unavailable', message: 'The database is unavailable; try again shortly.' };
    }
    if (isBodyParserError(exception)) {
      return { statusCode: exception.status, error: STATUS_CODES[exception.status] ?? 'Bad Request', message: exception.message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side.' };
  }
}

function isBodyParserError(e: unknown): e is { status: number; message: string } {
  const status = (e as { status?: unknown })?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && typeof (e as { type?: unknown }).type === 'string';
}
