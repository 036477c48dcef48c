// The ids of the last events handled, to drop a redelivered or republished event (dedupe on Nats-Msg-Id).
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * A bounded set of message ids (least recently added evicted first), optionally kept in a file so that a
 * restarted consumer still recognises what it handled before it stopped.
 *
 * The file is one id per line, appended synchronously before the message is acknowledged, and rewritten
 * with only the newest `capacity` ids when it grows past twice that.
 */
export class SeenIds {
  private readonly ids = new Set<string>();
  private linesInFile = 0;

  constructor(
    private readonly capacity: number,
    private readonly file?: string,
  ) {
    if (capacity < 1) {
      throw new Error("capacity must be at least 1");
    }
    if (file && existsSync(file)) {
      const lines = readFileSync(file, "utf8").split("\n").filter((line) => line.length > 0);
      this.linesInFile = lines.length;
      for (const id of lines.slice(-capacity)) {
        this.remember(id);
      }
    }
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }

  add(id: string): void {
    if (this.ids.has(id)) {
      return;
    }
    this.remember(id);
    if (this.file) {
      appendFileSync(this.file, id + "\n");
      this.linesInFile++;
      if (this.linesInFile > 2 * this.capacity) {
        this.compact(this.file);
      }
    }
  }

  private remember(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value as string;
      this.ids.delete(oldest);
    }
  }

  private compact(file: string): void {
    const tmp = file + ".tmp";
    writeFileSync(tmp, [...this.ids].map((id) => id + "\n").join(""));
    renameSync(tmp, file);
    this.linesInFile = this.ids.size;
  }
}
