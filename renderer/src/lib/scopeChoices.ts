/** The accounts and regions a snapshot's filters offer, from its scope rows (`snapshots:summary`). */
export interface ScopeChoices {
  accounts: string[];
  regions: string[];
}

export const NO_SCOPE_CHOICES: ScopeChoices = { accounts: [], regions: [] };

export function scopeChoices(scopes: readonly { accountId: string; region: string | null }[]): ScopeChoices {
  return {
    accounts: [...new Set(scopes.map((s) => s.accountId))].sort(),
    // An account-level scope (never reached) names no region to filter by.
    regions: [...new Set(scopes.flatMap((s) => (s.region === null ? [] : [s.region])))].sort(),
  };
}
