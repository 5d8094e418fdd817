import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['shared/src/**/*.test.{ts,tsx}', 'storefront/src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    globals: true,
  },
});
