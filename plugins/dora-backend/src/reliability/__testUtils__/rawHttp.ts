/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import http from 'node:http';

export type RawResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
};

// Our own keep-alive agent: thousands of requests reuse a few sockets, and
// Jest's network guard (which replaces the global agent) is not involved.
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One request with exactly these bytes as body (invalid UTF-8 included). */
export function sendRaw(options: {
  port: number;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body =
      typeof options.body === 'string'
        ? Buffer.from(options.body, 'utf8')
        : options.body;
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method,
        path: options.path,
        agent,
        headers: {
          ...(body ? { 'Content-Length': String(body.length) } : {}),
          ...options.headers,
        },
      },
      res => {
        const parts: Buffer[] = [];
        res.on('data', part => parts.push(part));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(parts).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function closeRawAgent() {
  agent.destroy();
}
