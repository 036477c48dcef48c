import { test } from "node:test";
import assert from "node:assert/strict";
import { readConfig } from "../src/config.js";

test("uses the client library's inbox prefix unless one is given", () => {
  assert.equal(readConfig({}).inboxPrefix, undefined);
  assert.equal(readConfig({ INBOX_PREFIX: "_INBOX_analytics" }).inboxPrefix, "_INBOX_analytics");
});

test("refuses an inbox prefix that is not one subject token", () => {
  assert.throws(() => readConfig({ INBOX_PREFIX: "_INBOX.analytics" }), /INBOX_PREFIX/);
  assert.throws(() => readConfig({ INBOX_PREFIX: "a b" }), /INBOX_PREFIX/);
});
