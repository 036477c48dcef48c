import '@testing-library/jest-dom/vitest';
// before the client, which opens its BroadcastChannel when it loads
import { FakeBroadcastChannel } from './tabs';
import { cleanup } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { setTokens } from '../api/client';

// the channel of the app's own client (this test file's first tab); those of tabs a test loaded are closed after it
const appChannels = FakeBroadcastChannel.openChannels();

afterEach(() => {
  cleanup();
  setTokens(null);
  sessionStorage.clear();
  FakeBroadcastChannel.reset(appChannels);
  // the client keeps nothing in localStorage: a refresh token there would outlive the browser session
  expect(Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i))).toEqual([]);
});
