# Production image: the API serving the built SPA. PostgreSQL comes from docker-compose (DATABASE_URL),
# so the embedded server is never started here.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/raci/package.json libs/raci/
# The lockfile is written by npm 11 (allowScripts, Vite 8 optional bindings); npm 10 mis-installs it.
RUN npm install -g npm@11 --no-audit --no-fund && npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx run-many -t build -p raci api web --outputStyle=static \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 WEB_DIST=/app/dist/apps/web
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/raci/package.json ./libs/raci/
COPY --from=build /app/libs/raci/dist ./libs/raci/dist
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
