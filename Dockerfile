# syntax=docker/dockerfile:1

# ---- build: install everything, compile TypeScript, then drop dev dependencies ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY scripts ./scripts
# The park console (web/), built against the API's schema into dist/console.
COPY schema.gql ./
COPY web ./web
# The README's examples and the console's operations are the documents locked mode runs (dist/persisted-documents.json).
COPY README.md ./
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime: production dependencies and compiled code only ----
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
# Runtime settings measured with the bench on this image's Node 24 (README "Performance"). With
# --max-old-space-size=128 alone, Node 24 ran a full mark-compact every ~100 ms under S1 and spent 20-27 ms of CPU per
# request (3-4 ms here); an explicit 8 MB semi-space and a 192 MB old space keep GC cheap and the heap bounded (the
# live heap is ~70 MB). glibc's allocator: MALLOC_ARENA_MAX=2 keeps it from holding freed memory in one arena per
# thread (peak RSS 287 -> 230 MB in S1, S6 and S11), and 128 KB trim and mmap thresholds hand large freed blocks
# (socket reads, scrypt, import batches) back to the system (peak through S1-S16 259 -> 245 MB, at S6's scrypt, and
# 222 MB elsewhere; CPU per request no higher). `npm run bench` starts the API with these same settings.
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=8"
ENV MALLOC_ARENA_MAX=2
ENV MALLOC_TRIM_THRESHOLD_=131072
ENV MALLOC_MMAP_THRESHOLD_=131072
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Writable DATA_DIR for the embedded PostgreSQL, used only when DATABASE_URL is not set.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
