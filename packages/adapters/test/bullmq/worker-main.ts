// Entry point of a worker process of the cluster tests (see worker-process.ts).
import { createNodeWorker } from '@hamilton-ts/adapters/bullmq';

const [url, queueName, lockDuration, ...modules] = process.argv.slice(2);
const worker = await createNodeWorker({ connection: url, queueName, lockDuration: Number(lockDuration), modules, concurrency: 2 });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
