/**
 * Commercial AWS regions as the auditor meets them: those every account has, and the opt-in
 * regions an account must enable first (calls into them fail until it does). The plan form
 * offers the first list; the simulator answers DescribeRegions from both.
 */
export const REGIONS_WITHOUT_OPT_IN = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-south-1',
] as const;

export const OPT_IN_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-south-2',
  'ap-southeast-3',
  'eu-south-1',
  'me-south-1',
  'me-central-1',
  'il-central-1',
] as const;
