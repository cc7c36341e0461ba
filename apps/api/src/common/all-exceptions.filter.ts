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
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof FieldValidationException) {
      return { statusCode: 400, error: 'Bad Request', message: exception.message, details: exception.problems };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const message =
        typeof raw === 'string'
          ? raw
          : Array.isArray((raw as { message?: unknown }).message)
            ? ((raw as { message: string[] }).message.join('; '))
            : String((raw as { message?: unknown }).message ?? exception.message);
      const details = typeof raw === 'object' ? (raw as { details?: ErrorBody['details'] }).details : undefined;
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, ...(details ? { details } : {}) };
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
