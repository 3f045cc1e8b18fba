// A GET with headers fetch() will not send (Host) or would act on (Accept-Encoding: fetch decodes the body).
import { type IncomingHttpHeaders, request } from 'node:http';

/** What `rawGet` got: the status, the headers, and the body as sent (still compressed, if it was). */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly bytes: Buffer;
  /** The bytes as UTF-8 text. */
  readonly body: string;
}

/** `GET url` sent with these headers verbatim, and only these (no Accept-Encoding unless given). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes, body: bytes.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
