import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Both output streams of the command go here. */
  logFile: string;
  /** Printed with a heartbeat while the command runs. */
  label: string;
}

export interface RunResult {
  exitCode: number;
  wallMs: number;
  /** User + system CPU seconds of the command and all its children, from /usr/bin/time; undefined without it. */
  cpuSeconds?: number;
  /** Max RSS of the largest single process of the tree (exact, kernel-tracked), from /usr/bin/time -v. */
  maxRssLargestProcess?: number;
  /** Peak of the summed RSS of the whole process tree (node + pagefind + workers), sampled every 100 ms. */
  peakTreeRss: number;
  /** Largest single-process RSS seen by the sampler; the fallback when /usr/bin/time is missing. */
  peakSingleRssSampled: number;
  /** How peak memory was measured, for the report. */
  memoryMethod: string;
  /**
   * CPU seconds the rest of the machine used while the build ran (all CPUs' busy time from /proc/stat, less the
   * build's own and this script's). Other work steals cores from the build and makes its time look worse.
   */
  otherCpuSeconds?: number;
}

const SAMPLE_MS = 100;
const HEARTBEAT_MS = 30_000;
const PAGE_SIZE = getconf('PAGESIZE', 4096);
const CLOCK_TICKS = getconf('CLK_TCK', 100);

function getconf(name: string, fallback: number): number {
  const result = spawnSync('getconf', [name], { encoding: 'utf8' });
  const value = Number.parseInt(result.stdout ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Busy CPU seconds of the whole machine so far (user, nice, system, irq, softirq, steal), or undefined off Linux. */
function machineBusySeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** GNU time with -v and -o; BusyBox's `time` has neither, so try it once. */
function gnuTime(): string | undefined {
  const path = '/usr/bin/time';
  if (!existsSync(path)) return undefined;
  const probe = spawnSync(path, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr ?? '') ? path : undefined;
}

interface ProcInfo {
  ppid: number;
  rss: number;
}

/** Every process's parent and resident bytes, from /proc/<pid>/stat (one read per process). */
function readProcesses(): Map<number, ProcInfo> {
  const processes = new Map<number, ProcInfo>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return processes;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields are counted after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(name), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return processes;
}

/** Summed and largest RSS of `root`'s descendants (and `root` itself unless excluded). */
function treeRss(root: number, includeRoot: boolean): { sum: number; largest: number } {
  const processes = readProcesses();
  const children = new Map<number, number[]>();
  for (const [pid, info] of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), pid]);
  let sum = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const info = processes.get(pid);
    if (info && (pid !== root || includeRoot)) {
      sum += info.rss;
      largest = Math.max(largest, info.rss);
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { sum, largest };
}

function parseTime(report: string): { cpuSeconds?: number; maxRss?: number; exitCode?: number } {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(report);
    return match ? Number(match[1]) : undefined;
  };
  const user = number(/User time \(seconds\):\s*([\d.]+)/);
  const system = number(/System time \(seconds\):\s*([\d.]+)/);
  const maxKb = number(/Maximum resident set size \(kbytes\):\s*(\d+)/);
  return {
    cpuSeconds: user !== undefined && system !== undefined ? user + system : undefined,
    maxRss: maxKb !== undefined ? maxKb * 1024 : undefined,
    exitCode: number(/Exit status:\s*(\d+)/),
  };
}

/** Runs a command to completion, measuring wall time, CPU time and peak memory of its whole process tree. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const time = gnuTime();
  const timeFile = `${options.logFile}.time`;
  rmSync(timeFile, { force: true });
  const [file, argv] = time ? [time, ['-v', '-o', timeFile, command, ...args]] : [command, args];

  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.logFile);
    const busyBefore = machineBusySeconds();
    const ownBefore = process.cpuUsage();
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastLine = '';
    const remember = (chunk: Buffer) => {
      log.write(chunk);
      const lines = chunk
        .toString('utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      if (lines.length) lastLine = lines[lines.length - 1];
    };
    child.stdout.on('data', remember);
    child.stderr.on('data', remember);

    let peakTreeRss = 0;
    let peakSingleRssSampled = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      // Under /usr/bin/time the root is the wrapper itself (about 2 MB): count only what it runs.
      const { sum, largest } = treeRss(child.pid, !time);
      peakTreeRss = Math.max(peakTreeRss, sum);
      peakSingleRssSampled = Math.max(peakSingleRssSampled, largest);
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    const heartbeat = setInterval(() => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      // Without ANSI colours from Astro's log line.
      console.log(`    … ${options.label}: ${seconds}s, ${stripVTControlCharacters(lastLine).slice(0, 110)}`);
    }, HEARTBEAT_MS);

    child.on('error', (error) => {
      clearInterval(sampler);
      clearInterval(heartbeat);
      reject(new Error(`Could not start ${file}: ${error.message}`));
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const busyAfter = machineBusySeconds();
      const own = process.cpuUsage(ownBefore);
      clearInterval(sampler);
      clearInterval(heartbeat);
      log.end(() => {
        const timed = time && existsSync(timeFile) ? parseTime(readFileSync(timeFile, 'utf8')) : {};
        const otherCpuSeconds =
          busyBefore !== undefined && busyAfter !== undefined && timed.cpuSeconds !== undefined
            ? Math.max(0, busyAfter - busyBefore - timed.cpuSeconds - (own.user + own.system) / 1e6)
            : undefined;
        resolve({
          exitCode: code ?? 1,
          wallMs,
          cpuSeconds: timed.cpuSeconds,
          maxRssLargestProcess: timed.maxRss,
          peakTreeRss,
          peakSingleRssSampled,
          otherCpuSeconds,
          memoryMethod: time
            ? '/usr/bin/time -v max RSS (largest single process) + process-tree RSS sum sampled every 100 ms'
            : '/proc process-tree RSS sampled every 100 ms (/usr/bin/time -v not available)',
        });
      });
    });
  });
}

/** The last lines of a log, for a failure message. */
export function tail(file: string, lines = 40): string {
  try {
    return stripVTControlCharacters(readFileSync(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Several runs of one build as one: median times (robust to a run disturbed by other load), highest memory. */
export function summarize(runs: RunResult[]): RunResult {
  const defined = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);
  const cpu = defined(runs.map((run) => run.cpuSeconds));
  const rss = defined(runs.map((run) => run.maxRssLargestProcess));
  return {
    exitCode: Math.max(...runs.map((run) => run.exitCode)),
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuSeconds: cpu.length ? median(cpu) : undefined,
    maxRssLargestProcess: rss.length ? Math.max(...rss) : undefined,
    peakTreeRss: Math.max(...runs.map((run) => run.peakTreeRss)),
    peakSingleRssSampled: Math.max(...runs.map((run) => run.peakSingleRssSampled)),
    otherCpuSeconds: defined(runs.map((run) => run.otherCpuSeconds)).reduce((sum, value) => sum + value, 0),
    memoryMethod: runs[0].memoryMethod,
  };
}
