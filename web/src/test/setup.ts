import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setTokens } from '../api/client';

afterEach(() => {
  cleanup();
  setTokens(null);
  sessionStorage.clear();
  localStorage.clear();
});
