import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SeenIds } from "../src/seen-ids.js";

test("remembers the newest ids up to its capacity", () => {
  const seen = new SeenIds(2);
  seen.add("a");
  seen.add("b");
  seen.add("c");
  assert.equal(seen.has("a"), false);
  assert.equal(seen.has("b"), true);
  assert.equal(seen.has("c"), true);
});

test("a restarted consumer reads the ids of the previous run from the file", () => {
  const file = join(mkdtempSync(join(tmpdir(), "seen-")), "durable.seen");
  const first = new SeenIds(3, file);
  ["a", "b", "c", "d"].forEach((id) => first.add(id));
  const second = new SeenIds(3, file);
  assert.deepEqual(["a", "b", "c", "d"].map((id) => second.has(id)), [false, true, true, true]);
});

test("the file is compacted to the newest ids when it grows past twice the capacity", () => {
  const file = join(mkdtempSync(join(tmpdir(), "seen-")), "durable.seen");
  const seen = new SeenIds(2, file);
  ["a", "b", "c", "d", "e"].forEach((id) => seen.add(id));
  assert.equal(readFileSync(file, "utf8"), "d\ne\n");
});
