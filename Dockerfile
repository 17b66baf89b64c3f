# Netra as one image for the HTTP process and the worker (same code, other command).
# Not built here (no Docker daemon on the machine that wrote it); see docs/DEPLOY.md § Containers
# for what was and was not exercised. Debian bookworm like the tested machines (PostgreSQL 15,
# nginx 1.22).
#   docker build -t netra .
#   docker run --env-file netra.env -p 8080:8080 netra            # HTTP (set WORKER=off when workers run apart)
#   docker run --env-file netra.env netra worker                   # the job worker

FROM node:20-bookworm-slim AS build
WORKDIR /opt/netra
# Toolchain only for a native module without a prebuilt binary for this platform (argon2 ships prebuilds).
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The web app is built into the image: a read-only root file system never needs to rebuild it.
RUN npm run build:web && rm -rf test bench eval tmp

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    NETRA_DATA_DIR=/var/lib/netra
RUN useradd --system --uid 10001 --home-dir /var/lib/netra --shell /usr/sbin/nologin netra \
 && mkdir -p /var/lib/netra && chown netra:netra /var/lib/netra && chmod 0700 /var/lib/netra
WORKDIR /opt/netra
COPY --from=build /opt/netra /opt/netra
USER netra
VOLUME ["/var/lib/netra"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/netra.mjs"]
CMD ["start"]
