import { DataValidationError, HamiltonError, InputValidationError, UnknownNodeError } from '@hamilton-ts/core';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** The JSON body the filter answers with. */
export interface HamiltonErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
}

/**
 * Turns hamilton-ts errors thrown while handling an HTTP request into answers a client can act on:
 * bad inputs and unknown outputs are a 400 with the error's text, a failed `checkOutput` a 422, and
 * anything else (a node that threw, a graph problem) a 500 whose details stay in the server's log.
 *
 * @example
 * app.useGlobalFilters(new HamiltonErrorFilter(app.get(HttpAdapterHost)));
 */
@Catch(HamiltonError)
export class HamiltonErrorFilter implements ExceptionFilter<HamiltonError> {
  private readonly logger = new Logger('Hamilton');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: HamiltonError, host: ArgumentsHost): void {
    const body = this.bodyOf(error);
    const { httpAdapter } = this.adapterHost;
    httpAdapter.reply(host.switchToHttp().getResponse(), body, body.statusCode);
  }

  private bodyOf(error: HamiltonError): HamiltonErrorBody {
    if (error instanceof InputValidationError || error instanceof UnknownNodeError)
      return { statusCode: HttpStatus.BAD_REQUEST, error: error.name, message: error.message };
    if (error instanceof DataValidationError)
      return { statusCode: HttpStatus.UNPROCESSABLE_ENTITY, error: error.name, message: error.message };
    this.logger.error(error.message, error.stack);
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'the pipeline failed; see the server log',
    };
  }
}
