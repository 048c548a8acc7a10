/**
 * Errors as each AWS protocol spells them. The same fault has different codes per service
 * (SSM `ThrottlingException`, STS `Throttling`, EC2 `RequestLimitExceeded`, Organizations
 * `TooManyRequestsException`), and the SDK classifies retries by those codes.
 */
export type ServiceName = 'SSM' | 'STS' | 'EC2' | 'Organizations' | 'IAM';

export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type CommonFault =
  | 'missingAuth'
  | 'unrecognized'
  | 'signature'
  | 'expired'
  | 'throttled'
  | 'denied'
  | 'regionDisabled'
  | 'internal'
  | 'unavailable'
  | 'validation'
  | 'invalidToken'
  | 'unknownOperation';

type Table = Record<CommonFault, [code: string, status: number, message: string]>;

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';

const JSON_ERRORS: Table = {
  missingAuth: ['MissingAuthenticationTokenException', 400, 'Missing Authentication Token'],
  unrecognized: ['UnrecognizedClientException', 400, INVALID_TOKEN],
  signature: ['InvalidSignatureException', 400, SIGNATURE],
  expired: ['ExpiredTokenException', 400, 'The security token included in the request is expired'],
  throttled: ['ThrottlingException', 400, 'Rate exceeded'],
  denied: ['AccessDeniedException', 400, 'Access denied'],
  // An opt-in region the account has not enabled does not know the account's credentials.
  regionDisabled: ['UnrecognizedClientException', 400, INVALID_TOKEN],
  internal: ['InternalServerError', 500, 'An error occurred on the server side.'],
  unavailable: ['ServiceUnavailable', 503, 'Service is unavailable.'],
  validation: ['ValidationException', 400, 'Validation failed'],
  invalidToken: ['InvalidNextToken', 400, 'The specified token is not valid.'],
  unknownOperation: ['UnknownOperationException', 400, 'Unknown operation'],
};

const SERVICE_ERRORS: Record<ServiceName, Table> = {
  SSM: JSON_ERRORS,
  Organizations: {
    ...JSON_ERRORS,
    throttled: ['TooManyRequestsException', 400, 'Rate exceeded'],
    internal: [
      'ServiceException',
      500,
      "AWS Organizations can't complete your request because of an internal service error. Try again later.",
    ],
    validation: ['InvalidInputException', 400, 'You provided a value that does not match the required pattern.'],
    invalidToken: ['InvalidInputException', 400, 'The provided pagination token is invalid.'],
  },
  STS: {
    missingAuth: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
    unrecognized: ['InvalidClientTokenId', 403, INVALID_TOKEN],
    signature: ['SignatureDoesNotMatch', 403, SIGNATURE],
    expired: ['ExpiredToken', 400, 'The security token included in the request is expired'],
    throttled: ['Throttling', 400, 'Rate exceeded'],
    denied: ['AccessDenied', 403, 'Access denied'],
    regionDisabled: ['InvalidClientTokenId', 403, INVALID_TOKEN],
    internal: ['InternalFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.'],
    unavailable: ['ServiceUnavailable', 503, 'Service is unavailable.'],
    validation: ['ValidationError', 400, 'Validation failed'],
    invalidToken: ['ValidationError', 400, 'Invalid token'],
    unknownOperation: ['InvalidAction', 400, 'Could not find operation'],
  },
  // IAM speaks awsQuery like STS; its server-side failure is ServiceFailure and a refused request AccessDenied (403).
  // https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
  IAM: {
    missingAuth: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
    unrecognized: ['InvalidClientTokenId', 403, INVALID_TOKEN],
    signature: ['SignatureDoesNotMatch', 403, SIGNATURE],
    expired: ['ExpiredToken', 403, 'The security token included in the request is expired'],
    throttled: ['Throttling', 400, 'Rate exceeded'],
    denied: ['AccessDenied', 403, 'Access denied'],
    regionDisabled: ['InvalidClientTokenId', 403, INVALID_TOKEN],
    internal: ['ServiceFailure', 500, 'The request processing has failed because of an unknown error, exception or failure.'],
    unavailable: ['ServiceUnavailable', 503, 'Service is unavailable.'],
    validation: ['ValidationError', 400, 'Validation failed'],
    invalidToken: ['InvalidInput', 400, 'Invalid Marker.'],
    unknownOperation: ['InvalidAction', 400, 'Could not find operation'],
  },
  EC2: {
    missingAuth: ['MissingAuthenticationToken', 401, 'Request is missing Authentication Token'],
    unrecognized: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    signature: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    // EC2 reports an expired session token this way (the familiar "Request has expired").
    expired: ['RequestExpired', 400, 'Request has expired.'],
    throttled: ['RequestLimitExceeded', 503, 'Request limit exceeded.'],
    denied: ['UnauthorizedOperation', 403, 'You are not authorized to perform this operation.'],
    regionDisabled: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    internal: ['InternalError', 500, 'An internal error has occurred.'],
    unavailable: ['Unavailable', 503, "The server is overloaded and can't handle the request."],
    validation: ['InvalidParameterValue', 400, 'Invalid parameter value'],
    invalidToken: ['InvalidPaginationToken', 400, 'The specified pagination token is not valid or is expired.'],
    unknownOperation: ['InvalidAction', 400, 'The action is not valid for this web service.'],
  },
};

export function serviceError(service: ServiceName, fault: CommonFault, message?: string): SimError {
  const [code, status, defaultMessage] = SERVICE_ERRORS[service][fault];
  return new SimError(code, message ?? defaultMessage, status);
}
