// Entry point of a worker process of the cluster tests and benchmarks (see worker-process.ts): its
// options come as JSON in argv. It exits when its parent does (stdin closes), so a test run that is
// killed leaves no worker behind.
import { createNodeWorker } from '@hamilton-ts/adapters/bullmq';

const worker = await createNodeWorker(JSON.parse(process.argv[2]));
process.stdout.write('ready\n');
const stop = () => void worker.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.stdin.on('close', stop);
process.stdin.resume();
