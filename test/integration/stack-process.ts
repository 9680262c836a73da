/**
 * What the local stack runs as operating-system processes, read from /proc (Linux): the DynamoDB Local JVM
 * (to pause it), the process that hosts the stack, and the TCP ports that process listens on.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** The DynamoDB Local JVM serving `port` (its command line ends in `-port <port>`). */
export function dynamoLocalPid(port: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const args = read(`/proc/${entry}/cmdline`)?.split('\0') ?? [];
    if (args.some((a) => a.endsWith('DynamoDBLocal.jar')) && args[args.indexOf('-port') + 1] === String(port))
      return Number(entry);
  }
  throw new Error(`no DynamoDB Local process serves port ${port}`);
}

export function parentPid(pid: number): number {
  const stat = read(`/proc/${pid}/stat`) ?? '';
  // "pid (command name) state ppid …": the name may hold spaces and parentheses.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // Closed while we looked.
    }
  }
  return inodes;
}

/** Every TCP port `pid` listens on, IPv4 and IPv6. */
export function listeningPorts(pid: number): number[] {
  const inodes = socketInodes(pid);
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of (read(table) ?? '').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is hex "ADDR:PORT"; state 0A is LISTEN; the inode is the tenth field.
      if (f[3] === '0A' && inodes.has(f[9] ?? '')) ports.add(Number.parseInt(f[1]!.split(':')[1]!, 16));
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** The paths of the Unix sockets `pid` holds (listening ones among them). */
export function unixSocketPaths(pid: number): string[] {
  const inodes = socketInodes(pid);
  const paths = new Set<string>();
  // "Num RefCount Protocol Flags Type St Inode Path"
  for (const line of (read('/proc/net/unix') ?? '').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[7] && inodes.has(f[6] ?? '')) paths.add(f[7]);
  }
  return [...paths];
}
