/**
 * The error handlers throw. `createApp`'s onError turns it into `{ error: { code, message, issues? } }`
 * with the status defined for the code in shared/api/errors.ts.
 */
import { API_ERRORS, type ApiErrorBody, type ApiErrorCode } from '../../shared/api/errors.ts';

type Issue = NonNullable<ApiErrorBody['error']['issues']>[number];

/** An API error with a named code; the message is shown to people, so keep it plain and free of internals. */
export class HttpError extends Error {
  readonly issues?: Issue[];
  readonly headers?: Record<string, string>;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    opts: { issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.issues = opts.issues;
    this.headers = opts.headers;
  }

  /** HTTP status for this error's code. */
  get status(): (typeof API_ERRORS)[ApiErrorCode] {
    return API_ERRORS[this.code];
  }

  /** The JSON body sent to the client. */
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}
