/**
 * AWS SDK v3 clients as their users expect them: the standard credential chain and endpoint
 * resolution (so `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_<SERVICE>` and the config file's
 * `services` sections apply), the adaptive retry mode, and one middleware that counts every
 * attempt, so progress and benchmarks report calls and throttles as AWS saw them, and that
 * names an answer which is not AWS's (`NotAwsAnswer`) so it is neither retried nor misread.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { AdaptiveRetryStrategy } from '@smithy/core/retry';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  DeserializeHandlerOutput,
  MetadataBearer,
  Pluggable,
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryToken,
} from '@smithy/types';
import { htmlAnswer, isRetryableNotAwsAnswer, NotAwsAnswer, notAwsAnswer } from './errors';
import { isThrottle, type CallStats } from './callStats';

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** Options shared by every client an audit creates; tests point `endpoint` at the simulator. */
export interface ClientOptions {
  /** An explicit endpoint for every service; leave unset to use the SDK's own resolution. */
  endpoint?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
  connectionTimeoutMs?: number;
}

export interface AwsClients {
  ssm: SSMClient;
  ec2: EC2Client;
  sts: STSClient;
  organizations: OrganizationsClient;
  /**
   * IAM is global (one endpoint, iam.amazonaws.com, for every commercial region): a scope's client
   * resolves it from the scope's region, and what it reads is shared by the account's scopes
   * (audit/sources/source.ts, AccountCache). https://docs.aws.amazon.com/general/latest/gr/iam-service.html
   */
  iam: IAMClient;
  destroy(): void;
}

const SERVICE_OF = { ssm: 'SSM', ec2: 'EC2', sts: 'STS', organizations: 'Organizations', iam: 'IAM' } as const;

/**
 * The SDK's adaptive strategy, except that an answer which is not AWS's is not asked again: the
 * SDK retries every 500 and 502–504 whatever the body, so a mock's HTML page for an operation
 * it lacks cost ten attempts and many seconds a call, and the same page came back each time.
 */
class NotAwsAnswerNotRetried implements RetryStrategyV2 {
  readonly mode: string;
  constructor(private readonly inner: AdaptiveRetryStrategy) {
    this.mode = inner.mode;
  }
  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.inner.acquireInitialRetryToken(scope);
  }
  refreshRetryTokenForRetry(token: StandardRetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    // A refused refresh makes the retry middleware throw the call's own error.
    if (info.error instanceof NotAwsAnswer && !isRetryableNotAwsAnswer(info.error)) return Promise.reject(info.error);
    return this.inner.refreshRetryTokenForRetry(token, info);
  }
  recordSuccess(token: StandardRetryToken): void {
    this.inner.recordSuccess(token);
  }
}

/** One client's configuration; each client gets its own retry strategy (its own rate limiter). */
export function baseClientConfig(region: string, credentials: Credentials, options: ClientOptions) {
  const maxAttempts = options.maxAttempts ?? 10;
  return {
    region,
    credentials,
    maxAttempts,
    retryStrategy: new NotAwsAnswerNotRetried(new AdaptiveRetryStrategy(async () => maxAttempts)),
    // Without throwOnRequestTimeout the SDK only logs a breached requestTimeout, and a call that
    // an endpoint never answers would hang the scope (and a cancel) for good.
    requestHandler: {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      throwOnRequestTimeout: true,
      connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  } as const;
}

/**
 * The counter as a plugin, for the clients made here and for the STS client the SDK's
 * AssumeRole provider makes itself (`clientPlugins`): every AssumeRole is a call too.
 */
export function callCounter(service: string, stats: CallStats): Pluggable<object, MetadataBearer> {
  return {
    applyToStack: (stack) =>
      stack.add(
        (next, context) => async (args) => {
          const action = `${service}.${(context.commandName ?? 'Unknown').replace(/Command$/, '')}`;
          stats.calls += 1;
          stats.byAction[action] = (stats.byAction[action] ?? 0) + 1;
          let result: DeserializeHandlerOutput<MetadataBearer>;
          try {
            result = await next(args);
          } catch (err) {
            if (isThrottle(err)) stats.throttles += 1;
            throw notAwsAnswer(err, action) ?? err;
          }
          const html = htmlAnswer(result.response, action);
          if (html) throw html;
          return result;
        },
        // The deserialize step runs inside the retry middleware, so it sees every attempt; high
        // priority puts it outside the per-command deserializer, so it sees parsed errors.
        { step: 'deserialize', name: 'patchAuditorCallCounter', priority: 'high' },
      ),
  };
}

export function createClients(region: string, credentials: Credentials, options: ClientOptions, stats: CallStats): AwsClients {
  const config = () => baseClientConfig(region, credentials, options);
  const clients = {
    ssm: new SSMClient(config()),
    ec2: new EC2Client(config()),
    sts: new STSClient(config()),
    organizations: new OrganizationsClient(config()),
    iam: new IAMClient(config()),
  };
  for (const [key, client] of Object.entries(clients))
    client.middlewareStack.use(callCounter(SERVICE_OF[key as keyof typeof SERVICE_OF], stats));
  return {
    ...clients,
    destroy: () => Object.values(clients).forEach((client) => client.destroy()),
  };
}
