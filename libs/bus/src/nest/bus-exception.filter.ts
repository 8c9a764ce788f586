import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's error to the bus unchanged, so its `code`/`retryable` reach
 * the caller through `toBusError` (which still hides untyped errors). Without it
 * Nest replaces every error that is not an `RpcException` with a generic one,
 * which the bus sends as `internal_error`. Put `@UseFilters(BusExceptionFilter)`
 * on bus controllers (a global filter would also catch HTTP errors in a hybrid app).
 */
@Catch()
export class BusExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
