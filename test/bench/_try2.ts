import { SSMClient, DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { startSimulator } from '../../electron/core/sim';
import { createClients } from '../../electron/core/aws/clients';
import { emptyCallStats } from '../../electron/core/aws/callStats';
for (const latencyMs of [0, 50]) {
  const sim = await startSimulator({
    fleetOptions: { seed: 'b', accounts: 1, regions: ['us-east-1'], nodesPerRegion: 834 },
    faults: [{ latencyMs }],
  });
  const c = sim.credentials[0]!;
  const clients = createClients(
    'us-east-1',
    { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    { endpoint: sim.url },
    emptyCallStats(),
  );
  for (let round = 0; round < 2; round++) {
    const t = performance.now();
    for (let i = 0; i < 20; i++) await clients.ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    console.log('latency', latencyMs, 'per call ms', ((performance.now() - t) / 20).toFixed(1));
  }
  clients.destroy();
  await sim.close();
}
