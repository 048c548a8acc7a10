/** SDK clients pointed at a simulator, configured as a user of the real SDK would. */
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Simulator } from '../../../electron/core/sim';

export interface ClientOptions {
  region?: string;
  account?: number;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts?: number;
  retryMode?: 'standard' | 'adaptive';
  requestTimeout?: number;
}

export function clients(sim: Simulator, options: ClientOptions = {}) {
  const creds = sim.credentials[options.account ?? 0];
  if (!creds) throw new Error('no such simulated account');
  const config = {
    endpoint: sim.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey },
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.retryMode ? { retryMode: options.retryMode } : {}),
    ...(options.requestTimeout ? { requestHandler: { requestTimeout: options.requestTimeout, throwOnRequestTimeout: true } } : {}),
  };
  return {
    ssm: new SSMClient(config),
    sts: new STSClient(config),
    ec2: new EC2Client(config),
    org: new OrganizationsClient(config),
    iam: new IAMClient(config),
  };
}
