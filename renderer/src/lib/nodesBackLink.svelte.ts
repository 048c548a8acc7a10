/** Where the node detail's back link goes: the table as the user left it (its filters are in the URL). */
let lastHash = $state('#/nodes');

export const nodesView = {
  get lastHash() {
    return lastHash;
  },
  remember(hash: string) {
    lastHash = hash;
  },
};
