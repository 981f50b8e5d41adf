// Benign code: stack traces, Kubernetes manifests without secrets, SQL, shell and config with placeholders.

import { FIRST_NAMES } from '../names.ts';
import type { Rng } from '../rng.ts';
import { gitSha, isoDate, port, privateIp, semver, service, shortSha, uuid } from './identifiers.ts';

const JAVA_PACKAGES = ['com.acme.billing', 'com.acme.auth', 'org.springframework.web', 'io.netty.channel'];
const JAVA_EXCEPTIONS = [
  'java.lang.NullPointerException',
  'java.lang.IllegalStateException: connection pool exhausted',
  'java.util.concurrent.TimeoutException',
  'org.hibernate.exception.JDBCConnectionException: could not obtain connection',
];

export function javaStackTrace(rng: Rng): string {
  const lines = [
    `Exception in thread "${rng.pick(['main', 'http-nio-8080-exec-3', 'scheduler-1'])}" ${rng.pick(JAVA_EXCEPTIONS)}`,
  ];
  for (let i = rng.int(4, 9); i > 0; i--) {
    const cls = `${rng.pick(JAVA_PACKAGES)}.${rng.pick(['OrderService', 'TokenValidator', 'InvoiceRepository', 'DispatcherServlet', 'RetryTemplate'])}`;
    lines.push(
      `\tat ${cls}.${rng.pick(['process', 'invoke', 'doFilter', 'handle', 'lambda$run$0'])}(${cls.split('.').pop()}.java:${rng.int(20, 900)})`,
    );
  }
  lines.push(`\t... ${rng.int(3, 60)} more`);
  return lines.join('\n');
}

export function pythonTraceback(rng: Rng): string {
  const frames = Array.from({ length: rng.int(2, 5) }, () => {
    const file = `/srv/${service(rng)}/app/${rng.pick(['views', 'tasks', 'models', 'client'])}.py`;
    return `  File "${file}", line ${rng.int(10, 600)}, in ${rng.pick(['handle', 'run', 'save', '_fetch', 'dispatch'])}\n    ${rng.pick(['result = client.get(url, timeout=5)', 'obj.save()', 'return self._cache[key]', 'raise RetryError(attempts)'])}`;
  });
  const error = rng.pick([
    "KeyError: 'tenant_id'",
    'requests.exceptions.ConnectTimeout: timed out',
    "ValueError: invalid literal for int() with base 10: ''",
    'django.db.utils.OperationalError: server closed the connection unexpectedly',
  ]);
  return `Traceback (most recent call last):\n${frames.join('\n')}\n${error}`;
}

export function nodeStackTrace(rng: Rng): string {
  const error = rng.pick([
    "TypeError: Cannot read properties of undefined (reading 'id')",
    `Error: connect ECONNREFUSED ${privateIp(rng)}:${port(rng)}`,
    'RangeError: Maximum call stack size exceeded',
    'Error: socket hang up',
  ]);
  const frames = Array.from(
    { length: rng.int(3, 7) },
    () =>
      `    at ${rng.pick(['Object.handler', 'processTicksAndRejections', 'Router.handle', 'async Promise.all'])} (/app/${rng.pick(['dist/server.js', 'node_modules/express/lib/router/index.js', 'src/queue.ts'])}:${rng.int(1, 900)}:${rng.int(1, 80)})`,
  );
  return `${error}\n${frames.join('\n')}`;
}

export const stackTrace = (rng: Rng): string =>
  rng.pick([javaStackTrace, pythonTraceback, nodeStackTrace])(rng);

export function kubernetesYaml(rng: Rng): string {
  const name = service(rng);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${rng.int(1, 6)}
  template:
    spec:
      containers:
        - name: ${name}
          image: registry.acme.io/${name}:${semver(rng)}
          ports:
            - containerPort: ${port(rng)}
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${name}-db
                  key: password
          resources:
            limits:
              memory: ${rng.pick(['256Mi', '512Mi', '1Gi'])}`;
}

export function sqlSnippet(rng: Rng): string {
  return rng.pick([
    `SELECT id, status, created_at FROM orders WHERE tenant_id = $1 AND created_at > '${isoDate(rng)}' ORDER BY created_at DESC LIMIT ${rng.int(10, 500)};`,
    `UPDATE jobs SET state = 'failed', attempts = attempts + 1 WHERE id = '${uuid(rng)}';`,
    `CREATE INDEX CONCURRENTLY idx_${service(rng).replace('-', '_')}_created ON events (created_at);`,
    `EXPLAIN ANALYZE SELECT count(*) FROM sessions WHERE expires_at < now();`,
  ]);
}

/** Placeholder and documented example credentials: what every real config template contains. */
export function placeholderConfig(rng: Rng): string {
  return rng.pick([
    'password: <your-password>',
    'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'DATABASE_URL=postgres://USER:PASSWORD@localhost:5432/app_dev',
    'GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}',
    'api_key: "{{ .Values.apiKey }}"',
    'export OPENAI_API_KEY=<paste-your-key-here>',
    'DB_PASSWORD=${DB_PASSWORD:?must be set}',
    'token: REDACTED',
    'password: ********',
  ]);
}

export function shellSnippet(rng: Rng): string {
  return rng.pick([
    `git log --oneline ${shortSha(rng)}..HEAD -- src/${service(rng)}`,
    `kubectl -n ${service(rng)} rollout undo deployment/${service(rng)} --to-revision=${rng.int(2, 40)}`,
    `docker build -t registry.acme.io/${service(rng)}:${semver(rng)} --build-arg GIT_SHA=${gitSha(rng)} .`,
    `curl -s http://${privateIp(rng)}:${port(rng)}/metrics | grep http_requests_total`,
    `npm install --save-exact ${rng.pick(['pino', 'undici', 'zod', 'lodash'])}@${semver(rng)}`,
  ]);
}

export function typescriptSnippet(rng: Rng): string {
  const fn = rng.pick(['retryWithBackoff', 'parseInvoice', 'loadTenant', 'formatDuration']);
  return `export async function ${fn}(id: string): Promise<void> {
  const started = Date.now();
  const res = await fetch(\`\${BASE_URL}/v2/items/\${id}\`, { signal: AbortSignal.timeout(${rng.int(1, 30) * 1000}) });
  if (!res.ok) throw new Error(\`${fn} failed: \${res.status}\`);
  log.info({ id, ms: Date.now() - started, owner: '${rng.pick(FIRST_NAMES).toLowerCase()}' }, 'done');
}`;
}

export const codeBlock = (rng: Rng): string =>
  rng.pick([stackTrace, kubernetesYaml, sqlSnippet, placeholderConfig, shellSnippet, typescriptSnippet])(rng);
