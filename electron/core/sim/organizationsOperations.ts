/** Organizations (awsJson1_1): the management account lists the member accounts. */
import type { ListAccountsRequest } from '@aws-sdk/client-organizations';
import type { Handler } from './context';
import { SimError } from './errors';

const listAccounts: Handler = (raw, ctx) => {
  const input = raw as ListAccountsRequest;
  const org = ctx.world.fleet.organization;
  // Member accounts cannot read the organization: AWS answers AccessDeniedException.
  if (ctx.caller.account.accountId !== org.managementAccountId)
    throw new SimError('AccessDeniedException', "You don't have permissions to access this resource.");
  const accounts = org.accounts.map((a) => ({
    Id: a.id,
    Arn: `arn:aws:organizations::${org.managementAccountId}:account/${org.id}/${a.id}`,
    Email: a.email,
    Name: a.name,
    Status: a.status,
    JoinedMethod: a.joinedMethod,
    JoinedTimestamp: ctx.world.at(a.joinedAgeS),
  }));
  const { items, nextToken } = ctx.page(accounts, input, { min: 1, max: 20, default: 20 });
  return { Accounts: items, NextToken: nextToken };
};

export const ORGANIZATIONS_OPERATIONS: Record<string, Handler> = { ListAccounts: listAccounts };
