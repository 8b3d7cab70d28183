import type { Clock } from './contract';

/**
 * Emulator time: the wall clock plus whatever tests advanced it by. `scale` is real seconds per
 * AWS second: 1 behaves like AWS, 0.05 makes a 5-minute notebook start take 15 s (sandbox),
 * 0.001 makes it 300 ms (tests).
 */
export class ScaledClock implements Clock {
  private offset = 0;
  constructor(readonly scale: number) {}

  now(): number {
    return Date.now() + this.offset;
  }

  duration(awsSeconds: number): number {
    return awsSeconds * 1000 * this.scale;
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
