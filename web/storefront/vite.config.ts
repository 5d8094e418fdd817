import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// `npm run dev` proxies /graphql (and its websocket) and /media to the stack's
// origin (make run), like tools/webserve does in production.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/media': { target: 'http://localhost:8080' },
    },
  },
  build: { target: 'es2022', sourcemap: true, manifest: true },
});
