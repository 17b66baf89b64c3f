// Preloaded into a server process by bench/stall.bench.ts (NODE_OPTIONS=--import): measures the
// event loop's longest gaps both in wall time and in CPU time used by the process during the gap.
// On a machine shared with other work, wall time includes time the OS gave to other processes;
// the CPU time of a gap is what one synchronous run (a long statement, a long loop) really cost.
// Writes the worst gaps to $NETRA_LOOP_MONITOR_FILE every second; SIGUSR2 starts over (the bench
// sends it when the load begins, so start-up work is not counted).
import { writeFileSync } from 'node:fs';

const file = process.env.NETRA_LOOP_MONITOR_FILE;
if (file) {
  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  const worst = { wallMs: 0, cpuMsOfWorstWall: 0, cpuMs: 0, wallMsOfWorstCpu: 0 };
  setInterval(() => {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const gapWall = wall - lastWall;
    const gapCpu = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    if (gapWall > worst.wallMs) {
      worst.wallMs = gapWall;
      worst.cpuMsOfWorstWall = gapCpu;
    }
    if (gapCpu > worst.cpuMs) {
      worst.cpuMs = gapCpu;
      worst.wallMsOfWorstCpu = gapWall;
    }
    lastWall = wall;
    lastCpu = cpu;
  }, 10).unref();
  setInterval(() => writeFileSync(file, JSON.stringify(worst)), 1000).unref();
  process.on('SIGUSR2', () => {
    Object.assign(worst, { wallMs: 0, cpuMsOfWorstWall: 0, cpuMs: 0, wallMsOfWorstCpu: 0 });
  });
}
