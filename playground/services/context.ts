/**
 * What every emulated service gets from the execution environment it runs in: the virtual clock,
 * the memory meter, seeded randomness and the CPU model.
 */
import type { VirtualClock } from '../runtime/clock.ts';
import type { MemoryMeter } from '../runtime/memory.ts';
import type { RandomSource } from '../runtime/prng.ts';

/** At 1,769 MB a function has the equivalent of one vCPU; below, a proportional share. */
export const MEMORY_MB_PER_VCPU = 1769;

export interface ServiceContext {
  clock: VirtualClock;
  memory: MemoryMeter;
  /** An independent seeded stream per name, so one service's draws never shift another's. */
  random(stream: string): RandomSource;
  /**
   * Virtual milliseconds that 1 ms of single-threaded work at one full vCPU takes at this memory size.
   * More than 1,769 MB adds vCPUs, which one JavaScript thread cannot use, so the factor stops at 1.
   */
  cpuFactor: number;
}

export function computeCpuFactor(memoryMb: number): number {
  return MEMORY_MB_PER_VCPU / Math.min(memoryMb, MEMORY_MB_PER_VCPU);
}

/** A promise that settles after `ms` of virtual time. */
export function delay(context: ServiceContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    context.clock.schedule(resolve, ms);
  });
}

/** Never settles: what a call returns once the runtime has been killed, so user code stops there. */
export function stall<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

/** Charges transient bytes; once the limit is passed, the call never returns (the runtime is killed). */
export async function holdBytes(context: ServiceContext, bytes: number): Promise<void> {
  if (!context.memory.chargeTransient(bytes)) await stall();
}

/** Byte length of a JSON value as UTF-8 text, the size a service would hand over. */
export function measureJson(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}
