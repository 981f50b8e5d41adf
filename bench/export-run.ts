// One `exposure export csv` in this process (spawned by bench/export.ts, so that each size gets a fresh process):
// prints its wall and CPU time, peak RSS and the peak of the sampled V8 heap as one JSON line on stdout.
import { getHeapStatistics } from 'node:v8';
import { main } from '../src/cli.ts';

let heapPeak = 0;
const sample = () => (heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size));
const sampler = setInterval(sample, 20);
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const code = await main(['export', 'csv', ...process.argv.slice(2)]);
clearInterval(sampler);
sample();
const cpu = process.cpuUsage(cpuStarted);
console.log(
  JSON.stringify({
    code,
    wall: Number(process.hrtime.bigint() - started) / 1e9,
    cpu: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapPeakMb: heapPeak / 1e6,
  }),
);
